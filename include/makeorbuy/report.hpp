#pragma once
// What a recommendation run produced: the model every renderer draws from.

#include "makeorbuy/analysis.hpp"
#include "makeorbuy/answers.hpp"
#include "makeorbuy/cost.hpp"
#include "makeorbuy/rules.hpp"
#include "makeorbuy/score.hpp"

#include <string>
#include <vector>

namespace makeorbuy {

struct Report {
    const RuleSet* rules = nullptr;
    Answers answers; ///< every question, defaults filled in
    Ranking ranking;
    std::optional<Analysis> analysis; ///< tipping points and robustness, unless turned off
    std::optional<CostReport> cost;   ///< the cost model, unless turned off
};

/// Builds the report: scores the answers with the rules.
[[nodiscard]] Report make_report(const RuleSet& rules, Answers answers);

} // namespace makeorbuy
