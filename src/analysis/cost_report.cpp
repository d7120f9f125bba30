// The cost section of a report: every option's cost for the answers, payback
// against the reference option, and the break-even volumes between plans.
// Built on the core cost model; the break-even search lives here, in analysis.

#include "makeorbuy/core/cost.hpp"
#include "makeorbuy/core/figures.hpp"
#include "makeorbuy/core/price_dates.hpp"

namespace makeorbuy {

CostReport cost_report(const Answers& answers, const RuleSet& rules, const PriceTable& prices) {
    const CostProfile& profile = profile_for(answers, prices);
    CostReport report;
    report.profile = profile.id;
    report.profile_text = profile.text;
    report.as_of = prices.as_of;
    report.workload = workload_for(answers, prices, profile);
    report.oldest_price = oldest_price(prices, profile, report.workload);
    report.reference = rules.find_option(profile.reference_option).value_or(0);

    // The form the ranking costs each option in, from the same figures.
    const CostFigures figures(answers, rules, prices, per_token_allowed(answers, rules));
    std::vector<const OptionPlan*> plans;
    for (std::size_t o = 0; o < rules.options.size(); ++o) {
        const OptionPlan* plan = profile.find_plan(rules.options[o].id);
        if (plan == nullptr) continue;
        OptionCost cost = option_cost(*plan, report.workload, prices);
        cost.option = o;
        if (!plan->gpu_offer.empty()) cost.form = "own-gpus";
        if (const OptionFigures* f = figures.option(o); f != nullptr && f->per_token) {
            cost.form = "per-token";
            cost.ranked_usd = f->monthly_usd;
        }
        report.options.push_back(std::move(cost));
        plans.push_back(plan);
    }

    // Payback: months for the monthly saving against the reference to repay the setup.
    const OptionCost* reference = nullptr;
    for (const auto& c : report.options)
        if (c.option == report.reference) reference = &c;
    if (reference != nullptr) {
        const double reference_usd = reference->monthly_usd;
        for (auto& c : report.options) {
            const double saving = reference_usd - c.monthly_usd;
            if (c.option != report.reference && saving > 0 && c.setup_usd > 0)
                c.payback_months = c.setup_usd / saving;
        }
    }

    const OptionPlan* small = profile.find_plan("small-hosted");
    const OptionPlan* ref_plan = profile.find_plan(profile.reference_option);
    const ApiModel* small_model = small ? api_model_of(*small, report.workload, prices) : nullptr;
    const ApiModel* ref_model = ref_plan ? api_model_of(*ref_plan, report.workload, prices) : nullptr;
    if (small_model && ref_model) {
        const double small_cpr = cost_per_request(*small_model, report.workload);
        if (small_cpr > 0)
            report.small_model_discount = cost_per_request(*ref_model, report.workload) / small_cpr;
    }

    report.break_even = break_even_points(plans, report, prices);
    report.curves = cost_curves(plans, report, prices);
    return report;
}

} // namespace makeorbuy
