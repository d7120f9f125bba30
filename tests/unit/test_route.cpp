// The costed routing plan: which option carries which share of the calls,
// priced by the same cost figures the ranking and the cost section use.

#include "makeorbuy/analysis/route.hpp"
#include "makeorbuy/core/cost.hpp"
#include "makeorbuy/core/validate.hpp"
#include "makeorbuy/report/report.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace makeorbuy;

namespace {

Answers pipeline_answers(std::vector<std::pair<std::string, Value>> extra = {}) {
    std::vector<std::pair<std::string, Value>> values = {{"stage", std::string("growth")},
                                                         {"monthly-spend", 85000.0},
                                                         {"latency", std::string("interactive")},
                                                         {"compliance", std::string("vendor-dpa")},
                                                         {"team-size", 12.0},
                                                         {"pipeline", std::string("yes")}};
    for (auto& v : extra)
        values.push_back(std::move(v));
    Answers answers = test::answers_of(std::move(values));
    fill_defaults(answers, default_rules());
    return answers;
}

std::size_t option_index(const std::string& id) {
    return *default_rules().find_option(id);
}

} // namespace

TEST_CASE("route: a pipeline's plan, worked by hand from the default prices", "[route]") {
    // Hand calculation (rules/prices.json, profile typical, 1,000 input and 300 output tokens):
    //   gpt-5 (frontier):   1000 x $1.25/M + 300 x $10/M  = $0.00425 a request
    //   gpt-5-mini (small): 1000 x $0.25/M + 300 x $2/M   = $0.00085 a request
    //   deepinfra llama-3.3-70b (open, per token): 1000 x $0.10/M + 300 x $0.32/M = $0.000196
    //   monthly-spend $85,000 at frontier prices: 85,000 / 0.00425 = 20,000,000 requests a month.
    // Route "route-pipeline" (task general): 20% hard steps, 80% routine.
    //   hard, frontier only:   4,000,000 x 0.00425  = $17,000
    //   routine, the cheaper of small (16M x 0.00085 = $13,600) and the open model
    //     (per token 16M x 0.000196 = $3,136; its own GPUs cost far more at that volume): $3,136
    //   blended: 17,000 + 3,136 = $20,136
    //   fallback for the hard steps, the open model per token: 4M x 0.000196 = $784
    //   alone: frontier $85,000, small $17,000, open model per token 20M x 0.000196 = $3,920
    const RuleSet& rules = default_rules();
    const Answers answers = pipeline_answers();
    const Report report = make_report(rules, answers);
    REQUIRE(report.route);
    const RoutePlan& plan = *report.route;
    CHECK(rules.routes[plan.route].id == "route-pipeline");
    REQUIRE(plan.lanes.size() == 2);
    CHECK(plan.lanes[0].option == option_index("frontier-api"));
    CHECK(plan.lanes[0].share == 0.2);
    CHECK(plan.lanes[0].requests == Approx(4'000'000));
    CHECK(plan.lanes[0].monthly_usd == Approx(17'000));
    CHECK(plan.lanes[0].form == "api");
    CHECK(plan.lanes[1].option == option_index("self-hosted"));
    CHECK(plan.lanes[1].form == "per-token");
    CHECK(plan.lanes[1].monthly_usd == Approx(3'136));
    CHECK(plan.monthly_usd == Approx(20'136));
    REQUIRE(plan.fallback);
    CHECK(plan.fallback->option == option_index("self-hosted"));
    CHECK(plan.fallback->monthly_usd == Approx(784));

    // Each option alone at the figure the cost section prints (and the ranking counts).
    const CostReport cost = cost_report(report.answers, rules, default_prices());
    REQUIRE(plan.singles.size() == cost.options.size());
    for (std::size_t i = 0; i < plan.singles.size(); ++i) {
        const OptionCost& c = cost.options[i];
        CHECK(plan.singles[i].option == c.option);
        CHECK(plan.singles[i].monthly_usd == Approx(c.ranked_usd.value_or(c.monthly_usd)).epsilon(1e-12));
        CHECK(plan.singles[i].form == c.form);
    }
    CHECK(plan.singles[0].monthly_usd == Approx(85'000));
    CHECK(plan.singles[1].monthly_usd == Approx(17'000));
    CHECK(plan.singles[2].monthly_usd == Approx(3'920));
}

TEST_CASE("route: at a share of 1 a lane costs what the option costs alone", "[route]") {
    const RuleSet& rules = default_rules();
    const CostFigures figures = figures_for(pipeline_answers(), rules);
    for (std::size_t o = 0; o < rules.options.size(); ++o) {
        const OptionFigures* alone = figures.option(o);
        const auto at = figures.at_volume(o, figures.requests());
        REQUIRE(alone != nullptr);
        REQUIRE(at);
        CHECK(at->monthly_usd == alone->monthly_usd);
        CHECK(at->per_token == alone->per_token);
    }
}

TEST_CASE("route: the task picks the share, and the answers can rule the per-token form out", "[route]") {
    const RuleSet& rules = default_rules();
    const Report complex = make_report(rules, pipeline_answers({{"task", std::string("complex")}}));
    REQUIRE(complex.route);
    CHECK(rules.routes[complex.route->route].id == "route-complex-pipeline");
    CHECK(complex.route->lanes[0].share == 0.3);
    CHECK(complex.route->lanes[0].monthly_usd == Approx(0.3 * 85'000));

    // Weights under your control: no open model bought per token, so the
    // routine steps go to the small model (16M x 0.00085 = $13,600), and the
    // fallback is the open model on your own GPUs.
    const Report weights = make_report(rules, pipeline_answers({{"weights-control", std::string("yes")}}));
    REQUIRE(weights.route);
    CHECK(weights.route->lanes[1].option == option_index("small-hosted"));
    CHECK(weights.route->lanes[1].monthly_usd == Approx(13'600));
    REQUIRE(weights.route->fallback);
    CHECK(weights.route->fallback->form == "own-gpus");
}

TEST_CASE("route: no plan when the answers do not call for one or rule a lane out", "[route]") {
    const RuleSet& rules = default_rules();
    CHECK_FALSE(make_report(rules, pipeline_answers({{"pipeline", std::string("no")}})).route);
    // Data that may not leave: both hosted options are ruled out, so nothing may take the hard steps.
    CHECK_FALSE(make_report(rules, pipeline_answers({{"compliance", std::string("in-house-only")}})).route);
}

TEST_CASE("route: the loader reports shares that do not add up, unknown options and stray fields",
          "[route]") {
    const std::string base = test::k_small_rules;
    auto with_routes = [&](const std::string& routes) {
        std::string text = base;
        const std::size_t end = text.rfind('}');
        return text.substr(0, end) + ", \"routes\": [" + routes + "]}\n";
    };
    Diagnostics diagnostics;
    (void)test::rules_from(with_routes(R"({"id": "r1", "text": "t", "share_source": "s", "lanes": [
            {"role": "hard", "options": ["nope"], "share": 0.5},
            {"role": "easy", "options": ["api"], "share": 0.4, "colour": 1}]})"),
                           diagnostics);
    CHECK(test::find_message(diagnostics, "unknown option 'nope'") != nullptr);
    CHECK(test::find_message(diagnostics, "colour") != nullptr);
    Diagnostics sums;
    (void)test::rules_from(with_routes(R"({"id": "r2", "text": "t", "share_source": "s", "lanes": [
            {"role": "hard", "options": ["api"], "share": 0.5},
            {"role": "easy", "options": ["api"], "share": 0.4}]})"),
                           sums);
    const Diagnostic* d = test::find_message(sums, "add up to 0.9, not 1");
    REQUIRE(d != nullptr);
    CHECK(d->where.file == "t.json");
    CHECK(d->where.line > 0);
    Diagnostics none;
    (void)test::rules_from(with_routes(R"({"id": "r3", "text": "t", "lanes": []})"), none);
    CHECK(test::find_message(none, "share_source") != nullptr);
    CHECK(test::find_message(none, "at least two lanes") != nullptr);
}
