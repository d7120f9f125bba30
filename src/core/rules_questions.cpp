// The "questions" of a rules file: each one's key, type, values or range,
// default and uncertainty, checked where it is written.

#include "rules_reader.hpp"

#include "makeorbuy/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace makeorbuy::detail {

using nlohmann::json;

namespace {

class QuestionsReader {
public:
    QuestionsReader(const RulesReader& read, const std::vector<std::string>& reserved_keys)
        : m_read(read)
        , m_reserved_keys(reserved_keys) {}

    std::vector<Question> read(const json& root) {
        const json* list = m_read.top_list(root, "questions", Field::required);
        if (list == nullptr) return {};
        if (list->empty()) m_read.error_at("/questions", "there must be at least one question");
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string at = pointer_append("/questions", i);
            const json& item = (*list)[i];
            Question q;
            if (!item.is_object()) {
                m_read.error_at(at, "each question must be an object");
                m_questions.push_back(std::move(q));
                continue;
            }
            m_read.check_fields(item, at,
                                {"key", "prompt", "help", "type", "values", "min", "max", "unit", "default",
                                 "default_text", "ask_if", "purpose", "uncertainty", "actionable"},
                                "a question");
            q.key = m_read.string_field(item, at, "key", Field::required).value_or("");
            q.prompt = m_read.string_field(item, at, "prompt", Field::required).value_or("");
            q.help = m_read.string_field(item, at, "help", Field::optional).value_or("");
            q.unit = m_read.string_field(item, at, "unit", Field::optional).value_or("");
            q.default_text = m_read.string_field(item, at, "default_text", Field::optional).value_or("");
            q.purpose = m_read.string_field(item, at, "purpose", Field::optional).value_or("score");
            if (q.purpose != "score" && q.purpose != "cost")
                m_read.error_at(pointer_append(at, "purpose"),
                                fmt::format("unknown purpose '{}' (purposes: score, cost)", q.purpose));
            if (!q.key.empty()) {
                if (!is_id(q.key))
                    m_read.error_at(pointer_append(at, "key"),
                                    "a key must be lower-case letters, digits and dashes");
                else if (std::find(m_reserved_keys.begin(), m_reserved_keys.end(), q.key) !=
                         m_reserved_keys.end())
                    m_read.error_at(pointer_append(at, "key"),
                                    fmt::format("'{}' is a makeorbuy flag; choose another key", q.key));
                else if (!m_keys.insert(q.key).second)
                    m_read.error_at(pointer_append(at, "key"),
                                    fmt::format("duplicate question key '{}'", q.key));
            }
            const std::string type =
                m_read.string_field(item, at, "type", Field::required).value_or("choice");
            if (type == "choice")
                q.type = QuestionType::choice;
            else if (type == "multi")
                q.type = QuestionType::multi;
            else if (type == "number")
                q.type = QuestionType::number;
            else if (type == "integer")
                q.type = QuestionType::integer;
            else
                m_read.error_at(
                    pointer_append(at, "type"),
                    fmt::format("unknown type '{}' (types: choice, multi, number, integer)", type));
            if (q.is_numeric()) {
                q.min = m_read.number_field(item, at, "min", Field::required, -1e15, 1e15).value_or(0);
                q.max = m_read.number_field(item, at, "max", Field::required, -1e15, 1e15).value_or(0);
                if (q.min > q.max) m_read.error_at(pointer_append(at, "max"), "'max' is below 'min'");
                if (item.contains("values"))
                    m_read.error_at(pointer_append(at, "values"),
                                    "a number question takes min and max, not values");
            } else {
                read_values(q, item, at);
                if (item.contains("min") || item.contains("max"))
                    m_read.error_at(at, "min and max belong to number and integer questions");
            }
            if (auto d = item.find("default"); d != item.end())
                q.default_value = default_for(q, *d, pointer_append(at, "default"));
            read_uncertainty(q, item, at);
            if (auto a = item.find("actionable"); a != item.end()) {
                if (a->is_boolean())
                    q.actionable = a->get<bool>();
                else
                    m_read.error_at(pointer_append(at, "actionable"), "'actionable' must be true or false");
            }
            m_questions.push_back(std::move(q));
        }
        return std::move(m_questions);
    }

private:
    std::optional<Value> default_for(const Question& q, const json& value, const std::string& at) {
        if (q.is_numeric()) {
            if (!value.is_number()) {
                m_read.error_at(at, "the default of a number question must be a number");
                return std::nullopt;
            }
            const double v = value.get<double>();
            if (v < q.min || v > q.max)
                m_read.error_at(at, fmt::format("the default is outside {}", q.allowed_text()));
            return Value{v};
        }
        if (q.type == QuestionType::multi) {
            if (!value.is_array()) {
                m_read.error_at(at, "the default of a multi question must be a list");
                return std::nullopt;
            }
            std::vector<std::string> items;
            for (std::size_t i = 0; i < value.size(); ++i) {
                const ChoiceValue* v =
                    value[i].is_string() ? q.find_value(value[i].get<std::string>()) : nullptr;
                if (v == nullptr)
                    m_read.error_at(pointer_append(at, i), fmt::format("not one of {}", q.allowed_text()));
                else
                    items.push_back(v->value);
            }
            return Value{items};
        }
        const ChoiceValue* v = value.is_string() ? q.find_value(value.get<std::string>()) : nullptr;
        if (v == nullptr) {
            m_read.error_at(at, fmt::format("the default must be one of {}", q.allowed_text()));
            return std::nullopt;
        }
        return Value{v->value};
    }

    void read_values(Question& q, const json& item, const std::string& at) {
        auto values = item.find("values");
        if (values == item.end() || !values->is_array() || values->empty()) {
            m_read.error_at(
                values == item.end() ? at : pointer_append(at, "values"),
                fmt::format("a {} question needs a non-empty list of 'values'", to_string(q.type)));
            return;
        }
        std::vector<std::string> seen;
        for (std::size_t i = 0; i < values->size(); ++i) {
            const std::string vat = pointer_append(pointer_append(at, "values"), i);
            const json& v = (*values)[i];
            if (!v.is_object()) {
                m_read.error_at(vat, "each value must be an object with 'value' and 'text'");
                continue;
            }
            m_read.check_fields(v, vat, {"value", "text", "aliases"}, "a value");
            ChoiceValue choice;
            choice.value = m_read.string_field(v, vat, "value", Field::required).value_or("");
            choice.text = m_read.string_field(v, vat, "text", Field::required).value_or("");
            if (auto aliases = v.find("aliases"); aliases != v.end()) {
                if (!aliases->is_array())
                    m_read.error_at(pointer_append(vat, "aliases"), "'aliases' must be a list");
                else
                    for (const auto& a : *aliases)
                        if (a.is_string()) choice.aliases.push_back(a.get<std::string>());
            }
            std::vector<std::string> spellings = choice.aliases;
            spellings.push_back(choice.value);
            for (const auto& s : spellings) {
                const std::string lower = to_lower(s);
                if (std::find(seen.begin(), seen.end(), lower) != seen.end())
                    m_read.error_at(vat, fmt::format("'{}' is listed twice in '{}'", s, q.key));
                seen.push_back(lower);
            }
            if (!choice.value.empty() && to_lower(choice.value) != choice.value)
                m_read.error_at(pointer_append(vat, "value"), "values are written in lower case");
            q.values.push_back(std::move(choice));
        }
    }

    // "uncertainty": {"factor": 2} or {"plus_minus": 1}, on numeric questions only.
    void read_uncertainty(Question& q, const json& item, const std::string& at) {
        const auto u = item.find("uncertainty");
        if (u == item.end()) return;
        const std::string where = pointer_append(at, "uncertainty");
        if (!q.is_numeric()) {
            m_read.error_at(where, "uncertainty belongs to number and integer questions");
            return;
        }
        if (!u->is_object()) {
            m_read.error_at(where, R"(uncertainty must be an object: {"factor": 2} or {"plus_minus": 1})");
            return;
        }
        m_read.check_fields(*u, where, {"factor", "plus_minus"}, "an uncertainty");
        const bool factor = u->contains("factor");
        const bool plus_minus = u->contains("plus_minus");
        if (factor == plus_minus) {
            m_read.error_at(where, "give exactly one of 'factor' (above 1) and 'plus_minus' (above 0)");
            return;
        }
        Uncertainty out;
        if (factor) {
            const auto f = m_read.number_field(*u, where, "factor", Field::required, 1, 1000);
            if (!f) return;
            if (*f <= 1) {
                m_read.error_at(pointer_append(where, "factor"),
                                "'factor' must be above 1 (2: half to double)");
                return;
            }
            out.factor = *f;
        } else {
            const auto p = m_read.number_field(*u, where, "plus_minus", Field::required, 0, 1e15);
            if (!p) return;
            if (*p <= 0) {
                m_read.error_at(pointer_append(where, "plus_minus"), "'plus_minus' must be above 0");
                return;
            }
            if (q.type == QuestionType::integer && *p != std::floor(*p)) {
                m_read.error_at(pointer_append(where, "plus_minus"),
                                "'plus_minus' of an integer question must be a whole number");
                return;
            }
            out.plus_minus = *p;
        }
        q.uncertainty = out;
    }

    const RulesReader& m_read;
    const std::vector<std::string>& m_reserved_keys;
    std::unordered_set<std::string> m_keys; ///< read so far, for duplicates
    std::vector<Question> m_questions;
};

} // namespace

std::vector<Question> read_questions(const json& root, const RulesReader& read,
                                     const std::vector<std::string>& reserved_keys) {
    return QuestionsReader(read, reserved_keys).read(root);
}

} // namespace makeorbuy::detail
