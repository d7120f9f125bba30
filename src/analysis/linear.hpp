#pragma once
// The samplers' and proofs' view of one evaluation: every option's score as a
// linear form in the rules' weight draws. Internal to src/analysis.

#include "makeorbuy/core/rules.hpp"
#include "makeorbuy/core/score.hpp"

#include <algorithm>
#include <cstddef>
#include <span>
#include <vector>

namespace makeorbuy::detail {

/// Scores are compared rounded to two decimals: a lead larger than this
/// survives the rounding.
inline constexpr double k_rounding_margin = 0.011;

/// A draw u (one number in [0, 1) per rule) gives option o the score base[o] +
/// sum over k of u[rule[k]] * slope[k][o], where rule k's weight is
/// w (1 - band + 2 band u). Each fired rule appears once, its effects and
/// factors summed.
struct Linear {
    std::size_t n_options = 0;
    std::vector<std::size_t> rule;
    std::vector<double> slope; ///< rule.size() rows of n_options
    std::vector<double> base;  ///< n_options
    std::vector<bool> allowed; ///< per option: not excluded
    bool any_allowed = false;
};

[[nodiscard]] Linear linearise(const Evaluation& evaluation, const RuleSet& rules, double band);

/// `option`'s lead over `rival` at the corner of the weight box that is worst
/// for it (`worst`) or best for it. The lead is linear in the draws, so these
/// corners bound it over the whole box.
[[nodiscard]] double lead_at_corner(const Linear& lin, std::size_t option, std::size_t rival, bool worst);

/// `option`'s lead over each rival that can come near it, as a constant plus
/// one term per rule that moves it. A rival ruled out, or one that `option`
/// leads by more than rounding could close at every corner of the box, never
/// matters, so most draws are settled by a few sums instead of every score.
class Leads {
public:
    /// `option` must not be excluded (lin.allowed[option]).
    Leads(const Linear& lin, std::size_t option);

    /// No rival can come near: `option` comes first under every draw.
    [[nodiscard]] bool none() const { return m_leads.empty(); }
    /// The rules settle() reads, each once.
    [[nodiscard]] std::vector<std::size_t> rules() const;

    enum class Settled { first, not_first, open };
    /// Under draw u: ahead of every near rival by more than rounding (first),
    /// behind one by as much (not first), or too close to say (open: the full
    /// comparison, sampled_winner(), decides).
    [[nodiscard]] Settled settle(const double* u) const {
        bool ahead = true;
        for (const Lead& lead : m_leads) {
            double value = lead.base;
            for (const Term& term : lead.terms)
                value += u[term.rule] * term.slope;
            if (value < -k_rounding_margin) return Settled::not_first;
            ahead = ahead && value > k_rounding_margin;
        }
        return ahead ? Settled::first : Settled::open;
    }

private:
    struct Term {
        std::size_t rule;
        double slope;
    };
    struct Lead {
        double base = 0.0;
        std::vector<Term> terms; // one pair per rule, read together in the hot loop
    };
    std::vector<Lead> m_leads;
};

template <std::size_t N> inline void scores_at(const Linear& lin, const double* u, double* scores) {
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

inline void scores_at(const Linear& lin, const double* u, double* scores) {
    const std::size_t n = lin.n_options;
    std::copy(lin.base.begin(), lin.base.end(), scores);
    const double* row = lin.slope.data();
    for (const std::size_t r : lin.rule) {
        for (std::size_t o = 0; o < n; ++o)
            scores[o] += u[r] * row[o];
        row += n;
    }
}

/// The winner under draw u by the winner rule (winner_of). The rounded
/// comparison is skipped when the raw leader among the candidates (options
/// not excluded, all of them if every one is) is ahead of every other by more
/// than rounding could close: winner_of would pick it too.
inline std::size_t sampled_winner(const Linear& lin, const double* u, std::vector<double>& scores) {
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
    return winner_of(std::span<const double>(scores.data(), n),
                     [&](std::size_t o) { return !lin.allowed[o]; });
}

} // namespace makeorbuy::detail
