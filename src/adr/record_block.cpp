#include "record_block.hpp"

#include "makeorbuy/text.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <array>

namespace makeorbuy::adr {

namespace {

const std::array<std::string_view, 7> k_block_keys = {"schema", "rules",           "answers",  "recommended",
                                                      "chosen", "override-reason", "review-by"};

class BlockReader {
public:
    BlockReader(const std::string& path, int first_line, Diagnostics& problems)
        : m_path(path)
        , m_first_line(first_line)
        , m_problems(problems) {}

    Location at(const YAML::Mark& mark) const {
        if (mark.line < 0) return Location{m_path};
        return Location{m_path, mark.line + m_first_line, mark.column + 1};
    }

    void error(const YAML::Mark& mark, std::string message) {
        m_problems.error(at(mark), std::move(message));
    }

    // A scalar value (null reads as ""); anything else is reported.
    std::optional<std::string> scalar(const YAML::Node& key, const YAML::Node& value) {
        if (value.IsNull()) return std::string{};
        if (value.IsScalar()) return value.Scalar();
        error(key.Mark(), fmt::format("'{}' must be a single value, not a {}", key.Scalar(),
                                      value.IsSequence() ? "list" : "mapping"));
        return std::nullopt;
    }

    Field field(const YAML::Node& key, const YAML::Node& value) {
        Field f;
        f.where = at(key.Mark());
        if (auto text = scalar(key, value)) {
            f.value = trim(*text);
            f.present = true;
        }
        return f;
    }

    void read_answers(const YAML::Node& key, const YAML::Node& value, RecordBlock& block) {
        block.answers_key = at(key.Mark());
        if (value.IsNull()) return;
        if (!value.IsMap()) {
            error(key.Mark(), "'answers' must be a mapping of question keys to answers");
            return;
        }
        for (auto it = value.begin(); it != value.end(); ++it) {
            RawAnswer answer;
            answer.key = it->first.Scalar();
            answer.origin = Origin::file;
            answer.where = at(it->first.Mark());
            // A copy: the iterator's operator-> returns a temporary proxy.
            const YAML::Node v = it->second;
            if (v.IsSequence()) {
                answer.is_list = true;
                bool ok = true;
                for (const auto& item : v) {
                    if (!item.IsScalar())
                        ok = false;
                    else
                        answer.values.push_back(item.Scalar());
                }
                if (!ok) {
                    error(it->first.Mark(), fmt::format("answer '{}' must be a list of values", answer.key));
                    continue;
                }
            } else if (v.IsNull()) {
                answer.values.push_back("");
            } else if (v.IsScalar()) {
                answer.values.push_back(v.Scalar());
            } else {
                error(it->first.Mark(),
                      fmt::format("answer '{}' must be a value or a list, not a mapping", answer.key));
                continue;
            }
            block.answers.push_back(std::move(answer));
        }
    }

    std::optional<RecordBlock> read(const YAML::Node& root) {
        RecordBlock block;
        if (!root.IsMap()) {
            m_problems.error(Location{m_path, m_first_line, 1},
                             "the front matter is not a YAML mapping of keys");
            return std::nullopt;
        }
        const std::size_t errors_before = m_problems.items().size();
        YAML::Node block_node;
        YAML::Node block_key;
        for (auto it = root.begin(); it != root.end(); ++it) {
            if (!it->first.IsScalar()) continue;
            const std::string key = it->first.Scalar();
            if (key == "status")
                block.status = field(it->first, it->second);
            else if (key == "makeorbuy") {
                block_key = it->first;
                block_node = it->second;
            }
        }
        if (!block_key) return std::nullopt;
        block.block = at(block_key.Mark());
        if (!block_node.IsMap()) {
            error(block_key.Mark(),
                  "the makeorbuy block must be a mapping (schema, rules, answers, recommended, "
                  "chosen, ...); `makeorbuy adr new` writes one");
            return std::nullopt;
        }
        std::vector<std::string> known(k_block_keys.begin(), k_block_keys.end());
        bool has_answers = false;
        for (auto it = block_node.begin(); it != block_node.end(); ++it) {
            const std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string{};
            if (key == "schema")
                block.schema = field(it->first, it->second);
            else if (key == "rules")
                block.rules = field(it->first, it->second);
            else if (key == "recommended")
                block.recommended = field(it->first, it->second);
            else if (key == "chosen")
                block.chosen = field(it->first, it->second);
            else if (key == "override-reason")
                block.override_reason = field(it->first, it->second);
            else if (key == "review-by")
                block.review_by = field(it->first, it->second);
            else if (key == "answers") {
                has_answers = true;
                read_answers(it->first, it->second, block);
            } else {
                std::string message = fmt::format("unknown key '{}' in the makeorbuy block", key);
                if (auto hint = did_you_mean(key, known))
                    message += fmt::format("; did you mean '{}'?", *hint);
                else
                    message += fmt::format(" (known: {})", join(known, ", "));
                error(it->first.Mark(), message);
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
    Diagnostics& m_problems;
};

} // namespace

std::optional<RecordBlock> read_block(const std::string& path, const FrontMatter& front_matter,
                                      Diagnostics& problems) {
    BlockReader reader(path, front_matter.first_line, problems);
    YAML::Node root;
    try {
        root = YAML::Load(std::string(front_matter.yaml));
    } catch (const YAML::Exception& e) {
        problems.error(reader.at(e.mark), fmt::format("the front matter is not valid YAML: {}", e.msg));
        return std::nullopt;
    }
    return reader.read(root);
}

} // namespace makeorbuy::adr
