// Robustness: how often the recommendation stays first when every rule's
// weight is redrawn within its band (a SMAA-style first-rank acceptability).

#include "makeorbuy/analysis/analysis.hpp"
#include "makeorbuy/core/score.hpp"

#include "random.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
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

struct WeightDraws::Block {
    std::once_flag made;
    std::unique_ptr<double[]> numbers; // written before read: no zero-filling
    std::array<std::uint64_t, 4> state_after{};
};

WeightDraws::WeightDraws(std::uint64_t seed, std::size_t rules, std::uint64_t samples)
    : m_seed(seed)
    , m_rules(rules)
    , m_samples(samples)
    , m_blocks(std::make_unique<Block[]>((samples + k_block - 1) / k_block))
    , m_start(detail::Xoshiro256(seed).state()) {}

WeightDraws::~WeightDraws() = default;

const WeightDraws::Block& WeightDraws::block(std::size_t b) const {
    Block& block = m_blocks[b];
    std::call_once(block.made, [&] {
        // Block b goes on from where block b - 1 left the generator.
        detail::Xoshiro256 random(b == 0 ? m_start : this->block(b - 1).state_after);
        const std::uint64_t first = b * k_block;
        const std::uint64_t count = std::min(k_block, m_samples - first);
        const std::size_t n = count * m_rules;
        block.numbers.reset(new double[n]); // uninitialised: every number is written next
        for (std::size_t i = 0; i < n; ++i)
            block.numbers[i] = random.uniform();
        block.state_after = random.state();
    });
    return block;
}

const double* WeightDraws::sample(std::uint64_t s) const {
    return block(s / k_block).numbers.get() + (s % k_block) * m_rules;
}

const std::array<std::uint64_t, 4>& WeightDraws::state_after() const {
    if (m_samples == 0) return m_start;
    return block((m_samples - 1) / k_block).state_after;
}

namespace {

/// Scores are compared rounded to two decimals: a lead larger than this
/// survives the rounding.
constexpr double k_rounding_margin = 0.011;

/// The sampler's view of one evaluation: a draw u (one number in [0, 1) per
/// rule) gives option o the score base[o] + sum over k of u[rule[k]] *
/// slope[k][o], where rule k's weight is w (1 - band + 2 band u). Each fired
/// rule appears once, its effects and factors summed.
struct Linear {
    std::size_t n_options = 0;
    std::vector<std::size_t> rule;
    std::vector<double> slope; ///< rule.size() rows of n_options
    std::vector<double> base;  ///< n_options
    std::vector<bool> allowed; ///< per option: not excluded
    bool any_allowed = false;
};

Linear linearise(const Evaluation& evaluation, const RuleSet& rules, double band) {
    Linear out;
    const std::size_t n = rules.options.size();
    out.n_options = n;
    out.base.assign(n, 0.0);
    std::vector<double> per_weight; // rows of points per unit weight, one per fired rule
    out.rule.reserve(evaluation.fired.size());
    per_weight.reserve(evaluation.fired.size() * n);
    for (const FiredRule& fired : evaluation.fired) {
        std::size_t k = 0;
        while (k < out.rule.size() && out.rule[k] != fired.rule)
            ++k;
        if (k == out.rule.size()) {
            out.rule.push_back(fired.rule);
            per_weight.resize(per_weight.size() + n, 0.0);
        }
        for (const Effect& effect : rules.rules[fired.rule].effects)
            per_weight[k * n + effect.option] += effect.points * fired.factor;
    }
    out.slope.resize(per_weight.size());
    for (std::size_t k = 0; k < out.rule.size(); ++k) {
        const double weight = rules.rules[out.rule[k]].weight;
        for (std::size_t o = 0; o < n; ++o) {
            out.base[o] += weight * (1.0 - band) * per_weight[k * n + o];
            out.slope[k * n + o] = weight * 2.0 * band * per_weight[k * n + o];
        }
    }
    out.allowed.resize(n);
    for (std::size_t o = 0; o < n; ++o) {
        out.allowed[o] = evaluation.excluded_by[o].empty();
        out.any_allowed = out.any_allowed || out.allowed[o];
    }
    return out;
}

/// `option`'s lead over `rival` at the corner of the weight box that is worst
/// for it (`worst`) or best for it. The lead is linear in the draws, so these
/// corners bound it over the whole box.
double lead_at_corner(const Linear& lin, std::size_t option, std::size_t rival, bool worst) {
    const std::size_t n = lin.n_options;
    double lead = lin.base[option] - lin.base[rival];
    for (std::size_t k = 0; k < lin.rule.size(); ++k) {
        const double slope = lin.slope[k * n + option] - lin.slope[k * n + rival];
        lead += worst ? std::min(0.0, slope) : std::max(0.0, slope);
    }
    return lead;
}

template <std::size_t N> void scores_at(const Linear& lin, const double* u, double* scores) {
    double sums[N];
    std::copy(lin.base.data(), lin.base.data() + N, sums);
    const double* row = lin.slope.data();
    for (const std::size_t r : lin.rule) {
        const double x = u[r];
        for (std::size_t o = 0; o < N; ++o)
            sums[o] += x * row[o];
        row += N;
    }
    std::copy(sums, sums + N, scores);
}

void scores_at(const Linear& lin, const double* u, double* scores) {
    const std::size_t n = lin.n_options;
    std::copy(lin.base.begin(), lin.base.end(), scores);
    const double* row = lin.slope.data();
    for (const std::size_t r : lin.rule) {
        for (std::size_t o = 0; o < n; ++o)
            scores[o] += u[r] * row[o];
        row += n;
    }
}

/// The winner under draw u, as winner_with_weights picks it: the highest
/// score rounded to cents among the options not excluded (all of them if
/// every one is), the first on a tie. Rounding is skipped when the leader is
/// ahead of every other candidate by more than rounding could close.
std::size_t sampled_winner(const Linear& lin, const double* u, std::vector<double>& scores) {
    const std::size_t n = lin.n_options;
    if (n == 4) // the default table's four options: a loop the compiler unrolls
        scores_at<4>(lin, u, scores.data());
    else
        scores_at(lin, u, scores.data());
    const auto candidate = [&](std::size_t o) { return !lin.any_allowed || lin.allowed[o]; };
    std::size_t best = n;
    for (std::size_t o = 0; o < n; ++o)
        if (candidate(o) && (best == n || scores[o] > scores[best])) best = o;
    bool clear = true;
    for (std::size_t o = 0; o < n && clear; ++o)
        clear = o == best || !candidate(o) || scores[best] - scores[o] > k_rounding_margin;
    if (clear) return best;
    best = n;
    double best_rounded = 0.0;
    for (std::size_t o = 0; o < n; ++o) {
        if (!candidate(o)) continue;
        const double rounded = round_score(scores[o]);
        if (best == n || rounded > best_rounded) {
            best = o;
            best_rounded = rounded;
        }
    }
    return best;
}

/// The numbers of sample 0, 1, 2... in turn: from shared draws while they
/// last (when their seed and rule count match), else from the generator.
class DrawSource {
public:
    DrawSource(const RobustnessSettings& settings, std::size_t n_rules)
        : m_rules(n_rules)
        , m_shared(settings.draws)
        , m_random(settings.seed)
        , m_own(n_rules) {
        if (m_shared != nullptr && (m_shared->seed() != settings.seed || m_shared->rules() != n_rules))
            m_shared = nullptr;
    }

    /// Sample s's numbers; s counts up from 0 by one.
    const double* next(std::uint64_t s) {
        if (m_shared != nullptr && s == m_shared->samples()) { // past the shared ones: go on alone
            m_random = detail::Xoshiro256(m_shared->state_after());
            m_shared = nullptr;
        }
        if (m_shared != nullptr) {
            if (s % WeightDraws::k_block == 0) {
                m_block = m_shared->sample(s);
                return m_block;
            }
            m_block += m_rules; // the next sample's numbers follow this one's
            return m_block;
        }
        for (double& x : m_own)
            x = m_random.uniform();
        return m_own.data();
    }

private:
    std::size_t m_rules;
    const WeightDraws* m_shared;
    const double* m_block = nullptr;
    detail::Xoshiro256 m_random;
    std::vector<double> m_own;
};

/// Whether the sequential test of RobustnessSettings::decide_half_for stops
/// after `drawn` samples with `wins` of them won: a share more than three
/// standard errors (1.5 / sqrt(n) near one half) from one half.
bool decided(std::uint64_t wins, std::uint64_t drawn) {
    if (drawn % 100 != 0) return false;
    const double share = static_cast<double>(wins) / static_cast<double>(drawn);
    return std::fabs(share - 0.5) > 1.5 / std::sqrt(static_cast<double>(drawn));
}

} // namespace

Robustness robustness(const Evaluation& evaluation, const RuleSet& rules,
                      const RobustnessSettings& settings) {
    const std::size_t n_options = rules.options.size();
    const std::size_t n_rules = rules.rules.size();
    Robustness result;
    result.samples = std::max<std::uint64_t>(settings.samples, 1);
    result.seed = settings.seed;
    result.band = std::clamp(settings.band, 0.0, 1.0);

    std::vector<double> scores(n_options);
    {
        std::vector<double> weights(n_rules);
        for (std::size_t r = 0; r < n_rules; ++r)
            weights[r] = rules.rules[r].weight;
        result.recommendation = winner_with_weights(evaluation, rules, weights, scores);
    }

    // One draw per rule per sample, fired or not, so that a rule's weight in
    // sample i does not depend on which other rules the answers fire.
    const Linear lin = linearise(evaluation, rules, result.band);
    DrawSource draws(settings, n_rules);
    std::vector<std::uint64_t> wins(n_options, 0);
    const bool deciding = settings.decide_half_for && *settings.decide_half_for < n_options;
    // A recommendation that leads every rival at every corner of the box
    // comes first in every sample: no need to draw them.
    const bool every_draw =
        !deciding && wins_whole_band(evaluation, rules, result.recommendation, result.band);
    if (every_draw) wins[result.recommendation] = result.samples;
    for (std::uint64_t s = 0; s < result.samples && !every_draw; ++s) {
        ++wins[sampled_winner(lin, draws.next(s), scores)];
        if (deciding && decided(wins[*settings.decide_half_for], s + 1)) {
            result.samples = s + 1;
            break;
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

ChoiceShare choice_share(const Evaluation& evaluation, const RuleSet& rules, std::size_t option,
                         const RobustnessSettings& settings) {
    const std::size_t n_options = rules.options.size();
    const std::size_t n_rules = rules.rules.size();
    const double band = std::clamp(settings.band, 0.0, 1.0);
    ChoiceShare result;
    result.samples = std::max<std::uint64_t>(settings.samples, 1);
    if (option >= n_options) return result;

    const Linear lin = linearise(evaluation, rules, band);
    // The option's lead over each rival that can come near it, as a constant
    // plus one term per rule that moves it. A rival it leads by more than
    // rounding could close at every corner of the box never matters.
    struct Term {
        std::size_t rule;
        double slope;
    };
    struct Lead {
        double base = 0.0;
        std::vector<Term> terms; // one pair per rule, read together in the hot loop below
    };
    std::vector<Lead> leads;
    bool shortcut = lin.allowed[option]; // an excluded option: sample every winner in full
    if (shortcut) {
        for (std::size_t o = 0; o < n_options; ++o) {
            if (o == option || !lin.allowed[o] || lead_at_corner(lin, option, o, true) > k_rounding_margin)
                continue;
            Lead lead;
            lead.base = lin.base[option] - lin.base[o];
            for (std::size_t k = 0; k < lin.rule.size(); ++k) {
                const double slope = lin.slope[k * n_options + option] - lin.slope[k * n_options + o];
                if (slope == 0.0) continue;
                lead.terms.push_back({lin.rule[k], slope});
            }
            leads.push_back(std::move(lead));
        }
    }

    std::vector<double> scores(n_options);
    DrawSource draws(settings, n_rules);
    const bool deciding = settings.decide_half_for && *settings.decide_half_for < n_options;
    std::uint64_t wins = 0;
    for (std::uint64_t s = 0; s < result.samples; ++s) {
        const double* u = draws.next(s);
        // Ahead of every rival by more than rounding can close: first. Behind
        // one by as much: not first. Else the full comparison decides.
        bool ahead = true;
        bool behind = false;
        if (shortcut) {
            for (const Lead& lead : leads) {
                double value = lead.base;
                for (const Term& term : lead.terms)
                    value += u[term.rule] * term.slope;
                ahead = ahead && value > k_rounding_margin;
                if (value < -k_rounding_margin) {
                    behind = true;
                    break;
                }
            }
        }
        const bool first = !behind && ((shortcut && ahead) || sampled_winner(lin, u, scores) == option);
        wins += first ? 1 : 0;
        if (deciding && decided(wins, s + 1)) {
            result.samples = s + 1;
            break;
        }
    }
    result.share = static_cast<double>(wins) / static_cast<double>(result.samples);
    return result;
}

bool wins_whole_band(const Evaluation& evaluation, const RuleSet& rules, std::size_t option, double band) {
    const std::size_t n_options = rules.options.size();
    if (option >= n_options || !evaluation.excluded_by[option].empty()) return false;
    const Linear lin = linearise(evaluation, rules, std::clamp(band, 0.0, 1.0));
    for (std::size_t o = 0; o < n_options; ++o)
        if (o != option && lin.allowed[o] && lead_at_corner(lin, option, o, true) <= k_rounding_margin)
            return false;
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
    const Linear lin = linearise(evaluation, rules, std::clamp(band, 0.0, 1.0));
    for (std::size_t o = 0; o < n_options; ++o)
        if (o != option && lin.allowed[o] && lead_at_corner(lin, option, o, false) < -k_rounding_margin)
            return true;
    return false;
}

bool wins_at_least_half(const Evaluation& evaluation, const RuleSet& rules, std::size_t option, double band) {
    const std::size_t n_options = rules.options.size();
    if (option >= n_options || !evaluation.excluded_by[option].empty()) return false;
    const Linear lin = linearise(evaluation, rules, std::clamp(band, 0.0, 1.0));
    // Chosen comes first whenever it leads every live rival by more than the
    // rounding margin, so P(first) >= 1 - sum over rivals of P(lead <= margin).
    double chance_of_losing = 0.0;
    for (std::size_t o = 0; o < n_options; ++o) {
        if (o == option || !lin.allowed[o]) continue;
        // The lead is base + sum of u_k * slope_k with each u_k uniform on
        // [0, 1): term k ranges over a width |slope_k|, centred on slope_k / 2.
        double mean = lin.base[option] - lin.base[o]; // the lead at the table's own weights
        double worst = mean;                          // the lead at the box's worst corner
        double widths2 = 0.0;                         // sum of the squared widths
        double widest = 0.0;
        for (std::size_t k = 0; k < lin.rule.size(); ++k) {
            const double slope = lin.slope[k * n_options + option] - lin.slope[k * n_options + o];
            mean += slope / 2.0;
            worst += std::min(0.0, slope);
            widths2 += slope * slope;
            widest = std::max(widest, std::fabs(slope));
        }
        if (worst > k_rounding_margin) continue; // leads under every weighting
        const double t = mean - k_rounding_margin;
        if (t <= 0.0) return false; // loses or ties at the table's own weights: sample it
        // The lead is a sum of independent uniform terms, symmetric about its
        // mean, so it falls to the margin at most half the time; Hoeffding's
        // and Bernstein's inequalities (the terms' variance is width^2 / 12)
        // bound it tighter.
        const double hoeffding = std::exp(-2.0 * t * t / widths2);
        const double bernstein = std::exp(-t * t / (2.0 * (widths2 / 12.0 + widest / 2.0 * t / 3.0)));
        chance_of_losing += std::min({0.5, hoeffding, bernstein});
        if (chance_of_losing > 0.5) return false;
    }
    return true;
}

} // namespace makeorbuy
