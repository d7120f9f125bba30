// JSON of the decision analysis and the cost model.

#include "makeorbuy/render/render_analysis.hpp"

#include "makeorbuy/core/price_dates.hpp"

#include "json_numbers.hpp"

#include <cmath>

namespace makeorbuy {

using nlohmann::ordered_json;

namespace {

using render_detail::cents;

double rounded(double x, double unit) {
    return std::round(x / unit) * unit;
}

// Thresholds are reported as a person would quote them: whole units from 100
// up, otherwise three significant digits.
ordered_json threshold_json(double x) {
    if (std::fabs(x) >= 100) return static_cast<long long>(std::llround(x));
    if (x == 0) return 0;
    const double digits = std::pow(10.0, 2 - std::floor(std::log10(std::fabs(x))));
    return std::round(x * digits) / digits;
}

} // namespace

ordered_json analysis_json(const Analysis& analysis, const RuleSet& rules, std::size_t recommendation) {
    ordered_json points = ordered_json::array();
    for (const TippingPoint& p : analysis.tipping_points) {
        ordered_json item;
        item["question"] = p.question;
        item["direction"] = to_string(p.direction);
        if (p.direction == TipDirection::above || p.direction == TipDirection::below) {
            item["threshold"] = threshold_json(p.threshold);
            item["inclusive"] = p.inclusive;
        } else {
            item["value"] = p.value;
        }
        item["recommendation"] = rules.options[p.recommendation].id;
        item["actionable"] = p.actionable;
        item["text"] = describe(p, rules, recommendation);
        points.push_back(std::move(item));
    }
    const Robustness& r = analysis.robustness;
    ordered_json shares = ordered_json::object();
    for (std::size_t o = 0; o < rules.options.size(); ++o)
        shares[rules.options[o].id] = r.first_place_share[o];
    ordered_json robustness;
    robustness["samples"] = r.samples;
    robustness["seed"] = r.seed;
    robustness["weight_band"] = r.band;
    robustness["first_place_share"] = shares;
    robustness["recommendation_share"] = r.first_place_share[r.recommendation];
    robustness["leader"] = rules.options[r.leader].id;
    robustness["runner_up"] = rules.options[r.runner_up].id;
    robustness["margin"] = rounded(r.margin, 1e-4);
    robustness["verdict"] = to_string(r.verdict);
    ordered_json drawn = ordered_json::array();
    for (std::size_t q : r.answers_drawn) {
        const Uncertainty& u = *rules.questions[q].uncertainty;
        ordered_json item{{"question", rules.questions[q].key}};
        if (u.factor > 1)
            item["factor"] = u.factor;
        else
            item["plus_minus"] = u.plus_minus;
        drawn.push_back(std::move(item));
    }
    robustness["answers_drawn"] = drawn;
    robustness["weights_only_share"] =
        r.weights_only_share ? ordered_json(*r.weights_only_share) : ordered_json();
    ordered_json hinges = ordered_json::array();
    for (const TippingPoint& p : analysis.hinges)
        hinges.push_back({{"question", p.question},
                          {"direction", to_string(p.direction)},
                          {"threshold", threshold_json(p.threshold)},
                          {"inclusive", p.inclusive},
                          {"recommendation", rules.options[p.recommendation].id},
                          {"text", describe(p, rules, recommendation)}});
    robustness["hinges_on"] = hinges;
    ordered_json out{{"tipping_points", points}};
    // Only when the search stopped at its budget, so that every other output stays as it was.
    if (!analysis.tipping_complete)
        out["tipping_search"] = {{"complete", false},
                                 {"budget", k_tipping_budget},
                                 {"questions", analysis.tipping_questions},
                                 {"questions_searched", analysis.tipping_questions_searched},
                                 {"text", tipping_stopped_text(analysis)}};
    out["robustness"] = robustness;
    return out;
}

namespace {

// Each option's monthly cost at each volume of the sweep: what a chart draws.
ordered_json curves_json(const CostReport& cost, const RuleSet& rules) {
    const CostCurves& curves = cost.curves;
    ordered_json volumes = ordered_json::array();
    for (const double r : curves.requests_per_month)
        volumes.push_back(std::llround(r));
    auto amounts = [](const std::vector<double>& usd) {
        ordered_json out = ordered_json::array();
        for (const double v : usd)
            out.push_back(cents(v));
        return out;
    };
    ordered_json series = ordered_json::array();
    for (std::size_t i = 0; i < curves.series.size(); ++i) {
        const CostCurves::Series& s = curves.series[i];
        ordered_json item = {{"option", rules.options[s.option].id}, {"monthly_usd", amounts(s.monthly_usd)}};
        if (!s.alternative_usd.empty())
            item["alternative"] = {{"api_model", cost.options[i].alternative_model},
                                   {"monthly_usd", amounts(s.alternative_usd)}};
        series.push_back(std::move(item));
    }
    return {{"requests_per_month", volumes},
            {"current_index", curves.current ? ordered_json(*curves.current) : ordered_json()},
            {"options", series}};
}

} // namespace

ordered_json cost_json(const CostReport& cost, const RuleSet& rules) {
    ordered_json out;
    out["profile"] = cost.profile;
    out["profile_text"] = cost.profile_text;
    out["prices_as_of"] = cost.as_of;
    out["oldest_price"] = cost.oldest_price;
    out["prices_age_days"] = cost.prices_age_days ? ordered_json(*cost.prices_age_days) : ordered_json();
    out["prices_stale"] = cost.prices_age_days.has_value() && prices_stale(*cost.prices_age_days);
    out["reference"] = rules.options[cost.reference].id;
    out["workload"] = {{"requests_per_month", std::llround(cost.workload.requests_per_month)},
                       {"tokens_in", cost.workload.tokens_in},
                       {"tokens_out", cost.workload.tokens_out},
                       {"derived_from_monthly_spend", cost.workload.derived},
                       {"peak_to_average", cost.workload.peak_to_average},
                       {"target_utilization", cost.workload.utilization},
                       {"batch_prices", cost.workload.batch_prices},
                       {"cached_input_share", cost.workload.cached_share},
                       {"reasoning_factor", cost.workload.reasoning_factor},
                       {"reference_model", cost.workload.reference_model.empty()
                                               ? ordered_json()
                                               : ordered_json(cost.workload.reference_model)}};
    std::string reference_tier;
    for (const OptionCost& c : cost.options)
        if (c.option == cost.reference) reference_tier = c.tier;
    ordered_json options = ordered_json::array();
    for (const OptionCost& c : cost.options) {
        ordered_json parts = ordered_json::array();
        for (const CostPart& part : c.parts)
            parts.push_back(
                {{"part", part.id}, {"monthly_usd", cents(part.monthly_usd)}, {"detail", part.detail}});
        ordered_json item;
        item["option"] = rules.options[c.option].id;
        item["monthly_usd"] = cents(c.monthly_usd);
        item["model"] = c.model;
        item["tier"] = c.tier.empty() ? ordered_json() : ordered_json(c.tier);
        item["same_tier_as_reference"] = !c.tier.empty() && c.tier == reference_tier;
        item["parts"] = parts;
        item["setup_usd"] = cents(c.setup_usd);
        item["payback_months"] =
            c.payback_months ? ordered_json(rounded(*c.payback_months, 0.1)) : ordered_json();
        if (c.replicas > 0) {
            item["replicas"] = c.replicas;
            item["utilization"] = rounded(c.utilization, 1e-4);
            item["engineers"] = c.engineers;
        }
        if (c.alternative_usd)
            item["alternative"] = {{"api_model", c.alternative_model},
                                   {"tier", c.alternative_tier},
                                   {"monthly_usd", cents(*c.alternative_usd)}};
        // Which form the ranking costed: the plan's own, or the alternative bought per token.
        item["costed_form"] = c.form;
        item["costed_monthly_usd"] = cents(c.ranked_usd.value_or(c.monthly_usd));
        options.push_back(std::move(item));
    }
    out["options"] = options;
    ordered_json points = ordered_json::array();
    for (const BreakEven& b : cost.break_even) {
        ordered_json point = {{"cheaper_above", rules.options[b.cheaper_above].id},
                              {"cheaper_below", rules.options[b.cheaper_below].id},
                              {"requests_per_month", std::llround(b.requests_per_month)},
                              {"tokens_per_month", std::llround(b.tokens_per_month)},
                              {"reference_monthly_usd", cents(b.reference_usd)}};
        if (b.requests_to > 0) {
            point["requests_per_month_to"] = std::llround(b.requests_to);
            point["within"] = std::round(b.within * 1e4) / 1e4;
        }
        points.push_back(std::move(point));
    }
    out["break_even"] = points;
    out["small_model_discount"] =
        cost.small_model_discount ? ordered_json(rounded(*cost.small_model_discount, 0.01)) : ordered_json();
    out["tier_note"] = tier_text(cost, rules);
    out["curves"] = curves_json(cost, rules);
    return out;
}

std::string render_cost_json(const CostReport& cost, const RuleSet& rules, const Answers& answers) {
    ordered_json out;
    out["schema"] = "makeorbuy.cost/1";
    out["tool"] = {{"name", "makeorbuy"}, {"version", MAKEORBUY_VERSION}};
    out["rules"] = {{"id", rules.id}, {"version", rules.version}, {"fingerprint", rules.fingerprint}};
    ordered_json given = ordered_json::object();
    for (const auto& q : rules.questions)
        if (const Answer* a = answers.find(q.key)) given[q.key] = answer_json(a->value);
    out["answers"] = given;
    out["cost"] = cost_json(cost, rules);
    return out.dump(2) + "\n";
}

} // namespace makeorbuy
