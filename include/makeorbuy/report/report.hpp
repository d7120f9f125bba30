#pragma once
// What a recommendation run produced: the model every renderer draws from.

#include "makeorbuy/analysis/analysis.hpp"
#include "makeorbuy/analysis/route.hpp"
#include "makeorbuy/core/answers.hpp"
#include "makeorbuy/core/cost.hpp"
#include "makeorbuy/core/rules.hpp"
#include "makeorbuy/core/score.hpp"

#include <memory>
#include <string>
#include <vector>

namespace makeorbuy {

struct Report {
    /// The rules scored with; where their texts quote cost figures
    /// ({cost:...}), a copy with this run's figures filled in (`filled`).
    const RuleSet* rules = nullptr;
    std::shared_ptr<const RuleSet> filled;
    Answers answers; ///< every question, defaults filled in
    Ranking ranking;
    std::optional<Analysis> analysis; ///< tipping points and robustness, unless turned off
    std::optional<CostReport> cost;   ///< the cost model, unless turned off
    /// The costed routing plan, when a route of the rules holds for the answers.
    std::optional<RoutePlan> route;
};

/// Builds the report: scores the answers with the rules.
[[nodiscard]] Report make_report(const RuleSet& rules, Answers answers);

} // namespace makeorbuy
