#include "makeorbuy/core/explain.hpp"
#include "makeorbuy/core/score.hpp"
#include "makeorbuy/report/report.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

using namespace makeorbuy;

namespace {

using List = std::vector<std::string>;

Answers small(const std::string& stage, double spend, List drivers = {}) {
    return test::answers_of({{"stage", stage}, {"spend", spend}, {"drivers", std::move(drivers)}});
}

std::vector<std::string> order_of(const Ranking& ranking, const RuleSet& rules) {
    std::vector<std::string> ids;
    for (const auto& r : ranking.ranked)
        ids.push_back(rules.options[r.option].id);
    return ids;
}

double score_of(const Ranking& ranking, const RuleSet& rules, const std::string& id) {
    return ranking.find(*rules.find_option(id))->score;
}

// Options a, b, c; `x` excludes a; b and c take nearly equal points.
const char* k_tie_rules = R"({"id": "tie", "version": "1",
  "questions": [{"key": "x", "prompt": "p", "type": "choice", "values": [{"value": "yes", "text": "t"}, {"value": "no", "text": "t"}]},
                {"key": "n", "prompt": "p", "type": "number", "min": 0, "max": 100, "default": 0}],
  "options": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
  "rules": [{"id": "a-high", "effects": {"a": 5}, "weight": 1, "rationale": "r"},
            {"id": "b-c", "when": {"x": "no"}, "effects": {"b": 1.001, "c": 1.004}, "weight": 1, "rationale": "r"},
            {"id": "shrink", "effects": {"c": 2}, "weight": 1, "rationale": "r",
             "scale": {"question": "n", "from": 80, "to": 40, "curve": "linear"}}],
  "constraints": [{"id": "no-a", "when": {"x": "yes"}, "exclude": ["a"], "rationale": "r"},
                  {"id": "no-a-again", "when": {"n": {"gte": 99}}, "exclude": ["a", "b", "c"], "rationale": "r"}],
  "advice": [{"id": "tip", "when": {"x": "yes"}, "text": "t"}]})";

} // namespace

TEST_CASE("scale_factor: log scale across the $50K-$200K band", "[score]") {
    const Scale band{"spend", std::nullopt, 50000, 200000, Curve::log};
    auto at = [&](double spend) { return scale_factor(band, test::answers_of({{"spend", spend}})); };
    CHECK(at(0) == 0.0);
    CHECK(at(20000) == 0.0);
    CHECK(at(50000) == 0.0);
    CHECK(at(100000) == Approx(0.5)); // ln 2 / ln 4
    CHECK(at(200000) == Approx(1.0));
    CHECK(at(1e9) == 1.0);
    CHECK(at(75000) == Approx(std::log(1.5) / std::log(4.0)));
    CHECK(scale_factor(band, {}) == 0.0); // unanswered
}

TEST_CASE("scale_factor: linear, and shrinking when from > to", "[score]") {
    const Scale up{"n", std::nullopt, 10, 20, Curve::linear};
    const Scale down{"n", std::nullopt, 20, 10, Curve::linear};
    const Scale log_down{"n", std::nullopt, 200, 50, Curve::log};
    auto at = [](const Scale& s, double n) { return scale_factor(s, test::answers_of({{"n", n}})); };
    CHECK(at(up, 5) == 0.0);
    CHECK(at(up, 15) == Approx(0.5));
    CHECK(at(up, 25) == 1.0);
    CHECK(at(down, 5) == 1.0);
    CHECK(at(down, 12.5) == Approx(0.75));
    CHECK(at(down, 25) == 0.0);
    CHECK(at(log_down, 0) == 1.0);
    CHECK(at(log_down, 100) == Approx(0.5));
    CHECK(at(log_down, 400) == 0.0);
}

TEST_CASE("score: hand-computed totals at $50K, $100K and $200K", "[score]") {
    const RuleSet rules = test::rules_ok(test::k_small_rules);
    // early-api: api +2x1.5, own -1x1.5; spend-own: own +2 x log factor.
    const Ranking at50 = score(small("early", 50000), rules);
    CHECK(score_of(at50, rules, "api") == Approx(3.0));
    CHECK(score_of(at50, rules, "own") == Approx(-1.5));
    CHECK(score_of(at50, rules, "tuned") == 0.0);
    CHECK(order_of(at50, rules) == List{"api", "tuned", "own"});
    CHECK(score_of(score(small("early", 100000), rules), rules, "own") == Approx(-0.5));
    CHECK(score_of(score(small("early", 200000), rules), rules, "own") == Approx(0.5));
    const Ranking voice = score(small("early", 200000, {"voice"}), rules);
    CHECK(score_of(voice, rules, "tuned") == Approx(3.0));
    CHECK(order_of(voice, rules) == List{"api", "tuned", "own"}); // a tie at 3: api is listed first
}

TEST_CASE("score: contributions carry every point, largest first", "[score]") {
    const RuleSet rules = test::rules_ok(test::k_small_rules);
    const Ranking ranking = score(small("early", 100000), rules);
    const OptionResult& own = *ranking.find(1);
    REQUIRE(own.contributions.size() == 2);
    CHECK(rules.rules[own.contributions[0].rule].id == "early-api");
    CHECK(own.contributions[0].delta == Approx(-1.5));
    CHECK(rules.rules[own.contributions[1].rule].id == "spend-own");
    CHECK(own.contributions[1].delta == Approx(1.0));
    double sum = 0;
    for (const auto& c : own.contributions)
        sum += c.delta;
    CHECK(sum == Approx(own.score));
    // A rule whose factor is 0 does not fire and leaves no reason.
    const Evaluation at_zero = evaluate(small("early", 0), rules);
    for (const auto& fired : at_zero.fired)
        CHECK(rules.rules[fired.rule].id != "spend-own");
}

TEST_CASE("score: an excluded option ranks last, whatever its score", "[score]") {
    const RuleSet rules = test::rules_ok(k_tie_rules);
    const Ranking free = score(test::answers_of({{"x", std::string("no")}, {"n", 100.0 - 50}}), rules);
    CHECK(order_of(free, rules).front() == "a");
    const Ranking ranking = score(test::answers_of({{"x", std::string("yes")}, {"n", 90.0}}), rules);
    CHECK(order_of(ranking, rules) == List{"b", "c", "a"});
    CHECK(ranking.ranked.back().excluded);
    CHECK(ranking.ranked.back().score == 5.0);
    CHECK(ranking.ranked.back().excluded_by == std::vector<std::size_t>{0});
    CHECK_FALSE(ranking.winner().excluded);
    CHECK(ranking.advice == std::vector<std::size_t>{0});
}

TEST_CASE("score: ties, as shown to two decimals, go to the option listed first", "[score]") {
    const RuleSet rules = test::rules_ok(k_tie_rules);
    // Exactly equal: b and c both 0.
    const Ranking zero = score(test::answers_of({{"x", std::string("yes")}, {"n", 90.0}}), rules);
    CHECK(order_of(zero, rules) == List{"b", "c", "a"});
    // c's 1.004 beats b's 1.001 only below what the output shows, so b, listed first, leads.
    const Ranking no = score(test::answers_of({{"x", std::string("no")}, {"n", 90.0}}), rules);
    CHECK(order_of(no, rules) == List{"a", "b", "c"});
    // The shrinking scale lifts c clearly above b at n = 40.
    const Ranking low = score(test::answers_of({{"x", std::string("no")}, {"n", 40.0}}), rules);
    CHECK(order_of(low, rules) == List{"a", "c", "b"});
    CHECK(score_of(low, rules, "c") == Approx(3.004));
}

TEST_CASE("score: when every option is excluded, they rank by score", "[score]") {
    const RuleSet rules = test::rules_ok(k_tie_rules);
    const Ranking ranking = score(test::answers_of({{"x", std::string("no")}, {"n", 99.0}}), rules);
    CHECK(order_of(ranking, rules) == List{"a", "b", "c"});
    for (const auto& r : ranking.ranked)
        CHECK(r.excluded);
}

TEST_CASE("winner_with_weights agrees with score() and follows other weights", "[score]") {
    const RuleSet rules = test::rules_ok(test::k_small_rules);
    const Answers answers = small("early", 200000, {"voice"});
    const Evaluation evaluation = evaluate(answers, rules);
    std::vector<double> weights;
    for (const auto& r : rules.rules)
        weights.push_back(r.weight);
    std::vector<double> scores(rules.options.size());
    CHECK(winner_with_weights(evaluation, rules, weights, scores) == score(answers, rules).winner().option);
    CHECK(scores[0] == Approx(3.0));
    weights[2] = 2; // voice counts double: tuned 6 beats api 3
    CHECK(winner_with_weights(evaluation, rules, weights, scores) == 2);
    const RuleSet tie = test::rules_ok(k_tie_rules);
    const Evaluation excluded = evaluate(test::answers_of({{"x", std::string("yes")}, {"n", 90.0}}), tie);
    std::vector<double> tie_weights(tie.rules.size(), 1.0);
    std::vector<double> tie_scores(3);
    CHECK(winner_with_weights(excluded, tie, tie_weights, tie_scores) == 1);
}

TEST_CASE("round_score shows two decimals and no negative zero", "[score]") {
    CHECK(round_score(1.005) == Approx(1.0).margin(0.011));
    CHECK(round_score(2.345678) == 2.35);
    CHECK(std::signbit(round_score(-0.001)) == false);
}

TEST_CASE("round_score rounds exactly as std::round does, halves away from zero", "[score]") {
    auto reference = [](double x) {
        const double r = std::round(x * 100.0) / 100.0;
        return r == 0 ? 0.0 : r;
    };
    std::vector<double> values = {0.125, -0.125, 0.005, -0.005, 2.675, 1e15,
                                  -1e15, 4.5e13, 1e300, -1e300, 0.0,   -0.0};
    for (int i = -20000; i <= 20000; ++i) {
        values.push_back(i / 200.0);  // every half-cent, positive and negative
        values.push_back(i * 0.0137); // and values between them
    }
    for (double x : values) {
        INFO(x);
        CHECK(round_score(x) == reference(x));
    }
    CHECK(std::isnan(round_score(std::nan(""))));
}

TEST_CASE("report: why_not lists every rule where the winner and another option differ", "[score]") {
    const RuleSet rules = test::rules_ok(test::k_small_rules);
    const Report report = make_report(rules, small("early", 100000));
    CHECK(rules.options[report.ranking.winner().option].id == "api");
    const WhyNot gaps = why_not(report.ranking.winner(), *report.ranking.find(1));
    REQUIRE(gaps.for_winner.size() == 1);
    CHECK(rules.rules[gaps.for_winner[0].rule].id == "early-api");
    CHECK(gaps.for_winner[0].difference == Approx(4.5));
    // The other option's own advantages are listed too, with a minus sign,
    // and everything listed adds up to the gap.
    double sum = gaps.for_winner[0].shown;
    for (const Difference& d : gaps.for_other) {
        CHECK(d.difference < 0);
        sum += d.shown;
    }
    CHECK(std::llround(sum * 100) == std::llround(gaps.gap_shown * 100));
}
