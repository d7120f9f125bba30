#include "rules_reader.hpp"

#include "makeorbuy/echo.hpp"
#include "makeorbuy/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace makeorbuy::detail {

namespace {

constexpr int k_max_condition_depth = 32;

const char* type_name(const nlohmann::json& value) {
    if (value.is_string()) return "a string";
    if (value.is_number()) return "a number";
    if (value.is_boolean()) return "true/false";
    if (value.is_array()) return "a list";
    if (value.is_object()) return "an object";
    return "null";
}

} // namespace

void RulesReader::check_fields(const nlohmann::json& object, const std::string& pointer,
                               std::initializer_list<const char*> allowed, const char* what) const {
    std::vector<std::string> names(allowed.begin(), allowed.end());
    for (const auto& [key, value] : object.items()) {
        if (std::find(names.begin(), names.end(), key) != names.end()) continue;
        std::string message = fmt::format("unknown field '{}' in {}", key, what);
        if (auto hint = did_you_mean(key, names))
            message += fmt::format("; did you mean '{}'?", *hint);
        else
            message += fmt::format(" (fields: {})", join(names, ", "));
        error_at_key(pointer_append(pointer, key), message);
    }
}

std::optional<std::string> RulesReader::string_field(const nlohmann::json& object, const std::string& pointer,
                                                     const char* name, bool required) const {
    auto it = object.find(name);
    if (it == object.end()) {
        if (required) error_at(pointer, fmt::format("missing required field '{}'", name));
        return std::nullopt;
    }
    if (!it->is_string()) {
        error_at(pointer_append(pointer, name),
                 fmt::format("'{}' must be a string, not {}", name, type_name(*it)));
        return std::nullopt;
    }
    std::string text = it->get<std::string>();
    // Texts reach terminals and CI logs: nothing in them may act there (a
    // line break may separate paragraphs; the output layer escapes it where
    // it must not break a line).
    std::string flat = text;
    std::replace(flat.begin(), flat.end(), '\n', ' ');
    if (needs_neutralising(flat)) {
        error_at(
            pointer_append(pointer, name),
            fmt::format("'{}' holds a control, bidirectional or invisible character or bytes that are not "
                        "UTF-8 ('{}'); texts are printed to terminals and CI logs, so they may hold none",
                        name, shown(text)));
        return std::nullopt;
    }
    return text;
}

std::optional<double> RulesReader::number_field(const nlohmann::json& object, const std::string& pointer,
                                                const char* name, bool required, double low,
                                                double high) const {
    auto it = object.find(name);
    if (it == object.end()) {
        if (required) error_at(pointer, fmt::format("missing required field '{}'", name));
        return std::nullopt;
    }
    const std::string at = pointer_append(pointer, name);
    if (!it->is_number()) {
        error_at(at, fmt::format("'{}' must be a number, not {}", name, type_name(*it)));
        return std::nullopt;
    }
    const double value = it->get<double>();
    if (!(value >= low && value <= high)) {
        error_at(at, fmt::format("'{}' is {}, outside the allowed range {} to {}", name,
                                 format_number(value, 6), format_number(low, 6), format_number(high, 6)));
        return std::nullopt;
    }
    return value;
}

std::optional<std::string> RulesReader::canonical_value(const Question& question, const nlohmann::json& value,
                                                        const std::string& pointer) const {
    std::string text;
    if (value.is_string())
        text = value.get<std::string>();
    else if (value.is_boolean())
        text = value.get<bool>() ? "true" : "false";
    else {
        error_at(pointer, fmt::format("'{}' takes one of its values as a string, not {}", question.key,
                                      type_name(value)));
        return std::nullopt;
    }
    if (const ChoiceValue* found = question.find_value(text)) return found->value;
    std::vector<std::string> allowed;
    for (const auto& v : question.values)
        allowed.push_back(v.value);
    std::string message = fmt::format("unknown value '{}' for {}", text, question.key);
    if (auto hint = did_you_mean(text, allowed)) message += fmt::format("; did you mean '{}'?", *hint);
    message += fmt::format(" (allowed: {})", join(allowed, ", "));
    error_at(pointer, message);
    return std::nullopt;
}

void RulesReader::value_test(Condition& test, const Question& question, const nlohmann::json& operand,
                             const std::string& pointer, TestOp op) const {
    test.op = op;
    const bool multi = question.type == QuestionType::multi;
    auto wrong = [&](const char* wants) {
        error_at(pointer, fmt::format("'{}' ({} question) cannot be tested with {}; {}", question.key,
                                      to_string(question.type), type_name(operand), wants));
    };
    switch (op) {
    case TestOp::lt:
    case TestOp::lte:
    case TestOp::gt:
    case TestOp::gte:
        if (!question.is_numeric()) return wrong("numeric comparisons need a number or integer question");
        if (!operand.is_number()) return wrong("give a number");
        test.numeric = true;
        test.number = operand.get<double>();
        return;
    case TestOp::eq:
    case TestOp::ne:
        if (question.is_numeric()) {
            if (!operand.is_number()) return wrong("give a number");
            test.numeric = true;
            test.number = operand.get<double>();
            return;
        }
        if (multi) return wrong("use contains, contains_any or empty on a multi question");
        if (auto v = canonical_value(question, operand, pointer)) test.strings.push_back(*v);
        return;
    case TestOp::in:
    case TestOp::not_in:
    case TestOp::contains_any:
        if (question.is_numeric()) return wrong("use lt, lte, gt, gte on a number");
        if ((op == TestOp::contains_any) != multi)
            return wrong(multi ? "use contains_any on a multi question"
                               : "use in or not_in on a choice question");
        if (!operand.is_array()) return wrong("give a list of values");
        if (operand.empty()) error_at(pointer, "an empty list of values");
        for (std::size_t i = 0; i < operand.size(); ++i)
            if (auto v = canonical_value(question, operand[i], pointer_append(pointer, i)))
                test.strings.push_back(*v);
        return;
    case TestOp::contains:
        if (!multi) return wrong("contains works on multi questions only");
        if (auto v = canonical_value(question, operand, pointer)) test.strings.push_back(*v);
        return;
    case TestOp::empty:
        if (!multi) return wrong("empty works on multi questions only");
        if (!operand.is_boolean()) return wrong("give true or false");
        test.flag = operand.get<bool>();
        return;
    }
}

Condition RulesReader::condition(const nlohmann::json& value, const std::string& pointer,
                                 const RuleSet& rules, std::size_t visible, int depth) const {
    Condition result;
    result.pointer = pointer;
    if (depth > k_max_condition_depth) {
        error_at(pointer, fmt::format("condition nested more than {} levels deep", k_max_condition_depth));
        return result;
    }
    if (!value.is_object()) {
        error_at(pointer, fmt::format("a condition must be an object, not {}", type_name(value)));
        return result;
    }
    std::vector<Condition> parts;
    for (const auto& [key, operand] : value.items()) {
        const std::string at = pointer_append(pointer, key);
        if (key == "all" || key == "any") {
            Condition group;
            group.kind = key == "all" ? ConditionKind::all : ConditionKind::any;
            group.pointer = at;
            if (!operand.is_array()) {
                error_at(at, fmt::format("'{}' takes a list of conditions", key));
                continue;
            }
            for (std::size_t i = 0; i < operand.size(); ++i)
                group.children.push_back(
                    condition(operand[i], pointer_append(at, i), rules, visible, depth + 1));
            parts.push_back(std::move(group));
            continue;
        }
        if (key == "not") {
            Condition negation;
            negation.kind = ConditionKind::negation;
            negation.pointer = at;
            negation.children.push_back(condition(operand, at, rules, visible, depth + 1));
            parts.push_back(std::move(negation));
            continue;
        }
        const Question* question = rules.find_question(key);
        if (question != nullptr && static_cast<std::size_t>(question - rules.questions.data()) >= visible) {
            error_at_key(
                at,
                fmt::format("'{}' is asked later; a question's ask_if may only use earlier answers", key));
            continue;
        }
        if (question == nullptr) {
            std::vector<std::string> keys;
            for (const auto& q : rules.questions)
                keys.push_back(q.key);
            keys.insert(keys.end(), {"all", "any", "not"});
            std::string message = fmt::format("unknown question '{}' in condition", key);
            if (auto hint = did_you_mean(key, keys)) message += fmt::format("; did you mean '{}'?", *hint);
            error_at_key(at, message);
            continue;
        }
        // clang before 16 cannot capture a structured binding: capture `key` by name.
        auto add_test = [&, &key = key](TestOp op, const nlohmann::json& op_operand,
                                        const std::string& op_at) {
            Condition test;
            test.kind = ConditionKind::test;
            test.key = key;
            test.pointer = op_at;
            value_test(test, *question, op_operand, op_at, op);
            parts.push_back(std::move(test));
        };
        if (operand.is_object()) {
            static const std::vector<std::pair<std::string, TestOp>> ops = {
                {"eq", TestOp::eq},
                {"ne", TestOp::ne},
                {"in", TestOp::in},
                {"not_in", TestOp::not_in},
                {"lt", TestOp::lt},
                {"lte", TestOp::lte},
                {"gt", TestOp::gt},
                {"gte", TestOp::gte},
                {"contains", TestOp::contains},
                {"contains_any", TestOp::contains_any},
                {"empty", TestOp::empty}};
            if (operand.empty()) error_at(at, "an empty test; give an operator such as eq, in or gte");
            for (const auto& [name, op_operand] : operand.items()) {
                auto found = std::find_if(ops.begin(), ops.end(),
                                          [&name = name](const auto& p) { return p.first == name; });
                if (found == ops.end()) {
                    std::vector<std::string> names;
                    names.reserve(ops.size());
                    for (const auto& p : ops)
                        names.push_back(p.first);
                    std::string message = fmt::format("unknown operator '{}'", name);
                    if (auto hint = did_you_mean(name, names))
                        message += fmt::format("; did you mean '{}'?", *hint);
                    else
                        message += fmt::format(" (operators: {})", join(names, ", "));
                    error_at_key(pointer_append(at, name), message);
                    continue;
                }
                add_test(found->second, op_operand, pointer_append(at, name));
            }
        } else if (operand.is_array()) {
            add_test(question->type == QuestionType::multi ? TestOp::contains_any : TestOp::in, operand, at);
        } else if (question->type == QuestionType::multi) {
            add_test(TestOp::contains, operand, at);
        } else {
            add_test(TestOp::eq, operand, at);
        }
    }
    if (parts.size() == 1) {
        result = std::move(parts.front());
        return result;
    }
    if (parts.empty()) return result; // {} always holds
    result.kind = ConditionKind::all;
    result.children = std::move(parts);
    return result;
}

} // namespace makeorbuy::detail
