// The routing plan: each lane's share of the calls priced at its own volume
// by the cost figures the ranking reads, so that at a share of 1 a lane costs
// exactly what the option costs alone.

#include "makeorbuy/analysis/route.hpp"

#include "makeorbuy/core/cost.hpp"
#include "makeorbuy/core/figures.hpp"

namespace makeorbuy {

namespace {

// The cheapest candidate not ruled out (ties: the lane's order), priced at
// `share` of the volume; nullopt when none is left.
std::string form_of(const OptionFigures& f) {
    if (f.per_token) return "per-token";
    return f.plan != nullptr && !f.plan->gpu_offer.empty() ? "own-gpus" : "api";
}

std::optional<LanePlan> price_lane(const RouteLane& lane, double share, const CostFigures& figures,
                                   const Ranking& ranking, std::optional<std::size_t> skip) {
    std::optional<LanePlan> best;
    for (const std::size_t option : lane.options) {
        const OptionResult* result = ranking.find(option);
        if (result == nullptr || result->excluded || option == skip) continue;
        const double requests = figures.requests() * share;
        const std::optional<OptionFigures> f = figures.at_volume(option, requests);
        if (!f) continue;
        if (!best || f->monthly_usd < best->monthly_usd)
            best = LanePlan{option, share, requests, f->monthly_usd, form_of(*f)};
    }
    return best;
}

} // namespace

std::optional<RoutePlan> route_plan(const Answers& answers, const RuleSet& rules, const Ranking& ranking) {
    if (rules.prices == nullptr || rules.routes.empty()) return std::nullopt;
    const CostFigures figures = figures_for(answers, rules);
    if (!figures.known()) return std::nullopt;
    std::optional<std::size_t> chosen;
    for (std::size_t r = 0; r < rules.routes.size() && !chosen; ++r)
        if (holds(rules.routes[r].when, answers, &figures)) chosen = r;
    if (!chosen) return std::nullopt;
    const Route& route = rules.routes[*chosen];

    RoutePlan plan;
    plan.route = *chosen;
    for (const RouteLane& lane : route.lanes) {
        const std::optional<LanePlan> priced = price_lane(lane, lane.share, figures, ranking, std::nullopt);
        if (!priced) return std::nullopt; // a lane nothing may carry: no plan to offer
        plan.lanes.push_back(*priced);
        plan.monthly_usd += priced->monthly_usd;
    }
    if (route.fallback)
        plan.fallback = price_lane(*route.fallback, route.lanes.front().share, figures, ranking,
                                   plan.lanes.front().option);
    for (std::size_t o = 0; o < rules.options.size(); ++o) {
        const OptionResult* result = ranking.find(o);
        const OptionFigures* f = figures.option(o);
        if (result != nullptr && !result->excluded && f != nullptr)
            plan.singles.push_back({o, f->monthly_usd, form_of(*f)});
    }
    return plan;
}

} // namespace makeorbuy
