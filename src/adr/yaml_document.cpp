#include "yaml_document.hpp"

#include <fmt/format.h>
#include <yaml.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace makeorbuy::adr {

namespace {

/// Deeper front matter is refused: no record nests more than four levels.
constexpr int k_max_depth = 64;

Mark mark_of(const yaml_mark_t& mark) {
    return Mark{static_cast<int>(mark.line), static_cast<int>(mark.column)};
}

// Plain, untagged scalars that YAML reads as null.
bool is_null(const yaml_event_t& event) {
    if (event.data.scalar.tag != nullptr || event.data.scalar.style != YAML_PLAIN_SCALAR_STYLE) return false;
    const std::string_view value(reinterpret_cast<const char*>(event.data.scalar.value),
                                 event.data.scalar.length);
    return value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL";
}

// The line and column of a byte offset (libyaml's reader errors give only the offset).
Mark mark_at(std::string_view yaml, std::size_t offset) {
    Mark mark{0, 0};
    offset = std::min(offset, yaml.size());
    for (std::size_t i = 0; i < offset; ++i) {
        const char c = yaml[i];
        if (c == '\n' || (c == '\r' && (i + 1 >= yaml.size() || yaml[i + 1] != '\n'))) {
            ++mark.line;
            mark.column = 0;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && c != '\r') {
            ++mark.column;
        }
    }
    return mark;
}

class Parser {
public:
    explicit Parser(std::string_view yaml)
        : m_yaml(yaml) {
        m_ok = yaml_parser_initialize(&m_parser) != 0;
        if (m_ok)
            yaml_parser_set_input_string(&m_parser, reinterpret_cast<const unsigned char*>(yaml.data()),
                                         yaml.size());
    }
    ~Parser() {
        if (m_ok) yaml_parser_delete(&m_parser);
    }
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;

    /// Reads the first document; on broken YAML fills `error` and returns false.
    bool read(Document& doc, YamlError& error) {
        if (!m_ok) {
            error = YamlError{Mark{}, "out of memory"};
            return false;
        }
        for (;;) {
            yaml_event_t event;
            if (yaml_parser_parse(&m_parser, &event) == 0) {
                error = parser_error();
                return false;
            }
            const bool ok = on_event(event, doc, error);
            const bool end = event.type == YAML_DOCUMENT_END_EVENT || event.type == YAML_STREAM_END_EVENT;
            yaml_event_delete(&event);
            if (!ok) return false;
            if (end) return true;
        }
    }

private:
    struct Open {
        std::uint32_t node;
        Mark mark;
        std::string anchor;
    };

    YamlError parser_error() const {
        std::string message = m_parser.problem != nullptr ? m_parser.problem : "unreadable input";
        if (m_parser.error == YAML_MEMORY_ERROR) return YamlError{Mark{}, "out of memory"};
        if (m_parser.error == YAML_READER_ERROR)
            return YamlError{mark_at(m_yaml, m_parser.problem_offset), message};
        if (m_parser.context != nullptr) message += fmt::format(" {}", m_parser.context);
        return YamlError{mark_of(m_parser.problem_mark), std::move(message)};
    }

    static std::string anchor_of(const yaml_char_t* anchor) {
        return anchor != nullptr ? std::string(reinterpret_cast<const char*>(anchor)) : std::string{};
    }

    std::uint32_t add_node(Document& doc, Kind kind) {
        doc.nodes.push_back(Node{kind, {}, {}});
        return static_cast<std::uint32_t>(doc.nodes.size() - 1);
    }

    void attach(Document& doc, Ref ref) {
        if (m_open.empty()) {
            doc.root = ref;
            doc.empty = false;
        } else {
            doc.nodes[m_open.back().node].items.push_back(ref);
        }
    }

    void name(std::string anchor, std::uint32_t node) {
        if (!anchor.empty()) m_anchors.insert_or_assign(std::move(anchor), node);
    }

    bool open(Document& doc, Kind kind, const yaml_event_t& event, const yaml_char_t* anchor,
              YamlError& error) {
        const Mark mark = mark_of(event.start_mark);
        if (static_cast<int>(m_open.size()) >= k_max_depth) {
            error = YamlError{mark, fmt::format("nested deeper than {} levels", k_max_depth)};
            return false;
        }
        m_open.push_back(Open{add_node(doc, kind), mark, anchor_of(anchor)});
        return true;
    }

    bool close(Document& doc, YamlError& error) {
        Open done = std::move(m_open.back());
        m_open.pop_back();
        const Node& node = doc.nodes[done.node];
        if (node.kind == Kind::mapping && !unique_keys(doc, node, error)) return false;
        name(std::move(done.anchor), done.node);
        attach(doc, Ref{done.node, done.mark});
        return true;
    }

    static bool unique_keys(const Document& doc, const Node& map, YamlError& error) {
        std::unordered_set<std::string_view> seen;
        for (std::size_t i = 0; i < map.items.size(); i += 2) {
            const Node& key = doc[map.items[i]];
            if (key.kind != Kind::scalar) continue;
            if (!seen.insert(key.text).second) {
                error = YamlError{map.items[i].mark, fmt::format("duplicate key '{}'", key.text)};
                return false;
            }
        }
        return true;
    }

    bool on_event(const yaml_event_t& event, Document& doc, YamlError& error) {
        switch (event.type) {
        case YAML_SCALAR_EVENT: {
            const std::uint32_t node = add_node(doc, is_null(event) ? Kind::null : Kind::scalar);
            doc.nodes[node].text.assign(reinterpret_cast<const char*>(event.data.scalar.value),
                                        event.data.scalar.length);
            name(anchor_of(event.data.scalar.anchor), node);
            attach(doc, Ref{node, mark_of(event.start_mark)});
            return true;
        }
        case YAML_SEQUENCE_START_EVENT:
            return open(doc, Kind::sequence, event, event.data.sequence_start.anchor, error);
        case YAML_MAPPING_START_EVENT:
            return open(doc, Kind::mapping, event, event.data.mapping_start.anchor, error);
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            return close(doc, error);
        case YAML_ALIAS_EVENT: {
            const std::string anchor = anchor_of(event.data.alias.anchor);
            const auto found = m_anchors.find(anchor);
            if (found == m_anchors.end()) {
                // Also an alias to a node still open: no cycles.
                error = YamlError{mark_of(event.start_mark), fmt::format("unknown anchor '{}'", anchor)};
                return false;
            }
            attach(doc, Ref{found->second, mark_of(event.start_mark)});
            return true;
        }
        default:
            return true;
        }
    }

    std::string_view m_yaml;
    yaml_parser_t m_parser{};
    bool m_ok = false;
    std::vector<Open> m_open;
    std::unordered_map<std::string, std::uint32_t> m_anchors;
};

} // namespace

bool parse_yaml(std::string_view yaml, Document& doc, YamlError& error) {
    Parser parser(yaml);
    return parser.read(doc, error);
}

namespace {

bool same_node(const Document& a, const Ref& ra, const Document& b, const Ref& rb) {
    const Node& x = a[ra];
    const Node& y = b[rb];
    if (x.kind != y.kind || x.text != y.text || x.items.size() != y.items.size()) return false;
    // A null's mark is where libyaml next stops, which no reader uses.
    if (x.kind == Kind::scalar && (ra.mark.line != rb.mark.line || ra.mark.column != rb.mark.column))
        return false;
    for (std::size_t i = 0; i < x.items.size(); ++i)
        if (!same_node(a, x.items[i], b, y.items[i])) return false;
    return true;
}

} // namespace

bool same_document(const Document& a, const Document& b) {
    if (a.empty || b.empty) return a.empty == b.empty;
    return same_node(a, a.root, b, b.root);
}

} // namespace makeorbuy::adr
