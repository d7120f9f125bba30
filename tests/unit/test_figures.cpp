// Cost figures in the rules language: how a table names them, what the
// loader refuses, and what they are worth for the default tables.

#include "makeorbuy/core/cost.hpp"
#include "makeorbuy/core/figures.hpp"
#include "makeorbuy/core/score.hpp"
#include "makeorbuy/core/validate.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace makeorbuy;

namespace {

std::string table_with_rule(const std::string& rule) {
    return R"({"id": "t", "version": "1",
  "questions": [{"key": "spend", "prompt": "p", "type": "number", "min": 0, "max": 1e9}],
  "options": [{"id": "api", "name": "API"}, {"id": "own", "name": "Own"}],
  "rules": [{"id": "base", "when": {"spend": {"gte": 0}}, "effects": {"api": 1}, "weight": 1, "rationale": "r"},
)" + rule + "]}";
}

Answers default_answers(double spend, const std::string& compliance) {
    Answers answers = test::answers_of({{"stage", std::string("growth")},
                                        {"monthly-spend", spend},
                                        {"latency", std::string("interactive")},
                                        {"compliance", compliance},
                                        {"team-size", 12.0}});
    fill_defaults(answers, default_rules());
    return answers;
}

} // namespace

TEST_CASE("figures: names read against the table's options", "[figures]") {
    const RuleSet rules = test::rules_ok(
        table_with_rule(R"({"id": "x", "effects": {"own": 1}, "weight": 1, "rationale": "r"})"));
    const auto ratio = parse_figure("cost:ratio:api/own", rules);
    REQUIRE(ratio);
    CHECK(ratio->kind == FigureKind::ratio);
    CHECK(ratio->option == 0);
    CHECK(ratio->other == 1);
    CHECK_FALSE(parse_figure("cost:ratio:own/own", rules));
    CHECK_FALSE(parse_figure("cost:monthly-usd:nope", rules));
    CHECK_FALSE(parse_figure("cost:monthly-usd:api/own", rules));
    CHECK_FALSE(parse_figure("monthly-usd:api", rules));
    const auto found = placeholders("a {cost:ratio:api/own} b {cost:engineers:own}.");
    REQUIRE(found.size() == 2);
    CHECK(found[1].name == "cost:engineers:own");
}

TEST_CASE("figures: the loader reports each misuse where it is written", "[figures]") {
    struct Case {
        const char* rule;
        const char* message;
    };
    const Case cases[] = {
        {R"({"id": "x", "when": {"cost:monthly:own": {"lt": 1}}, "effects": {"own": 1}, "rationale": "r"})",
         "unknown cost figure 'monthly'"},
        {R"({"id": "x", "when": {"cost:ratio:own/own": {"gt": 1}}, "effects": {"own": 1}, "rationale": "r"})",
         "is a ratio of an option to itself"},
        {R"({"id": "x", "when": {"cost:engineers:onw": {"gt": 1}}, "effects": {"own": 1}, "rationale": "r"})",
         "unknown option 'onw' in cost figure 'cost:engineers:onw'; did you mean 'own'?"},
        {R"({"id": "x", "when": {"cost:engineers:own": {"in": [1]}}, "effects": {"own": 1}, "rationale": "r"})",
         "test it with lt, lte, gt, gte, eq or ne"},
        {R"({"id": "x", "effects": {"own": 1}, "rationale": "r",
             "scale": {"figure": "cost:ratio:api", "from": 1, "to": 2}})",
         "'ratio' takes two options"},
        {R"({"id": "x", "effects": {"own": 1}, "rationale": "costs {cost:monthly-usd:nope}"})",
         "unknown option 'nope'"},
    };
    for (const Case& c : cases) {
        INFO(c.rule);
        Diagnostics diagnostics;
        (void)test::rules_from(table_with_rule(c.rule), diagnostics);
        INFO(test::dump(diagnostics));
        const Diagnostic* d = test::find_message(diagnostics, c.message);
        REQUIRE(d != nullptr);
        CHECK(d->where.line >= 5); // the injected rule starts on line 5
        CHECK(d->where.column > 1);
    }
}

TEST_CASE("figures: a question's ask_if cannot read them", "[figures]") {
    Diagnostics diagnostics;
    (void)test::rules_from(R"({"id": "t", "version": "1",
  "questions": [{"key": "spend", "prompt": "p", "type": "number", "min": 0, "max": 1e9,
                 "ask_if": {"cost:monthly-usd:api": {"gt": 1}}}],
  "options": [{"id": "api", "name": "API"}, {"id": "own", "name": "Own"}],
  "rules": [{"id": "x", "when": {"spend": {"gt": 1}}, "effects": {"own": 1}, "rationale": "r"}]})",
                           diagnostics);
    CHECK(test::find_message(diagnostics, "ask_if cannot test cost figures") != nullptr);
}

TEST_CASE("figures: the default tables cost the open model in its cheaper allowed form", "[figures]") {
    const RuleSet& rules = default_rules();
    const std::size_t self = *rules.find_option("self-hosted");
    const std::size_t frontier = *rules.find_option("frontier-api");

    // $90K a month on the typical profile: bought per token it is a
    // fraction of the API; on its own GPUs (two 8-GPU replicas, two engineers) more.
    const CostFigures open = figures_for(default_answers(90000, "vendor-dpa"), rules);
    REQUIRE(open.option(self) != nullptr);
    CHECK(open.option(self)->per_token);
    CHECK(open.option(self)->monthly_usd == Approx(4151).epsilon(0.01));
    CHECK(*open.option(self)->other_form_usd == Approx(113700).epsilon(0.01));
    CHECK(open.option(self)->engineers == 0);
    CHECK(*open.value({FigureKind::ratio, frontier, self}) == Approx(90000.0 / 4151).epsilon(0.01));
    CHECK_FALSE(open.value({FigureKind::form_crossover, self, 0})); // per token stays cheaper to 10^10

    // Data that must stay in-house rules the per-token form out, nothing else.
    // Steady traffic: the break-even of the typical profile's two nodes (an
    // unmeasured 3x peak needs a third node before it, see test_cost_guide.cpp).
    Answers steady = default_answers(90000, "in-house-only");
    steady.set("volume-pattern", Answer{std::string("steady"), Origin::flag, {}});
    const CostFigures in_house = figures_for(steady, rules);
    CHECK_FALSE(in_house.option(self)->per_token);
    CHECK(in_house.option(self)->monthly_usd == Approx(113700).epsilon(0.01));
    CHECK(*in_house.value({FigureKind::team_share, self, 0}) == Approx(2.0 / 12));
    const auto break_even = in_house.value({FigureKind::break_even_spend, self, 0});
    REQUIRE(break_even);
    CHECK(*break_even > 100000);
    CHECK(*break_even < 130000);
    CHECK_FALSE(in_house.value({FigureKind::payback_months, self, 0})); // no saving, no payback

    // Texts quote them for people.
    CHECK(fill_figures("{cost:monthly-usd:self-hosted} vs {cost:monthly-usd:frontier-api}", in_house,
                       rules) == "$113.7K vs $90K");
    CHECK(fill_figures("{cost:payback-months:self-hosted}", in_house, rules) == "(not known)");
}
