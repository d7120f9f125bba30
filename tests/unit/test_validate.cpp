#include "makeorbuy/core/validate.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace makeorbuy;

namespace {

RawAnswer raw(const std::string& key, std::vector<std::string> values, int line = 0) {
    RawAnswer r;
    r.key = key;
    r.values = std::move(values);
    r.origin = line != 0 ? Origin::file : Origin::flag;
    r.where = line != 0 ? Location{"a.toml", line, 9} : Location{"--" + key};
    return r;
}

ParsedAnswer parse(const std::string& key, std::vector<std::string> items) {
    const Question* q = default_rules().find_question(key);
    REQUIRE(q != nullptr);
    return parse_answer(*q, items);
}

} // namespace

TEST_CASE("choice answers ignore case and take aliases", "[validate]") {
    CHECK(parse("stage", {"Pre-PMF"}).value == Value{std::string("pre-pmf")});
    CHECK(parse("stage", {" growth "}).value == Value{std::string("growth")});
    CHECK(parse("pipeline", {"TRUE"}).value == Value{std::string("yes")});
    CHECK(parse("pipeline", {"false"}).value == Value{std::string("no")});
}

TEST_CASE("an unknown choice names the allowed values and a did-you-mean", "[validate]") {
    const ParsedAnswer parsed = parse("stage", {"pre_pmf"});
    CHECK_FALSE(parsed.value.has_value());
    CHECK(parsed.problem == "unknown value 'pre_pmf' for stage; did you mean 'pre-pmf'? (allowed: prototype, "
                            "pre-pmf, growth, scale)");
    CHECK(parse("stage", {"banana"}).problem ==
          "unknown value 'banana' for stage (allowed: prototype, pre-pmf, "
          "growth, scale)");
    CHECK(parse("stage", {""}).problem.find("needs a value") != std::string::npos);
    CHECK(parse("stage", {"a", "b"}).problem == "stage takes one value, not a list of 2");
}

TEST_CASE("numbers take 50k, 1.2M and $30,000 within the range", "[validate]") {
    CHECK(parse("monthly-spend", {"50k"}).value == Value{50000.0});
    CHECK(std::get<double>(*parse("monthly-spend", {"1.2M"}).value) == Approx(1.2e6));
    CHECK(parse("monthly-spend", {"$30,000"}).value == Value{30000.0});
    CHECK(parse("monthly-spend", {"abc"}).problem.find("is not a number for monthly-spend") !=
          std::string::npos);
    CHECK(parse("monthly-spend", {"-5"}).problem.find("out of range") != std::string::npos);
    CHECK(parse("monthly-spend", {"2B"}).problem.find("out of range") != std::string::npos);
    CHECK_FALSE(parse("monthly-spend", {"nan"}).value.has_value());
    CHECK(parse("team-size", {"3"}).value == Value{3.0});
    CHECK(parse("team-size", {"2.5"}).problem == "team-size must be a whole number, not 2.5");
    CHECK(parse("team-size", {"0"}).problem.find("out of range") != std::string::npos);
}

TEST_CASE("multi answers take lists, comma lists and none, in questionnaire order", "[validate]") {
    using List = std::vector<std::string>;
    CHECK(parse("fine-tune-drivers", {"brand-voice,OUTPUT-FORMAT"}).value ==
          Value{List{"output-format", "brand-voice"}});
    CHECK(parse("fine-tune-drivers", {"cost-wall", "cost-wall"}).value == Value{List{"cost-wall"}});
    CHECK(parse("fine-tune-drivers", {}).value == Value{List{}});
    CHECK(parse("fine-tune-drivers", {"none"}).value == Value{List{}});
    const ParsedAnswer bad = parse("fine-tune-drivers", {"brand_voice,nope"});
    CHECK_FALSE(bad.value.has_value());
    CHECK(
        bad.problem.find("unknown value 'brand_voice' for fine-tune-drivers; did you mean 'brand-voice'?") !=
        std::string::npos);
    CHECK(bad.problem.find("unknown value 'nope'") != std::string::npos);
}

TEST_CASE("validate_answers reports every unknown key and bad value, located", "[validate]") {
    const RuleSet& rules = default_rules();
    Diagnostics diagnostics;
    const Answers answers =
        validate_answers({raw("stage", {"groth"}, 2), raw("stge", {"growth"}, 3), raw("latency", {"fast"}),
                          raw("team-size", {"3"}), raw("banana", {"1"})},
                         rules, diagnostics);
    REQUIRE(diagnostics.items().size() == 4);
    CHECK(diagnostics.items()[0].where.to_string() == "a.toml:2:9");
    CHECK(diagnostics.items()[0].message.find("did you mean 'growth'?") != std::string::npos);
    CHECK(diagnostics.items()[1].message == "unknown question 'stge'; did you mean 'stage'?");
    CHECK(diagnostics.items()[2].where.to_string() == "--latency");
    CHECK(diagnostics.items()[2].message.find("allowed: batch, interactive, realtime") != std::string::npos);
    CHECK(diagnostics.items()[3].message.find("`makeorbuy questions` lists them") != std::string::npos);
    CHECK(answers.value("team-size") != nullptr);
    CHECK(answers.all().size() == 1);
}

TEST_CASE("validate_answers: keys ignore case and a later answer wins", "[validate]") {
    Diagnostics diagnostics;
    const Answers answers = validate_answers({raw("STAGE", {"growth"}, 1), raw("stage", {"scale"})},
                                             default_rules(), diagnostics);
    REQUIRE(diagnostics.empty());
    CHECK(*answers.value("stage") == Value{std::string("scale")});
    CHECK(answers.find("stage")->origin == Origin::flag);
    CHECK(answers.find("stage")->where.to_string() == "--stage");
}

TEST_CASE("defaults fill the gaps; required questions are listed in order", "[validate]") {
    const RuleSet& rules = default_rules();
    Answers answers;
    std::vector<std::string> missing;
    for (const Question* q : missing_required(answers, rules))
        missing.push_back(q->key);
    CHECK(missing ==
          std::vector<std::string>{"stage", "monthly-spend", "latency", "compliance", "team-size"});
    fill_defaults(answers, rules);
    CHECK(answers.find("ml-ops")->origin == Origin::default_value);
    CHECK(*answers.value("fine-tune-drivers") == Value{std::vector<std::string>{}});
    CHECK(answers.value("stage") == nullptr);
    answers.set("stage", Answer{std::string("growth"), Origin::flag, {}});
    fill_defaults(answers, rules);
    CHECK(answers.find("stage")->origin == Origin::flag);
    CHECK(missing_required(answers, rules).size() == 4);
}

TEST_CASE("is_asked follows the question's ask_if", "[validate]") {
    const RuleSet rules = test::rules_ok(R"({"id": "t", "version": "1",
      "questions": [
        {"key": "a", "prompt": "p", "type": "choice", "values": [{"value": "x", "text": "t"}, {"value": "y", "text": "t"}]},
        {"key": "b", "prompt": "p", "type": "choice", "values": [{"value": "x", "text": "t"}], "default": "x",
         "ask_if": {"a": "y"}}],
      "options": [{"id": "o1", "name": "O1"}, {"id": "o2", "name": "O2"}],
      "rules": [{"id": "r", "when": {"a": "x", "b": "x"}, "effects": {"o1": 1}, "weight": 1, "rationale": "r"}]})");
    const Question& b = rules.questions[1];
    CHECK_FALSE(is_asked(b, test::answers_of({{"a", std::string("x")}})));
    CHECK(is_asked(b, test::answers_of({{"a", std::string("y")}})));
    CHECK(is_asked(rules.questions[0], {}));
}

TEST_CASE("display_value writes answers as a user would type them", "[answers]") {
    CHECK(display_value(Value{std::string("growth")}) == "growth");
    CHECK(display_value(Value{30000.0}) == "30000");
    CHECK(display_value(Value{std::vector<std::string>{"a", "b"}}) == "a,b");
}
