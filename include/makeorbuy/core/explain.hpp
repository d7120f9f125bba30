#pragma once
// Explanations that add up: each option's reasons, and the rules that set the
// winner apart from another option, each with the points it is shown with,
// apportioned so that the shown points add up exactly to the shown score or
// gap (two decimals), as every output prints them.

#include "makeorbuy/core/score.hpp"

#include <span>
#include <vector>

namespace makeorbuy {

/// `parts` rounded to cents so that the rounded parts add up exactly to
/// `total` rounded to cents (largest remainder: each part moves by less than
/// a cent, and only where rounding each on its own would not add up).
/// `total` should be the parts' sum, or that sum rounded as shown.
[[nodiscard]] std::vector<double> apportion(std::span<const double> parts, double total);

struct ShownReason {
    std::size_t rule = 0; ///< index into RuleSet::rules
    double delta = 0;     ///< exact points
    double shown = 0;     ///< points as printed (cents); all of an option's add up to its shown score
};

struct Explanation {
    std::size_t option = 0;
    double score_shown = 0;           ///< round_score(score)
    std::vector<ShownReason> for_;    ///< delta > 0, largest first
    std::vector<ShownReason> against; ///< delta < 0, largest |delta| first
};

/// An option's reasons, for and against, adding up to its shown score.
[[nodiscard]] Explanation explain(const OptionResult& result);

struct Difference {
    std::size_t rule = 0;
    double winner_delta = 0; ///< what the rule gives the winner
    double other_delta = 0;  ///< what it gives the other option
    double difference = 0;   ///< winner_delta - other_delta
    double shown = 0;        ///< the difference as printed; all of them add up to the shown gap
};

struct WhyNot {
    std::size_t winner = 0;
    std::size_t other = 0;
    double gap_shown = 0;               ///< shown winner score minus shown other score
    std::vector<Difference> for_winner; ///< difference > 0, largest first
    std::vector<Difference> for_other;  ///< difference < 0 (the other option's own advantages)
};

/// Every rule where the two options differ, adding up to the shown gap.
[[nodiscard]] WhyNot why_not(const OptionResult& winner, const OptionResult& other);

} // namespace makeorbuy
