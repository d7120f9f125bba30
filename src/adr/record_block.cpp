#include "record_block.hpp"

#include "makeorbuy/text.hpp"

#include <fmt/format.h>
#include <yaml.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace makeorbuy::adr {

namespace {

const std::array<std::string_view, 7> k_block_keys = {"schema", "rules",           "answers",  "recommended",
                                                      "chosen", "override-reason", "review-by"};

/// Deeper front matter is refused: no record nests more than four levels.
constexpr int k_max_depth = 64;

/// A 0-based position in the YAML, as libyaml gives it.
struct Mark {
    int line = -1;
    int column = 0;
};

Mark mark_of(const yaml_mark_t& mark) {
    return Mark{static_cast<int>(mark.line), static_cast<int>(mark.column)};
}

enum class Kind : std::uint8_t { null, scalar, sequence, mapping };

/// A use of a node: its index in the document and where the use is written
/// (an alias is located at the alias, not at its anchor).
struct Ref {
    std::uint32_t node = 0;
    Mark mark;
};

struct Node {
    Kind kind = Kind::null;
    std::string text;       ///< a scalar's value
    std::vector<Ref> items; ///< a sequence's items; a mapping's keys and values, alternating
};

/// The first YAML document as a small tree; aliases share their anchor's node,
/// so an alias costs one Ref however large the anchored node is.
struct Document {
    std::vector<Node> nodes;
    Ref root;
    bool empty = true;

    const Node& operator[](const Ref& ref) const { return nodes[ref.node]; }
};

/// A YAML error: where and what.
struct YamlError {
    Mark mark;
    std::string message;
};

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

class BlockReader {
public:
    BlockReader(const std::string& path, int first_line, const Document& doc, Diagnostics& problems)
        : m_path(path)
        , m_first_line(first_line)
        , m_doc(doc)
        , m_problems(problems) {}

    Location at(const Mark& mark) const {
        if (mark.line < 0) return Location{m_path};
        return Location{m_path, mark.line + m_first_line, mark.column + 1};
    }

    void error(const Mark& mark, std::string message) { m_problems.error(at(mark), std::move(message)); }

    // A scalar's text; "" for anything else (as for a null).
    const std::string& text(const Ref& ref) const {
        static const std::string none;
        const Node& node = m_doc[ref];
        return node.kind == Kind::scalar ? node.text : none;
    }

    // A scalar value (null reads as ""); anything else is reported.
    std::optional<std::string> scalar(const Ref& key, const Ref& value) {
        const Node& v = m_doc[value];
        if (v.kind == Kind::null) return std::string{};
        if (v.kind == Kind::scalar) return v.text;
        error(key.mark, fmt::format("'{}' must be a single value, not a {}", text(key),
                                    v.kind == Kind::sequence ? "list" : "mapping"));
        return std::nullopt;
    }

    Field field(const Ref& key, const Ref& value) {
        Field f;
        f.where = at(key.mark);
        if (auto value_text = scalar(key, value)) {
            f.value = trim(*value_text);
            f.present = true;
        }
        return f;
    }

    void read_answers(const Ref& key, const Ref& value, RecordBlock& block) {
        block.answers_key = at(key.mark);
        const Node& map = m_doc[value];
        if (map.kind == Kind::null) return;
        if (map.kind != Kind::mapping) {
            error(key.mark, "'answers' must be a mapping of question keys to answers");
            return;
        }
        for (std::size_t i = 0; i + 1 < map.items.size(); i += 2) {
            const Ref& answer_key = map.items[i];
            const Node& v = m_doc[map.items[i + 1]];
            RawAnswer answer;
            answer.key = text(answer_key);
            answer.origin = Origin::file;
            answer.where = at(answer_key.mark);
            if (v.kind == Kind::sequence) {
                answer.is_list = true;
                bool ok = true;
                for (const Ref& item : v.items) {
                    if (m_doc[item].kind != Kind::scalar)
                        ok = false;
                    else
                        answer.values.push_back(m_doc[item].text);
                }
                if (!ok) {
                    error(answer_key.mark, fmt::format("answer '{}' must be a list of values", answer.key));
                    continue;
                }
            } else if (v.kind == Kind::null) {
                answer.values.emplace_back();
            } else if (v.kind == Kind::scalar) {
                answer.values.push_back(v.text);
            } else {
                error(answer_key.mark,
                      fmt::format("answer '{}' must be a value or a list, not a mapping", answer.key));
                continue;
            }
            block.answers.push_back(std::move(answer));
        }
    }

    std::optional<RecordBlock> read() {
        RecordBlock block;
        if (m_doc.empty || m_doc[m_doc.root].kind != Kind::mapping) {
            m_problems.error(Location{m_path, m_first_line, 1},
                             "the front matter is not a YAML mapping of keys");
            return std::nullopt;
        }
        const Node& root = m_doc[m_doc.root];
        const std::size_t errors_before = m_problems.items().size();
        const Ref* block_key = nullptr;
        const Ref* block_value = nullptr;
        for (std::size_t i = 0; i + 1 < root.items.size(); i += 2) {
            const Ref& key = root.items[i];
            if (m_doc[key].kind != Kind::scalar) continue;
            if (m_doc[key].text == "status")
                block.status = field(key, root.items[i + 1]);
            else if (m_doc[key].text == "makeorbuy") {
                block_key = &key;
                block_value = &root.items[i + 1];
            }
        }
        if (block_key == nullptr) return std::nullopt;
        block.block = at(block_key->mark);
        const Node& block_node = m_doc[*block_value];
        if (block_node.kind != Kind::mapping) {
            error(block_key->mark,
                  "the makeorbuy block must be a mapping (schema, rules, answers, recommended, "
                  "chosen, ...); `makeorbuy adr new` writes one");
            return std::nullopt;
        }
        std::vector<std::string> known(k_block_keys.begin(), k_block_keys.end());
        bool has_answers = false;
        for (std::size_t i = 0; i + 1 < block_node.items.size(); i += 2) {
            const Ref& key_ref = block_node.items[i];
            const Ref& value = block_node.items[i + 1];
            const std::string& key = text(key_ref);
            if (key == "schema")
                block.schema = field(key_ref, value);
            else if (key == "rules")
                block.rules = field(key_ref, value);
            else if (key == "recommended")
                block.recommended = field(key_ref, value);
            else if (key == "chosen")
                block.chosen = field(key_ref, value);
            else if (key == "override-reason")
                block.override_reason = field(key_ref, value);
            else if (key == "review-by")
                block.review_by = field(key_ref, value);
            else if (key == "answers") {
                has_answers = true;
                read_answers(key_ref, value, block);
            } else {
                std::string message = fmt::format("unknown key '{}' in the makeorbuy block", key);
                if (auto hint = did_you_mean(key, known))
                    message += fmt::format("; did you mean '{}'?", *hint);
                else
                    message += fmt::format(" (known: {})", join(known, ", "));
                error(key_ref.mark, message);
            }
        }
        if (block.schema.present && block.schema.value != "1")
            m_problems.error(block.schema.where,
                             fmt::format("schema {} is not one this makeorbuy reads (it reads schema 1); "
                                         "upgrade makeorbuy",
                                         block.schema.value));
        for (const auto& [f, name] :
             {std::pair{&block.schema, "schema"}, std::pair{&block.recommended, "recommended"},
              std::pair{&block.chosen, "chosen"}})
            if (!f->present || f->value.empty())
                m_problems.error(f->present ? f->where : block.block,
                                 fmt::format("the makeorbuy block needs '{}'", name));
        if (!has_answers)
            m_problems.error(block.block,
                             "the makeorbuy block needs 'answers' (every question and its answer)");
        if (m_problems.items().size() != errors_before) return std::nullopt;
        return block;
    }

private:
    const std::string& m_path;
    int m_first_line;
    const Document& m_doc;
    Diagnostics& m_problems;
};

} // namespace

std::optional<RecordBlock> read_block(const std::string& path, const FrontMatter& front_matter,
                                      Diagnostics& problems) {
    Document doc;
    YamlError yaml_error;
    Parser parser(front_matter.yaml);
    BlockReader reader(path, front_matter.first_line, doc, problems);
    if (!parser.read(doc, yaml_error)) {
        problems.error(reader.at(yaml_error.mark),
                       fmt::format("the front matter is not valid YAML: {}", yaml_error.message));
        return std::nullopt;
    }
    return reader.read();
}

} // namespace makeorbuy::adr
