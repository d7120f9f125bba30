#include "makeorbuy/report/report.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace makeorbuy {

namespace {

bool quotes_figures(const RuleSet& rules) {
    auto quotes = [](const std::string& text) { return text.find("{cost:") != std::string::npos; };
    return std::any_of(rules.rules.begin(), rules.rules.end(),
                       [&](const Rule& r) { return quotes(r.rationale); }) ||
           std::any_of(rules.constraints.begin(), rules.constraints.end(),
                       [&](const Constraint& c) { return quotes(c.rationale); }) ||
           std::any_of(rules.advice.begin(), rules.advice.end(),
                       [&](const Advice& a) { return quotes(a.text); });
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
    report.answers = std::move(answers);
    return report;
}

std::vector<std::pair<std::size_t, double>> why_not(const Report& report, const OptionResult& other) {
    std::map<std::size_t, double> gap;
    for (const auto& c : report.ranking.winner().contributions)
        gap[c.rule] += c.delta;
    for (const auto& c : other.contributions)
        gap[c.rule] -= c.delta;
    std::vector<std::pair<std::size_t, double>> out;
    for (const auto& [rule, delta] : gap)
        if (delta > 1e-9) out.emplace_back(rule, delta);
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    return out;
}

} // namespace makeorbuy
