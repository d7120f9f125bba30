// Robustness: how often the recommendation stays first when every rule's
// weight is redrawn within its band (a SMAA-style first-rank acceptability).

#include "makeorbuy/analysis.hpp"

#include "random.hpp"

#include <algorithm>
#include <cmath>

namespace makeorbuy {

const char* to_string(Verdict verdict) {
    switch (verdict) {
    case Verdict::clear:
        return "clear";
    case Verdict::leaning:
        return "leaning";
    case Verdict::contested:
        return "contested";
    }
    return "clear";
}

Robustness robustness(const Evaluation& evaluation, const RuleSet& rules,
                      const RobustnessSettings& settings) {
    const std::size_t n_options = rules.options.size();
    const std::size_t n_rules = rules.rules.size();
    Robustness result;
    result.samples = std::max<std::uint64_t>(settings.samples, 1);
    result.seed = settings.seed;
    result.band = std::clamp(settings.band, 0.0, 1.0);

    std::vector<double> weights(n_rules);
    std::vector<double> scores(n_options);
    for (std::size_t r = 0; r < n_rules; ++r)
        weights[r] = rules.rules[r].weight;
    result.recommendation = winner_with_weights(evaluation, rules, weights, scores);

    // One draw per rule per sample, fired or not, so that a rule's weight in
    // sample i does not depend on which other rules the answers fire.
    detail::Xoshiro256 random(settings.seed);
    std::vector<std::uint64_t> wins(n_options, 0);
    for (std::uint64_t s = 0; s < result.samples; ++s) {
        for (std::size_t r = 0; r < n_rules; ++r)
            weights[r] = rules.rules[r].weight * (1.0 - result.band + 2.0 * result.band * random.uniform());
        ++wins[winner_with_weights(evaluation, rules, weights, scores)];
        const std::uint64_t drawn = s + 1;
        if (settings.decide_half_for && *settings.decide_half_for < n_options && drawn % 100 == 0) {
            const double share =
                static_cast<double>(wins[*settings.decide_half_for]) / static_cast<double>(drawn);
            // Three standard errors of a share near one half: 1.5 / sqrt(n).
            if (std::fabs(share - 0.5) > 1.5 / std::sqrt(static_cast<double>(drawn))) {
                result.samples = drawn;
                break;
            }
        }
    }

    result.first_place_share.resize(n_options);
    for (std::size_t o = 0; o < n_options; ++o)
        result.first_place_share[o] = static_cast<double>(wins[o]) / static_cast<double>(result.samples);
    std::vector<std::size_t> order(n_options);
    for (std::size_t o = 0; o < n_options; ++o)
        order[o] = o;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return wins[a] > wins[b]; });
    result.leader = order.empty() ? 0 : order[0];
    result.runner_up = order.size() > 1 ? order[1] : result.leader;
    result.margin = order.size() > 1
                        ? result.first_place_share[result.leader] - result.first_place_share[result.runner_up]
                        : 1.0;
    const double own = n_options == 0 ? 1.0 : result.first_place_share[result.recommendation];
    result.verdict = own >= k_clear_share       ? Verdict::clear
                     : own >= k_contested_share ? Verdict::leaning
                                                : Verdict::contested;
    return result;
}

bool wins_whole_band(const Evaluation& evaluation, const RuleSet& rules, std::size_t option, double band) {
    const std::size_t n_options = rules.options.size();
    if (option >= n_options || !evaluation.excluded_by[option].empty()) return false;
    band = std::clamp(band, 0.0, 1.0);
    // Per rival: the lead of `option` at the box corner that is worst for it.
    std::vector<double> worst_lead(n_options, 0.0);
    std::vector<double> points(n_options);
    for (const FiredRule& fired : evaluation.fired) {
        const Rule& rule = rules.rules[fired.rule];
        std::fill(points.begin(), points.end(), 0.0);
        for (const Effect& effect : rule.effects)
            points[effect.option] += effect.points * fired.factor;
        const double low = rule.weight * (1.0 - band);
        const double high = rule.weight * (1.0 + band);
        for (std::size_t o = 0; o < n_options; ++o) {
            const double difference = points[option] - points[o];
            worst_lead[o] += difference * (difference > 0 ? low : high);
        }
    }
    // Scores are compared rounded to two decimals, so demand a lead that
    // rounding cannot undo.
    for (std::size_t o = 0; o < n_options; ++o)
        if (o != option && evaluation.excluded_by[o].empty() && worst_lead[o] <= 0.011) return false;
    return true;
}

} // namespace makeorbuy
