#include "record_block.hpp"
#include "yaml_document.hpp"

#include "makeorbuy/core/echo.hpp"
#include "makeorbuy/core/text.hpp"

#include <fmt/format.h>

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

const std::array<std::string_view, 8> k_block_keys = {
    "schema", "rules", "answers", "answers-digest", "recommended", "chosen", "override-reason", "review-by"};

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
        error(key.mark, fmt::format("'{}' must be a single value, not a {}", shown(text(key)),
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
        block.answers.reserve(map.items.size() / 2);
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
                    error(answer_key.mark,
                          fmt::format("answer '{}' must be a list of values", shown(answer.key)));
                    continue;
                }
            } else if (v.kind == Kind::null) {
                answer.values.emplace_back();
            } else if (v.kind == Kind::scalar) {
                answer.values.push_back(v.text);
            } else {
                error(answer_key.mark,
                      fmt::format("answer '{}' must be a value or a list, not a mapping", shown(answer.key)));
                continue;
            }
            block.answers.push_back(std::move(answer));
        }
    }

    // `superseded-by: 0005-x.md` or a list of them; other shapes name no successor.
    void read_successors(const Ref& key, const Node& value, RecordBlock& block) {
        if (value.kind == Kind::scalar && !trim(value.text).empty())
            block.superseded_by.push_back(Field{trim(value.text), at(key.mark), true});
        if (value.kind != Kind::sequence) return;
        for (const Ref& item : value.items)
            if (m_doc[item].kind == Kind::scalar && !trim(m_doc[item].text).empty())
                block.superseded_by.push_back(Field{trim(m_doc[item].text), at(item.mark), true});
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
            const Node& value = m_doc[root.items[i + 1]];
            if (m_doc[key].text == "status")
                block.status = field(key, root.items[i + 1]);
            else if (m_doc[key].text == "title" && value.kind == Kind::scalar)
                block.title = Field{trim(value.text), at(key.mark), true};
            else if (m_doc[key].text == "date" && value.kind == Kind::scalar)
                block.date = Field{trim(value.text), at(key.mark), true};
            else if (m_doc[key].text == "superseded-by")
                read_successors(key, value, block);
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
            else if (key == "answers-digest")
                block.answers_digest = field(key_ref, value);
            else if (key == "answers") {
                has_answers = true;
                read_answers(key_ref, value, block);
            } else {
                error(key_ref.mark,
                      with_hint(fmt::format("unknown key '{}' in the makeorbuy block", shown(key)), key,
                                known, fmt::format(" (known: {})", join(known, ", "))));
            }
        }
        if (block.schema.present && block.schema.value != "1")
            m_problems.error(block.schema.where,
                             fmt::format("schema {} is not one this makeorbuy reads (it reads schema 1); "
                                         "upgrade makeorbuy",
                                         shown(block.schema.value)));
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
    FileName m_path; // one name shared by every place in the record
    int m_first_line;
    const Document& m_doc;
    Diagnostics& m_problems;
};

} // namespace

std::optional<RecordBlock> read_block(const std::string& path, const FrontMatter& front_matter,
                                      Diagnostics& problems) {
    Document doc;
    BlockReader reader(path, front_matter.first_line, doc, problems);
    // Most records are in the plain shape `adr new` writes; anything else is
    // left to libyaml.
    if (!parse_simple_yaml(front_matter.yaml, doc)) {
        doc = Document{};
        YamlError yaml_error;
        if (!parse_yaml(front_matter.yaml, doc, yaml_error)) {
            problems.error(reader.at(yaml_error.mark),
                           fmt::format("the front matter is not valid YAML: {}", yaml_error.message));
            return std::nullopt;
        }
    }
    return reader.read();
}

} // namespace makeorbuy::adr
