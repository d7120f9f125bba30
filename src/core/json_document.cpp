#include "makeorbuy/core/json_document.hpp"

#include "makeorbuy/core/echo.hpp"

#include <fmt/format.h>

#include <cctype>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace makeorbuy {

std::string pointer_append(const std::string& pointer, const std::string& token) {
    std::string out = pointer;
    out += '/';
    for (char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string pointer_append(const std::string& pointer, std::size_t index) {
    return pointer + "/" + std::to_string(index);
}

namespace {

// Walks JSON text that nlohmann has already accepted and records where each
// value (and each member's key) starts, by JSON pointer. Iterative, so
// nesting depth costs no stack.
class PlaceScanner {
public:
    explicit PlaceScanner(const std::string& text)
        : m_text(text) {}

    template <typename Record> void run(Record&& record) {
        struct Frame {
            bool object;
            std::string pointer;
            std::size_t index = 0;
        };
        std::vector<Frame> stack;
        std::string current; // pointer of the value about to start
        std::size_t key_at = 0;
        skip_space();
        while (m_pos < m_text.size()) {
            // A value starts here.
            const std::size_t value_at = m_pos;
            record(current, key_at, value_at);
            const char c = m_text[m_pos];
            if (c == '{' || c == '[') {
                ++m_pos;
                stack.push_back({c == '{', current, 0});
                skip_space();
                if (m_pos < m_text.size() && (m_text[m_pos] == '}' || m_text[m_pos] == ']')) {
                    ++m_pos;
                    stack.pop_back();
                    if (!after_value(stack, current, key_at)) return;
                    continue;
                }
                if (!begin_member(stack, current, key_at)) return;
                continue;
            }
            if (c == '"')
                skip_string();
            else
                while (m_pos < m_text.size() &&
                       std::string_view(",]} \t\r\n").find(m_text[m_pos]) == std::string_view::npos)
                    ++m_pos;
            if (!after_value(stack, current, key_at)) return;
        }
    }

private:
    template <typename Frames> bool begin_member(Frames& stack, std::string& current, std::size_t& key_at) {
        auto& top = stack.back();
        skip_space();
        if (top.object) {
            key_at = m_pos;
            const std::size_t start = m_pos + 1;
            skip_string();
            const std::string key = unescape(m_text.substr(start, m_pos - 1 - start));
            skip_space();
            if (m_pos < m_text.size() && m_text[m_pos] == ':') ++m_pos;
            skip_space();
            current = pointer_append(top.pointer, key);
        } else {
            key_at = m_pos;
            current = pointer_append(top.pointer, top.index);
        }
        return true;
    }

    template <typename Frames> bool after_value(Frames& stack, std::string& current, std::size_t& key_at) {
        for (;;) {
            skip_space();
            if (stack.empty()) return false;
            if (m_pos >= m_text.size()) return false;
            const char c = m_text[m_pos];
            if (c == ',') {
                ++m_pos;
                ++stack.back().index;
                return begin_member(stack, current, key_at);
            }
            if (c == '}' || c == ']') {
                ++m_pos;
                stack.pop_back();
                continue;
            }
            return false;
        }
    }

    void skip_space() {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])))
            ++m_pos;
    }

    void skip_string() {
        ++m_pos; // opening quote
        while (m_pos < m_text.size() && m_text[m_pos] != '"')
            m_pos += (m_text[m_pos] == '\\') ? 2 : 1;
        ++m_pos; // closing quote
    }

    static std::string unescape(const std::string& raw) {
        if (raw.find('\\') == std::string::npos) return raw;
        // Keys with escapes are rare in our files; let nlohmann decode them.
        try {
            return nlohmann::json::parse("\"" + raw + "\"").get<std::string>();
        } catch (const nlohmann::json::exception&) {
            return raw;
        }
    }

    const std::string& m_text;
    std::size_t m_pos = 0;
};

// Nesting depth of JSON text, counted without recursion, so that a hostile
// file is refused before a recursive consumer could overflow the stack.
std::size_t depth_over(const std::string& text, int max_depth, std::size_t& where) {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            if (++depth > max_depth) {
                where = i;
                return static_cast<std::size_t>(depth);
            }
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return 0;
}

// The last reference token of a JSON pointer, unescaped: the member's key.
std::string last_token(const std::string& pointer) {
    std::string token = pointer.substr(pointer.rfind('/') + 1);
    std::string out;
    for (std::size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '~' && i + 1 < token.size()) {
            out += token[i + 1] == '1' ? '/' : '~';
            ++i;
        } else {
            out += token[i];
        }
    }
    return out;
}

// Whether any object gives a key twice; stops at the first.
class DuplicateKeys final : public nlohmann::json_sax<nlohmann::json> {
public:
    bool found = false;

    bool null() override { return true; }
    bool boolean(bool /*value*/) override { return true; }
    bool number_integer(number_integer_t /*value*/) override { return true; }
    bool number_unsigned(number_unsigned_t /*value*/) override { return true; }
    bool number_float(number_float_t /*value*/, const string_t& /*text*/) override { return true; }
    bool string(string_t& /*value*/) override { return true; }
    bool binary(binary_t& /*value*/) override { return true; }
    bool start_object(std::size_t /*elements*/) override {
        m_open.emplace_back();
        return true;
    }
    bool key(string_t& name) override {
        found = !m_open.empty() && !m_open.back().insert(name).second;
        return !found;
    }
    bool end_object() override {
        if (!m_open.empty()) m_open.pop_back();
        return true;
    }
    bool start_array(std::size_t /*elements*/) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t /*position*/, const std::string& /*token*/,
                     const nlohmann::detail::exception& /*error*/) override {
        return false;
    }

private:
    std::vector<std::unordered_set<std::string>> m_open; // the keys of each open object
};

// nlohmann keeps the last of two members with one key, and a file that says
// two things must not silently mean one: the second is an error at its key.
void refuse_duplicate_keys(const SourceText& source) {
    std::unordered_map<std::string, std::size_t> seen; // pointer -> where its key is
    std::optional<std::pair<std::string, std::size_t>> repeated;
    PlaceScanner(source.text()).run([&](const std::string& at, std::size_t key, std::size_t) {
        if (repeated) return;
        if (auto [it, inserted] = seen.emplace(at, key); !inserted) repeated.emplace(at, key);
    });
    if (!repeated) return;
    const Location first = source.location(seen.at(repeated->first));
    throw Error(source.location(repeated->second),
                fmt::format("'{}' is given twice in this object (first on line {}); keep one",
                            shown(last_token(repeated->first)), first.line));
}

} // namespace

JsonDocument JsonDocument::parse(SourceText source, int max_depth) {
    JsonDocument doc;
    doc.m_source = std::move(source);
    const std::string& text = doc.m_source.text();
    std::size_t deep_at = 0;
    if (depth_over(text, max_depth, deep_at) != 0)
        throw Error(doc.m_source.location(deep_at),
                    fmt::format("JSON nested more than {} levels deep; flatten the file", max_depth));
    try {
        doc.m_root = nlohmann::json::parse(text);
        // A second, SAX pass for keys given twice: nlohmann's parse callback
        // rescans the enclosing array after every object (quadratic in the
        // length of a list), this is linear and stops at the first one.
        DuplicateKeys keys;
        nlohmann::json::sax_parse(text, &keys);
        if (keys.found) refuse_duplicate_keys(doc.m_source);
    } catch (const nlohmann::json::parse_error& e) {
        // e.byte is 1-based and points just past the offending character.
        const std::size_t at = e.byte > 0 ? e.byte - 1 : 0;
        std::string what = e.what();
        // Drop nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 2: " prefix.
        if (auto colon = what.find(": "); colon != std::string::npos) {
            if (auto second = what.find(": ", colon + 2); second != std::string::npos)
                what = what.substr(second + 2);
            else
                what = what.substr(colon + 2);
        }
        throw Error(doc.m_source.location(at), fmt::format("malformed JSON: {}", what));
    } catch (const nlohmann::json::out_of_range& e) {
        // A number too large for a double ("1e400"): nlohmann gives no offset,
        // only the token, so find the token in the text.
        std::string what = e.what();
        std::size_t at = std::string::npos;
        if (auto open = what.find('\''), close = what.rfind('\''); open != std::string::npos && close > open)
            at = text.find(what.substr(open + 1, close - open - 1));
        throw Error(at == std::string::npos ? Location{doc.m_source.name()} : doc.m_source.location(at),
                    "a number too large to represent; use a smaller one");
    }
    return doc;
}

const JsonDocument::Place* JsonDocument::find(std::string pointer) const {
    if (!m_places) {
        m_places.emplace();
        PlaceScanner(m_source.text()).run([this](const std::string& at, std::size_t key, std::size_t value) {
            m_places->emplace(at, Place{key, value});
        });
    }
    for (;;) {
        if (auto it = m_places->find(pointer); it != m_places->end()) return &it->second;
        if (pointer.empty()) return nullptr;
        pointer.erase(pointer.rfind('/'));
    }
}

Location JsonDocument::value_location(const std::string& pointer) const {
    const Place* place = find(pointer);
    return place ? m_source.location(place->value) : Location{m_source.name()};
}

Location JsonDocument::key_location(const std::string& pointer) const {
    const Place* place = find(pointer);
    return place ? m_source.location(place->key) : Location{m_source.name()};
}

} // namespace makeorbuy
