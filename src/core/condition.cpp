#include "makeorbuy/core/condition.hpp"

#include "makeorbuy/core/answers.hpp"
#include "makeorbuy/core/figures.hpp"
#include "makeorbuy/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace makeorbuy {

namespace {

bool contains(const std::vector<std::string>& items, const std::string& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

bool test_number(const Condition& c, double value) {
    switch (c.op) {
    case TestOp::eq:
        return value == c.number;
    case TestOp::ne:
        return value != c.number;
    case TestOp::lt:
        return value < c.number;
    case TestOp::lte:
        return value <= c.number;
    case TestOp::gt:
        return value > c.number;
    case TestOp::gte:
        return value >= c.number;
    default:
        return false;
    }
}

bool test_choice(const Condition& c, const std::string& value) {
    switch (c.op) {
    case TestOp::eq:
    case TestOp::in:
        return contains(c.strings, value);
    case TestOp::ne:
    case TestOp::not_in:
        return !contains(c.strings, value);
    default:
        return false;
    }
}

bool test_multi(const Condition& c, const std::vector<std::string>& values) {
    switch (c.op) {
    case TestOp::contains:
        return !c.strings.empty() && contains(values, c.strings.front());
    case TestOp::contains_any:
        return std::any_of(c.strings.begin(), c.strings.end(),
                           [&](const auto& s) { return contains(values, s); });
    case TestOp::empty:
        return values.empty() == c.flag;
    default:
        return false;
    }
}

bool test(const Condition& c, const Answers& answers, const CostFigures* figures) {
    if (c.figure) {
        if (figures == nullptr) return false;
        const std::optional<double> value = figures->value(*c.figure);
        return value && test_number(c, *value);
    }
    if (c.op == TestOp::answered) {
        // Given by the user (flag, file or interview), not a default standing in.
        const Answer* answer = answers.find(c.key);
        return (answer != nullptr && answer->origin != Origin::default_value) == c.flag;
    }
    const Value* value = answers.value(c.key);
    if (value == nullptr) return false;
    if (const auto* number = std::get_if<double>(value)) return test_number(c, *number);
    if (const auto* choice = std::get_if<std::string>(value)) return test_choice(c, *choice);
    return test_multi(c, std::get<std::vector<std::string>>(*value));
}

const char* op_text(TestOp op) {
    switch (op) {
    case TestOp::eq:
        return "is";
    case TestOp::ne:
        return "is not";
    case TestOp::in:
        return "is one of";
    case TestOp::not_in:
        return "is none of";
    case TestOp::lt:
        return "<";
    case TestOp::lte:
        return "<=";
    case TestOp::gt:
        return ">";
    case TestOp::gte:
        return ">=";
    case TestOp::contains:
        return "includes";
    case TestOp::contains_any:
        return "includes any of";
    case TestOp::empty:
        return "is empty";
    case TestOp::answered:
        return "was answered";
    }
    return "?";
}

} // namespace

bool holds(const Condition& condition, const Answers& answers, const CostFigures* figures) {
    switch (condition.kind) {
    case ConditionKind::always:
        return true;
    case ConditionKind::all:
        return std::all_of(condition.children.begin(), condition.children.end(),
                           [&](const Condition& c) { return holds(c, answers, figures); });
    case ConditionKind::any:
        return std::any_of(condition.children.begin(), condition.children.end(),
                           [&](const Condition& c) { return holds(c, answers, figures); });
    case ConditionKind::negation:
        return !condition.children.empty() && !holds(condition.children.front(), answers, figures);
    case ConditionKind::test:
        return test(condition, answers, figures);
    }
    return false;
}

void collect_keys(const Condition& condition, std::vector<std::string>& keys) {
    if (condition.kind == ConditionKind::test) {
        if (std::find(keys.begin(), keys.end(), condition.key) == keys.end()) keys.push_back(condition.key);
        return;
    }
    for (const auto& child : condition.children)
        collect_keys(child, keys);
}

std::string describe(const Condition& condition) {
    switch (condition.kind) {
    case ConditionKind::always:
        return "always";
    case ConditionKind::all:
    case ConditionKind::any: {
        std::vector<std::string> parts;
        for (const auto& child : condition.children) {
            const bool group = child.kind == ConditionKind::all || child.kind == ConditionKind::any;
            parts.push_back(group ? "(" + describe(child) + ")" : describe(child));
        }
        return join(parts, condition.kind == ConditionKind::all ? " and " : " or ");
    }
    case ConditionKind::negation:
        return condition.children.empty() ? "never" : "not (" + describe(condition.children.front()) + ")";
    case ConditionKind::test:
        if (condition.op == TestOp::empty)
            return fmt::format("{} {}", condition.key, condition.flag ? "is empty" : "is not empty");
        if (condition.op == TestOp::answered)
            return fmt::format("{} {}", condition.key,
                               condition.flag ? "was answered" : "was left at its default");
        if (condition.numeric)
            return fmt::format("{} {} {}", condition.key, op_text(condition.op),
                               format_number(condition.number));
        return fmt::format("{} {} {}", condition.key, op_text(condition.op), join(condition.strings, ", "));
    }
    return {};
}

} // namespace makeorbuy
