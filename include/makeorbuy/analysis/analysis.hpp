#pragma once
// Decision analysis built on score(): which answers would change the
// recommendation (tipping points) and how much it depends on the rules'
// weights (robustness). Pure functions: no files, console or clock.

#include "makeorbuy/core/answers.hpp"
#include "makeorbuy/core/rules.hpp"
#include "makeorbuy/core/score.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace makeorbuy {

// ---- Tipping points ------------------------------------------------------

/// How the answer moves to reach a tipping point.
enum class TipDirection {
    instead, ///< a choice question answered with `value` instead
    add,     ///< a multi question with the item `value` added
    remove,  ///< a multi question with the item `value` taken out
    above,   ///< a numeric question moved up to `threshold`
    below,   ///< a numeric question moved down to `threshold`
};

[[nodiscard]] const char* to_string(TipDirection direction);

/// One answer, changed on its own, that changes the top recommendation.
struct TippingPoint {
    std::string question; ///< question key
    TipDirection direction = TipDirection::instead;
    std::string value;              ///< instead/add/remove: the choice value or item
    double threshold = 0;           ///< above/below: where the recommendation changes
    bool inclusive = false;         ///< above/below: `threshold` itself already changes it
    std::size_t recommendation = 0; ///< option index that comes first there
    bool actionable = false;        ///< the question is one a team can act on (Question::actionable)
    /// How far the answer moves: |ln(threshold / answer)| for numbers (the
    /// relative move), 1 for another choice or an item added or removed.
    double distance = 1;
};

/// For each question, holding every other answer: the other choice values
/// (or multi items added or removed) that change the winner, and for numeric
/// questions the nearest threshold above and below the current answer,
/// found by searching the rules' breakpoints (condition operands and scale
/// bands) and bisecting inside scale bands. `answers` must hold every
/// question (defaults filled in). Ranked: the answers a team can act on
/// first, then the closest to the current answer (smallest distance), then
/// in rules order.
[[nodiscard]] std::vector<TippingPoint> tipping_points(const Answers& answers, const RuleSet& rules);

/// What the tipping-point search may spend: this many rule and constraint
/// tests (about a second's work). A rules file with thousands of questions
/// could otherwise keep `recommend` busy for minutes; past the budget the
/// search stops and says so (TippingSearch::complete).
constexpr std::size_t k_tipping_budget = 40'000'000;

/// tipping_points(), and how far the search got within `budget`.
struct TippingSearch {
    std::vector<TippingPoint> points;
    bool complete = true;               ///< every question was searched
    std::size_t questions = 0;          ///< questions the rules read, to search
    std::size_t questions_searched = 0; ///< of them, searched to the end within the budget
};
[[nodiscard]] TippingSearch search_tipping_points(const Answers& answers, const RuleSet& rules,
                                                  std::size_t budget = k_tipping_budget);

/// One line a person can read: "monthly-spend above $142K a month: Self-hosted
/// open model overtakes Frontier hosted API". `current` is today's winner.
[[nodiscard]] std::string describe(const TippingPoint& point, const RuleSet& rules, std::size_t current);

/// The threshold in the question's unit: "$142K a month", "4 engineers".
[[nodiscard]] std::string threshold_text(const TippingPoint& point, const RuleSet& rules);

/// How far an answer may be off, in words: "within a factor of 2", "within ±1".
[[nodiscard]] std::string uncertainty_text(const Uncertainty& uncertainty);

/// Revisit triggers for a decision record: describe() of every tipping point.
[[nodiscard]] std::vector<std::string> revisit_triggers(const Answers& answers, const RuleSet& rules);

// ---- Robustness ----------------------------------------------------------

inline constexpr std::uint64_t k_default_seed = 20261129;
inline constexpr std::uint64_t k_default_samples = 10000;
/// Each weight is drawn uniformly in [(1 - band) w, (1 + band) w].
inline constexpr double k_weight_band = 0.5;
/// The recommendation's first-place share at or above which it is clear.
inline constexpr double k_clear_share = 0.8;
/// Below this share the recommendation is contested.
inline constexpr double k_contested_share = 0.5;

struct RobustnessSettings {
    std::uint64_t samples = k_default_samples; ///< at least 1
    std::uint64_t seed = k_default_seed;
    double band = k_weight_band; ///< in [0, 1]
    /// When set, the question is only "does this option come first under at
    /// least half of the weightings?": settled by proof where one exists
    /// (it wins at every corner of the weight box, at none, or a bound shows
    /// at least half), else by sampling that stops early, after a multiple of
    /// 100 draws, once the share is more than three standard errors from one
    /// half. `samples` in the result says how many were drawn. Deterministic.
    std::optional<std::size_t> decide_half_for;
    /// When set (and not deciding a half): the answers as given. Each numeric
    /// question with an uncertainty in the rules is drawn within it as well
    /// as the weights, and each drawn set of answers is scored afresh.
    const Answers* answers = nullptr;
};

enum class Verdict { clear, leaning, contested };

[[nodiscard]] const char* to_string(Verdict verdict);

/// How a share of first places was established.
enum class Established {
    every_draw, ///< proved: the option leads every rival at every corner of the weight box (share 1)
    no_draw,    ///< proved: a rival beats it even at its best corner, or it is ruled out (share 0)
    half_bound, ///< proved: it comes first under at least half of the weightings (share is that bound)
    sampled,    ///< counted over `samples` draws
};

[[nodiscard]] const char* to_string(Established established);

struct Robustness {
    std::uint64_t samples = 0;
    std::uint64_t seed = 0;
    double band = 0;
    std::size_t recommendation = 0;        ///< the winner under the rules' own weights
    std::vector<double> first_place_share; ///< per option index; sums to 1 (empty under decide_half_for)
    std::size_t leader = 0;                ///< most first places (ties: rules order)
    std::size_t runner_up = 0;             ///< second most first places
    double margin = 0;                     ///< share of leader minus share of runner_up
    Verdict verdict = Verdict::clear;      ///< from the recommendation's own share
    std::size_t subject = 0; ///< the option the share is about: decide_half_for, else the recommendation
    double share = 0;        ///< subject's share of first places (half_bound: at least this)
    Established established = Established::sampled;
    /// Question indices whose answers were drawn as well as the weights.
    std::vector<std::size_t> answers_drawn;
    /// With answers drawn: the recommendation's share when only the weights are.
    std::optional<double> weights_only_share;
};

/// The one robustness question: how often an option comes first when every
/// rule weight is redrawn within its band. Without decide_half_for, the
/// share of every option: Monte Carlo over `samples` draws, each weight
/// uniform in its band, with a xoshiro256** generator seeded by
/// splitmix64(seed), so the same seed gives the same figures on every
/// platform (a recommendation that leads at every corner of the box is
/// given every draw without drawing them). Verdict: clear when the
/// recommendation wins at least k_clear_share of the draws, contested below
/// k_contested_share, leaning between. With decide_half_for: see there.
[[nodiscard]] Robustness robustness(const Evaluation& evaluation, const RuleSet& rules,
                                    const RobustnessSettings& settings = {});

/// Whether a tipping point lies within its question's uncertainty of the
/// current answer `x`: a plausible nudge of that answer flips the winner.
[[nodiscard]] bool within_uncertainty(const TippingPoint& point, const Question& question, double x);

/// Everything the analyses say about one run.
struct Analysis {
    std::vector<TippingPoint> tipping_points;
    /// False when the tipping-point search stopped at its budget (k_tipping_budget).
    bool tipping_complete = true;
    std::size_t tipping_questions = 0;          ///< questions to search
    std::size_t tipping_questions_searched = 0; ///< of them, searched
    /// Robustness over the weights and the uncertain answers. Its verdict is
    /// never clear when `hinges` is not empty.
    Robustness robustness;
    /// Tipping points within their question's uncertainty: the answers the
    /// recommendation hinges on, closest first.
    std::vector<TippingPoint> hinges;
};

/// The sentences "How sure is this" opens with, for every format: the
/// verdict and share with what was drawn, then one sentence per answer the
/// recommendation hinges on ("It hinges on monthly-spend (plausibly off by a
/// factor of 2): below $69.8K a month, Frontier hosted API overtakes ...").
[[nodiscard]] std::vector<std::string> robustness_sentences(const Analysis& analysis, const RuleSet& rules,
                                                            std::size_t recommendation);

[[nodiscard]] Analysis analyse(const Answers& answers, const RuleSet& rules,
                               const RobustnessSettings& settings = {});

/// When the tipping-point search stopped at its budget, a sentence saying how
/// far it got; "" when it searched every question.
[[nodiscard]] std::string tipping_stopped_text(const Analysis& analysis);

} // namespace makeorbuy
