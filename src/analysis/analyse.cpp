// The one call that runs every analysis of a recommendation.

#include "makeorbuy/analysis/analysis.hpp"

#include <algorithm>
#include <variant>

namespace makeorbuy {

bool within_uncertainty(const TippingPoint& point, const Question& question, double x) {
    if (!question.uncertainty) return false;
    if (point.direction != TipDirection::above && point.direction != TipDirection::below) return false;
    const Uncertainty& u = *question.uncertainty;
    const double low = std::max(question.min, u.factor > 1 ? x / u.factor : x - u.plus_minus);
    const double high = std::min(question.max, u.factor > 1 ? x * u.factor : x + u.plus_minus);
    const double t = point.threshold;
    if (point.direction == TipDirection::below) return point.inclusive ? t >= low : t > low;
    return point.inclusive ? t <= high : t < high;
}

Analysis analyse(const Answers& answers, const RuleSet& rules, const RobustnessSettings& settings) {
    Analysis analysis;
    analysis.tipping_points = tipping_points(answers, rules);
    RobustnessSettings both = settings;
    both.answers = &answers;
    analysis.robustness = robustness(evaluate(answers, rules), rules, both);
    // A plausible nudge of one answer that flips the winner: the result hinges on it.
    for (const TippingPoint& point : analysis.tipping_points) {
        const Question* question = rules.find_question(point.question);
        const Value* value = answers.value(point.question);
        const double* x = value ? std::get_if<double>(value) : nullptr;
        if (question != nullptr && x != nullptr && within_uncertainty(point, *question, *x))
            analysis.hinges.push_back(point);
    }
    std::stable_sort(analysis.hinges.begin(), analysis.hinges.end(),
                     [](const TippingPoint& a, const TippingPoint& b) { return a.distance < b.distance; });
    if (!analysis.hinges.empty() && analysis.robustness.verdict == Verdict::clear)
        analysis.robustness.verdict = Verdict::leaning;
    return analysis;
}

} // namespace makeorbuy
