// A superseded record's successor: read from its status or its
// `superseded-by` key, looked for beside it, and asked to link back.

#include "lifecycle.hpp"

#include "makeorbuy/adr/adr_check.hpp"
#include "makeorbuy/core/echo.hpp"
#include "makeorbuy/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <fcntl.h>
#include <filesystem>
#include <map>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace makeorbuy::adr {

namespace fs = std::filesystem;

namespace {

// A successor is read only this far to find its link back.
constexpr std::size_t k_max_successor_bytes = 1U << 20U;

constexpr std::string_view k_link_marks = "[]()<>\"'`*_,;:";

std::string strip_marks(std::string_view word) {
    while (!word.empty() && (k_link_marks.find(word.front()) != std::string_view::npos))
        word.remove_prefix(1);
    while (!word.empty() && (k_link_marks.find(word.back()) != std::string_view::npos || word.back() == '.'))
        word.remove_suffix(1);
    return std::string(word);
}

// "0005-x.md#top" -> "0005-x.md"; "./0005-x.md" -> "0005-x.md".
std::string link_path(std::string_view target) {
    target = target.substr(0, target.find_first_of("#?"));
    std::string path = trim(target);
    if (path.size() >= 2 && path.front() == '<' && path.back() == '>') path = path.substr(1, path.size() - 2);
    return path;
}

std::string base_name(std::string_view path) {
    const auto slash = path.find_last_of('/');
    return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::string stem(std::string_view name) {
    for (std::string_view ext : {".md", ".markdown", ".mdx"})
        if (name.size() > ext.size() && to_lower(name.substr(name.size() - ext.size())) == ext)
            return std::string(name.substr(0, name.size() - ext.size()));
    return std::string(name);
}

// Any case: a link may name "0005-X.MD".
bool is_markdown_name(std::string_view name) {
    return stem(name).size() != name.size();
}

// "0005-x.md", "../adr/x.md": a file; "ADR-0005", "20210113-x": a record's name or number.
bool is_path(std::string_view target) {
    return target.find('/') != std::string_view::npos || is_markdown_name(target);
}

// Every `](target)` of a line of Markdown.
std::vector<std::string> link_targets(std::string_view text) {
    std::vector<std::string> targets;
    for (std::size_t at = text.find("]("); at != std::string_view::npos; at = text.find("](", at + 2)) {
        const std::size_t end = text.find(')', at + 2);
        if (end == std::string_view::npos) break;
        targets.push_back(link_path(text.substr(at + 2, end - at - 2)));
    }
    return targets;
}

// The words of a line, without the marks around them.
std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    std::string word;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == ',' || c == ';' || c == '[' || c == ']' || c == '(' || c == ')') {
            if (!word.empty()) out.push_back(strip_marks(word));
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) out.push_back(strip_marks(word));
    return out;
}

std::string parent_folder(const std::string& path) {
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

bool regular_file(const std::string& path) {
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

// The first bytes of a regular file; nullopt when it cannot be read.
std::optional<std::string> read_head(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) return std::nullopt;
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        return std::nullopt;
    }
    std::string text(std::min<std::size_t>(static_cast<std::size_t>(std::max<off_t>(info.st_size, 0)),
                                           k_max_successor_bytes),
                     '\0');
    std::size_t size = 0;
    while (size < text.size()) {
        const ssize_t n = ::read(fd, text.data() + size, text.size() - size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        size += static_cast<std::size_t>(n);
    }
    ::close(fd);
    text.resize(size);
    return text;
}

// The record files of a folder (Markdown, regular), read once per folder.
class FolderIndex {
public:
    const std::vector<std::string>& names(const std::string& folder) {
        auto [it, fresh] = m_folders.try_emplace(folder);
        if (!fresh) return it->second;
        std::error_code error;
        for (fs::directory_iterator entry(folder, error), end; !error && entry != end;
             entry.increment(error)) {
            const std::string name = entry->path().filename().string();
            if (is_markdown_name(name) && entry->is_regular_file(error)) it->second.push_back(name);
        }
        std::sort(it->second.begin(), it->second.end());
        return it->second;
    }

private:
    std::map<std::string, std::vector<std::string>> m_folders;
};

// The successors read so far, each once however many records name it; past a
// bound in all, read again instead of kept.
class SuccessorTexts {
public:
    const std::optional<std::string>& get(const std::string& path) {
        if (auto it = m_texts.find(path); it != m_texts.end()) return it->second;
        m_last = read_head(path);
        if (m_kept > k_max_kept_bytes) return m_last;
        m_kept += m_last ? m_last->size() : 0;
        return m_texts.emplace(path, m_last).first->second;
    }

private:
    static constexpr std::size_t k_max_kept_bytes = 64U << 20U;
    std::map<std::string, std::optional<std::string>> m_texts;
    std::optional<std::string> m_last;
    std::size_t m_kept = 0;
};

enum class Resolved { found, missing, unverifiable };

// Where a successor named by `target` is: a path beside the record, or a
// record of its folder with that name or number.
Resolved resolve(const RecordResult& record, const std::string& target, FolderIndex& index,
                 std::string& successor) {
    const std::string path = link_path(target);
    if (path.empty()) return Resolved::missing;
    if (path.find("://") != std::string::npos || to_lower(path).rfind("mailto:", 0) == 0)
        return Resolved::unverifiable; // a web address: not ours to fetch
    const std::string folder = parent_folder(record.path);
    if (is_path(path)) {
        successor = path.front() == '/' ? path : folder + "/" + path;
        return regular_file(successor) ? Resolved::found : Resolved::missing;
    }
    const std::string self = base_name(record.path);
    const auto number = record_number(path);
    for (const auto& name : index.names(folder)) {
        if (name == self) continue;
        if (to_lower(stem(name)) == to_lower(path) || (number && record_number(name) == number)) {
            successor = folder;
            successor += '/';
            successor += name;
            return Resolved::found;
        }
    }
    successor = folder;
    return Resolved::missing;
}

} // namespace

bool is_superseded(std::string_view status) {
    const std::string lower = to_lower(status);
    return lower.find("superseded") != std::string::npos || lower.find("superceded") != std::string::npos;
}

std::optional<std::string> successor_in_status(std::string_view status) {
    const std::string lower = to_lower(status);
    std::size_t at = lower.find("superseded");
    if (at == std::string::npos) at = lower.find("superceded");
    if (at == std::string::npos) return std::nullopt;
    const std::string_view rest = std::string_view(status).substr(at + 10);
    const std::string after = trim(rest);
    if (to_lower(after).rfind("by", 0) != 0 || (after.size() > 2 && after[2] != ' ' && after[2] != ':'))
        return std::nullopt;
    const std::string named = trim(std::string_view(after).substr(2));
    if (const auto targets = link_targets(named); !targets.empty() && !targets.front().empty())
        return targets.front();
    const auto list = words(named);
    if (list.empty() || list.front().empty()) return std::nullopt;
    return list.front();
}

std::optional<std::string> find_title(std::string_view body, bool whole) {
    bool in_code = false;
    for (std::size_t pos = 0; pos < body.size();) {
        std::size_t end = body.find('\n', pos);
        const bool finished = end != std::string_view::npos;
        if (!finished) end = body.size();
        std::string_view line = body.substr(pos, end - pos);
        pos = end + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const std::string trimmed = trim(line);
        if (trimmed.rfind("```", 0) == 0 || trimmed.rfind("~~~", 0) == 0) {
            in_code = !in_code;
            continue;
        }
        if (in_code || line.rfind("# ", 0) != 0) continue;
        if (!finished && !whole) return std::nullopt;
        std::string title = trim(line.substr(2));
        while (!title.empty() && title.back() == '#') // a closing sequence: "# Title #"
            title = trim(std::string_view(title).substr(0, title.size() - 1));
        if (!title.empty()) return title;
    }
    return std::nullopt;
}

std::optional<long long> record_number(std::string_view name) {
    std::size_t at = 0;
    while (at < name.size() && std::isalpha(static_cast<unsigned char>(name[at])) != 0)
        ++at;
    if (at < name.size() && std::string_view("-_ #").find(name[at]) != std::string_view::npos) ++at;
    const std::size_t digits = at;
    long long number = 0;
    while (at < name.size() && std::isdigit(static_cast<unsigned char>(name[at])) != 0 && at - digits < 18)
        number = number * 10 + (name[at++] - '0');
    if (at == digits) return std::nullopt;
    if (at < name.size() && std::string_view("-_. ").find(name[at]) == std::string_view::npos)
        return std::nullopt;
    return number;
}

bool links_back(std::string_view successor, const std::string& record_path) {
    const std::string name = to_lower(base_name(record_path));
    const std::string name_stem = to_lower(stem(name));
    const auto number = record_number(name);
    auto names_record = [&](std::string_view text) {
        for (const auto& target : link_targets(text))
            if (to_lower(base_name(target)) == name) return true;
        for (const auto& word : words(text)) {
            const std::string lower = to_lower(word);
            if (lower.empty()) continue;
            if (lower == name || lower == name_stem || to_lower(base_name(lower)) == name) return true;
            if (number && record_number(lower) == number) return true;
        }
        return false;
    };
    bool in_list = false; // the items of a `supersedes:` key
    for (std::size_t pos = 0; pos < successor.size();) {
        std::size_t end = successor.find('\n', pos);
        if (end == std::string_view::npos) end = successor.size();
        const std::string_view line = successor.substr(pos, end - pos);
        pos = end + 1;
        const std::string trimmed = trim(line);
        if (in_list) {
            if (trimmed.rfind("- ", 0) == 0) {
                if (names_record(trimmed.substr(2))) return true;
                continue;
            }
            in_list = false;
        }
        const std::string lower = to_lower(line);
        std::size_t at = lower.find("supersedes");
        if (at == std::string::npos) at = lower.find("supercedes");
        if (at == std::string::npos) continue;
        const std::string_view rest = line.substr(at + 10);
        if (names_record(rest)) return true;
        const std::string after = trim(rest);
        in_list = after == ":" || after.empty();
    }
    return false;
}

void check_successors(std::vector<RecordResult>& records) {
    FolderIndex index;
    SuccessorTexts texts;
    for (auto& record : records) {
        if (record.successors.empty()) continue;
        for (const auto& link : record.successors) {
            auto add = [&](FindingKind kind, Severity severity, std::string message) {
                if (record.findings.size() >= k_max_findings_per_record) {
                    ++(severity == Severity::error ? record.omitted_errors : record.omitted_warnings);
                    return;
                }
                record.findings.push_back(Finding{kind, severity, link.where, std::move(message)});
            };
            std::string successor;
            switch (resolve(record, link.target, index, successor)) {
            case Resolved::unverifiable:
                continue;
            case Resolved::missing:
                add(FindingKind::successor_missing, Severity::error,
                    fmt::format(
                        "the record is superseded by '{}', but {}; correct the link or restore the "
                        "successor",
                        shown(link.target),
                        is_path(link_path(link.target))
                            ? fmt::format("there is no file {}", shown(successor))
                            : fmt::format("{} holds no record named or numbered like it", shown(successor))));
                continue;
            case Resolved::found:
                break;
            }
            const auto& text = texts.get(successor);
            if (!text) {
                add(FindingKind::successor_missing, Severity::error,
                    fmt::format("the record is superseded by '{}', but {} cannot be read", shown(link.target),
                                shown(successor)));
                continue;
            }
            if (!links_back(*text, record.path))
                add(FindingKind::successor_no_backlink, Severity::warning,
                    fmt::format("the record is superseded by {}, which does not link back to it; add "
                                "`supersedes: {}` to its front matter (or a line \"Supersedes [{}]({})\")",
                                shown(successor), shown(base_name(record.path)),
                                shown(stem(base_name(record.path))), shown(base_name(record.path))));
        }
        std::stable_sort(record.findings.begin(), record.findings.end(),
                         [](const Finding& a, const Finding& b) { return a.where.line < b.where.line; });
    }
}

} // namespace makeorbuy::adr
