// "How sure is this" over the answers as well as the weights: answers drawn
// within their declared uncertainty, and a recommendation that one plausible
// nudge of an answer flips is never clear.

#include "makeorbuy/analysis/analysis.hpp"
#include "makeorbuy/analysis/robustness_detail.hpp"
#include "makeorbuy/core/validate.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace makeorbuy;

namespace {

Answers answered(std::vector<std::pair<std::string, Value>> values) {
    Answers answers = test::answers_of(std::move(values));
    fill_defaults(answers, default_rules());
    return answers;
}

Answers growth(double spend, double team) {
    return answered({{"stage", std::string("growth")},
                     {"monthly-spend", spend},
                     {"latency", std::string("interactive")},
                     {"compliance", std::string("vendor-dpa")},
                     {"team-size", team},
                     {"volume-pattern", std::string("steady")},
                     {"ml-ops", std::string("some")}});
}

} // namespace

TEST_CASE("the default rules declare how far spend and team size may be off", "[analysis][answers]") {
    const RuleSet& rules = default_rules();
    REQUIRE(rules.find_question("monthly-spend")->uncertainty);
    CHECK(rules.find_question("monthly-spend")->uncertainty->factor == 2);
    REQUIRE(rules.find_question("team-size")->uncertainty);
    CHECK(rules.find_question("team-size")->uncertainty->plus_minus == 1);
    CHECK(rules.find_question("team-size")->actionable);
    CHECK_FALSE(rules.find_question("stage")->actionable);
}

TEST_CASE("drawn answers stay within their uncertainty and the question's range", "[analysis][answers]") {
    const RuleSet& rules = default_rules();
    const Question& spend = *rules.find_question("monthly-spend");
    const Question& team = *rules.find_question("team-size");
    std::set<double> teams;
    double lowest = 1e18;
    double highest = 0;
    for (int i = 0; i < 1000; ++i) {
        const double u = (i + 0.5) / 1000;
        const double s = detail::drawn_answer(spend, 40000, u);
        lowest = std::min(lowest, s);
        highest = std::max(highest, s);
        teams.insert(detail::drawn_answer(team, 5, u));
        CHECK(detail::drawn_answer(team, 1, u) >= 1); // never below the question's min
    }
    CHECK(lowest >= 20000);
    CHECK(highest <= 80000);
    CHECK(lowest < 20500);
    CHECK(highest > 79000);
    CHECK(teams == std::set<double>{4, 5, 6});
    CHECK(detail::drawn_answer(spend, 0, 0.9) == 0);
}

TEST_CASE("robustness draws the answers too, and keeps the weights-only share", "[analysis][answers]") {
    const RuleSet& rules = default_rules();
    const Answers answers = growth(120000, 12);
    RobustnessSettings settings;
    settings.answers = &answers;
    const Robustness both = robustness(evaluate(answers, rules), rules, settings);
    REQUIRE(both.answers_drawn.size() == 2);
    CHECK(rules.questions[both.answers_drawn[0]].key == "monthly-spend");
    CHECK(rules.questions[both.answers_drawn[1]].key == "team-size");
    REQUIRE(both.weights_only_share);
    const Robustness weights = robustness(evaluate(answers, rules), rules);
    CHECK(*both.weights_only_share == weights.first_place_share[weights.recommendation]);
    CHECK(both.recommendation == weights.recommendation);
    CHECK(both.samples == k_default_samples);
    double sum = 0;
    for (double s : both.first_place_share)
        sum += s;
    CHECK(sum == Approx(1.0));
    // Deterministic.
    CHECK(robustness(evaluate(answers, rules), rules, settings).first_place_share == both.first_place_share);
}

TEST_CASE("a recommendation one plausible nudge of an answer flips is not clear", "[analysis][answers]") {
    const RuleSet& rules = default_rules();
    // From issue 13: at $19,999 and at $20,000 the top choice differs.
    for (const double spend : {19999.0, 20000.0}) {
        const Answers answers = answered({{"stage", std::string("growth")},
                                          {"monthly-spend", spend},
                                          {"latency", std::string("realtime")},
                                          {"compliance", std::string("none")},
                                          {"team-size", 5.0}});
        const Analysis analysis = analyse(answers, rules);
        INFO(spend);
        const std::size_t winner = score(answers, rules).winner().option;
        bool flips_nearby = false;
        for (const TippingPoint& p : analysis.tipping_points)
            flips_nearby =
                flips_nearby || (p.question == "monthly-spend" &&
                                 within_uncertainty(p, *rules.find_question("monthly-spend"), spend));
        if (!flips_nearby) continue; // the rules may have smoothed this cliff away
        CHECK(analysis.robustness.verdict != Verdict::clear);
        REQUIRE_FALSE(analysis.hinges.empty());
        const auto sentences = robustness_sentences(analysis, rules, winner);
        REQUIRE(sentences.size() >= 2);
        CHECK(sentences[1].find("It hinges on monthly-spend") != std::string::npos);
    }
}

TEST_CASE("along a sweep of spend or team size, a change of winner is never between two clear results",
          "[analysis][answers][property]") {
    const RuleSet& rules = default_rules();
    RobustnessSettings settings;
    settings.samples = 1000;
    std::size_t changes = 0;
    const std::vector<std::pair<std::string, std::string>> shapes{
        {"growth", "some"}, {"scale", "dedicated"}, {"pre-pmf", "none"}, {"growth", "none"}};
    for (const auto& [stage, ml_ops] : shapes) {
        // Spend in steps of 12%.
        bool first = true;
        std::size_t previous_winner = 0;
        Verdict previous_verdict = Verdict::clear;
        for (double spend = 2000; spend < 3e6; spend *= 1.12) {
            const Answers answers = answered({{"stage", stage},
                                              {"monthly-spend", spend},
                                              {"latency", std::string("interactive")},
                                              {"compliance", std::string("vendor-dpa")},
                                              {"team-size", 6.0},
                                              {"volume-pattern", std::string("steady")},
                                              {"ml-ops", ml_ops}});
            const Analysis analysis = analyse(answers, rules, settings);
            const std::size_t winner = score(answers, rules).winner().option;
            if (!first && previous_winner != winner) {
                ++changes;
                INFO(stage << " " << ml_ops << " spend " << spend);
                CHECK_FALSE(
                    (previous_verdict == Verdict::clear && analysis.robustness.verdict == Verdict::clear));
            }
            first = false;
            previous_winner = winner;
            previous_verdict = analysis.robustness.verdict;
        }
        // Team size in steps of 1.
        first = true;
        for (double team = 1; team <= 25; ++team) {
            const Answers answers = answered({{"stage", stage},
                                              {"monthly-spend", 150000.0},
                                              {"latency", std::string("interactive")},
                                              {"compliance", std::string("vendor-dpa")},
                                              {"team-size", team},
                                              {"volume-pattern", std::string("steady")},
                                              {"ml-ops", ml_ops}});
            const Analysis analysis = analyse(answers, rules, settings);
            const std::size_t winner = score(answers, rules).winner().option;
            if (!first && previous_winner != winner) {
                ++changes;
                INFO(stage << " " << ml_ops << " team " << team);
                CHECK_FALSE(
                    (previous_verdict == Verdict::clear && analysis.robustness.verdict == Verdict::clear));
            }
            first = false;
            previous_winner = winner;
            previous_verdict = analysis.robustness.verdict;
        }
    }
    CHECK(changes > 0); // the sweeps do cross changes of winner
}

TEST_CASE("rules validate checks an uncertainty with where it is", "[analysis][answers][rules]") {
    const auto table = [](const std::string& uncertainty, const std::string& type = "number") {
        return std::string(R"({"id": "r", "version": "1",
  "questions": [{"key": "n", "prompt": "p", "type": ")") +
               type + R"(", "min": 0, "max": 10,
    "uncertainty": )" +
               uncertainty +
               R"(}],
  "options": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
  "rules": [{"id": "r1", "when": {"n": {"gte": 1}}, "effects": {"a": 1}, "weight": 1, "rationale": "r"}]})";
    };
    struct Bad {
        std::string uncertainty;
        std::string type;
        std::string message;
    };
    const std::vector<Bad> cases{
        {R"({"factor": 1})", "number", "'factor' must be above 1"},
        {R"({"factor": 2, "plus_minus": 1})", "number", "exactly one of"},
        {R"({})", "number", "exactly one of"},
        {R"({"plus_minus": 0.5})", "integer", "whole number"},
        {R"({"plus_minus": -1})", "number", "plus_minus"},
        {R"({"factr": 2})", "number", "factor"},
        {R"(2)", "number", "must be an object"},
    };
    for (const Bad& bad : cases) {
        INFO(bad.uncertainty);
        Diagnostics diagnostics;
        (void)test::rules_from(table(bad.uncertainty, bad.type), diagnostics);
        const Diagnostic* d = test::find_message(diagnostics, bad.message);
        REQUIRE(d != nullptr);
        CHECK(d->where.line == 3);
        CHECK(d->where.column > 0);
    }
    Diagnostics ok;
    const RuleSet rules = test::rules_from(table(R"({"factor": 2})"), ok);
    CHECK_FALSE(ok.has_errors());
    CHECK(rules.questions[0].uncertainty->factor == 2);
}
