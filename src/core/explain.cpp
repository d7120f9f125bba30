#include "makeorbuy/core/explain.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <numeric>

namespace makeorbuy {

std::vector<double> apportion(std::span<const double> parts, double total) {
    const std::size_t n = parts.size();
    std::vector<double> out(n, 0.0);
    if (n == 0) return out;
    // In whole cents: each part's floor, then the cents still missing go to
    // the parts with the largest remainders (or come from the smallest).
    std::vector<std::int64_t> cents(n);
    std::vector<double> remainder(n);
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double scaled = parts[i] * 100.0;
        const double floor = std::floor(scaled);
        cents[i] = static_cast<std::int64_t>(floor);
        remainder[i] = scaled - floor;
        sum += cents[i];
    }
    const auto target = static_cast<std::int64_t>(std::llround(round_score(total) * 100.0));
    std::int64_t missing = target - sum;
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
    // Normally 0 <= missing <= n; more (a total that is not the parts' sum)
    // goes round again, so the parts always add up to the target.
    for (std::size_t k = 0; missing > 0; k = (k + 1) % n, --missing)
        ++cents[order[k]];
    for (std::size_t k = n - 1; missing < 0; k = (k + n - 1) % n, ++missing)
        --cents[order[k]];
    for (std::size_t i = 0; i < n; ++i) {
        const double value = static_cast<double>(cents[i]) / 100.0;
        out[i] = value == 0 ? 0.0 : value;
    }
    return out;
}

Explanation explain(const OptionResult& result) {
    Explanation out;
    out.option = result.option;
    out.score_shown = round_score(result.score);
    std::vector<double> deltas;
    deltas.reserve(result.contributions.size());
    for (const Contribution& c : result.contributions)
        deltas.push_back(c.delta);
    const std::vector<double> shown = apportion(deltas, result.score);
    for (std::size_t i = 0; i < deltas.size(); ++i) {
        const ShownReason reason{result.contributions[i].rule, deltas[i], shown[i]};
        (deltas[i] > 0 ? out.for_ : out.against).push_back(reason);
    }
    // contributions come largest |delta| first, so both lists are in that order.
    return out;
}

WhyNot why_not(const OptionResult& winner, const OptionResult& other) {
    WhyNot out;
    out.winner = winner.option;
    out.other = other.option;
    out.gap_shown = round_score(round_score(winner.score) - round_score(other.score));
    std::map<std::size_t, Difference> by_rule;
    for (const Contribution& c : winner.contributions) {
        Difference& d = by_rule[c.rule];
        d.rule = c.rule;
        d.winner_delta += c.delta;
    }
    for (const Contribution& c : other.contributions) {
        Difference& d = by_rule[c.rule];
        d.rule = c.rule;
        d.other_delta += c.delta;
    }
    std::vector<Difference> all;
    std::vector<double> parts;
    for (auto& [rule, d] : by_rule) {
        d.difference = d.winner_delta - d.other_delta;
        if (d.difference == 0) continue; // the rule moves both alike
        all.push_back(d);
        parts.push_back(d.difference);
    }
    const std::vector<double> shown = apportion(parts, out.gap_shown);
    for (std::size_t i = 0; i < all.size(); ++i)
        all[i].shown = shown[i];
    std::stable_sort(all.begin(), all.end(), [](const Difference& a, const Difference& b) {
        return std::fabs(a.difference) > std::fabs(b.difference);
    });
    for (const Difference& d : all)
        (d.difference > 0 ? out.for_winner : out.for_other).push_back(d);
    return out;
}

} // namespace makeorbuy
