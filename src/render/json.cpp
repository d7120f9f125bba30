#include "makeorbuy/render/render.hpp"

#include "makeorbuy/core/explain.hpp"
#include "makeorbuy/render/render_analysis.hpp"

#include <cmath>

namespace makeorbuy {

using nlohmann::ordered_json;

ordered_json answer_json(const Value& value) {
    if (const auto* number = std::get_if<double>(&value)) {
        if (*number == std::floor(*number) && std::fabs(*number) < 9e15)
            return static_cast<long long>(*number);
        return *number;
    }
    if (const auto* choice = std::get_if<std::string>(&value)) return *choice;
    return std::get<std::vector<std::string>>(value);
}

namespace {

ordered_json reason_json(const RuleSet& rules, std::size_t rule, double shown) {
    return {{"rule", rules.rules[rule].id}, {"delta", shown}, {"text", rules.rules[rule].rationale}};
}

// The winner's reasons for and against, and why not the runner-up: every
// rule where the two differ, signed from the winner's side, adding up to `gap`.
ordered_json explanation_json(const Report& report) {
    const RuleSet& rules = *report.rules;
    const Explanation why = explain(report.ranking.winner());
    ordered_json out;
    out["option"] = rules.options[why.option].id;
    out["score"] = why.score_shown;
    ordered_json for_ = ordered_json::array();
    for (const ShownReason& r : why.for_)
        for_.push_back(reason_json(rules, r.rule, r.shown));
    ordered_json against = ordered_json::array();
    for (const ShownReason& r : why.against)
        against.push_back(reason_json(rules, r.rule, r.shown));
    out["for"] = for_;
    out["against"] = against;
    if (report.ranking.ranked.size() > 1 && !report.ranking.ranked[1].excluded) {
        const WhyNot gaps = why_not(report.ranking.winner(), report.ranking.ranked[1]);
        ordered_json differences = ordered_json::array();
        for (const auto& list : {gaps.for_winner, gaps.for_other})
            for (const Difference& d : list)
                differences.push_back(
                    {{"rule", rules.rules[d.rule].id},
                     {"difference", d.shown},
                     {"favours", rules.options[d.difference > 0 ? gaps.winner : gaps.other].id},
                     {"winner_delta", round_score(d.winner_delta)},
                     {"other_delta", round_score(d.other_delta)},
                     {"text", rules.rules[d.rule].rationale}});
        out["why_not"] = {
            {"option", rules.options[gaps.other].id}, {"gap", gaps.gap_shown}, {"differences", differences}};
    } else {
        out["why_not"] = nullptr;
    }
    return out;
}

} // namespace

ordered_json recommendation_json(const Report& report) {
    const RuleSet& rules = *report.rules;
    ordered_json out;
    out["schema"] = "makeorbuy.recommendation/1";
    out["tool"] = {{"name", "makeorbuy"}, {"version", MAKEORBUY_VERSION}};
    out["rules"] = {{"id", rules.id}, {"version", rules.version}, {"fingerprint", rules.fingerprint}};
    // Only the answers, not where each came from: the same answers give the
    // same bytes whether they came from flags, a file or a --save-answers replay.
    ordered_json answers = ordered_json::object();
    for (const auto& q : rules.questions) {
        const Answer* a = report.answers.find(q.key);
        if (a == nullptr) continue;
        answers[q.key] = answer_json(a->value);
    }
    out["answers"] = answers;
    out["recommendation"] = rules.options[report.ranking.winner().option].id;
    ordered_json ranking = ordered_json::array();
    for (std::size_t i = 0; i < report.ranking.ranked.size(); ++i) {
        const OptionResult& r = report.ranking.ranked[i];
        // Each delta as shown, apportioned so that an option's deltas add up to its score.
        const Explanation why = explain(r);
        std::vector<double> shown(rules.rules.size(), 0.0);
        for (const auto& list : {why.for_, why.against})
            for (const ShownReason& s : list)
                shown[s.rule] += s.shown;
        ordered_json reasons = ordered_json::array();
        for (const auto& c : r.contributions) {
            const Rule& rule = rules.rules[c.rule];
            reasons.push_back({{"rule", rule.id},
                               {"delta", round_score(shown[c.rule])},
                               {"text", rule.rationale},
                               {"guide", rule.guide}});
        }
        ordered_json excluded_by = ordered_json::array();
        for (std::size_t c : r.excluded_by) {
            const Constraint& constraint = rules.constraints[c];
            excluded_by.push_back(
                {{"rule", constraint.id}, {"text", constraint.rationale}, {"guide", constraint.guide}});
        }
        ranking.push_back({{"rank", i + 1},
                           {"option", rules.options[r.option].id},
                           {"name", rules.options[r.option].name},
                           {"score", round_score(r.score)},
                           {"excluded", r.excluded},
                           {"excluded_by", excluded_by},
                           {"reasons", reasons}});
    }
    out["ranking"] = ranking;
    out["explanation"] = explanation_json(report);
    ordered_json advice = ordered_json::array();
    for (std::size_t a : report.ranking.advice)
        advice.push_back(
            {{"id", rules.advice[a].id}, {"text", rules.advice[a].text}, {"guide", rules.advice[a].guide}});
    out["advice"] = advice;
    // Always present: null when no route of the rules applies to the answers.
    out["route"] = route_json(report.route, rules);
    if (report.analysis)
        out["analysis"] = analysis_json(*report.analysis, rules, report.ranking.winner().option);
    if (report.cost) out["cost"] = cost_json(*report.cost, rules);
    return out;
}

std::string render_json(const Report& report) {
    return recommendation_json(report).dump(2) + "\n";
}

} // namespace makeorbuy
