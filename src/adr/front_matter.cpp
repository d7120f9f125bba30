#include "front_matter.hpp"

#include "makeorbuy/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <vector>

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

namespace {

// "**Accepted**", "_accepted_", "`accepted`", "[accepted]" -> "accepted".
std::string plain_status(std::string_view text) {
    std::string value = trim(text);
    for (bool changed = true; changed && value.size() >= 2;) {
        changed = false;
        for (std::string_view pair : {"**", "__", "*", "_", "`"}) {
            if (value.size() >= 2 * pair.size() && value.rfind(pair, 0) == 0 &&
                value.compare(value.size() - pair.size(), pair.size(), pair) == 0) {
                value = trim(value.substr(pair.size(), value.size() - 2 * pair.size()));
                changed = true;
            }
        }
        // MADR 2 writes `* Status: [proposed | accepted]` in its template.
        if (value.size() >= 2 && value.front() == '[' && value.back() == ']') {
            value = trim(value.substr(1, value.size() - 2));
            changed = true;
        }
    }
    return value;
}

// The cells of a Markdown table row `| a | b |`; empty when `line` is none.
std::vector<std::string_view> table_cells(std::string_view line) {
    std::vector<std::string_view> cells;
    if (line.empty() || line.front() != '|') return cells;
    line.remove_prefix(1);
    while (!line.empty()) {
        const auto bar = line.find('|');
        cells.push_back(line.substr(0, bar));
        if (bar == std::string_view::npos) break;
        line.remove_prefix(bar + 1);
    }
    if (!cells.empty() && trim(cells.back()).empty()) cells.pop_back();
    return cells;
}

// `|---|:--:|`: the row under a table's header.
bool is_delimiter_row(const std::vector<std::string_view>& cells) {
    return !cells.empty() && std::all_of(cells.begin(), cells.end(), [](std::string_view cell) {
        const std::string c = trim(cell);
        return !c.empty() && c.find('-') != std::string::npos &&
               c.find_first_not_of("-: ") == std::string::npos;
    });
}

// "## Status", "### Status:", "Status" heading levels 1 to 6; `after` is the
// text after the word (a colon and a value, or nothing).
bool status_heading(std::string_view rest, std::string_view& after) {
    std::size_t hashes = 0;
    while (hashes < rest.size() && rest[hashes] == '#')
        ++hashes;
    if (hashes == 0 || hashes > 6 || hashes >= rest.size() || rest[hashes] != ' ') return false;
    const std::string_view title = std::string_view(rest).substr(hashes + 1);
    const std::size_t start = title.find_first_not_of(' ');
    if (start == std::string_view::npos || !starts_with_ci(title.substr(start), "status")) return false;
    after = title.substr(start + 6);
    return after.empty() || after.front() == ':' || after.front() == ' ';
}

} // namespace

std::optional<BodyStatus> find_body_status(std::string_view text) {
    std::size_t pos = 0;
    int line_number = 0;
    bool in_status_section = false;
    int status_column = -1; // a table whose header row has a Status column
    auto found = [&](std::string_view line, std::string_view value) {
        const auto offset = static_cast<int>(value.data() - line.data());
        std::size_t lead = 0;
        while (lead < value.size() && value[lead] == ' ')
            ++lead;
        return BodyStatus{plain_status(value), line_number, offset + static_cast<int>(lead) + 1};
    };
    while (pos < text.size()) {
        std::size_t next = 0;
        const std::string_view line = line_at(text, pos, next);
        ++line_number;
        pos = next;
        std::size_t indent = 0;
        while (indent < line.size() && line[indent] == ' ')
            ++indent;
        const std::string_view rest = line.substr(indent);
        if (in_status_section) {
            if (rest.empty()) continue;
            if (rest.front() == '#') return std::nullopt;
            return found(line, rest);
        }
        // A status table: a `| Status | Accepted |` row, or a Status column.
        const auto cells = table_cells(rest);
        if (!cells.empty()) {
            if (status_column >= 0 && static_cast<std::size_t>(status_column) < cells.size() &&
                trim(cells[static_cast<std::size_t>(status_column)]).find_first_not_of("-: ") !=
                    std::string::npos)
                return found(line, cells[static_cast<std::size_t>(status_column)]);
            for (std::size_t c = 0; c < cells.size(); ++c) {
                const std::string name = to_lower(plain_status(cells[c]));
                if (name != "status" && name != "status:") continue;
                // `| Status | Date |` over a `|---|---|` row is a header; else `| Status | Accepted |`.
                std::size_t after_next = 0;
                const bool header = is_delimiter_row(table_cells(trim_view(line_at(text, pos, after_next))));
                if (!header && c + 1 < cells.size() && !trim(cells[c + 1]).empty())
                    return found(line, cells[c + 1]);
                status_column = static_cast<int>(c);
            }
            continue;
        }
        status_column = -1;
        std::string_view after;
        if (status_heading(rest, after)) {
            if (after.empty() || trim(after.substr(1)).empty()) {
                in_status_section = true;
                continue;
            }
            if (after.front() == ':') return found(line, after.substr(1));
        }
        // `* Status: accepted`, `- Status: accepted`, `Status: accepted`,
        // `**Status:** accepted`, `**Status**: accepted`, `* **Status**: accepted`
        std::size_t skip = 0;
        if (rest.size() > 1 && (rest.front() == '*' || rest.front() == '-') && rest[1] == ' ') {
            skip = 1;
            while (skip < rest.size() && rest[skip] == ' ')
                ++skip;
        }
        std::string_view item = rest.substr(skip);
        const std::size_t bold = item.rfind("**", 0) == 0 || item.rfind("__", 0) == 0 ? 2 : 0;
        item.remove_prefix(bold);
        if (!starts_with_ci(item, "status")) continue;
        item.remove_prefix(6);
        if (bold > 0 && (item.rfind("**", 0) == 0 || item.rfind("__", 0) == 0)) item.remove_prefix(2);
        if (item.empty() || item.front() != ':') continue;
        item.remove_prefix(1);
        if (bold > 0 && (item.rfind("**", 0) == 0 || item.rfind("__", 0) == 0)) item.remove_prefix(2);
        if (trim(item).empty()) continue;
        return found(line, item);
    }
    return std::nullopt;
}

StatusKind classify_status(std::string_view status) {
    // "Superseded by ADR-0005", "~~Accepted~~ Superseded", "Accepted, then deprecated": any retired word.
    std::string words = to_lower(plain_status(status));
    for (char& c : words)
        if (std::isalpha(static_cast<unsigned char>(c)) == 0) c = ' ';
    const std::string padded = " " + words + " ";
    for (std::string_view retired :
         {"superseded", "superceded", "deprecated", "rejected", "retired", "obsolete"})
        if (padded.find(fmt::format(" {} ", retired)) != std::string::npos) return StatusKind::retired;
    const std::string lower = to_lower(trim(plain_status(status)));
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

namespace {

// `makeorbuy:` (or quoted) at the start of a line.
bool is_block_key(std::string_view line) {
    std::size_t pos = 0;
    if (!line.empty() && (line.front() == '"' || line.front() == '\'')) pos = 1;
    if (line.substr(pos, 9) != "makeorbuy") return false;
    pos += 9;
    if (pos < line.size() && (line[pos] == '"' || line[pos] == '\'')) ++pos;
    while (pos < line.size() && line[pos] == ' ')
        ++pos;
    return pos < line.size() && line[pos] == ':';
}

// A Markdown code fence: ``` or ~~~ after at most three spaces.
bool is_code_fence(std::string_view line) {
    std::size_t indent = 0;
    while (indent < line.size() && indent < 4 && line[indent] == ' ')
        ++indent;
    line.remove_prefix(indent);
    return indent < 4 && (line.substr(0, 3) == "```" || line.substr(0, 3) == "~~~");
}

std::optional<StrayBlock> find_stray_utf16(std::string_view text) {
    std::string narrow;
    narrow.reserve(text.size() / 2);
    for (char c : text)
        if (c != '\0') narrow += c;
    std::size_t pos = 0;
    int line = 1;
    for (std::size_t start = 0; start < narrow.size(); start = pos) {
        pos = narrow.find('\n', start);
        pos = pos == std::string::npos ? narrow.size() : pos + 1;
        std::string_view l = std::string_view(narrow).substr(start, pos - start);
        if (!l.empty() &&
            (static_cast<unsigned char>(l.front()) == 0xFF || static_cast<unsigned char>(l.front()) == 0xFE))
            l.remove_prefix(std::min<std::size_t>(2, l.size()));
        if (is_block_key(l) || (line <= 2 && l.find("makeorbuy") != std::string_view::npos))
            return StrayBlock{line, "the file is UTF-16 (or holds NUL bytes) and records are read as UTF-8; "
                                    "convert it, e.g. iconv -f UTF-16 -t UTF-8"};
        ++line;
    }
    return std::nullopt;
}

} // namespace

namespace {

// Whether the text holds "makeorbuy" anywhere. The check reads every file
// whole and most are not records, so this runs over every byte: memchr jumps
// from one 'k' to the next, a letter far rarer in English prose than the 'm'
// at which string_view::find would stop.
bool holds_word_makeorbuy(std::string_view text) {
    constexpr std::string_view k_word = "makeorbuy";
    constexpr std::size_t k_at = 2; // the 'k'
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    if (text.size() < k_word.size()) return false;
    for (const char* from = begin + k_at; from < end;) {
        const auto* k =
            static_cast<const char*>(std::memchr(from, 'k', static_cast<std::size_t>(end - from)));
        if (k == nullptr) return false;
        const char* start = k - k_at;
        if (static_cast<std::size_t>(end - start) >= k_word.size() &&
            std::memcmp(start, k_word.data(), k_word.size()) == 0)
            return true;
        from = k + 1;
    }
    return false;
}

} // namespace

std::optional<StrayBlock> find_stray_block(std::string_view text) {
    const auto first_nul = text.substr(0, 4096).find('\0');
    if (first_nul != std::string_view::npos) return find_stray_utf16(text);
    if (!holds_word_makeorbuy(text)) return std::nullopt;
    bool in_code = false;
    bool in_comment = false;
    bool only_preamble = true; // blank lines and comments so far
    int late_fence = 0;        // a front matter fence that opened below line 1
    int line_number = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t next = 0;
        const std::string_view line = line_at(text, pos, next);
        pos = next;
        ++line_number;
        if (in_comment) {
            if (line.find("-->") != std::string_view::npos) in_comment = false;
            continue;
        }
        if (is_code_fence(line)) {
            in_code = !in_code;
            only_preamble = false;
            continue;
        }
        if (in_code) continue;
        const std::string trimmed = trim(line);
        if (trimmed.rfind("<!--", 0) == 0) {
            in_comment = trimmed.find("-->") == std::string::npos;
            continue;
        }
        if (is_fence(line)) {
            if (only_preamble && late_fence == 0 && line_number > 1) late_fence = line_number;
            only_preamble = false;
            continue;
        }
        if (is_block_key(line)) {
            if (late_fence > 0)
                return StrayBlock{
                    line_number,
                    fmt::format("its front matter opens on line {}, after blank lines or comments, "
                                "and front matter must open on the first line: move the --- to "
                                "line 1",
                                late_fence)};
            return StrayBlock{line_number,
                              "the block is not in front matter (a --- fence on the file's first "
                              "line, another closing it); put it there"};
        }
        if (!trimmed.empty() && trimmed.front() != '#') only_preamble = false;
    }
    return std::nullopt;
}

} // namespace makeorbuy::adr
