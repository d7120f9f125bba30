// Robustness: how often the recommendation stays first when every rule's
// weight is redrawn within its band (a SMAA-style first-rank acceptability).

#include "makeorbuy/analysis/analysis.hpp"
#include "makeorbuy/analysis/robustness_detail.hpp"
#include "makeorbuy/core/score.hpp"

#include "linear.hpp"
#include "random.hpp"

#include <algorithm>
#include <cmath>
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

namespace {

using detail::k_rounding_margin;
using detail::Leads;
using detail::Linear;
using detail::linearise;
using detail::sampled_winner;

/// The numbers of sample 0, 1, 2... in turn, worked out as they are needed:
/// only those of the rules the answers fire, and of those the rules in
/// `first` before the rest, since a draw is most often settled by a few
/// leads that read only some of them. The others are never read. (A table
/// of draws shared between the records of `adr check` cost more in page
/// faults than it saved: tests/bench/adr_bench.)
class DrawSource {
public:
    /// `first` must be a subset of `fired`.
    DrawSource(const RobustnessSettings& settings, std::size_t n_rules, const std::vector<std::size_t>& fired,
               std::vector<std::size_t> first)
        : m_rules(n_rules)
        , m_seed(settings.seed)
        , m_numbers(n_rules)
        , m_first(std::move(first)) {
        std::vector<bool> in_first(n_rules, false);
        for (const std::size_t r : m_first)
            in_first[r] = true;
        for (const std::size_t r : fired)
            if (!in_first[r]) m_rest.push_back(r);
    }

    /// Sample s's numbers of the `first` rules (the others as they were).
    const double* first(std::uint64_t s) {
        fill(s, m_first);
        return m_numbers.data();
    }
    /// Sample s's numbers of every fired rule, after first(s).
    const double* rest(std::uint64_t s) {
        fill(s, m_rest);
        return m_numbers.data();
    }

private:
    void fill(std::uint64_t s, const std::vector<std::size_t>& rules) {
        for (const std::size_t r : rules)
            m_numbers[r] = detail::uniform_at(m_seed, s * m_rules + r);
    }

    std::size_t m_rules;
    std::uint64_t m_seed;
    std::vector<double> m_numbers;
    std::vector<std::size_t> m_first;
    std::vector<std::size_t> m_rest;
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
    DrawSource draws(settings, n_rules, lin.rule, lin.rule);
    std::vector<std::uint64_t> wins(n_options, 0);
    const bool deciding = settings.decide_half_for && *settings.decide_half_for < n_options;
    // A recommendation that leads every rival at every corner of the box
    // comes first in every sample: no need to draw them.
    const bool every_draw =
        !deciding && wins_whole_band(evaluation, rules, result.recommendation, result.band);
    if (every_draw) wins[result.recommendation] = result.samples;
    for (std::uint64_t s = 0; s < result.samples && !every_draw; ++s) {
        ++wins[sampled_winner(lin, draws.first(s), scores)];
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
    DrawSource draws(settings, n_rules, lin.rule, leads ? leads->rules() : lin.rule);
    std::uint64_t wins = 0;
    for (std::uint64_t s = 0; s < result.samples; ++s) {
        const double* u = draws.first(s);
        const Leads::Settled settled = leads ? leads->settle(u) : Leads::Settled::open;
        const bool first =
            settled == Leads::Settled::first ||
            (settled == Leads::Settled::open && sampled_winner(lin, draws.rest(s), scores) == option);
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
