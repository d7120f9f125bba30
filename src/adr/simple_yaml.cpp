// The fast reader for front matter in the plain shape `adr new` writes. It is
// strict on purpose: whatever it is unsure of, it leaves to libyaml, so its
// only job is to be quick on the common case and identical where it answers.

#include "yaml_document.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace makeorbuy::adr {

namespace {

/// Far below parse_yaml's limit of 64, so that both never disagree on depth.
constexpr std::size_t k_max_simple_depth = 16;
/// Bounds that keep the reader linear and inside libyaml's own limits: more
/// text, more keys in one mapping (each is compared with those before it) or
/// a longer key (libyaml takes at most 1024 characters as a simple key) go
/// to libyaml.
constexpr std::size_t k_max_simple_bytes = std::size_t{64} * 1024;
constexpr std::size_t k_max_simple_keys = 64;
constexpr std::size_t k_max_simple_key_length = 512;

// Character classes, one bit each, looked up in a table (this runs on every
// byte of every record's front matter).
constexpr std::uint8_t k_alnum = 1;
constexpr std::uint8_t k_key = 2;   // a key's characters
constexpr std::uint8_t k_plain = 4; // a plain value's: no meaning to YAML in a block value
constexpr std::uint8_t k_flow = 8;  // a flow list item's: the same, less what is left for the list

constexpr std::array<std::uint8_t, 256> k_classes = [] {
    std::array<std::uint8_t, 256> table{};
    for (int c = 0; c < 256; ++c) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        const bool key = alnum || c == '-' || c == '_' || c == '.';
        const bool flow = alnum || c == ' ' || c == '-' || c == '_' || c == '.' || c == '/' || c == '+' ||
                          c == '@' || c == '=' || c == ';';
        const bool plain = flow || c == '(' || c == ')';
        table[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(
            (alnum ? k_alnum : 0) | (key ? k_key : 0) | (plain ? k_plain : 0) | (flow ? k_flow : 0));
    }
    return table;
}();

bool is(char c, std::uint8_t cls) {
    return (k_classes[static_cast<unsigned char>(c)] & cls) != 0;
}
bool is_alnum(char c) {
    return is(c, k_alnum);
}
bool is_key_char(char c) {
    return is(c, k_key);
}
bool is_plain_char(char c) {
    return is(c, k_plain);
}
bool is_flow_char(char c) {
    return is(c, k_flow);
}

bool is_null_text(std::string_view text) {
    return text == "null" || text == "Null" || text == "NULL";
}

std::string_view trim_spaces(std::string_view s) {
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    return s;
}

class SimpleReader {
public:
    explicit SimpleReader(Document& doc)
        : m_doc(doc) {}

    bool read(std::string_view yaml) {
        if (yaml.size() > k_max_simple_bytes) return false;
        // Tabs, CR, control and non-ASCII characters are libyaml's job: every
        // byte of a line is checked by the character class of where it
        // stands (indentation, key, value), and none of them admits those.
        m_doc.nodes.reserve(yaml.size() / 8 + 4); // a hint: records make about a node per 12 bytes
        int line = 0;
        for (std::size_t pos = 0; pos < yaml.size(); ++line) {
            std::size_t end = yaml.find('\n', pos);
            if (end == std::string_view::npos) end = yaml.size();
            if (!read_line(yaml.substr(pos, end - pos), line)) return false;
            pos = end + 1;
        }
        if (m_open.empty()) return false; // nothing but blank lines
        if (m_pending) attach_value(add(Kind::null, {}), m_pending_mark);
        m_doc.root = Ref{m_open.front().node, Mark{m_open.front().line, 0}};
        m_doc.empty = false;
        return true;
    }

private:
    struct Level {
        int indent;
        std::uint32_t node;
        int line;
    };

    std::uint32_t add(Kind kind, std::string_view text) {
        m_doc.nodes.push_back(Node{kind, std::string(text), {}});
        // A record's mappings hold up to a few dozen keys and values: room for
        // them at once rather than growing one by one.
        if (kind == Kind::mapping) m_doc.nodes.back().items.reserve(16);
        return static_cast<std::uint32_t>(m_doc.nodes.size() - 1);
    }

    void attach_value(std::uint32_t node, Mark mark) {
        m_doc.nodes[m_open.back().node].items.push_back(Ref{node, mark});
        m_pending = false;
    }

    bool read_line(std::string_view text, int line) {
        const std::size_t first = text.find_first_not_of(' ');
        if (first == std::string_view::npos) return true; // blank
        const int indent = static_cast<int>(first);

        // Where this line belongs: a new mapping under a `key:` left open,
        // the open mapping at its indentation, or nowhere (then give up).
        if (m_pending && indent > m_open.back().indent) {
            if (m_open.size() >= k_max_simple_depth) return false;
            const std::uint32_t map = add(Kind::mapping, {});
            attach_value(map, Mark{line, indent});
            m_open.push_back(Level{indent, map, line});
        } else {
            if (m_pending) attach_value(add(Kind::null, {}), m_pending_mark);
            if (m_open.empty()) {
                if (indent != 0) return false;
                m_open.push_back(Level{0, add(Kind::mapping, {}), line});
            }
            while (m_open.back().indent > indent) {
                m_open.pop_back();
                if (m_open.empty()) return false;
            }
            if (m_open.back().indent != indent) return false;
        }

        // key: a plain word, not one YAML reads as null, not already in this mapping.
        std::size_t at = first;
        if (!is_alnum(text[at]) && text[at] != '_') return false;
        while (at < text.size() && is_key_char(text[at]))
            ++at;
        if (at >= text.size() || text[at] != ':') return false;
        const std::string_view key = text.substr(first, at - first);
        if (is_null_text(key) || key.size() > k_max_simple_key_length) return false;
        Node& map = m_doc.nodes[m_open.back().node];
        if (map.items.size() >= 2 * k_max_simple_keys) return false;
        for (std::size_t i = 0; i < map.items.size(); i += 2)
            if (m_doc.nodes[map.items[i].node].text == key) return false; // libyaml reports duplicates
        const Mark key_mark{line, indent};
        const std::uint32_t key_node = add(Kind::scalar, key);
        m_doc.nodes[m_open.back().node].items.push_back(Ref{key_node, key_mark});
        ++at; // the ':'
        if (at < text.size() && text[at] != ' ') return false;

        // value
        while (at < text.size() && text[at] == ' ')
            ++at;
        const std::string_view value = trim_spaces(text.substr(at));
        const Mark value_mark{line, static_cast<int>(at)};
        if (value.empty()) {
            m_pending = true;
            m_pending_mark = value_mark;
            return true;
        }
        if (value.front() == '"' || value.front() == '\'') return read_quoted(value, value_mark);
        if (value.front() == '[') return read_flow_list(value, value_mark);
        if (!is_alnum(value.front()) || !std::all_of(value.begin(), value.end(), is_plain_char)) return false;
        attach_value(add(is_null_text(value) ? Kind::null : Kind::scalar, value), value_mark);
        return true;
    }

    bool read_quoted(std::string_view value, Mark mark) {
        const char quote = value.front();
        if (value.size() < 2 || value.back() != quote) return false;
        const std::string_view inner = value.substr(1, value.size() - 2);
        if (inner.find(quote) != std::string_view::npos || inner.find('\\') != std::string_view::npos)
            return false; // escapes and doubled quotes: libyaml's job
        if (!std::all_of(inner.begin(), inner.end(), [](char c) { return c >= 0x20 && c < 0x7f; }))
            return false; // control and non-ASCII characters too
        attach_value(add(Kind::scalar, inner), mark);
        return true;
    }

    bool read_flow_list(std::string_view value, Mark mark) {
        if (value.back() != ']') return false;
        const std::uint32_t list = add(Kind::sequence, {});
        std::string_view inner = value.substr(1, value.size() - 2);
        if (inner.find_first_not_of(' ') != std::string_view::npos) {
            std::size_t offset = 1; // of `inner` within `value`
            for (;;) {
                const std::size_t comma = inner.find(',');
                const std::string_view raw = inner.substr(0, comma);
                const std::size_t lead = raw.find_first_not_of(' ');
                if (lead == std::string_view::npos) return false; // an empty item
                const std::string_view item = trim_spaces(raw.substr(lead));
                if (!is_alnum(item.front()) || !std::all_of(item.begin(), item.end(), is_flow_char))
                    return false;
                const std::uint32_t node = add(is_null_text(item) ? Kind::null : Kind::scalar, item);
                m_doc.nodes[list].items.push_back(
                    Ref{node, Mark{mark.line, mark.column + static_cast<int>(offset + lead)}});
                if (comma == std::string_view::npos) break;
                inner.remove_prefix(comma + 1);
                offset += comma + 1;
            }
        }
        attach_value(list, mark);
        return true;
    }

    Document& m_doc;
    std::vector<Level> m_open;
    bool m_pending = false; ///< a `key:` with nothing after it, value still to come
    Mark m_pending_mark;
};

} // namespace

bool parse_simple_yaml(std::string_view yaml, Document& doc) {
    return SimpleReader(doc).read(yaml);
}

} // namespace makeorbuy::adr
