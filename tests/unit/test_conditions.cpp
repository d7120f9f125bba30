#include "makeorbuy/core/condition.hpp"
#include "makeorbuy/core/rules_loader.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace makeorbuy;

namespace {

// The condition `when`, read through the loader over the small table's questions.
Condition read(const std::string& when) {
    const std::string text = R"({"id": "t", "version": "1",
      "questions": [
        {"key": "stage", "prompt": "p", "type": "choice",
         "values": [{"value": "early", "text": "t"}, {"value": "late", "text": "t"}, {"value": "yes", "text": "t", "aliases": ["true"]}]},
        {"key": "spend", "prompt": "p", "type": "number", "min": 0, "max": 1000000},
        {"key": "drivers", "prompt": "p", "type": "multi", "values": [{"value": "format", "text": "t"}, {"value": "voice", "text": "t"}]}],
      "options": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
      "rules": [{"id": "r", "when": )" +
                             when + R"(, "effects": {"a": 1}, "weight": 1, "rationale": "r"}]})";
    Diagnostics diagnostics;
    RuleSet rules = test::rules_from(text, diagnostics, RuleChecks::structure);
    INFO(test::dump(diagnostics));
    REQUIRE_FALSE(diagnostics.has_errors());
    return rules.rules.at(0).when;
}

const Answers k_early = test::answers_of(
    {{"stage", std::string("early")}, {"spend", 50000.0}, {"drivers", std::vector<std::string>{"voice"}}});
const Answers k_late = test::answers_of(
    {{"stage", std::string("late")}, {"spend", 200000.0}, {"drivers", std::vector<std::string>{}}});

bool holds_for(const std::string& when, const Answers& answers) {
    return holds(read(when), answers);
}

} // namespace

TEST_CASE("condition: equality and one-of on choices", "[condition]") {
    CHECK(holds_for(R"({"stage": "early"})", k_early));
    CHECK_FALSE(holds_for(R"({"stage": "early"})", k_late));
    CHECK(holds_for(R"({"stage": "EARLY"})", k_early)); // values in rules ignore case too
    CHECK(holds_for(R"({"stage": true})", test::answers_of({{"stage", std::string("yes")}})));
    CHECK(holds_for(R"({"stage": ["late", "yes"]})", k_late));
    CHECK_FALSE(holds_for(R"({"stage": ["late", "yes"]})", k_early));
    CHECK(holds_for(R"({"stage": {"in": ["early"]}})", k_early));
    CHECK(holds_for(R"({"stage": {"not_in": ["early"]}})", k_late));
    CHECK_FALSE(holds_for(R"({"stage": {"not_in": ["early"]}})", k_early));
    CHECK(holds_for(R"({"stage": {"eq": "late"}})", k_late));
    CHECK(holds_for(R"({"stage": {"ne": "late"}})", k_early));
    CHECK_FALSE(holds_for(R"({"stage": {"ne": "late"}})", k_late));
}

TEST_CASE("condition: numeric comparisons, several in one object", "[condition]") {
    CHECK(holds_for(R"({"spend": {"lt": 50001}})", k_early));
    CHECK_FALSE(holds_for(R"({"spend": {"lt": 50000}})", k_early));
    CHECK(holds_for(R"({"spend": {"lte": 50000}})", k_early));
    CHECK(holds_for(R"({"spend": {"gt": 49999}})", k_early));
    CHECK_FALSE(holds_for(R"({"spend": {"gt": 50000}})", k_early));
    CHECK(holds_for(R"({"spend": {"gte": 50000}})", k_early));
    CHECK(holds_for(R"({"spend": {"eq": 50000}})", k_early));
    CHECK(holds_for(R"({"spend": {"ne": 50000}})", k_late));
    CHECK(holds_for(R"({"spend": 50000})", k_early));
    const std::string band = R"({"spend": {"gte": 50000, "lt": 200000}})";
    CHECK(holds_for(band, k_early));
    CHECK_FALSE(holds_for(band, k_late));
    CHECK(read(band).kind == ConditionKind::all);
}

TEST_CASE("condition: contains, contains_any and empty on multi answers", "[condition]") {
    CHECK(holds_for(R"({"drivers": {"contains": "voice"}})", k_early));
    CHECK_FALSE(holds_for(R"({"drivers": {"contains": "format"}})", k_early));
    CHECK(holds_for(R"({"drivers": "voice"})", k_early));
    CHECK(holds_for(R"({"drivers": {"contains_any": ["format", "voice"]}})", k_early));
    CHECK(holds_for(R"({"drivers": ["format", "voice"]})", k_early));
    CHECK_FALSE(holds_for(R"({"drivers": ["format", "voice"]})", k_late));
    CHECK(holds_for(R"({"drivers": {"empty": true}})", k_late));
    CHECK_FALSE(holds_for(R"({"drivers": {"empty": true}})", k_early));
    CHECK(holds_for(R"({"drivers": {"empty": false}})", k_early));
}

TEST_CASE("condition: all, any, not and the implicit all of several keys", "[condition]") {
    CHECK(holds_for(R"({"all": [{"stage": "early"}, {"spend": {"gte": 1}}]})", k_early));
    CHECK_FALSE(holds_for(R"({"all": [{"stage": "early"}, {"spend": {"gte": 100000}}]})", k_early));
    CHECK(holds_for(R"({"any": [{"stage": "late"}, {"spend": {"lt": 100000}}]})", k_early));
    CHECK_FALSE(holds_for(R"({"any": [{"stage": "late"}, {"spend": {"gt": 100000}}]})", k_early));
    CHECK(holds_for(R"({"not": {"stage": "late"}})", k_early));
    CHECK_FALSE(holds_for(R"({"not": {"stage": "early"}})", k_early));
    CHECK(holds_for(R"({"stage": "early", "drivers": {"contains": "voice"}})", k_early));
    CHECK_FALSE(holds_for(R"({"stage": "early", "drivers": {"contains": "format"}})", k_early));
    CHECK(holds_for(R"({"not": {"any": [{"stage": "late"}, {"all": [{"spend": 0}]}]}})", k_early));
    // Empty groups: all of nothing holds, any of nothing does not.
    CHECK(holds_for(R"({"all": []})", k_early));
    CHECK_FALSE(holds_for(R"({"any": []})", k_early));
    CHECK(holds_for("{}", k_early));
}

TEST_CASE("condition: a test on an unanswered question is false", "[condition]") {
    const Answers none;
    CHECK_FALSE(holds_for(R"({"stage": "early"})", none));
    CHECK_FALSE(holds_for(R"({"stage": {"ne": "early"}})", none));
    CHECK(holds_for(R"({"not": {"stage": "early"}})", none));
    CHECK(holds(Condition{}, none)); // always
}

TEST_CASE("condition: collect_keys and describe", "[condition]") {
    const Condition c = read(R"({"stage": "early", "any": [{"spend": {"gte": 50000}}, {"stage": "late"}],
                                 "not": {"drivers": {"empty": true}}})");
    std::vector<std::string> keys;
    collect_keys(c, keys);
    std::sort(keys.begin(), keys.end());
    CHECK(keys == std::vector<std::string>{"drivers", "spend", "stage"});
    CHECK(describe(read(R"({"stage": "early"})")) == "stage is early");
    CHECK(describe(read(R"({"spend": {"gte": 50000}})")) == "spend >= 50000");
    CHECK(describe(read(R"({"stage": {"in": ["early", "late"]}})")) == "stage is one of early, late");
    CHECK(describe(read(R"({"drivers": {"empty": false}})")) == "drivers is not empty");
    CHECK(describe(read(R"({"not": {"stage": "late"}})")) == "not (stage is late)");
    CHECK(describe(Condition{}) == "always");
}
