#include "makeorbuy/core/source_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace makeorbuy {

namespace {

bool is_lead(char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
}

} // namespace

SourceText::SourceText(const std::string& name, std::string text)
    : m_name(name) // a FileName, made from a const reference
    , m_text(std::move(text)) {
    m_line_starts.push_back(0);
    m_block_characters.reserve(m_text.size() / k_block + 1);
    std::uint32_t characters = 0;
    for (std::size_t i = 0; i < m_text.size(); ++i) {
        if (i % k_block == 0) m_block_characters.push_back(characters);
        if (m_text[i] == '\n') m_line_starts.push_back(i + 1);
        if (is_lead(m_text[i])) ++characters;
    }
}

std::size_t SourceText::characters_before(std::size_t offset) const {
    if (offset == 0) return 0;
    const std::size_t block = offset / k_block;
    std::size_t characters = block < m_block_characters.size() ? m_block_characters[block] : 0;
    for (std::size_t i = block * k_block; i < offset; ++i)
        if (is_lead(m_text[i])) ++characters;
    return characters;
}

Location SourceText::location(std::size_t offset) const {
    offset = std::min(offset, m_text.size());
    auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
    const auto line = static_cast<std::size_t>(it - m_line_starts.begin());
    std::size_t start = m_line_starts[line - 1];
    // A byte-order mark is invisible in an editor, so it takes no column.
    if (start == 0 && offset >= 3 && m_text.rfind("\xEF\xBB\xBF", 0) == 0) start = 3;
    const std::size_t column = characters_before(offset) - characters_before(start) + 1;
    return {m_name, static_cast<int>(std::min<std::size_t>(line, INT32_MAX)),
            static_cast<int>(std::min<std::size_t>(column, INT32_MAX))};
}

namespace {

const char* kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISFIFO(mode)) return "a FIFO or pipe";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

// Reads `fd` to its end, refusing more than `max_bytes`.
std::string read_bounded(int fd, const std::string& path, std::size_t max_bytes, std::size_t expected) {
    std::string text;
    text.reserve(std::min(expected, max_bytes) + 1);
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw Error(Location{path}, fmt::format("cannot read the file: {}", std::strerror(errno)));
        }
        if (n == 0) break;
        text.append(buffer, static_cast<std::size_t>(n));
        if (text.size() > max_bytes)
            throw Error(Location{path}, fmt::format("the file is over {} bytes; refused", max_bytes));
    }
    return text;
}

class Descriptor {
public:
    explicit Descriptor(int fd)
        : m_fd(fd) {}
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    ~Descriptor() {
        if (m_fd >= 0) ::close(m_fd);
    }
    [[nodiscard]] int get() const { return m_fd; }

private:
    int m_fd;
};

} // namespace

SourceText read_source(const std::string& path, std::size_t max_bytes) {
    if (path == "-") {
        if (::isatty(STDIN_FILENO) == 1)
            throw Error(Location{"-"},
                        "stdin is a terminal; pipe the file in (makeorbuy ... < FILE) or name it");
        return {"<stdin>", read_bounded(STDIN_FILENO, "<stdin>", max_bytes, 0)};
    }
    if (path.empty()) throw Error(Location{"\"\""}, "an empty file name; name a file");
    // O_NONBLOCK: opening a FIFO must not wait for a writer. Only a regular
    // file is read: a FIFO or a device could block or never end.
    const Descriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
    if (fd.get() < 0) {
        if (errno == EISDIR) throw Error(Location{path}, "is a folder, not a file");
        throw Error(Location{path}, fmt::format("cannot read the file: {}", std::strerror(errno)));
    }
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0)
        throw Error(Location{path}, fmt::format("cannot read the file: {}", std::strerror(errno)));
    if (S_ISDIR(info.st_mode)) throw Error(Location{path}, "is a folder, not a file");
    if (!S_ISREG(info.st_mode))
        throw Error(Location{path},
                    fmt::format("is {}, not a regular file; makeorbuy reads only regular files "
                                "(save it to a file first)",
                                kind_of(info.st_mode)));
    if (static_cast<std::size_t>(info.st_size) > max_bytes)
        throw Error(Location{path}, fmt::format("the file is {} bytes; files over {} bytes are refused",
                                                info.st_size, max_bytes));
    const int flags = ::fcntl(fd.get(), F_GETFL);
    if (flags >= 0) (void)::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK);
    return {path, read_bounded(fd.get(), path, max_bytes, static_cast<std::size_t>(info.st_size))};
}

} // namespace makeorbuy
