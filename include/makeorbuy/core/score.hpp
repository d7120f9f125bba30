#pragma once
// Scoring: pure functions from answers and a rules table to a ranking in
// which every point can be traced to the rule that gave it.

#include "makeorbuy/core/answers.hpp"
#include "makeorbuy/core/figures.hpp"
#include "makeorbuy/core/rules.hpp"

#include <span>
#include <vector>

namespace makeorbuy {

/// A rule whose condition holds for the answers, with its scale factor.
struct FiredRule {
    std::size_t rule = 0; ///< index into RuleSet::rules
    double factor = 1;    ///< in [0, 1]; 1 unless the rule has a scale
};

/// What the answers make of the rules table before any weights are applied.
/// The analyses reuse it to re-score under other weights cheaply.
struct Evaluation {
    std::vector<FiredRule> fired;
    std::vector<std::vector<std::size_t>> excluded_by; ///< per option: constraint indices
    std::vector<std::size_t> advice;                   ///< advice indices that hold

    [[nodiscard]] bool excluded(std::size_t option) const { return !excluded_by[option].empty(); }
};

/// What evaluate() works out: everything, or only what decides the scores
/// and exclusions (no advice), for searches that score many variations.
enum class Evaluate { everything, scoring };

[[nodiscard]] Evaluation evaluate(const Answers& answers, const RuleSet& rules,
                                  Evaluate parts = Evaluate::everything);

/// Scale factor of a rule for the answers (and cost figures, for a scale on
/// a figure; 0 when the figure is not known), in [0, 1].
[[nodiscard]] double scale_factor(const Scale& scale, const Answers& answers,
                                  const CostFigures* figures = nullptr);

/// The cost figures of a run: the rules' price table, the answers, and
/// whether a constraint rules out buying per token. None without prices.
[[nodiscard]] CostFigures figures_for(const Answers& answers, const RuleSet& rules);

struct Contribution {
    std::size_t rule = 0;
    double delta = 0; ///< points added to the option (negative: taken away)
};

struct OptionResult {
    std::size_t option = 0;
    double score = 0;
    bool excluded = false;
    std::vector<std::size_t> excluded_by;    ///< constraint indices
    std::vector<Contribution> contributions; ///< largest |delta| first
};

struct Ranking {
    std::vector<OptionResult> ranked; ///< best first; excluded options last
    std::vector<std::size_t> advice;

    [[nodiscard]] const OptionResult& winner() const { return ranked.front(); }
    [[nodiscard]] const OptionResult* find(std::size_t option) const;
};

/// Scores every option with the rules' own weights.
[[nodiscard]] Ranking score(const Answers& answers, const RuleSet& rules);
[[nodiscard]] Ranking rank(const Evaluation& evaluation, const RuleSet& rules);

/// Scores with other weights (one per rule): the winner's option index and
/// each option's score, without building reasons. For the analyses.
[[nodiscard]] std::size_t winner_with_weights(const Evaluation& evaluation, const RuleSet& rules,
                                              std::span<const double> weights, std::span<double> scores);

/// Rounds a score the way every output shows it (two decimals).
[[nodiscard]] double round_score(double score);

/// The one winner rule, which rank(), winner_with_weights() and every
/// sampler and analysis follow: an option not ruled out ranks ahead of one
/// that is; otherwise the higher score, rounded as shown, ranks ahead. Equal
/// on both counts: neither (the table's order decides).
[[nodiscard]] inline bool ranks_ahead(double score, bool excluded, double other_score, bool other_excluded) {
    if (excluded != other_excluded) return !excluded;
    return round_score(score) > round_score(other_score);
}

/// The winner among `scores` (one per option) by ranks_ahead, ties to the
/// table's order: the highest score among options not ruled out (among all of
/// them when every one is). `is_excluded(o)` says whether option o is ruled out.
template <class IsExcluded>
[[nodiscard]] std::size_t winner_of(std::span<const double> scores, IsExcluded&& is_excluded) {
    std::size_t best = 0;
    for (std::size_t o = 1; o < scores.size(); ++o)
        if (ranks_ahead(scores[o], is_excluded(o), scores[best], is_excluded(best))) best = o;
    return best;
}

} // namespace makeorbuy
