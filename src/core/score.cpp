#include "makeorbuy/core/score.hpp"

#include "makeorbuy/core/figures.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>

namespace makeorbuy {

double scale_factor(const Scale& scale, const Answers& answers, const CostFigures* figures) {
    std::optional<double> known;
    if (scale.figure) {
        if (figures != nullptr) known = figures->value(*scale.figure);
    } else {
        const Value* value = answers.value(scale.question);
        if (const double* number = value ? std::get_if<double>(value) : nullptr) known = *number;
    }
    if (!known) return 0;
    double x = *known;
    double from = scale.from;
    double to = scale.to;
    if (scale.curve == Curve::log) {
        // Below the band's lower end (or at zero) the factor is simply 0 or 1.
        const double low = std::min(from, to);
        if (x <= low) return from < to ? 0.0 : 1.0;
        x = std::log(x);
        from = std::log(from);
        to = std::log(to);
    }
    return std::clamp((x - from) / (to - from), 0.0, 1.0);
}

CostFigures figures_for(const Answers& answers, const RuleSet& rules) {
    if (rules.prices == nullptr) return {};
    return {answers, rules, *rules.prices, per_token_allowed(answers, rules)};
}

Evaluation evaluate(const Answers& answers, const RuleSet& rules, Evaluate parts) {
    Evaluation evaluation;
    // Constraints first: they decide which forms the cost figures may take.
    evaluation.excluded_by.resize(rules.options.size());
    bool per_token_ok = true;
    for (std::size_t i = 0; i < rules.constraints.size(); ++i) {
        const Constraint& constraint = rules.constraints[i];
        if (!holds(constraint.when, answers)) continue;
        per_token_ok = per_token_ok && !constraint.exclude_per_token;
        for (std::size_t option : constraint.exclude)
            evaluation.excluded_by[option].push_back(i);
    }
    const CostFigures figures =
        rules.prices != nullptr ? CostFigures(answers, rules, *rules.prices, per_token_ok) : CostFigures();
    for (std::size_t i = 0; i < rules.rules.size(); ++i) {
        const Rule& rule = rules.rules[i];
        if (!holds(rule.when, answers, &figures)) continue;
        double factor = rule.scale ? scale_factor(*rule.scale, answers, &figures) : 1.0;
        for (const Scale& scale : rule.more_scales)
            factor *= scale_factor(scale, answers, &figures);
        if (factor > 0) evaluation.fired.push_back({i, factor});
    }
    if (parts == Evaluate::scoring) return evaluation;
    for (std::size_t i = 0; i < rules.advice.size(); ++i)
        if (holds(rules.advice[i].when, answers, &figures)) evaluation.advice.push_back(i);
    return evaluation;
}

double round_score(double score) {
    // std::round(score * 100) / 100 without the library call, which the
    // robustness sampler makes millions of times: half away from zero, exact
    // for every magnitude below 2^52 (above it every double is whole).
    const double scaled = score * 100.0;
    double rounded = scaled;
    if (std::fabs(scaled) < 0x1p52) {
        const auto whole = static_cast<double>(static_cast<std::int64_t>(scaled));
        const double rest = scaled - whole; // exact
        rounded = rest >= 0.5 ? whole + 1.0 : rest <= -0.5 ? whole - 1.0 : whole;
    }
    rounded /= 100.0;
    return rounded == 0 ? 0.0 : rounded; // no "-0"
}

namespace {

// Best first by the winner rule (ranks_ahead), ties to the table's order.
std::vector<std::size_t> order(const std::vector<double>& scores, const std::vector<bool>& excluded) {
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return ranks_ahead(scores[a], excluded[a], scores[b], excluded[b]);
    });
    return order;
}

} // namespace

Ranking rank(const Evaluation& evaluation, const RuleSet& rules) {
    const std::size_t n = rules.options.size();
    std::vector<OptionResult> results(n);
    for (std::size_t o = 0; o < n; ++o) {
        results[o].contributions.reserve(evaluation.fired.size());
        results[o].option = o;
        results[o].excluded_by = evaluation.excluded_by[o];
        results[o].excluded = !results[o].excluded_by.empty();
    }
    for (const FiredRule& fired : evaluation.fired) {
        const Rule& rule = rules.rules[fired.rule];
        for (const Effect& effect : rule.effects) {
            const double delta = rule.weight * effect.points * fired.factor;
            if (delta == 0) continue;
            results[effect.option].score += delta;
            results[effect.option].contributions.push_back({fired.rule, delta});
        }
    }
    std::vector<double> scores(n);
    std::vector<bool> excluded(n);
    for (std::size_t o = 0; o < n; ++o) {
        auto& c = results[o].contributions;
        std::stable_sort(c.begin(), c.end(), [](const Contribution& a, const Contribution& b) {
            return std::fabs(a.delta) > std::fabs(b.delta);
        });
        scores[o] = results[o].score;
        excluded[o] = results[o].excluded;
    }
    Ranking ranking;
    ranking.ranked.reserve(n);
    for (std::size_t o : order(scores, excluded))
        ranking.ranked.push_back(std::move(results[o]));
    ranking.advice = evaluation.advice;
    return ranking;
}

Ranking score(const Answers& answers, const RuleSet& rules) {
    return rank(evaluate(answers, rules), rules);
}

const OptionResult* Ranking::find(std::size_t option) const {
    for (const auto& r : ranked)
        if (r.option == option) return &r;
    return nullptr;
}

std::size_t winner_with_weights(const Evaluation& evaluation, const RuleSet& rules,
                                std::span<const double> weights, std::span<double> scores) {
    std::fill(scores.begin(), scores.end(), 0.0);
    for (const FiredRule& fired : evaluation.fired) {
        const Rule& rule = rules.rules[fired.rule];
        const double w = weights[fired.rule] * fired.factor;
        for (const Effect& effect : rule.effects)
            scores[effect.option] += w * effect.points;
    }
    return winner_of(scores, [&](std::size_t o) { return evaluation.excluded(o); });
}

} // namespace makeorbuy
