// Tipping points in words.

#include "makeorbuy/analysis/analysis.hpp"

#include "makeorbuy/core/text.hpp"

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

} // namespace makeorbuy
