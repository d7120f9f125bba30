#pragma once
// A costed routing plan: where the answers call for routing (a route of the
// rules holds), which option carries which share of the model calls, and
// the blended monthly cost against each single option, from the same cost
// figures the ranking and the cost section use. Pure.

#include "makeorbuy/core/answers.hpp"
#include "makeorbuy/core/rules.hpp"
#include "makeorbuy/core/score.hpp"

#include <optional>
#include <vector>

namespace makeorbuy {

/// One lane as priced: the option that carries it and what it costs.
struct LanePlan {
    std::size_t option = 0;   ///< the cheapest of the lane's candidates not ruled out, at the lane's volume
    double share = 0;         ///< of the model calls (a fallback: of the first lane's, which it would carry)
    double requests = 0;      ///< share of the workload's requests a month
    double monthly_usd = 0;   ///< the option's cost at that volume, in its cheaper allowed form
    std::string form = "api"; ///< as cost.options' costed_form: "api", "own-gpus" or "per-token"
};

/// One option alone, as the ranking costs it (the cost section's figure).
struct SingleCost {
    std::size_t option = 0;
    double monthly_usd = 0;
    std::string form = "api"; ///< as cost.options' costed_form
};

struct RoutePlan {
    std::size_t route = 0;            ///< index into RuleSet::routes
    std::vector<LanePlan> lanes;      ///< parallel to the route's lanes
    std::optional<LanePlan> fallback; ///< cost while it carries the first lane's calls; not in the blend
    double monthly_usd = 0;           ///< blended: the lanes' costs added up
    std::vector<SingleCost> singles;  ///< every option not ruled out, in the table's order
};

/// The plan of the first route whose condition holds, priced by the rules'
/// cost figures (RuleSet::prices) for the answers; nullopt when no route
/// holds, the rules have no prices, or a lane has no option left that is
/// not ruled out (`ranking` says which are). The fallback is the cheapest
/// of its candidates not ruled out and not the first lane's own option.
[[nodiscard]] std::optional<RoutePlan> route_plan(const Answers& answers, const RuleSet& rules,
                                                  const Ranking& ranking);

} // namespace makeorbuy
