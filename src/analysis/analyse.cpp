// The one call that runs every analysis of a recommendation.

#include "makeorbuy/analysis/analysis.hpp"

namespace makeorbuy {

Analysis analyse(const Answers& answers, const RuleSet& rules, const RobustnessSettings& settings) {
    Analysis analysis;
    analysis.tipping_points = tipping_points(answers, rules);
    analysis.robustness = robustness(evaluate(answers, rules), rules, settings);
    return analysis;
}

} // namespace makeorbuy
