#include "makeorbuy/score.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>

namespace makeorbuy {

double scale_factor(const Scale& scale, const Answers& answers) {
    const Value* value = answers.value(scale.question);
    const double* number = value ? std::get_if<double>(value) : nullptr;
    if (number == nullptr) return 0;
    double x = *number;
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

Evaluation evaluate(const Answers& answers, const RuleSet& rules, Evaluate parts) {
    Evaluation evaluation;
    for (std::size_t i = 0; i < rules.rules.size(); ++i) {
        const Rule& rule = rules.rules[i];
        if (!holds(rule.when, answers)) continue;
        const double factor = rule.scale ? scale_factor(*rule.scale, answers) : 1.0;
        if (factor > 0) evaluation.fired.push_back({i, factor});
    }
    evaluation.excluded_by.resize(rules.options.size());
    for (std::size_t i = 0; i < rules.constraints.size(); ++i) {
        const Constraint& constraint = rules.constraints[i];
        if (!holds(constraint.when, answers)) continue;
        for (std::size_t option : constraint.exclude)
            evaluation.excluded_by[option].push_back(i);
    }
    if (parts == Evaluate::scoring) return evaluation;
    for (std::size_t i = 0; i < rules.advice.size(); ++i)
        if (holds(rules.advice[i].when, answers)) evaluation.advice.push_back(i);
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
