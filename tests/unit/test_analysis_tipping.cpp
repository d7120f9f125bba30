// Tipping points against cases worked by hand.

#include "makeorbuy/analysis/analysis.hpp"
#include "makeorbuy/core/validate.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace makeorbuy;

namespace {

// a gets 2 always (and 3 more with a small team); b grows linearly from 0 at
// spend 100 to 4 at spend 1100, and gets 10 in mode y. So with spend s
// (team above 3, mode x), b = 4 (s - 100) / 1000 passes a = 2 at s = 600:
// scores are compared at two decimals and ties go to a, so b first leads
// from b = 2.005, that is s = 601.25.
const char* k_rules = R"({"id": "tip", "version": "1",
  "questions": [
    {"key": "spend", "prompt": "p", "type": "number", "min": 0, "max": 1000000, "unit": "USD per month"},
    {"key": "team", "prompt": "p", "type": "integer", "min": 1, "max": 100, "unit": "engineers"},
    {"key": "mode", "prompt": "p", "type": "choice", "values": [{"value": "x", "text": "t"}, {"value": "y", "text": "t"}]}],
  "options": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
  "rules": [{"id": "base", "effects": {"a": 2}, "weight": 1, "rationale": "r"},
            {"id": "grow", "effects": {"b": 4}, "weight": 1, "rationale": "r",
             "scale": {"question": "spend", "from": 100, "to": 1100, "curve": "linear"}},
            {"id": "small-team", "when": {"team": {"lte": 3}}, "effects": {"a": 3}, "weight": 1, "rationale": "r"},
            {"id": "mode-y", "when": {"mode": "y"}, "effects": {"b": 5}, "weight": 2, "rationale": "r"}]})";

Answers answers(double spend, double team, const std::string& mode) {
    return test::answers_of({{"spend", spend}, {"team", team}, {"mode", mode}});
}

const TippingPoint* find(const std::vector<TippingPoint>& points, const std::string& question,
                         TipDirection direction) {
    for (const auto& p : points)
        if (p.question == question && p.direction == direction) return &p;
    return nullptr;
}

} // namespace

TEST_CASE("tipping points: a threshold inside a linear scale band, found by bisection", "[analysis]") {
    const RuleSet rules = test::rules_ok(k_rules);
    const auto points = tipping_points(answers(300, 5, "x"), rules);
    const TippingPoint* up = find(points, "spend", TipDirection::above);
    REQUIRE(up != nullptr);
    CHECK(up->threshold == Approx(601.25).margin(0.01));
    CHECK_FALSE(up->inclusive);
    CHECK(rules.options[up->recommendation].id == "b");
    CHECK(find(points, "spend", TipDirection::below) == nullptr);
    CHECK(describe(*up, rules, 0) == "spend above $601 a month: B overtakes A");
}

TEST_CASE("tipping points: choices, and an integer threshold at a condition's operand", "[analysis]") {
    const RuleSet rules = test::rules_ok(k_rules);
    // b leads at spend 900 (3.2 against 2); with 3 engineers or fewer a has 5.
    const auto points = tipping_points(answers(900, 5, "x"), rules);
    const TippingPoint* down = find(points, "spend", TipDirection::below);
    REQUIRE(down != nullptr);
    CHECK(down->threshold == Approx(601.25).margin(0.01));
    const TippingPoint* team = find(points, "team", TipDirection::below);
    REQUIRE(team != nullptr);
    CHECK(team->threshold == 3);
    CHECK(team->inclusive);
    CHECK(rules.options[team->recommendation].id == "a");
    CHECK(threshold_text(*team, rules) == "3 engineers");
    CHECK(find(points, "team", TipDirection::above) == nullptr);
    CHECK(find(points, "mode", TipDirection::instead) == nullptr); // y only helps b, which already leads

    const auto from_a = tipping_points(answers(300, 5, "x"), rules);
    const TippingPoint* mode = find(from_a, "mode", TipDirection::instead);
    REQUIRE(mode != nullptr);
    CHECK(mode->value == "y");
    CHECK(rules.options[mode->recommendation].id == "b");
}

TEST_CASE("tipping points of the default rules: the $20K floor and the self-hosting band", "[analysis]") {
    const RuleSet& rules = default_rules();
    Answers given = test::answers_of({{"stage", std::string("growth")},
                                      {"monthly-spend", 120000.0},
                                      {"latency", std::string("interactive")},
                                      {"compliance", std::string("vendor-dpa")},
                                      {"team-size", 12.0},
                                      {"volume-pattern", std::string("steady")},
                                      {"ml-ops", std::string("some")}});
    fill_defaults(given, rules);
    const auto points = tipping_points(given, rules);
    const TippingPoint* down = find(points, "monthly-spend", TipDirection::below);
    REQUIRE(down != nullptr);
    // The open model is costed bought per token (about 22x below the frontier
    // API): its saving fades out across the $10K-$40K band around the
    // guide's $20K, where the frontier API takes over.
    CHECK(down->threshold > 20000);
    CHECK(down->threshold < 40000);
    CHECK(rules.options[down->recommendation].id == "frontier-api");
    // Bought per token it needs no engineers to run, so no team size tips it.
    CHECK(find(points, "team-size", TipDirection::below) == nullptr);
    // The same answers give the same points, every time.
    const auto again = tipping_points(given, rules);
    REQUIRE(again.size() == points.size());
    for (std::size_t i = 0; i < points.size(); ++i)
        CHECK(again[i].threshold == points[i].threshold);
    CHECK(revisit_triggers(given, rules).size() == points.size());
}
