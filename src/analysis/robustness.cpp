// Robustness: how often the recommendation stays first when every rule's
// weight is redrawn within its band (a SMAA-style first-rank acceptability).

#include "makeorbuy/analysis/analysis.hpp"
#include "makeorbuy/analysis/robustness_detail.hpp"
#include "makeorbuy/core/score.hpp"

#include "linear.hpp"
#include "random.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>
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

const char* to_string(Established established) {
    switch (established) {
    case Established::every_draw:
        return "proof-every-draw";
    case Established::no_draw:
        return "proof-no-draw";
    case Established::half_bound:
        return "proof-at-least-half";
    case Established::sampled:
        return "sampled";
    }
    return "sampled";
}

struct WeightDraws::Block {
    std::once_flag made;
    std::unique_ptr<double[]> numbers; // written before read: no zero-filling
};

WeightDraws::WeightDraws(std::uint64_t seed, std::size_t rules, std::uint64_t samples)
    : m_seed(seed)
    , m_rules(rules)
    , m_samples(samples)
    , m_blocks(std::make_unique<Block[]>((samples + k_block - 1) / k_block)) {}

WeightDraws::~WeightDraws() = default;

const WeightDraws::Block& WeightDraws::block(std::size_t b) const {
    Block& block = m_blocks[b];
    std::call_once(block.made, [&] {
        const std::uint64_t first = b * k_block;
        const std::uint64_t count = std::min(k_block, m_samples - first);
        const std::size_t n = count * m_rules;
        block.numbers.reset(new double[n]); // uninitialised: every number is written next
        for (std::size_t i = 0; i < n; ++i)
            block.numbers[i] = detail::uniform_at(m_seed, first * m_rules + i);
    });
    return block;
}

const double* WeightDraws::sample(std::uint64_t s) const {
    return block(s / k_block).numbers.get() + (s % k_block) * m_rules;
}

namespace {

using detail::k_rounding_margin;
using detail::Leads;
using detail::Linear;
using detail::linearise;
using detail::sampled_winner;

/// The numbers of sample 0, 1, 2... in turn: from shared draws while they
/// last (when their seed and rule count match), else worked out here.
class DrawSource {
public:
    /// Only the numbers of the rules in `wanted` are worked out (the rules the
    /// answers fire); the others are never read.
    DrawSource(const RobustnessSettings& settings, std::size_t n_rules, std::vector<std::size_t> wanted)
        : m_rules(n_rules)
        , m_seed(settings.seed)
        , m_shared(settings.draws)
        , m_own(n_rules)
        , m_wanted(std::move(wanted)) {
        if (m_shared != nullptr && (m_shared->seed() != settings.seed || m_shared->rules() != n_rules))
            m_shared = nullptr;
    }

    /// Sample s's numbers; s counts up from 0 by one.
    const double* next(std::uint64_t s) {
        if (m_shared != nullptr && s < m_shared->samples()) {
            if (s % WeightDraws::k_block == 0) {
                m_block = m_shared->sample(s);
                return m_block;
            }
            m_block += m_rules; // the next sample's numbers follow this one's
            return m_block;
        }
        for (const std::size_t r : m_wanted)
            m_own[r] = detail::uniform_at(m_seed, s * m_rules + r);
        return m_own.data();
    }

private:
    std::size_t m_rules;
    std::uint64_t m_seed;
    const WeightDraws* m_shared;
    const double* m_block = nullptr;
    std::vector<double> m_own;
    std::vector<std::size_t> m_wanted;
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

namespace detail {

Robustness sample_first_places(const Evaluation& evaluation, const RuleSet& rules,
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
    DrawSource draws(settings, n_rules, lin.rule);
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

    tally(result, wins);
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
    // An option ruled out has no leads to go by: every draw's winner in full.
    const std::optional<Leads> leads =
        lin.allowed[option] ? std::optional<Leads>(std::in_place, lin, option) : std::nullopt;
    const bool deciding = settings.decide_half_for && *settings.decide_half_for < n_options;
    if (!deciding && leads && leads->none()) { // first under every draw, as sampling would find
        result.share = 1.0;
        return result;
    }

    std::vector<double> scores(n_options);
    DrawSource draws(settings, n_rules, lin.rule);
    std::uint64_t wins = 0;
    for (std::uint64_t s = 0; s < result.samples; ++s) {
        const double* u = draws.next(s);
        const Leads::Settled settled = leads ? leads->settle(u) : Leads::Settled::open;
        const bool first = settled == Leads::Settled::first ||
                           (settled == Leads::Settled::open && sampled_winner(lin, u, scores) == option);
        wins += first ? 1 : 0;
        if (deciding && decided(wins, s + 1)) {
            result.samples = s + 1;
            break;
        }
    }
    result.share = static_cast<double>(wins) / static_cast<double>(result.samples);
    return result;
}

void tally(Robustness& result, const std::vector<std::uint64_t>& wins) {
    const std::size_t n_options = wins.size();
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
    result.subject = result.recommendation;
    result.share = own;
}

} // namespace detail

Robustness robustness(const Evaluation& evaluation, const RuleSet& rules,
                      const RobustnessSettings& settings) {
    const std::size_t n_options = rules.options.size();
    if (!settings.decide_half_for || *settings.decide_half_for >= n_options) {
        if (settings.answers != nullptr) {
            Robustness both = detail::sample_with_answers(*settings.answers, rules, settings);
            if (!both.answers_drawn.empty()) {
                // Beside it only the recommendation's share with the answers as
                // given: one option's count over the same draws, which
                // choice_share() makes without scoring every option.
                both.weights_only_share =
                    detail::choice_share(evaluation, rules, both.recommendation, settings).share;
                return both;
            }
        }
        Robustness result = detail::sample_first_places(evaluation, rules, settings);
        result.subject = result.recommendation;
        result.share = n_options == 0 ? 1.0 : result.first_place_share[result.recommendation];
        const bool all =
            result.share == 1.0 && detail::wins_whole_band(evaluation, rules, result.subject, result.band);
        result.established = all ? Established::every_draw : Established::sampled;
        return result;
    }
    // "At least half?" for one option: proofs first, most records need no draw.
    const std::size_t option = *settings.decide_half_for;
    Robustness result;
    result.seed = settings.seed;
    result.band = std::clamp(settings.band, 0.0, 1.0);
    result.subject = option;
    {
        std::vector<double> weights(rules.rules.size());
        std::vector<double> scores(n_options);
        for (std::size_t r = 0; r < rules.rules.size(); ++r)
            weights[r] = rules.rules[r].weight;
        result.recommendation = winner_with_weights(evaluation, rules, weights, scores);
    }
    if (detail::wins_whole_band(evaluation, rules, option, result.band)) {
        result.share = 1.0;
        result.established = Established::every_draw;
    } else if (detail::wins_at_least_half(evaluation, rules, option, result.band)) {
        result.share = 0.5;
        result.established = Established::half_bound;
    } else if (detail::loses_whole_band(evaluation, rules, option, result.band)) {
        result.share = 0.0;
        result.established = Established::no_draw;
    } else {
        const detail::ChoiceShare sampled = detail::choice_share(evaluation, rules, option, settings);
        result.share = sampled.share;
        result.samples = sampled.samples;
        result.established = Established::sampled;
    }
    result.verdict = result.share >= k_clear_share       ? Verdict::clear
                     : result.share >= k_contested_share ? Verdict::leaning
                                                         : Verdict::contested;
    return result;
}

} // namespace makeorbuy
