// Tipping points in words, and the one call that runs every analysis.

#include "makeorbuy/analysis.hpp"

#include "makeorbuy/text.hpp"

#include <fmt/format.h>

#include <cmath>

namespace makeorbuy {

namespace {

// A threshold needs no more precision than a person would quote: whole units
// from 100 up, three significant digits below.
double presentable(double x) {
    if (std::fabs(x) >= 100) return std::round(x);
    if (x == 0) return 0;
    const double digits = std::pow(10.0, 2 - std::floor(std::log10(std::fabs(x))));
    return std::round(x * digits) / digits;
}

} // namespace

std::string threshold_text(const TippingPoint& point, const RuleSet& rules) {
    const Question* question = rules.find_question(point.question);
    const std::string unit = question ? question->unit : "";
    const double x = presentable(point.threshold);
    if (unit.rfind("USD", 0) == 0) {
        std::string out = format_money(x);
        if (unit.find("per month") != std::string::npos)
            out += " a month";
        else if (unit.size() > 3)
            out += unit.substr(3);
        return out;
    }
    std::string out = format_number(x, 2);
    if (!unit.empty()) out += " " + unit;
    return out;
}

std::string describe(const TippingPoint& point, const RuleSet& rules, std::size_t current) {
    const std::string& to = rules.options[point.recommendation].name;
    const std::string& from = rules.options[current].name;
    std::string change;
    switch (point.direction) {
    case TipDirection::instead:
        change = fmt::format("{} {}", point.question, point.value);
        break;
    case TipDirection::add:
        change = fmt::format("{} including {}", point.question, point.value);
        break;
    case TipDirection::remove:
        change = fmt::format("{} without {}", point.question, point.value);
        break;
    case TipDirection::above:
        change = fmt::format("{} {} {}", point.question, point.inclusive ? "at or above" : "above",
                             threshold_text(point, rules));
        break;
    case TipDirection::below:
        change = fmt::format("{} {} {}", point.question, point.inclusive ? "at or below" : "below",
                             threshold_text(point, rules));
        break;
    }
    return fmt::format("{}: {} overtakes {}", change, to, from);
}

std::vector<std::string> revisit_triggers(const Answers& answers, const RuleSet& rules) {
    const std::size_t current = score(answers, rules).winner().option;
    std::vector<std::string> out;
    for (const TippingPoint& point : tipping_points(answers, rules))
        out.push_back(describe(point, rules, current));
    return out;
}

Analysis analyse(const Answers& answers, const RuleSet& rules, const RobustnessSettings& settings) {
    Analysis analysis;
    TippingSearch search = search_tipping_points(answers, rules);
    analysis.tipping_points = std::move(search.points);
    analysis.tipping_complete = search.complete;
    analysis.tipping_questions = search.questions;
    analysis.tipping_questions_searched = search.questions_searched;
    analysis.robustness = robustness(evaluate(answers, rules), rules, settings);
    return analysis;
}

std::string tipping_stopped_text(const Analysis& analysis) {
    if (analysis.tipping_complete) return {};
    return fmt::format(
        "The search for what would change this stopped at its budget ({} rule tests) after {} of "
        "{} questions; the {} not searched may change the recommendation too.",
        group_thousands(k_tipping_budget), group_thousands(analysis.tipping_questions_searched),
        group_thousands(analysis.tipping_questions),
        group_thousands(analysis.tipping_questions - analysis.tipping_questions_searched));
}

} // namespace makeorbuy
