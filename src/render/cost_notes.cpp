// Sentences the cost section shares between text and Markdown: how the
// tokens are priced for this workload, and which quality tier each option's
// model is in, so that a cheaper option is never read as the same thing for less.

#include "makeorbuy/render/render_analysis.hpp"

#include "makeorbuy/core/text.hpp"

#include <fmt/format.h>

namespace makeorbuy {

std::string pricing_text(const Workload& workload) {
    std::vector<std::string> terms;
    if (!workload.reference_model.empty())
        terms.push_back(
            fmt::format("the reference option is priced at {} (reference-model)", workload.reference_model));
    if (workload.batch_prices)
        terms.emplace_back("API models bill batch prices where the vendor publishes them (batch latency)");
    if (workload.cached_share > 0)
        terms.push_back(fmt::format("{} of input is billed at the cached-input price where a model has one",
                                    format_share(workload.cached_share)));
    if (workload.reasoning_factor != 1)
        terms.push_back(
            fmt::format("each request generates {}x its output tokens, reasoning included ({} task)",
                        format_number(workload.reasoning_factor, 2), workload.task));
    if (terms.empty()) return {};
    std::string text = "Token prices: " + join(terms, "; ") + ".";
    return text;
}

std::string tier_text(const CostReport& cost, const RuleSet& rules) {
    const OptionCost* reference = nullptr;
    for (const OptionCost& c : cost.options)
        if (c.option == cost.reference) reference = &c;
    if (reference == nullptr || reference->tier.empty()) return {};
    // The loader holds a per-token form to its served model's tier, so an option has one tier.
    std::vector<std::string> unlike;
    for (const OptionCost& c : cost.options) {
        if (&c == reference || c.tier.empty() || c.tier == reference->tier) continue;
        const std::string per_token =
            c.alternative_model.empty() ? "" : fmt::format(", or {} per token", c.alternative_model);
        unlike.push_back(
            fmt::format("{} ({}{}) is {} tier", rules.options[c.option].name, c.model, per_token, c.tier));
    }
    const std::string lead =
        fmt::format("Quality tiers: {} ({}) is {} tier.", rules.options[reference->option].name,
                    reference->model, reference->tier);
    if (unlike.empty()) return lead + " Every other option runs a model of the same tier.";
    return fmt::format("{} Not like with like: {}. A lower tier costs less because it can do less: count its "
                       "saving only where it does your task.",
                       lead, join(unlike, "; "));
}

} // namespace makeorbuy
