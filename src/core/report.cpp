#include "makeorbuy/report.hpp"

namespace makeorbuy {

Report make_report(const RuleSet& rules, Answers answers) {
    Report report;
    report.rules = &rules;
    report.ranking = score(answers, rules);
    report.answers = std::move(answers);
    return report;
}

} // namespace makeorbuy
