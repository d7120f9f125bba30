// Robustness proofs: what the weight box's corners settle without sampling,
// and the linear form of the scores that both they and the samplers use.

#include "makeorbuy/analysis/robustness_detail.hpp"

#include "linear.hpp"

#include <algorithm>
#include <cmath>

namespace makeorbuy::detail {

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

double lead_at_corner(const Linear& lin, std::size_t option, std::size_t rival, bool worst) {
    const std::size_t n = lin.n_options;
    double lead = lin.base[option] - lin.base[rival];
    for (std::size_t k = 0; k < lin.rule.size(); ++k) {
        const double slope = lin.slope[k * n + option] - lin.slope[k * n + rival];
        lead += worst ? std::min(0.0, slope) : std::max(0.0, slope);
    }
    return lead;
}

Leads::Leads(const Linear& lin, std::size_t option) {
    const std::size_t n = lin.n_options;
    for (std::size_t o = 0; o < n; ++o) {
        if (o == option || !lin.allowed[o] || lead_at_corner(lin, option, o, true) > k_rounding_margin)
            continue;
        Lead lead;
        lead.base = lin.base[option] - lin.base[o];
        for (std::size_t k = 0; k < lin.rule.size(); ++k) {
            const double slope = lin.slope[k * n + option] - lin.slope[k * n + o];
            if (slope != 0.0) lead.terms.push_back({lin.rule[k], slope});
        }
        m_leads.push_back(std::move(lead));
    }
}

std::vector<std::size_t> Leads::rules() const {
    std::vector<std::size_t> read;
    for (const Lead& lead : m_leads)
        for (const Term& term : lead.terms)
            read.push_back(term.rule);
    std::sort(read.begin(), read.end());
    read.erase(std::unique(read.begin(), read.end()), read.end());
    return read;
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

} // namespace makeorbuy::detail
