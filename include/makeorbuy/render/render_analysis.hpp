#pragma once
// Renderers for the decision analysis and the cost model: the sections the
// recommendation includes, and the whole output of `makeorbuy cost`.

#include "makeorbuy/analysis/analysis.hpp"
#include "makeorbuy/analysis/route.hpp"
#include "makeorbuy/core/cost.hpp"
#include "makeorbuy/render/render.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace makeorbuy {

/// JSON `analysis`: {"tipping_points": [...], "robustness": {...}}.
[[nodiscard]] nlohmann::ordered_json analysis_json(const Analysis& analysis, const RuleSet& rules,
                                                   std::size_t recommendation);
/// JSON `cost`: profile, workload, each option's monthly_usd with its parts, break_even.
[[nodiscard]] nlohmann::ordered_json cost_json(const CostReport& cost, const RuleSet& rules);

/// Text sections: a warning line for the top of the output (empty unless the
/// result is contested), "How sure is this", "What would change this", "Cost".
[[nodiscard]] std::string robustness_banner(const Analysis& analysis, const RuleSet& rules,
                                            const TextStyle& style);
[[nodiscard]] std::string analysis_text(const Analysis& analysis, const RuleSet& rules,
                                        std::size_t recommendation, const TextStyle& style);
/// The notice a stale price table adds (its oldest price used is more than
/// k_prices_stale_after_days old), in words; empty when it is not stale or its age is unknown.
[[nodiscard]] std::string stale_prices_notice(const CostReport& cost);
/// How own GPUs are sized for the workload: "Own GPUs are sized for a 2x peak
/// (steady traffic) at 50% of benchmark throughput (interactive latency)."
[[nodiscard]] std::string sizing_text(const Workload& workload);
/// How tokens are priced for the workload when it departs from list prices
/// (reference model, batch prices, cached input, reasoning tokens); empty when it does not.
[[nodiscard]] std::string pricing_text(const Workload& workload);
/// Which quality tier each option's model is in, naming every option that
/// is not in the reference option's tier; empty when tiers are unknown.
[[nodiscard]] std::string tier_text(const CostReport& cost, const RuleSet& rules);
[[nodiscard]] std::string cost_text(const CostReport& cost, const RuleSet& rules, const TextStyle& style);

/// One break-even point or range in words: "above 41.7M requests a month ($X
/// of Frontier hosted API spend), A costs less than B", or "between 36.9M and
/// 42.8M requests a month A and B cost within 3% of each other; ...".
[[nodiscard]] std::string break_even_text(const BreakEven& point, const RuleSet& rules,
                                          std::size_t reference);

/// Markdown sections, each starting with a "###" heading.
[[nodiscard]] std::string analysis_markdown(const Analysis& analysis, const RuleSet& rules,
                                            std::size_t recommendation);
[[nodiscard]] std::string cost_markdown(const CostReport& cost, const RuleSet& rules);

/// The routing plan in words, for every format: the route's own text, one
/// sentence per lane (and the fallback), the blended cost against each
/// option alone, and where the shares come from.
struct RouteSentences {
    std::string intro;
    std::vector<std::string> lanes;
    std::string blend;
    std::string source;
};
[[nodiscard]] RouteSentences route_sentences(const RoutePlan& plan, const RuleSet& rules,
                                             std::size_t recommendation);
/// JSON `route`: the plan, or null when no route applies.
[[nodiscard]] nlohmann::ordered_json route_json(const std::optional<RoutePlan>& plan, const RuleSet& rules);
/// The "Routing plan" section of the text and Markdown outputs.
[[nodiscard]] std::string route_text(const RoutePlan& plan, const RuleSet& rules, std::size_t recommendation,
                                     const TextStyle& style);
[[nodiscard]] std::string route_markdown(const RoutePlan& plan, const RuleSet& rules,
                                         std::size_t recommendation);

/// The whole output of `makeorbuy cost` in each format.
[[nodiscard]] std::string render_cost_text(const CostReport& cost, const RuleSet& rules,
                                           const TextStyle& style);
[[nodiscard]] std::string render_cost_json(const CostReport& cost, const RuleSet& rules,
                                           const Answers& answers);
[[nodiscard]] std::string render_cost_markdown(const CostReport& cost, const RuleSet& rules);
[[nodiscard]] std::string render_cost_html(const CostReport& cost, const RuleSet& rules,
                                           const Answers& answers);

} // namespace makeorbuy
