#include "makeorbuy/report/report.hpp"

#include <algorithm>
#include <memory>

namespace makeorbuy {

namespace {

bool quotes_figures(const RuleSet& rules) {
    auto quotes = [](const std::string& text) { return text.find("{cost:") != std::string::npos; };
    return std::any_of(rules.rules.begin(), rules.rules.end(),
                       [&](const Rule& r) { return quotes(r.rationale); }) ||
           std::any_of(rules.constraints.begin(), rules.constraints.end(),
                       [&](const Constraint& c) { return quotes(c.rationale); }) ||
           std::any_of(rules.advice.begin(), rules.advice.end(),
                       [&](const Advice& a) { return quotes(a.text); }) ||
           std::any_of(rules.routes.begin(), rules.routes.end(),
                       [&](const Route& r) { return quotes(r.text); });
}

// The rules with every {cost:...} in their texts replaced by this run's figure.
std::shared_ptr<const RuleSet> with_figures(const RuleSet& rules, const Answers& answers) {
    const CostFigures figures = figures_for(answers, rules);
    auto filled = std::make_shared<RuleSet>(rules);
    for (Rule& r : filled->rules)
        r.rationale = fill_figures(r.rationale, figures, rules);
    for (Constraint& c : filled->constraints)
        c.rationale = fill_figures(c.rationale, figures, rules);
    for (Advice& a : filled->advice)
        a.text = fill_figures(a.text, figures, rules);
    for (Route& r : filled->routes)
        r.text = fill_figures(r.text, figures, rules);
    return filled;
}

} // namespace

Report make_report(const RuleSet& rules, Answers answers) {
    Report report;
    report.rules = &rules;
    report.ranking = score(answers, rules);
    if (quotes_figures(rules)) {
        report.filled = with_figures(rules, answers);
        report.rules = report.filled.get();
    }
    report.route = route_plan(answers, rules, report.ranking);
    report.answers = std::move(answers);
    return report;
}

} // namespace makeorbuy
