// Markdown of the decision analysis and the cost model.

#include "makeorbuy/render/render_analysis.hpp"

#include "makeorbuy/core/text.hpp"

#include <fmt/format.h>

namespace makeorbuy {

std::string analysis_markdown(const Analysis& analysis, const RuleSet& rules, std::size_t recommendation) {
    const Robustness& r = analysis.robustness;
    std::string out = "\n### How sure is this\n\n";
    const std::vector<std::string> sentences = robustness_sentences(analysis, rules, recommendation);
    if (r.verdict == Verdict::contested) out += "> [!WARNING]\n> "; // the sentence starts "Contested:"
    out += sentences.front() + "\n\n";
    for (std::size_t i = 1; i < sentences.size(); ++i)
        out += "- " + sentences[i] + "\n";
    if (sentences.size() > 1) out += "\n";
    out += "| Option | First place |\n|---|---:|\n";
    for (std::size_t o = 0; o < rules.options.size(); ++o)
        out += fmt::format("| {} | {} |\n", rules.options[o].name, format_share(r.first_place_share[o]));

    out += "\n### What would change this\n\n";
    if (const std::string stopped = tipping_stopped_text(analysis); !stopped.empty()) out += stopped + "\n\n";
    if (analysis.tipping_points.empty() && analysis.tipping_complete)
        out += "No single answer, changed on its own, puts another option first.\n";
    for (const TippingPoint& p : analysis.tipping_points)
        out += "- " + describe(p, rules, recommendation) + "\n";
    return out;
}

std::string cost_markdown(const CostReport& cost, const RuleSet& rules) {
    std::string out =
        fmt::format("\n### Cost per month\n\nProfile `{}` ({}), prices of {}, oldest price used {}. ",
                    cost.profile, cost.profile_text, cost.as_of, cost.oldest_price);
    if (const std::string notice = stale_prices_notice(cost); !notice.empty())
        out = fmt::format("{}\n\n> **Notice:** {}\n\n", out, notice);
    const Workload& w = cost.workload;
    out += fmt::format(
        "Workload: {} requests a month{}, {} input and {} output tokens each. {}\n\n",
        format_count(w.requests_per_month),
        w.derived ? fmt::format(" (monthly spend at {} prices)", rules.options[cost.reference].name) : "",
        format_number(w.tokens_in, 0), format_number(w.tokens_out, 0), sizing_text(w));
    if (const std::string pricing = pricing_text(w); !pricing.empty()) out += pricing + "\n\n";
    out += "| Option | Per month | Parts | Setup | Payback |\n|---|---:|---|---:|---:|\n";
    for (const OptionCost& c : cost.options) {
        std::vector<std::string> parts;
        for (const auto& part : c.parts)
            parts.push_back(fmt::format("{} {}", part.id, format_money(part.monthly_usd)));
        out += fmt::format("| {} | {} | {} | {} | {} |\n", rules.options[c.option].name,
                           format_money(c.monthly_usd), join(parts, ", "),
                           c.setup_usd > 0 ? format_money(c.setup_usd) : "",
                           c.payback_months ? format_months(*c.payback_months) : "");
    }
    out += "\n**Break-even volumes**\n\n";
    if (cost.break_even.empty()) out += "- None between 1K and 10B requests a month.\n";
    for (const BreakEven& b : cost.break_even) {
        std::string text = break_even_text(b, rules, cost.reference);
        text[0] = static_cast<char>(text[0] - 'a' + 'A'); // "above ..." or "between ...": a lower-case letter
        out += "- " + text + ".\n";
    }
    if (const std::string tiers = tier_text(cost, rules); !tiers.empty()) out += "\n" + tiers + "\n";
    if (cost.small_model_discount)
        out += fmt::format(
            "\nThe smaller hosted model costs {}x less a request than the frontier model with these "
            "prices (the guide says 10-30x; that depends on the tier).\n",
            format_number(*cost.small_model_discount, 1));
    return out;
}

std::string render_cost_markdown(const CostReport& cost, const RuleSet& rules) {
    std::string body = cost_markdown(cost, rules);
    return "## AI make-or-buy: cost" + body.substr(body.find('\n', 1)) +
           fmt::format("\n_Estimated by makeorbuy {} from list prices; edit rules/prices.json or pass "
                       "--prices FILE._\n",
                       MAKEORBUY_VERSION);
}

} // namespace makeorbuy
