#include "makeorbuy/report/report.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace makeorbuy {

Report make_report(const RuleSet& rules, Answers answers) {
    Report report;
    report.rules = &rules;
    report.ranking = score(answers, rules);
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
