// Robustness: a dominant option, a tie, and determinism for a seed.

#include "makeorbuy/analysis/analysis.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <numeric>

using namespace makeorbuy;

namespace {

RuleSet two_options(const std::string& rules_json) {
    return test::rules_ok(R"({"id": "r", "version": "1",
      "questions": [{"key": "q", "prompt": "p", "type": "choice", "values": [{"value": "x", "text": "t"}], "default": "x"}],
      "options": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
      "rules": )" + rules_json +
                          "}");
}

Robustness run(const RuleSet& rules, RobustnessSettings settings = {}) {
    const Answers answers = test::answers_of({{"q", std::string("x")}});
    return robustness(evaluate(answers, rules), rules, settings);
}

double sum(const std::vector<double>& shares) {
    return std::accumulate(shares.begin(), shares.end(), 0.0);
}

} // namespace

TEST_CASE("robustness: an option that dominates wins every sample", "[analysis]") {
    // a: 5 x [0.5, 1.5] >= 2.5; b: 1 x [0.5, 1.5] <= 1.5. a always wins.
    const RuleSet rules =
        two_options(R"([{"id": "r1", "when": {"q": "x"}, "effects": {"a": 5}, "weight": 1, "rationale": "r"},
                                         {"id": "r2", "when": {"q": "x"}, "effects": {"b": 1}, "weight": 1, "rationale": "r"}])");
    const Robustness r = run(rules);
    CHECK(r.samples == 10000);
    CHECK(r.seed == k_default_seed);
    CHECK(r.first_place_share[0] == 1.0);
    CHECK(r.first_place_share[1] == 0.0);
    CHECK(r.verdict == Verdict::clear);
    CHECK(r.margin == 1.0);
}

TEST_CASE("robustness: a tie splits the samples about evenly and is not clear", "[analysis]") {
    const RuleSet rules =
        two_options(R"([{"id": "r1", "when": {"q": "x"}, "effects": {"a": 1}, "weight": 1, "rationale": "r"},
                                         {"id": "r2", "when": {"q": "x"}, "effects": {"b": 1}, "weight": 1, "rationale": "r"}])");
    const Robustness r = run(rules);
    CHECK(r.recommendation == 0); // level scores: the first option listed
    // 10,000 samples: a binomial share is within +-0.0098 of 1/2 at 95%; allow
    // 3 points, plus the 1-in-100 draws that tie at two decimals (to a).
    CHECK(r.first_place_share[0] == Approx(0.5).margin(0.03));
    CHECK(sum(r.first_place_share) == Approx(1.0));
    CHECK(r.verdict != Verdict::clear);
}

TEST_CASE("robustness: the same seed gives the same figures; another seed others", "[analysis]") {
    const RuleSet rules =
        two_options(R"([{"id": "r1", "when": {"q": "x"}, "effects": {"a": 1}, "weight": 1, "rationale": "r"},
                                         {"id": "r2", "when": {"q": "x"}, "effects": {"b": 1.1}, "weight": 1, "rationale": "r"}])");
    RobustnessSettings settings;
    settings.samples = 2000;
    settings.seed = 7;
    const Robustness first = run(rules, settings);
    const Robustness second = run(rules, settings);
    CHECK(first.first_place_share == second.first_place_share);
    settings.seed = 8;
    CHECK(run(rules, settings).first_place_share != first.first_place_share);
    // b leads by 10%: within +-50% weights it still loses when its draw is low.
    CHECK(first.first_place_share[1] > 0.5);
    CHECK(first.first_place_share[1] < 0.8);
    CHECK(first.verdict == Verdict::leaning);
}

TEST_CASE("robustness: the default verdict thresholds", "[analysis]") {
    CHECK(k_clear_share == 0.8);
    CHECK(k_contested_share == 0.5);
    CHECK(std::string(to_string(Verdict::contested)) == "contested");
}
