// The flags-file reader: the part of TOML that `key = value` answer files
// use, with every problem located. (CLI11's own reader ignores unknown keys
// and truncates quoted values at '#', so it is not used for answers.)

#include "makeorbuy/input/answer_files.hpp"

#include "makeorbuy/core/echo.hpp"
#include "makeorbuy/core/text.hpp"

#include <fmt/format.h>

#include <map>

namespace makeorbuy {

namespace {

bool is_bare_key_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

void append_utf8(std::string& out, unsigned long cp) {
    if (cp < 0x80)
        out += static_cast<char>(cp);
    else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

class FlagsParser {
public:
    FlagsParser(const SourceText& source, Diagnostics& diagnostics)
        : m_source(source)
        , m_text(source.text())
        , m_diagnostics(diagnostics) {}

    std::vector<RawAnswer> parse() {
        if (m_text.rfind("\xEF\xBB\xBF", 0) == 0) m_pos = 3; // byte-order mark
        while (m_pos < m_text.size()) {
            skip_blank();
            if (m_pos >= m_text.size()) break;
            const char c = m_text[m_pos];
            if (c == '\n' || c == '\r') {
                ++m_pos;
                continue;
            }
            if (c == '#') {
                skip_to_line_end();
                continue;
            }
            if (!(c == '[' ? section() : key_value())) skip_to_line_end();
        }
        return std::move(m_answers);
    }

private:
    void error(std::size_t at, const std::string& message) {
        m_diagnostics.error(m_source.location(at), message);
    }

    void skip_blank() {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t'))
            ++m_pos;
    }
    void skip_to_line_end() {
        while (m_pos < m_text.size() && m_text[m_pos] != '\n')
            ++m_pos;
    }
    // Whitespace, newlines and comments, inside an array.
    void skip_space_and_comments() {
        for (;;) {
            while (m_pos < m_text.size() &&
                   std::string_view(" \t\r\n").find(m_text[m_pos]) != std::string_view::npos)
                ++m_pos;
            if (m_pos < m_text.size() && m_text[m_pos] == '#')
                skip_to_line_end();
            else
                return;
        }
    }

    // After a value: only blanks and a comment may follow on the line.
    bool end_of_line() {
        skip_blank();
        if (m_pos >= m_text.size() || m_text[m_pos] == '\n' || m_text[m_pos] == '#') return true;
        if (m_text[m_pos] == '\r' && (m_pos + 1 >= m_text.size() || m_text[m_pos + 1] == '\n')) return true;
        error(m_pos, "unexpected text after the value; put one `key = value` on each line");
        return false;
    }

    bool section() {
        const std::size_t at = m_pos;
        const std::size_t close = m_text.find(']', m_pos);
        const std::size_t eol = m_text.find('\n', m_pos);
        if (close == std::string::npos || close > eol) {
            error(at, "a section header needs a closing ']'");
            return false;
        }
        const std::string name =
            to_lower(trim(std::string_view(m_text).substr(m_pos + 1, close - m_pos - 1)));
        m_pos = close + 1;
        if (name != "default" && name != "makeorbuy")
            error(at,
                  fmt::format("unknown section [{}]; answers go at the top of the file (or under [default])",
                              shown(name)));
        return end_of_line();
    }

    bool key_value() {
        const std::size_t key_at = m_pos;
        std::string key;
        if (m_text[m_pos] == '"' || m_text[m_pos] == '\'') {
            auto quoted = string_value();
            if (!quoted) return false;
            key = *quoted;
        } else {
            while (m_pos < m_text.size() && is_bare_key_char(m_text[m_pos]))
                key += m_text[m_pos++];
            if (key.empty()) {
                error(key_at, fmt::format("expected `key = value`, found '{}'",
                                          shown(std::string_view(m_text).substr(m_pos, 1))));
                return false;
            }
        }
        skip_blank();
        if (m_pos >= m_text.size() || m_text[m_pos] != '=') {
            error(m_pos, fmt::format("expected '=' after '{}'", shown(key)));
            return false;
        }
        ++m_pos;
        skip_blank();
        RawAnswer answer;
        answer.key = key;
        answer.origin = Origin::file;
        answer.where = m_source.location(m_pos);
        if (m_pos >= m_text.size() || m_text[m_pos] == '\n' || m_text[m_pos] == '\r' ||
            m_text[m_pos] == '#') {
            error(m_pos, fmt::format("'{}' has no value", shown(key)));
            return false;
        }
        if (m_text[m_pos] == '[') {
            if (!array(answer.values)) return false;
            answer.is_list = true;
        } else {
            auto value = scalar();
            if (!value) return false;
            answer.values.push_back(*value);
        }
        if (!end_of_line()) return false;
        auto [it, inserted] = m_seen.emplace(to_lower(key), answer.where.line);
        if (!inserted) {
            error(key_at,
                  fmt::format("'{}' is set twice in this file (first on line {})", shown(key), it->second));
            return false;
        }
        m_answers.push_back(std::move(answer));
        return true;
    }

    bool array(std::vector<std::string>& out) {
        const std::size_t open = m_pos++;
        for (;;) {
            skip_space_and_comments();
            if (m_pos >= m_text.size()) {
                error(open, "this list has no closing ']'");
                return false;
            }
            if (m_text[m_pos] == ']') {
                ++m_pos;
                return true;
            }
            if (m_text[m_pos] == '[') {
                error(m_pos, "lists inside lists are not answers");
                return false;
            }
            auto value = scalar();
            if (!value) return false;
            out.push_back(*value);
            skip_space_and_comments();
            if (m_pos < m_text.size() && m_text[m_pos] == ',')
                ++m_pos;
            else if (m_pos < m_text.size() && m_text[m_pos] != ']') {
                error(m_pos, "expected ',' or ']' in the list");
                return false;
            }
        }
    }

    std::optional<std::string> scalar() {
        if (m_text[m_pos] == '"' || m_text[m_pos] == '\'') return string_value();
        // A bare word or number runs to the end of the value.
        const std::size_t start = m_pos;
        while (m_pos < m_text.size() &&
               std::string_view(",]#\r\n").find(m_text[m_pos]) == std::string_view::npos)
            ++m_pos;
        std::string word = trim(std::string_view(m_text).substr(start, m_pos - start));
        if (word.empty()) {
            error(start, "expected a value");
            return std::nullopt;
        }
        return word;
    }

    std::optional<std::string> string_value() {
        const char quote = m_text[m_pos];
        const std::size_t open = m_pos++;
        if (m_text.compare(m_pos, 2, std::string(2, quote)) == 0) {
            error(open, "multi-line strings are not used in a flags file");
            return std::nullopt;
        }
        std::string out;
        while (m_pos < m_text.size() && m_text[m_pos] != quote) {
            const char c = m_text[m_pos];
            if (c == '\n') break;
            if (c == '\\' && quote == '"') {
                if (m_pos + 1 >= m_text.size()) break;
                const char e = m_text[m_pos + 1];
                m_pos += 2;
                switch (e) {
                case 'n':
                    out += '\n';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case '\\':
                    out += '\\';
                    break;
                case '"':
                    out += '"';
                    break;
                case 'u':
                case 'U': {
                    const std::size_t digits = e == 'u' ? 4 : 8;
                    const std::string hex = m_text.substr(m_pos, digits);
                    if (hex.size() != digits ||
                        hex.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) {
                        error(m_pos - 2, "a \\u escape needs hex digits");
                        return std::nullopt;
                    }
                    const unsigned long cp = std::stoul(hex, nullptr, 16);
                    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                        error(m_pos - 2, "not a valid Unicode character");
                        return std::nullopt;
                    }
                    append_utf8(out, cp);
                    m_pos += digits;
                    break;
                }
                default:
                    error(m_pos - 2, fmt::format("unknown escape '\\{}'", shown(std::string_view(&e, 1))));
                    return std::nullopt;
                }
                continue;
            }
            out += c;
            ++m_pos;
        }
        if (m_pos >= m_text.size() || m_text[m_pos] != quote) {
            error(open, "this string has no closing quote");
            return std::nullopt;
        }
        ++m_pos;
        return out;
    }

    const SourceText& m_source;
    const std::string& m_text;
    Diagnostics& m_diagnostics;
    std::size_t m_pos = 0;
    std::vector<RawAnswer> m_answers;
    std::map<std::string, int> m_seen;
};

std::string toml_string(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

} // namespace

std::vector<RawAnswer> parse_flags_file(const SourceText& source, Diagnostics& diagnostics) {
    return FlagsParser(source, diagnostics).parse();
}

std::string write_flags_file(const Answers& answers, const RuleSet& rules) {
    std::string out = fmt::format(
        "# makeorbuy answers (rules {}).\n# Replay with: makeorbuy recommend --config FILE\n", rules.label());
    for (const auto& q : rules.questions) {
        const Value* value = answers.value(q.key);
        if (value == nullptr) continue;
        std::string text;
        if (const auto* number = std::get_if<double>(value))
            text = format_number(*number, 6);
        else if (const auto* choice = std::get_if<std::string>(value))
            text = toml_string(*choice);
        else {
            std::vector<std::string> items;
            for (const auto& item : std::get<std::vector<std::string>>(*value))
                items.push_back(toml_string(item));
            text = "[" + join(items, ", ") + "]";
        }
        out += fmt::format("{} = {}\n", q.key, text);
    }
    return out;
}

} // namespace makeorbuy
