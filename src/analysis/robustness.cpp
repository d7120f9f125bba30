// Robustness: how often the recommendation stays first when every rule's
// weight is redrawn within its band (a SMAA-style first-rank acceptability).

#include "makeorbuy/analysis.hpp"

#include "random.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

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

namespace {

/// The fired rules laid out for the sampler: per fired rule, its index, its
/// factor and a dense row of points (one per option, 0 where it has no
/// effect), so that a draw is one pass over a small array. Adding w * 0 leaves
/// a score as it was, so the sums match winner_with_weights' exactly.
struct Effects {
    std::size_t n_options = 0;
    std::vector<std::size_t> rule;
    std::vector<double> factor;
    std::vector<double> points; ///< rule.size() rows of n_options
    std::vector<bool> is_fired; ///< per rule of the table
};

Effects flatten(const Evaluation& evaluation, const RuleSet& rules) {
    Effects out;
    out.n_options = rules.options.size();
    out.is_fired.assign(rules.rules.size(), false);
    out.points.assign(evaluation.fired.size() * out.n_options, 0.0);
    for (std::size_t f = 0; f < evaluation.fired.size(); ++f) {
        const FiredRule& fired = evaluation.fired[f];
        out.rule.push_back(fired.rule);
        out.factor.push_back(fired.factor);
        for (const Effect& effect : rules.rules[fired.rule].effects)
            out.points[f * out.n_options + effect.option] += effect.points;
        out.is_fired[fired.rule] = true;
    }
    return out;
}

/// Each option's score under `weights`, in rules order.
template <std::size_t N>
void accumulate(const Effects& flat, const std::vector<double>& weights, double* scores) {
    double sums[N] = {};
    const double* row = flat.points.data();
    for (std::size_t f = 0; f < flat.rule.size(); ++f, row += N) {
        const double w = weights[flat.rule[f]] * flat.factor[f];
        for (std::size_t o = 0; o < N; ++o)
            sums[o] += w * row[o];
    }
    std::copy(sums, sums + N, scores);
}

void accumulate(const Effects& flat, const std::vector<double>& weights, double* scores, std::size_t n) {
    std::fill(scores, scores + n, 0.0);
    const double* row = flat.points.data();
    for (std::size_t f = 0; f < flat.rule.size(); ++f, row += n) {
        const double w = weights[flat.rule[f]] * flat.factor[f];
        for (std::size_t o = 0; o < n; ++o)
            scores[o] += w * row[o];
    }
}

/// The winner under `weights`, exactly as winner_with_weights picks it (the
/// same sums in the same order), with each score rounded once.
std::size_t winner(const Effects& flat, const Evaluation& evaluation, const std::vector<double>& weights,
                   std::vector<double>& scores, std::vector<double>& rounded) {
    const std::size_t n = flat.n_options;
    if (n == 4) // the default table's four options: a loop the compiler unrolls
        accumulate<4>(flat, weights, scores.data());
    else
        accumulate(flat, weights, scores.data(), n);
    for (std::size_t o = 0; o < n; ++o)
        rounded[o] = round_score(scores[o]);
    std::size_t best = 0;
    bool found = false;
    for (std::size_t o = 0; o < n; ++o) {
        if (!evaluation.excluded_by[o].empty()) continue;
        if (!found || rounded[o] > rounded[best]) {
            best = o;
            found = true;
        }
    }
    if (found) return best;
    for (std::size_t o = 1; o < n; ++o)
        if (rounded[o] > rounded[best]) best = o;
    return best;
}

/// Per rival: the lead of `option` at the corner of the weight box that is
/// worst for it (`worst`) or best for it (otherwise). Scores are linear in the
/// weights, so these corners bound the lead over the whole box.
std::vector<double> corner_leads(const Evaluation& evaluation, const RuleSet& rules, std::size_t option,
                                 double band, bool worst) {
    const std::size_t n_options = rules.options.size();
    std::vector<double> lead(n_options, 0.0);
    std::vector<double> points(n_options);
    for (const FiredRule& fired : evaluation.fired) {
        const Rule& rule = rules.rules[fired.rule];
        const double low = rule.weight * (1.0 - band);
        const double high = rule.weight * (1.0 + band);
        std::fill(points.begin(), points.end(), 0.0);
        for (const Effect& effect : rule.effects)
            points[effect.option] += effect.points * fired.factor;
        for (std::size_t o = 0; o < n_options; ++o) {
            const double difference = points[option] - points[o];
            const bool shrink = (difference > 0) == worst;
            lead[o] += difference * (shrink ? low : high);
        }
    }
    return lead;
}

/// Scores are compared rounded to two decimals: a lead larger than this
/// survives the rounding.
constexpr double k_rounding_margin = 0.011;

} // namespace

WeightDraws::WeightDraws(std::uint64_t seed, std::size_t rules, std::uint64_t samples)
    : m_seed(seed)
    , m_rules(rules)
    , m_samples(samples)
    , m_uniform(rules * samples) {
    detail::Xoshiro256 random(seed);
    for (double& u : m_uniform)
        u = random.uniform();
    m_state_after = random.state();
}

Robustness robustness(const Evaluation& evaluation, const RuleSet& rules,
                      const RobustnessSettings& settings) {
    const std::size_t n_options = rules.options.size();
    const std::size_t n_rules = rules.rules.size();
    Robustness result;
    result.samples = std::max<std::uint64_t>(settings.samples, 1);
    result.seed = settings.seed;
    result.band = std::clamp(settings.band, 0.0, 1.0);

    const Effects flat = flatten(evaluation, rules);
    std::vector<double> weights(n_rules);
    std::vector<double> scores(n_options);
    std::vector<double> rounded(n_options);
    for (std::size_t r = 0; r < n_rules; ++r)
        weights[r] = rules.rules[r].weight;
    result.recommendation = winner(flat, evaluation, weights, scores, rounded);

    // One draw per rule per sample, fired or not, so that a rule's weight in
    // sample i does not depend on which other rules the answers fire (an
    // unfired rule's draw is skipped over without being scaled).
    detail::Xoshiro256 random(settings.seed);
    const WeightDraws* drawn_before = settings.draws;
    if (drawn_before != nullptr &&
        (drawn_before->seed() != settings.seed || drawn_before->rules() != n_rules))
        drawn_before = nullptr;
    std::vector<std::uint64_t> wins(n_options, 0);
    for (std::uint64_t s = 0; s < result.samples; ++s) {
        if (drawn_before != nullptr && s == drawn_before->samples()) { // past the shared ones: go on alone
            random = detail::Xoshiro256(drawn_before->state_after());
            drawn_before = nullptr;
        }
        if (drawn_before != nullptr) {
            const double* u = drawn_before->sample(s);
            for (const std::size_t r : flat.rule)
                weights[r] = rules.rules[r].weight * (1.0 - result.band + 2.0 * result.band * u[r]);
        } else {
            for (std::size_t r = 0; r < n_rules; ++r) {
                if (!flat.is_fired[r]) {
                    (void)random.next();
                    continue;
                }
                weights[r] =
                    rules.rules[r].weight * (1.0 - result.band + 2.0 * result.band * random.uniform());
            }
        }
        ++wins[winner(flat, evaluation, weights, scores, rounded)];
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
    const std::vector<double> lead =
        corner_leads(evaluation, rules, option, std::clamp(band, 0.0, 1.0), true);
    for (std::size_t o = 0; o < n_options; ++o)
        if (o != option && evaluation.excluded_by[o].empty() && lead[o] <= k_rounding_margin) return false;
    return true;
}

bool loses_whole_band(const Evaluation& evaluation, const RuleSet& rules, std::size_t option, double band) {
    const std::size_t n_options = rules.options.size();
    if (option >= n_options) return false;
    if (!evaluation.excluded_by[option].empty()) {
        // An excluded option comes first only when every option is excluded.
        for (std::size_t o = 0; o < n_options; ++o)
            if (evaluation.excluded_by[o].empty()) return true;
        return false;
    }
    const std::vector<double> lead =
        corner_leads(evaluation, rules, option, std::clamp(band, 0.0, 1.0), false);
    for (std::size_t o = 0; o < n_options; ++o)
        if (o != option && evaluation.excluded_by[o].empty() && lead[o] < -k_rounding_margin) return true;
    return false;
}

} // namespace makeorbuy
