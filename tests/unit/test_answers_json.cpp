#include "makeorbuy/input/answer_files.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace makeorbuy;

namespace {

std::vector<RawAnswer> parse(const std::string& text, Diagnostics& diagnostics) {
    return parse_answers_json(SourceText("a.json", text), diagnostics);
}

} // namespace

TEST_CASE("answers JSON: one object of answers, located", "[answers_json]") {
    Diagnostics diagnostics;
    const auto answers = parse("{\n"
                               "  \"stage\": \"growth\",\n"
                               "  \"monthly-spend\": 30000,\n"
                               "  \"ratio\": 0.25,\n"
                               "  \"pipeline\": true,\n"
                               "  \"fine-tune-drivers\": [\"brand-voice\", \"cost-wall\"]\n"
                               "}\n",
                               diagnostics);
    INFO(test::dump(diagnostics));
    REQUIRE(diagnostics.empty());
    REQUIRE(answers.size() == 5);
    // nlohmann keeps object members sorted by key.
    std::map<std::string, RawAnswer> by_key;
    for (const auto& a : answers)
        by_key[a.key] = a;
    CHECK(by_key["stage"].values == std::vector<std::string>{"growth"});
    CHECK(by_key["stage"].where.to_string() == "a.json:2:12");
    CHECK(by_key["stage"].origin == Origin::file);
    CHECK(by_key["monthly-spend"].values == std::vector<std::string>{"30000"});
    CHECK(by_key["ratio"].values == std::vector<std::string>{"0.25"});
    CHECK(by_key["pipeline"].values == std::vector<std::string>{"true"});
    CHECK(by_key["fine-tune-drivers"].is_list);
    CHECK(by_key["fine-tune-drivers"].values == std::vector<std::string>{"brand-voice", "cost-wall"});
    CHECK(by_key["fine-tune-drivers"].where.to_string() == "a.json:6:24");
}

TEST_CASE("answers JSON: makeorbuy's own output is read through its answers", "[answers_json]") {
    Diagnostics diagnostics;
    const auto answers = parse("{\"schema\": \"makeorbuy.recommendation/1\",\n"
                               " \"answers\": {\"stage\": \"scale\", \"team-size\": 12},\n"
                               " \"recommendation\": \"self-hosted\"}",
                               diagnostics);
    REQUIRE(diagnostics.empty());
    REQUIRE(answers.size() == 2);
    CHECK(answers[0].key == "stage");
    CHECK(answers[0].where.to_string() == "a.json:2:23");
    CHECK(answers[1].values == std::vector<std::string>{"12"});
}

TEST_CASE("answers JSON: values of the wrong kind are located", "[answers_json]") {
    Diagnostics diagnostics;
    const auto answers = parse(
        "{\n  \"a\": null,\n  \"b\": {\"x\": 1},\n  \"c\": [\"ok\", {}],\n  \"d\": \"fine\"\n}", diagnostics);
    REQUIRE(diagnostics.items().size() == 3);
    CHECK(diagnostics.items()[0].where.to_string() == "a.json:2:8");
    CHECK(diagnostics.items()[0].message == "'a' needs a string, number or list, not null");
    CHECK(diagnostics.items()[1].where.to_string() == "a.json:3:8");
    CHECK(diagnostics.items()[1].message.find("not an object") != std::string::npos);
    CHECK(diagnostics.items()[2].where.to_string() == "a.json:4:15");
    CHECK(diagnostics.items()[2].message == "list items must be strings");
    // The good answers still come through.
    CHECK(answers.size() == 2);
}

TEST_CASE("answers JSON: the top level must be an object", "[answers_json]") {
    Diagnostics diagnostics;
    const auto answers = parse("\n  [\"growth\"]", diagnostics);
    CHECK(answers.empty());
    REQUIRE(diagnostics.items().size() == 1);
    CHECK(diagnostics.items()[0].where.to_string() == "a.json:2:3");
}

TEST_CASE("answers JSON: malformed or too deep JSON throws a located error", "[answers_json]") {
    Diagnostics diagnostics;
    try {
        (void)parse("{\"stage\": \"growth\",\n}", diagnostics);
        FAIL("no error");
    } catch (const Error& e) {
        REQUIRE(e.diagnostics().size() == 1);
        CHECK(e.diagnostics()[0].where.to_string() == "a.json:2:1");
    }
    const std::string deep = "{\"a\": " + std::string(20, '[') + std::string(20, ']') + "}";
    CHECK_THROWS_AS(parse(deep, diagnostics), Error);
}
