#include "makeorbuy/core/source_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sys/stat.h>

namespace makeorbuy {

SourceText::SourceText(std::string name, std::string text)
    : m_name(std::move(name))
    , m_text(std::move(text)) {
    m_line_starts.push_back(0);
    for (std::size_t i = 0; i < m_text.size(); ++i)
        if (m_text[i] == '\n') m_line_starts.push_back(i + 1);
}

Location SourceText::location(std::size_t offset) const {
    offset = std::min(offset, m_text.size());
    auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
    const auto line = static_cast<std::size_t>(it - m_line_starts.begin());
    std::size_t start = m_line_starts[line - 1];
    // A byte-order mark is invisible in an editor, so it takes no column.
    if (start == 0 && offset >= 3 && m_text.rfind("\xEF\xBB\xBF", 0) == 0) start = 3;
    int column = 1;
    for (std::size_t i = start; i < offset; ++i) {
        // Count UTF-8 characters, not bytes: skip continuation bytes.
        if ((static_cast<unsigned char>(m_text[i]) & 0xC0U) != 0x80U) ++column;
    }
    return {m_name, static_cast<int>(line), column};
}

SourceText read_source(const std::string& path, std::size_t max_bytes) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0)
        throw Error(Location{path}, fmt::format("cannot read the file: {}", std::strerror(errno)));
    if (S_ISDIR(info.st_mode)) throw Error(Location{path}, "is a folder, not a file");
    if (S_ISREG(info.st_mode) && static_cast<std::size_t>(info.st_size) > max_bytes)
        throw Error(Location{path}, fmt::format("the file is {} bytes; files over {} bytes are refused",
                                                info.st_size, max_bytes));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(Location{path}, fmt::format("cannot open the file: {}", std::strerror(errno)));
    std::string text;
    char buffer[65536];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (text.size() > max_bytes)
            throw Error(Location{path}, fmt::format("the file is over {} bytes; refused", max_bytes));
    }
    if (in.bad()) throw Error(Location{path}, "read error");
    return {path, std::move(text)};
}

} // namespace makeorbuy
