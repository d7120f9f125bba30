#include "rules_reader.hpp"

#include "makeorbuy/core/echo.hpp"
#include "makeorbuy/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace makeorbuy::detail {

// ^[a-z0-9][a-z0-9-]*$, by hand: std::regex took 12% of a `recommend` run
// (callgrind) and recurses once per character, so a long id could overflow the stack.
bool is_id(const std::string& text) {
    auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    return !text.empty() && alnum(text.front()) &&
           std::all_of(text.begin(), text.end(), [&](char c) { return alnum(c) || c == '-'; });
}

const nlohmann::json* RulesReader::top_list(const nlohmann::json& root, const char* name, Field field) const {
    auto it = root.find(name);
    if (it == root.end()) {
        if (field == Field::required) error_at("", fmt::format("missing required field '{}'", name));
        return nullptr;
    }
    if (!it->is_array()) {
        error_at(std::string("/") + name, fmt::format("'{}' must be a list", name));
        return nullptr;
    }
    return &*it;
}

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
        error_at_key(pointer_append(pointer, key),
                     with_hint(fmt::format("unknown field '{}' in {}", key, what), key, names,
                               fmt::format(" (fields: {})", join(names, ", "))));
    }
}

std::optional<std::string> RulesReader::string_field(const nlohmann::json& object, const std::string& pointer,
                                                     const char* name, Field field) const {
    auto it = object.find(name);
    if (it == object.end()) {
        if (field == Field::required) error_at(pointer, fmt::format("missing required field '{}'", name));
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
                                                const char* name, Field field, double low,
                                                double high) const {
    auto it = object.find(name);
    if (it == object.end()) {
        if (field == Field::required) error_at(pointer, fmt::format("missing required field '{}'", name));
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

namespace {

const std::vector<std::pair<std::string, TestOp>>& test_ops() {
    static const std::vector<std::pair<std::string, TestOp>> ops = {{"eq", TestOp::eq},
                                                                    {"ne", TestOp::ne},
                                                                    {"in", TestOp::in},
                                                                    {"not_in", TestOp::not_in},
                                                                    {"lt", TestOp::lt},
                                                                    {"lte", TestOp::lte},
                                                                    {"gt", TestOp::gt},
                                                                    {"gte", TestOp::gte},
                                                                    {"contains", TestOp::contains},
                                                                    {"contains_any", TestOp::contains_any},
                                                                    {"empty", TestOp::empty},
                                                                    {"answered", TestOp::answered}};
    return ops;
}

std::optional<TestOp> test_op(const std::string& name) {
    for (const auto& [text, op] : test_ops())
        if (text == name) return op;
    return std::nullopt;
}

} // namespace

void RulesReader::unknown_operator(const std::string& name, const std::string& pointer) const {
    std::vector<std::string> names;
    names.reserve(test_ops().size());
    for (const auto& p : test_ops())
        names.push_back(p.first);
    error_at_key(pointer, with_hint(fmt::format("unknown operator '{}'", name), name, names,
                                    fmt::format(" (operators: {})", join(names, ", "))));
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
    error_at(pointer, with_hint(fmt::format("unknown value '{}' for {}", text, question.key), text, allowed) +
                          fmt::format(" (allowed: {})", join(allowed, ", ")));
    return std::nullopt;
}

std::optional<FigureRef> RulesReader::figure(const std::string& name, const std::string& pointer,
                                             const RuleSet& rules, bool at_key) const {
    auto report = [&](const std::string& message) {
        if (at_key)
            error_at_key(pointer, message);
        else
            error_at(pointer, message);
        return std::nullopt;
    };
    const std::string_view rest = std::string_view(name).substr(k_figure_prefix.size());
    const std::size_t colon = rest.find(':');
    const std::string kind_name(rest.substr(0, colon));
    const auto kind = figure_kind(kind_name);
    if (!kind) {
        return report(
            with_hint(fmt::format("unknown cost figure '{}'", kind_name), kind_name, figure_names()) +
            fmt::format(" (figures: {})", join(figure_names(), ", ")));
    }
    const bool two = takes_two_options(*kind);
    const std::string usage = two ? fmt::format("write cost:{}:OPTION/OTHER", kind_name)
                                  : fmt::format("write cost:{}:OPTION", kind_name);
    if (colon == std::string_view::npos) return report(fmt::format("'{}' names no option; {}", name, usage));
    const std::string_view options = rest.substr(colon + 1);
    const std::size_t slash = options.find('/');
    if (two != (slash != std::string_view::npos))
        return report(fmt::format("'{}' takes {}; {}", kind_name, two ? "two options" : "one option", usage));
    std::vector<std::string> ids;
    for (const auto& o : rules.options)
        ids.push_back(o.id);
    auto option = [&](std::string_view id_view) -> std::optional<std::size_t> {
        const std::string id(id_view);
        if (auto index = rules.find_option(id)) return index;
        report(with_hint(fmt::format("unknown option '{}' in cost figure '{}'", id, name), id, ids,
                         fmt::format(" (options: {})", join(ids, ", "))));
        return std::nullopt;
    };
    FigureRef ref;
    ref.kind = *kind;
    const auto first = option(options.substr(0, slash));
    if (!first) return std::nullopt;
    ref.option = *first;
    if (two) {
        const auto second = option(options.substr(slash + 1));
        if (!second) return std::nullopt;
        if (*second == *first)
            return report(fmt::format(
                "'{}' is a ratio of an option to itself, always 1; name two different options", name));
        ref.other = *second;
    }
    return ref;
}

void RulesReader::figure_test(Condition& test, const nlohmann::json& operand, const std::string& pointer,
                              TestOp op) const {
    test.op = op;
    switch (op) {
    case TestOp::lt:
    case TestOp::lte:
    case TestOp::gt:
    case TestOp::gte:
    case TestOp::eq:
    case TestOp::ne:
        if (!operand.is_number()) {
            error_at(pointer, fmt::format("a cost figure is a number; compare it with a number, not {}",
                                          type_name(operand)));
            return;
        }
        test.numeric = true;
        test.number = operand.get<double>();
        return;
    default:
        error_at(pointer, "a cost figure is a number; test it with lt, lte, gt, gte, eq or ne");
        return;
    }
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
    case TestOp::answered:
        if (!operand.is_boolean()) return wrong("give true or false");
        test.flag = operand.get<bool>();
        return;
    case TestOp::empty:
        if (!multi) return wrong("empty works on multi questions only");
        if (!operand.is_boolean()) return wrong("give true or false");
        test.flag = operand.get<bool>();
        return;
    }
}

const Question* RulesReader::find_question(const RuleSet& rules, std::string_view key) const {
    if (!m_questions || !m_questions->indexes(rules.questions)) m_questions.emplace(rules.questions);
    return m_questions->find(key);
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
        if (std::string_view(key).substr(0, k_figure_prefix.size()) == k_figure_prefix) {
            if (visible < rules.questions.size()) {
                error_at_key(at, "a question's ask_if cannot test cost figures; they are known only once "
                                 "every answer is in");
                continue;
            }
            const auto ref = figure(key, at, rules, true);
            if (!ref) continue;
            auto add_figure_test = [&, &key = key](TestOp op, const nlohmann::json& op_operand,
                                                   const std::string& op_at) {
                Condition test;
                test.kind = ConditionKind::test;
                test.key = key;
                test.figure = ref;
                test.pointer = op_at;
                figure_test(test, op_operand, op_at, op);
                parts.push_back(std::move(test));
            };
            if (!operand.is_object()) {
                add_figure_test(TestOp::eq, operand, at);
                continue;
            }
            if (operand.empty()) error_at(at, "an empty test; give an operator such as lt or gte");
            for (const auto& [name, op_operand] : operand.items()) {
                const auto op = test_op(name);
                if (!op) {
                    unknown_operator(name, pointer_append(at, name));
                    continue;
                }
                add_figure_test(*op, op_operand, pointer_append(at, name));
            }
            continue;
        }
        const Question* question = find_question(rules, key);
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
            error_at_key(at, with_hint(fmt::format("unknown question '{}' in condition", key), key, keys));
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
            if (operand.empty()) error_at(at, "an empty test; give an operator such as eq, in or gte");
            for (const auto& [name, op_operand] : operand.items()) {
                const auto op = test_op(name);
                if (!op) {
                    unknown_operator(name, pointer_append(at, name));
                    continue;
                }
                add_test(*op, op_operand, pointer_append(at, name));
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
