#pragma once
// The small condition language of the rules file (see rules/FORMAT.md).

#include "makeorbuy/core/figures.hpp"

#include <optional>
#include <string>
#include <vector>

namespace makeorbuy {

class Answers;
class CostFigures;

enum class ConditionKind { always, all, any, negation, test };
enum class TestOp { eq, ne, in, not_in, lt, lte, gt, gte, contains, contains_any, empty, answered };

struct Condition {
    ConditionKind kind = ConditionKind::always;
    std::vector<Condition> children; ///< all, any, negation (one child)

    // For a test: the question, the operator and its operand.
    std::string key;
    TestOp op = TestOp::eq;
    std::vector<std::string> strings; ///< eq/ne/in/not_in on choices; contains*
    double number = 0;                ///< numeric comparisons, eq/ne on numbers
    bool numeric = false;             ///< operand is `number`, not `strings`
    bool flag = false;                ///< operand of `empty` and `answered`
    /// A test on a cost figure (numeric, `key` is its name as written)
    /// instead of on the answer to question `key`.
    std::optional<FigureRef> figure;

    std::string pointer; ///< JSON pointer of this node in the rules file

    bool operator==(const Condition&) const = default;
};

/// Whether the condition holds; a test on an unanswered question, or on a
/// cost figure not known (no `figures`, or none for that option), is false.
[[nodiscard]] bool holds(const Condition& condition, const Answers& answers,
                         const CostFigures* figures = nullptr);

/// Every question key (or cost figure name) the condition refers to, without duplicates.
void collect_keys(const Condition& condition, std::vector<std::string>& keys);

/// Reads as a short phrase: "stage is pre-pmf", "monthly-spend >= 50000".
[[nodiscard]] std::string describe(const Condition& condition);

} // namespace makeorbuy
