#include "front_matter.hpp"

#include "makeorbuy/text.hpp"

namespace makeorbuy::adr {

namespace {

// The line starting at `pos` without its line break (LF or CRLF), and where the next one starts.
std::string_view line_at(std::string_view text, std::size_t pos, std::size_t& next) {
    std::size_t end = text.find('\n', pos);
    next = end == std::string_view::npos ? text.size() : end + 1;
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

bool is_fence(std::string_view line) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t'))
        line.remove_suffix(1);
    return line == "---";
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && to_lower(text.substr(0, prefix.size())) == prefix;
}

} // namespace

std::string_view strip_bom(std::string_view text) {
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    return text;
}

bool opens_front_matter(std::string_view text) {
    text = strip_bom(text);
    std::size_t next = 0;
    return is_fence(line_at(text, 0, next));
}

std::optional<FrontMatter> find_front_matter(std::string_view text) {
    std::size_t pos = 0;
    if (!is_fence(line_at(text, 0, pos))) return std::nullopt;
    FrontMatter fm;
    const std::size_t start = pos;
    while (pos < text.size()) {
        std::size_t next = 0;
        const std::string_view line = line_at(text, pos, next);
        // Jekyll closes with `...` as well as `---`.
        if (is_fence(line) || line == "...") {
            fm.yaml = text.substr(start, pos - start);
            fm.closed = true;
            fm.body = next;
            return fm;
        }
        pos = next;
    }
    fm.yaml = text.substr(start);
    fm.body = text.size();
    return fm;
}

bool mentions_makeorbuy(std::string_view yaml) {
    constexpr std::string_view key = "makeorbuy";
    std::size_t pos = 0;
    while ((pos = yaml.find(key, pos)) != std::string_view::npos) {
        const bool line_start =
            pos == 0 || yaml[pos - 1] == '\n' ||
            ((yaml[pos - 1] == '"' || yaml[pos - 1] == '\'') && (pos == 1 || yaml[pos - 2] == '\n'));
        std::size_t after = pos + key.size();
        if (after < yaml.size() && (yaml[after] == '"' || yaml[after] == '\'')) ++after;
        while (after < yaml.size() && yaml[after] == ' ')
            ++after;
        if (line_start && after < yaml.size() && yaml[after] == ':') return true;
        pos += key.size();
    }
    return false;
}

std::optional<BodyStatus> find_body_status(std::string_view text) {
    std::size_t pos = 0;
    int line_number = 0;
    bool in_status_section = false;
    while (pos < text.size()) {
        std::size_t next = 0;
        const std::string_view line = line_at(text, pos, next);
        ++line_number;
        pos = next;
        std::size_t indent = 0;
        while (indent < line.size() && line[indent] == ' ')
            ++indent;
        std::string_view rest = line.substr(indent);
        if (in_status_section) {
            if (rest.empty()) continue;
            if (rest.front() == '#') return std::nullopt;
            return BodyStatus{trim(rest), line_number, static_cast<int>(indent) + 1};
        }
        if (starts_with_ci(rest, "## status") && trim(rest.substr(9)).empty()) {
            in_status_section = true;
            continue;
        }
        // `* Status: accepted`, `- Status: accepted`, `Status: accepted`
        std::size_t skip = 0;
        if (!rest.empty() && (rest.front() == '*' || rest.front() == '-')) {
            skip = 1;
            while (skip < rest.size() && rest[skip] == ' ')
                ++skip;
        }
        const std::string_view item = rest.substr(skip);
        if (starts_with_ci(item, "status:")) {
            std::string value = trim(item.substr(7));
            // MADR 2 writes `* Status: [proposed | accepted]` in its template.
            if (!value.empty() && value.front() == '[' && value.back() == ']')
                value = value.substr(1, value.size() - 2);
            std::size_t column = indent + skip + 7;
            while (column < line.size() && line[column] == ' ')
                ++column;
            return BodyStatus{trim(value), line_number, static_cast<int>(column) + 1};
        }
    }
    return std::nullopt;
}

StatusKind classify_status(std::string_view status) {
    const std::string lower = to_lower(trim(status));
    for (std::string_view retired : {"superseded", "superceded", "deprecated", "rejected"})
        if (lower.rfind(retired, 0) == 0) return StatusKind::retired;
    if (lower.rfind("proposed", 0) == 0 || lower.rfind("draft", 0) == 0) return StatusKind::proposed;
    // "accepted" as a word of its own: "accepted", "Accepted 2026-01-05",
    // "accepted (by the board)"; not "acceptedx" nor "accepted" with a
    // combining mark after it.
    constexpr std::string_view accepted = "accepted";
    if (lower.rfind(accepted, 0) == 0) {
        const std::string_view rest = std::string_view(lower).substr(accepted.size());
        if (rest.empty() || rest.front() == ' ' || rest.front() == '\t' || rest.front() == '(' ||
            rest.front() == ',' || rest.front() == ';' || rest.front() == ':' || rest.front() == '-')
            return StatusKind::accepted;
    }
    return StatusKind::other;
}

} // namespace makeorbuy::adr
