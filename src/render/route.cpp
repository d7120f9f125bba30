// The routing plan in every format: the same sentences and figures, from
// the plan the analysis priced (the figures are the cost section's own).

#include "makeorbuy/render/render_analysis.hpp"

#include "makeorbuy/core/text.hpp"

#include <fmt/format.h>

#include "json_numbers.hpp"

#include <cmath>

namespace makeorbuy {

using nlohmann::ordered_json;

namespace {

using render_detail::cents;

// "Self-hosted open model (bought per token)": the form named where the
// cost section names it, beside the own-GPU figure.
std::string costed_name(std::size_t option, const std::string& form, const RuleSet& rules) {
    return rules.options[option].name + (form == "per-token" ? " (bought per token)" : "");
}

ordered_json lane_json(const RouteLane& lane, const LanePlan& plan, const RuleSet& rules) {
    return {{"role", lane.role},
            {"text", lane.text},
            {"option", rules.options[plan.option].id},
            {"share", plan.share},
            {"requests_per_month", static_cast<long long>(std::llround(plan.requests))},
            {"monthly_usd", cents(plan.monthly_usd)},
            {"costed_form", plan.form}};
}

} // namespace

RouteSentences route_sentences(const RoutePlan& plan, const RuleSet& rules, std::size_t recommendation) {
    const Route& route = rules.routes[plan.route];
    RouteSentences out;
    out.intro = route.text;
    for (std::size_t i = 0; i < plan.lanes.size(); ++i) {
        const RouteLane& lane = route.lanes[i];
        const LanePlan& p = plan.lanes[i];
        out.lanes.push_back(fmt::format("{}{}: {} of the calls ({} requests a month) to {}, {} a month",
                                        lane.role, lane.text.empty() ? "" : " (" + lane.text + ")",
                                        format_share(p.share), format_count(p.requests),
                                        costed_name(p.option, p.form, rules), format_money(p.monthly_usd)));
    }
    if (plan.fallback) {
        const RouteLane& lane = *route.fallback;
        const LanePlan& p = *plan.fallback;
        out.lanes.push_back(fmt::format(
            "{}{}: {}, {} a month while it carries the {}{}", lane.role,
            lane.text.empty() ? "" : " (" + lane.text + ")", costed_name(p.option, p.form, rules),
            format_money(p.monthly_usd), route.lanes.front().role,
            p.form == "own-gpus" ? "" : "; nothing while it stands by, since it is paid per use"));
    }
    std::vector<std::string> singles;
    for (const SingleCost& s : plan.singles)
        singles.push_back(fmt::format("{} {}{}", costed_name(s.option, s.form, rules),
                                      format_money(s.monthly_usd),
                                      s.option == recommendation ? " (the recommendation)" : ""));
    out.blend = fmt::format("Blended: {} a month by this run's cost figures, against each option alone: {}.",
                            format_money(plan.monthly_usd), join(singles, ", "));
    out.source = "Shares: " + route.share_source;
    return out;
}

ordered_json route_json(const std::optional<RoutePlan>& plan, const RuleSet& rules) {
    if (!plan) return nullptr;
    const Route& route = rules.routes[plan->route];
    ordered_json out;
    out["id"] = route.id;
    out["text"] = route.text;
    out["guide"] = route.guide;
    out["share_source"] = route.share_source;
    ordered_json lanes = ordered_json::array();
    for (std::size_t i = 0; i < plan->lanes.size(); ++i)
        lanes.push_back(lane_json(route.lanes[i], plan->lanes[i], rules));
    out["lanes"] = lanes;
    out["fallback"] = plan->fallback && route.fallback ? lane_json(*route.fallback, *plan->fallback, rules)
                                                       : ordered_json(nullptr);
    out["monthly_usd"] = cents(plan->monthly_usd);
    ordered_json singles = ordered_json::array();
    for (const SingleCost& s : plan->singles)
        singles.push_back({{"option", rules.options[s.option].id},
                           {"monthly_usd", cents(s.monthly_usd)},
                           {"costed_form", s.form}});
    out["single_options"] = singles;
    return out;
}

std::string route_text(const RoutePlan& plan, const RuleSet& rules, std::size_t recommendation,
                       const TextStyle& style) {
    const RouteSentences s = route_sentences(plan, rules, recommendation);
    std::string out = paint(style, Role::heading, "Routing plan") + "\n";
    out += wrap(s.intro, style.width - 2, "  ") + "\n";
    for (const std::string& lane : s.lanes)
        out += fmt::format("  {} {}\n", style.unicode ? "•" : "*",
                           wrap(lane, style.width - 6, "    ").substr(4));
    out += wrap(s.blend, style.width - 2, "  ") + "\n";
    out += paint(style, Role::dim, wrap(s.source, style.width - 2, "  ")) + "\n";
    return out;
}

std::string route_markdown(const RoutePlan& plan, const RuleSet& rules, std::size_t recommendation) {
    const RouteSentences s = route_sentences(plan, rules, recommendation);
    std::string out = "\n### Routing plan\n\n" + s.intro + "\n\n";
    for (const std::string& lane : s.lanes)
        out += "- " + lane + "\n";
    out += "\n" + s.blend + "\n\n_" + s.source + "_\n";
    return out;
}

} // namespace makeorbuy
