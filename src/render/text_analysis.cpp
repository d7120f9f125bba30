// Terminal text of the decision analysis and the cost model.

#include "makeorbuy/render/render_analysis.hpp"

#include "makeorbuy/core/price_dates.hpp"
#include "makeorbuy/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace makeorbuy {

namespace {

constexpr std::size_t k_tipping_points_shown = 8;

std::string bullet(const TextStyle& style) {
    return style.unicode ? "•" : "*";
}

std::string item(const TextStyle& style, const std::string& text, std::size_t indent = 2) {
    const std::string pad(indent + 2, ' ');
    return fmt::format("{}{} {}\n", std::string(indent, ' '), bullet(style),
                       wrap(text, style.width - indent - 4, pad).substr(pad.size()));
}

// 10000 -> "10,000".
std::string grouped(std::uint64_t n) {
    std::string digits = std::to_string(n);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<std::size_t>(i), ",");
    return digits;
}

} // namespace

std::string break_even_text(const BreakEven& point, const RuleSet& rules, std::size_t reference) {
    const std::string& above = rules.options[point.cheaper_above].name;
    const std::string& below = rules.options[point.cheaper_below].name;
    if (point.requests_to <= 0)
        return fmt::format("above {} requests a month ({} of {} spend), {} costs less than {}",
                           format_count(point.requests_per_month), format_money(point.reference_usd),
                           rules.options[reference].name, above, below);
    const double percent_within = std::max(1.0, std::ceil(point.within * 100 - 1e-9));
    std::string text =
        fmt::format("between {} and {} requests a month, {} and {} cost within {:.0f}% of each other",
                    format_count(point.requests_per_month), format_count(point.requests_to), below, above,
                    percent_within);
    text += fmt::format("; below it {} costs less, above it {}", below, above);
    return text;
}

std::string robustness_banner(const Analysis& analysis, const RuleSet& rules, const TextStyle& style) {
    const Robustness& r = analysis.robustness;
    if (r.verdict != Verdict::contested) return "";
    const std::string& name = rules.options[r.recommendation].name;
    std::string text =
        fmt::format("Contested: {} comes first under only {} of {} plausible weightings of the rules{}", name,
                    format_share(r.first_place_share[r.recommendation]), grouped(r.samples),
                    r.answers_drawn.empty() ? "" : " and of the uncertain answers");
    const std::size_t other = r.leader != r.recommendation ? r.leader : r.runner_up;
    if (other != r.recommendation)
        text +=
            fmt::format("; {} wins {}", rules.options[other].name, format_share(r.first_place_share[other]));
    text += ". Treat this as a close call and weigh the reasons below yourself.";
    return paint(style, Role::warn, wrap(text, style.width - 2, "")) + "\n";
}

std::string analysis_text(const Analysis& analysis, const RuleSet& rules, std::size_t recommendation,
                          const TextStyle& style) {
    const Robustness& r = analysis.robustness;
    std::string out;
    out += "\n" + paint(style, Role::heading, "How sure is this") + "\n";
    for (const std::string& sentence : robustness_sentences(analysis, rules, recommendation))
        out += wrap(sentence, style.width - 2, "  ") + "\n";
    std::vector<std::size_t> order(rules.options.size());
    for (std::size_t o = 0; o < order.size(); ++o)
        order[o] = o;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return r.first_place_share[a] > r.first_place_share[b];
    });
    std::size_t name_width = 0;
    for (const auto& o : rules.options)
        name_width = std::max(name_width, o.name.size());
    for (std::size_t o : order) {
        if (r.first_place_share[o] <= 0) continue;
        std::string name = rules.options[o].name;
        name.resize(name_width, ' ');
        out += fmt::format("    {}  {:>4}  {}\n", name, format_share(r.first_place_share[o]),
                           paint(style, o == recommendation ? Role::good : Role::dim,
                                 bar(style, r.first_place_share[o], 20)));
    }

    out += "\n" + paint(style, Role::heading, "What would change this") + "\n";
    if (const std::string stopped = tipping_stopped_text(analysis); !stopped.empty())
        out += paint(style, Role::dim, wrap(stopped, style.width - 2, "  ")) + "\n";
    if (analysis.tipping_points.empty()) {
        if (analysis.tipping_complete)
            out += "  No single answer, changed on its own, puts another option first.\n";
        return out;
    }
    std::size_t shown = 0;
    for (const TippingPoint& p : analysis.tipping_points) {
        if (shown++ == k_tipping_points_shown) break;
        out += item(style, describe(p, rules, recommendation));
    }
    if (analysis.tipping_points.size() > k_tipping_points_shown)
        out += paint(style, Role::dim,
                     fmt::format("  ({} more in --format json)",
                                 analysis.tipping_points.size() - k_tipping_points_shown)) +
               "\n";
    return out;
}

std::string sizing_text(const Workload& workload) {
    return fmt::format(
        "Own GPUs are sized for a {}x peak ({}) at {} of benchmark throughput ({}).",
        format_number(workload.peak_to_average, 2),
        workload.volume_pattern.empty() ? "the price table's default" : workload.volume_pattern + " traffic",
        format_share(workload.utilization),
        workload.latency.empty() ? "the price table's default" : workload.latency + " latency");
}

std::string stale_prices_notice(const CostReport& cost) {
    if (!cost.prices_age_days || !prices_stale(*cost.prices_age_days)) return {};
    return fmt::format(
        "The oldest price used is from {}, {} days ago (more than {}): the figures may be out of "
        "date. See them with `makeorbuy prices show`; refresh the API prices with `makeorbuy "
        "prices import litellm FILE`.",
        cost.oldest_price, *cost.prices_age_days, k_prices_stale_after_days);
}

std::string cost_text(const CostReport& cost, const RuleSet& rules, const TextStyle& style) {
    std::string out;
    out +=
        paint(style, Role::heading,
              fmt::format("Cost per month (profile {}; oldest price {})", cost.profile, cost.oldest_price)) +
        "\n";
    if (const std::string notice = stale_prices_notice(cost); !notice.empty())
        out += paint(style, Role::warn, wrap("Notice: " + notice, style.width - 2, "  ")) + "\n";
    if (!cost.profile_text.empty())
        out += paint(style, Role::dim, wrap(cost.profile_text, style.width - 2, "  ")) + "\n";
    const Workload& w = cost.workload;
    out += wrap(fmt::format("Workload: {} requests a month{}, {} input and {} output tokens each. {}",
                            format_count(w.requests_per_month),
                            w.derived ? fmt::format(" (monthly-spend at {} prices)",
                                                    rules.options[cost.reference].name)
                                      : "",
                            grouped(static_cast<std::uint64_t>(w.tokens_in)),
                            grouped(static_cast<std::uint64_t>(w.tokens_out)), sizing_text(w)),
                style.width - 2, "  ") +
           "\n";
    if (const std::string pricing = pricing_text(w); !pricing.empty())
        out += wrap(pricing, style.width - 2, "  ") + "\n";
    out += "\n";
    std::size_t name_width = 0;
    for (const auto& c : cost.options)
        name_width = std::max(name_width, rules.options[c.option].name.size());
    for (const OptionCost& c : cost.options) {
        std::string name = rules.options[c.option].name;
        name.resize(name_width, ' ');
        std::vector<std::string> parts;
        for (const auto& part : c.parts)
            parts.push_back(fmt::format("{} {}", part.id, format_money(part.monthly_usd)));
        // The parts wrap under themselves, not under the option's name.
        const std::string lead = fmt::format("  {}  {:>8}  ", name, format_money(c.monthly_usd));
        const std::string pad(lead.size(), ' ');
        const std::size_t width = std::max(style.width, lead.size() + 24);
        const std::string wrapped = wrap(join(parts, ", "), width, pad);
        // wrap() indents every line; the first one follows `lead` instead.
        out += lead + paint(style, Role::dim, wrapped.substr(std::min(pad.size(), wrapped.size()))) + "\n";
        std::vector<std::string> notes;
        if (c.replicas > 0)
            notes.push_back(fmt::format("{} replicas at {} average utilization, {} engineers",
                                        format_count(c.replicas), format_share(c.utilization),
                                        format_number(c.engineers, 2)));
        if (c.setup_usd > 0) {
            std::string setup = fmt::format("setup {}", format_money(c.setup_usd));
            if (c.payback_months)
                setup += fmt::format(", paid back {}", format_months(*c.payback_months));
            else
                setup += fmt::format(", never paid back at this volume");
            notes.push_back(setup);
        }
        if (c.alternative_usd)
            notes.push_back(
                fmt::format("the same open model per token ({}): {}{}", c.alternative_model,
                            format_money(*c.alternative_usd),
                            c.form == "per-token" ? ", cheaper, so the ranking counts this" : ""));
        if (!notes.empty())
            out += paint(style, Role::dim, wrap(join(notes, "; "), style.width - 2, "      ")) + "\n";
    }

    out += "\n  Break-even volumes\n";
    if (cost.break_even.empty())
        out += "    None between 1K and 10B requests a month: the order of costs never changes.\n";
    for (const BreakEven& b : cost.break_even)
        out += item(style, break_even_text(b, rules, cost.reference), 4);
    if (const std::string tiers = tier_text(cost, rules); !tiers.empty())
        out += "\n" + wrap(tiers, style.width - 2, "  ") + "\n";
    if (cost.small_model_discount) {
        const double d = *cost.small_model_discount;
        std::string text =
            fmt::format("The smaller hosted model costs {}x less a request than the frontier model here. ",
                        format_number(d, 1));
        text += d >= 10 && d <= 30
                    ? "That is inside the guide's 10-30x."
                    : "The guide's 10-30x holds only for the cheapest tier (nano, lite) or across "
                      "model generations; `makeorbuy prices show` lists each model's tier.";
        out += "\n" + wrap(text, style.width - 2, "  ") + "\n";
    }
    return out;
}

std::string render_cost_text(const CostReport& cost, const RuleSet& rules, const TextStyle& style) {
    return cost_text(cost, rules, style) +
           paint(style, Role::dim,
                 "\n" + wrap("Estimates from list prices; edit rules/prices.json or pass --prices FILE.",
                             style.width, "")) +
           "\n";
}

} // namespace makeorbuy
