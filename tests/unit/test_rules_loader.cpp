#include "makeorbuy/core/rules.hpp"
#include "makeorbuy/core/rules_loader.hpp"

#include "cli/common.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace makeorbuy;

namespace {

// A table whose line 8 is `rule` and line 9 is `extra` (more rules, or nothing).
std::string table(const std::string& rule, const std::string& extra = "",
                  const std::string& second_question = R"("key": "spend")") {
    return "{\"id\": \"t\", \"version\": \"1\",\n"
           " \"questions\": [\n"
           "  {\"key\": \"stage\", \"prompt\": \"p\", \"type\": \"choice\",\n"
           "   \"values\": [{\"value\": \"early\", \"text\": \"t\"}, {\"value\": \"late\", \"text\": "
           "\"t\"}]},\n"
           "  {" +
           second_question +
           ", \"prompt\": \"p\", \"type\": \"number\", \"min\": 0, \"max\": 100}],\n"
           " \"options\": [{\"id\": \"api\", \"name\": \"A\"}, {\"id\": \"own\", \"name\": \"O\"}],\n"
           " \"rules\": [\n"
           "  " +
           rule +
           "\n"
           "  " +
           extra +
           "\n"
           " ]}\n";
}

std::string rule(const std::string& when, const std::string& effects = R"({"api": 1})",
                 const std::string& id = "r", const std::string& weight = "1") {
    return R"({"id": ")" + id + R"(", "when": )" + when + R"(, "effects": )" + effects + R"(, "weight": )" +
           weight + R"(, "rationale": "r"})";
}

struct Found {
    std::vector<Diagnostic> errors;
    std::string text;
};

Found errors_of(const std::string& text) {
    Diagnostics diagnostics;
    (void)test::rules_from(text, diagnostics, RuleChecks::full, cli::command_flags());
    Found found{{}, text};
    for (const auto& d : diagnostics.items())
        if (d.severity == Severity::error) found.errors.push_back(d);
    return found;
}

// The 1-based column of `needle` on line `line` of `text`.
int column_of(const std::string& text, int line, const std::string& needle) {
    std::size_t start = 0;
    for (int i = 1; i < line; ++i)
        start = text.find('\n', start) + 1;
    const std::size_t end = text.find('\n', start);
    const std::size_t at = text.substr(start, end - start).find(needle);
    REQUIRE(at != std::string::npos);
    return static_cast<int>(at) + 1;
}

// Checks that `found` has exactly one error, at LINE and the column of `needle`, saying `message`.
void one_error(const Found& found, int line, const std::string& needle, const std::string& message) {
    std::string all;
    for (const auto& d : found.errors)
        all += d.where.to_string() + ": " + d.message + "\n";
    INFO(all);
    REQUIRE(found.errors.size() == 1);
    const Diagnostic& d = found.errors.front();
    CHECK(d.where.file == "t.json");
    CHECK(d.where.line == line);
    CHECK(d.where.column == column_of(found.text, line, needle));
    CHECK(d.message == message);
}

} // namespace

TEST_CASE("rules loader: a valid table loads without errors", "[rules_loader]") {
    const Found found = errors_of(table(rule(R"({"stage": "early", "spend": {"gte": 10}})")));
    CHECK(found.errors.empty());
    const RuleSet rules = test::rules_ok(test::k_small_rules);
    CHECK(rules.label() == "small@1");
    CHECK(rules.questions.size() == 3);
    CHECK(rules.options.size() == 3);
    CHECK(rules.rules[0].weight == 1.5);
    CHECK(rules.rules[1].scale->curve == Curve::log);
    CHECK(rules.constraints[0].exclude == std::vector<std::size_t>{0});
    CHECK(rules.fingerprint.rfind("fnv1a64:", 0) == 0);
    CHECK(*rules.find_option("own") == 1);
    CHECK(rules.find_question("nope") == nullptr);
}

TEST_CASE("rules loader: the fingerprint ignores whitespace but not content", "[rules_loader]") {
    const std::string a = table(rule(R"({"stage": "early"})"));
    std::string spaced = a;
    spaced.insert(spaced.find("\"rules\""), "\n\n   ");
    Diagnostics d1, d2, d3;
    const std::string fa = test::rules_from(a, d1).fingerprint;
    CHECK(test::rules_from(spaced, d2).fingerprint == fa);
    CHECK(test::rules_from(table(rule(R"({"stage": "late"})")), d3).fingerprint != fa);
}

TEST_CASE("rules loader: unknown question in a condition, with a did-you-mean", "[rules_loader]") {
    one_error(errors_of(table(rule(R"({"stge": "early"})"))), 8, "\"stge\"",
              "unknown question 'stge' in condition; did you mean 'stage'?");
    one_error(errors_of(table(rule(R"({"any": [{"stage": "late"}, {"bananas": 1}]})"))), 8, "\"bananas\"",
              "unknown question 'bananas' in condition");
}

TEST_CASE("rules loader: unknown option in effects and in exclude", "[rules_loader]") {
    one_error(errors_of(table(rule(R"({"stage": "early"})", R"({"api": 1, "onw": 2})"))), 8, "\"onw\"",
              "unknown option 'onw'; did you mean 'own'?");
    const std::string constraint =
        R"(], "constraints": [{"id": "c", "exclude": ["api", "zebra"], "rationale": "r"})";
    one_error(errors_of(table(rule(R"({"stage": "early"})"), constraint)), 9, "\"zebra\"",
              "unknown option 'zebra' (options: api, own)");
}

TEST_CASE("rules loader: unknown value in a condition, with a did-you-mean", "[rules_loader]") {
    one_error(errors_of(table(rule(R"({"stage": "erly"})"))), 8, "\"erly\"",
              "unknown value 'erly' for stage; did you mean 'early'? (allowed: early, late)");
    one_error(errors_of(table(rule(R"({"stage": {"in": ["late", "later-on"]}})"))), 8, "\"later-on\"",
              "unknown value 'later-on' for stage (allowed: early, late)");
}

TEST_CASE("rules loader: unknown operator and misused operators", "[rules_loader]") {
    one_error(errors_of(table(rule(R"({"spend": {"gtee": 5}})"))), 8, "\"gtee\"",
              "unknown operator 'gtee'; did you mean 'gte'?");
    const Found contains = errors_of(table(rule(R"({"stage": {"contains": "early"}})")));
    REQUIRE(contains.errors.size() == 1);
    CHECK(contains.errors[0].message.find("contains works on multi questions only") != std::string::npos);
    const Found numeric = errors_of(table(rule(R"({"stage": {"gt": 5}})")));
    REQUIRE(numeric.errors.size() == 1);
    CHECK(numeric.errors[0].where.column == column_of(numeric.text, 8, "5}"));
}

TEST_CASE("rules loader: duplicate ids", "[rules_loader]") {
    one_error(errors_of(table(rule(R"({"stage": "early"})"), "," + rule(R"({"stage": "late"})"))), 9, "\"r\"",
              "duplicate id 'r' (first used at line 8)");
    const Found option_and_rule = errors_of(table(rule(R"({"stage": "early"})", R"({"api": 1})", "own")));
    REQUIRE(option_and_rule.errors.size() == 1);
    CHECK(option_and_rule.errors[0].message == "duplicate id 'own' (first used at line 6)");
}

TEST_CASE("rules loader: weights and effects out of range", "[rules_loader]") {
    one_error(errors_of(table(rule(R"({"stage": "early"})", R"({"api": 1})", "r", "7"))), 8, "7,",
              "'weight' is 7, outside the allowed range 0 to 5");
    one_error(errors_of(table(rule(R"({"stage": "early"})", R"({"api": 1})", "r", "-0.5"))), 8, "-0.5",
              "'weight' is -0.5, outside the allowed range 0 to 5");
    one_error(errors_of(table(rule(R"({"stage": "early"})", R"({"api": 9.5})"))), 8, "9.5",
              "'api' is 9.5, outside the allowed range -5 to 5");
    one_error(errors_of(table(rule(R"({"stage": "early"})", R"({"api": 1})", "r", "\"high\""))), 8,
              "\"high\"", "'weight' must be a number, not a string");
}

TEST_CASE("rules loader: conditions that can never hold", "[rules_loader]") {
    // Each is located at the part of the condition that cannot hold.
    one_error(errors_of(table(rule(R"({"spend": {"gt": 100}})"))), 8, "100}",
              "the condition of 'r' can never hold (spend > 100)");
    one_error(errors_of(table(rule(R"({"all": [{"stage": "early"}, {"stage": "late"}]})"))), 8, "[{",
              "the condition of 'r' can never hold (stage is early and stage is late)");
    one_error(errors_of(table(rule(R"({"spend": {"gt": 10, "lt": 10}})"))), 8, "{\"spend\"",
              "the condition of 'r' can never hold (spend > 10 and spend < 10)");
    // A narrow band between thresholds is found.
    CHECK(errors_of(table(rule(R"({"spend": {"gt": 10, "lt": 10.5}})"))).errors.empty());
    CHECK(errors_of(table(rule(R"({"not": {"stage": ["early", "late"]}})"))).errors.size() == 1);
    // The structure-only checks leave them alone.
    Diagnostics diagnostics;
    (void)test::rules_from(table(rule(R"({"spend": {"gt": 100}})")), diagnostics, RuleChecks::structure);
    CHECK_FALSE(diagnostics.has_errors());
}

TEST_CASE("rules loader: unknown fields, with a did-you-mean", "[rules_loader]") {
    const Found found =
        errors_of(table(R"({"id": "r", "wieght": 1, "effects": {"api": 1}, "rationale": "r"})"));
    REQUIRE(found.errors.size() == 2);
    CHECK(found.errors[0].where.column == column_of(found.text, 8, "\"wieght\""));
    CHECK(found.errors[0].message == "unknown field 'wieght' in a rule; did you mean 'weight'?");
    CHECK(found.errors[1].message == "missing required field 'weight'");
    CHECK(found.errors[1].where.column == 3);
    std::string top = table(rule(R"({"stage": "early"})"));
    top.insert(1, "\"colour\": 1, ");
    one_error(
        errors_of(top), 1, "\"colour\"",
        "unknown field 'colour' in the rules file (fields: $schema, id, version, title, questions, options, "
        "rules, constraints, advice, routes)");
}

TEST_CASE("rules loader: reserved and malformed question keys", "[rules_loader]") {
    const std::string when = R"({"stage": "early"})";
    one_error(errors_of(table(rule(when), "", R"("key": "help")")), 5, "\"help\"",
              "'help' is a makeorbuy flag; choose another key");
    one_error(errors_of(table(rule(when), "", R"("key": "config")")), 5, "\"config\"",
              "'config' is a makeorbuy flag; choose another key");
    one_error(errors_of(table(rule(when), "", R"("key": "Spend")")), 5, "\"Spend\"",
              "a key must be lower-case letters, digits and dashes");
    one_error(errors_of(table(rule(when), "", R"("key": "stage")")), 5, "\"stage\"",
              "duplicate question key 'stage'");
    // The reserved keys are the flags the commands register, not a copy of them.
    one_error(errors_of(table(rule(when), "", R"("key": "no-proposed")")), 5, "\"no-proposed\"",
              "'no-proposed' is a makeorbuy flag; choose another key");
    CHECK(errors_of(table(rule(when), "", R"("key": "decision-makers")")).errors.empty());
}

TEST_CASE("rules loader: no question of the built-in rules takes a flag's name", "[rules_loader]") {
    const std::vector<std::string>& flags = cli::command_flags();
    for (const char* flag : {"help", "version", "format", "config", "rules", "no-input", "fail-on", "seed"})
        CHECK(std::find(flags.begin(), flags.end(), flag) != flags.end());
    for (const auto& question : default_rules().questions)
        CHECK(std::find(flags.begin(), flags.end(), question.key) == flags.end());
}

TEST_CASE("rules loader: an ask_if may only use earlier answers", "[rules_loader]") {
    const std::string q = R"("key": "spend", "ask_if": {"spend": {"gt": 1}})";
    one_error(errors_of(table(rule(R"({"stage": "early"})"), "", q)), 5, "\"spend\": {",
              "'spend' is asked later; a question's ask_if may only use earlier answers");
}

TEST_CASE("rules loader: every problem is reported at once", "[rules_loader]") {
    const Found found = errors_of(table(rule(R"({"stge": "erly"})", R"({"onw": 9})", "Bad_Id", "6"),
                                        "," + rule(R"({"stage": "lte"})", R"({"api": 1})", "r2")));
    std::string all;
    for (const auto& d : found.errors)
        all += d.where.to_string() + ": " + d.message + "\n";
    INFO(all);
    CHECK(found.errors.size() == 6);
    CHECK(all.find("unknown question 'stge'") != std::string::npos);
    CHECK(all.find("id 'Bad_Id' must be lower-case") != std::string::npos);
    CHECK(all.find("'weight' is 6") != std::string::npos);
    CHECK(all.find("unknown option 'onw'") != std::string::npos);
    CHECK(all.find("'onw' is 9") != std::string::npos);
    CHECK(all.find("t.json:9:") != std::string::npos); // the second rule's unknown value
}

TEST_CASE("rules loader: malformed JSON is located", "[rules_loader]") {
    std::string text = table(rule(R"({"stage": "early"})"));
    text.replace(text.find("\"effects\""), 1, "");
    try {
        (void)JsonDocument::parse(SourceText("t.json", text));
        FAIL("no error");
    } catch (const Error& e) {
        REQUIRE(e.diagnostics().size() == 1);
        CHECK(e.diagnostics()[0].where.line == 8);
        CHECK(e.diagnostics()[0].message.rfind("malformed JSON", 0) == 0);
    }
}

TEST_CASE("rules loader: scales are checked", "[rules_loader]") {
    const std::string base = R"({"id": "r", "effects": {"api": 1}, "weight": 1, "rationale": "r", "scale": )";
    CHECK(errors_of(table(base + R"({"question": "spend", "from": 1, "to": 50, "curve": "log"}})"))
              .errors.empty());
    one_error(errors_of(table(base + R"({"question": "stage", "from": 1, "to": 50}})")), 8, "\"stage\"",
              "'stage' is not a number question; a scale needs one");
    one_error(errors_of(table(base + R"({"question": "spend", "from": 0, "to": 50, "curve": "log"}})")), 8,
              "{\"question\"", "a log scale needs 'from' and 'to' above zero");
    one_error(errors_of(table(base + R"({"question": "spend", "from": 5, "to": 5}})")), 8, "5}",
              "'from' and 'to' must differ");
    one_error(errors_of(table(base + R"({"question": "spend", "from": 1, "to": 5, "curve": "cubic"}})")), 8,
              "\"cubic\"", "unknown curve 'cubic' (curves: linear, log)");
}

TEST_CASE("rules loader: conditions nest at most 32 levels deep", "[rules_loader]") {
    // `not` costs one JSON level per condition level (`all` costs two, and meets the JSON depth limit first).
    auto nested = [](int depth) {
        std::string when = R"({"stage": "early"})";
        for (int i = 0; i < depth; ++i)
            when = R"({"not": )" + when + "}";
        return when;
    };
    CHECK(errors_of(table(rule(nested(32)))).errors.empty());
    const Found deep = errors_of(table(rule(nested(33))));
    REQUIRE(deep.errors.size() == 1);
    CHECK(deep.errors[0].message == "condition nested more than 32 levels deep");
    CHECK(deep.errors[0].where.line == 8);
}
