#pragma once
// The pieces robustness() is built from, exposed so that the tests can hold
// each proof against the sampler. Callers ask robustness(), the one entry point.

#include "makeorbuy/analysis/analysis.hpp"

namespace makeorbuy::detail {

/// Whether `option` comes first under every weighting in the band (each rule's
/// weight anywhere in [w(1 - band), w(1 + band)]), so that its share of first
/// places is exactly 1 without sampling. Exact: scores are linear in the
/// weights, so the worst case against each rival is a corner of the box.
[[nodiscard]] bool wins_whole_band(const Evaluation& evaluation, const RuleSet& rules, std::size_t option,
                                   double band);

/// Whether `option` comes first under no weighting in the band: some rival
/// beats it even at the corner of the box that is best for it (or it is
/// excluded while another option is not), so that its share is exactly 0.
/// Exact in the same way as wins_whole_band.
[[nodiscard]] bool loses_whole_band(const Evaluation& evaluation, const RuleSet& rules, std::size_t option,
                                    double band);

/// Whether `option` provably comes first under at least half of the
/// weightings in the band, without sampling. Its lead over each rival is a sum
/// of independent uniform terms, symmetric about the lead at the table's own
/// weights; a union bound over the rivals, each bounded by that symmetry or
/// by Hoeffding's or Bernstein's inequality, shows the chance of losing is at
/// most one half. False means "not shown", not "under half".
[[nodiscard]] bool wins_at_least_half(const Evaluation& evaluation, const RuleSet& rules, std::size_t option,
                                      double band);

/// Every option's first places over the draws, each draw's winner by the
/// winner rule (winner_of). With settings.decide_half_for set it stops early
/// as that option's question allows, but draws every winner in full (the
/// proofs are not tried): the reference the faster paths are tested against.
[[nodiscard]] Robustness sample_first_places(const Evaluation& evaluation, const RuleSet& rules,
                                             const RobustnessSettings& settings);

/// One option's share of first places, sampled as sample_first_places
/// samples (the same draws, the same winners) but counting only whether
/// `option` comes first, which is cheaper: most draws are settled by its lead
/// over the few rivals that can come near it. `share` and `samples` equal
/// sample_first_places()'s first_place_share[option] and samples.
struct ChoiceShare {
    double share = 0.0;
    std::uint64_t samples = 0;
};
[[nodiscard]] ChoiceShare choice_share(const Evaluation& evaluation, const RuleSet& rules, std::size_t option,
                                       const RobustnessSettings& settings);

/// Robustness over the weights and the answers: settings.answers must be set.
/// The draws are split over a fixed number of drawn answer sets, each scored
/// afresh (evaluate()), and the weights drawn for each; a set whose winner
/// leads at every corner of the weight box wins all of its draws.
[[nodiscard]] Robustness sample_with_answers(const Answers& answers, const RuleSet& rules,
                                             const RobustnessSettings& settings);

/// A numeric answer `x` drawn within the question's uncertainty by `u` in [0, 1).
[[nodiscard]] double drawn_answer(const Question& question, double x, double u);

/// Fills shares, leader, runner-up, margin, verdict, subject and share from
/// each option's first places; result.samples and recommendation must be set.
void tally(Robustness& result, const std::vector<std::uint64_t>& wins);

} // namespace makeorbuy::detail
