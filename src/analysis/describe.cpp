// Tipping points in words.

#include "makeorbuy/analysis/analysis.hpp"

#include "makeorbuy/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
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

std::string uncertainty_text(const Uncertainty& uncertainty) {
    if (uncertainty.factor > 1)
        return fmt::format("within a factor of {}", format_number(uncertainty.factor, 2));
    return fmt::format("within ±{}", format_number(uncertainty.plus_minus, 2));
}

std::vector<std::string> robustness_sentences(const Analysis& analysis, const RuleSet& rules,
                                              std::size_t recommendation) {
    const Robustness& r = analysis.robustness;
    const char* verdict = r.verdict == Verdict::clear     ? "Clear"
                          : r.verdict == Verdict::leaning ? "Leaning"
                                                          : "Contested";
    std::vector<std::string> drawn;
    for (std::size_t q : r.answers_drawn)
        drawn.push_back(
            fmt::format("{} {}", rules.questions[q].key, uncertainty_text(*rules.questions[q].uncertainty)));
    std::string what = fmt::format("every rule weight drawn within ±{:.0f}%", r.band * 100);
    if (!drawn.empty()) what += fmt::format(" and the answers {} of what was given", join(drawn, " and "));
    const double share = r.first_place_share.empty() ? r.share : r.first_place_share[recommendation];
    std::string first = fmt::format("{}: {} comes first in {} of {} samples, with {} (seed {})", verdict,
                                    rules.options[recommendation].name, format_share(share),
                                    format_count(static_cast<double>(r.samples)), what, r.seed);
    if (r.weights_only_share)
        first +=
            fmt::format("; with the answers exactly as given, in {}", format_share(*r.weights_only_share));
    std::vector<std::string> out{first + "."};
    for (const TippingPoint& hinge : analysis.hinges) {
        const Question* question = rules.find_question(hinge.question);
        if (question == nullptr || !question->uncertainty) continue;
        const char* side = hinge.direction == TipDirection::below
                               ? (hinge.inclusive ? "at or below" : "below")
                               : (hinge.inclusive ? "at or above" : "above");
        out.push_back(
            fmt::format("It hinges on {} (plausibly off by {}): {} {}, {} overtakes {}, so it is not "
                        "called clear.",
                        hinge.question, uncertainty_text(*question->uncertainty).substr(7), side,
                        threshold_text(hinge, rules), rules.options[hinge.recommendation].name,
                        rules.options[recommendation].name));
    }
    return out;
}

std::vector<std::string> revisit_triggers(const Answers& answers, const RuleSet& rules) {
    const std::size_t current = score(answers, rules).winner().option;
    std::vector<std::string> out;
    for (const TippingPoint& point : tipping_points(answers, rules))
        out.push_back(describe(point, rules, current));
    return out;
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
