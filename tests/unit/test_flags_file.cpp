#include "makeorbuy/core/validate.hpp"
#include "makeorbuy/input/answer_files.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace makeorbuy;

namespace {

std::vector<RawAnswer> parse(const std::string& text, Diagnostics& diagnostics) {
    return parse_flags_file(SourceText("a.toml", text), diagnostics);
}

std::vector<RawAnswer> parse_ok(const std::string& text) {
    Diagnostics diagnostics;
    auto answers = parse(text, diagnostics);
    INFO(test::dump(diagnostics));
    REQUIRE(diagnostics.empty());
    return answers;
}

// The one error that `text` gives, as "LINE:COL: message".
std::string only_error(const std::string& text) {
    Diagnostics diagnostics;
    (void)parse(text, diagnostics);
    INFO(test::dump(diagnostics));
    REQUIRE(diagnostics.items().size() == 1);
    const Diagnostic& d = diagnostics.items().front();
    CHECK(d.where.file == "a.toml");
    return std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ": " + d.message;
}

bool starts_with(const std::string& text, const std::string& prefix) {
    return text.rfind(prefix, 0) == 0;
}

} // namespace

TEST_CASE("flags file: keys, bare words, strings, numbers and comments", "[flags_file]") {
    const auto answers = parse_ok("# answers\n"
                                  "stage = \"pre-pmf\"   # trailing comment\n"
                                  "monthly-spend = 50k\n"
                                  "\n"
                                  "  latency=interactive\n"
                                  "quality_is_product = true\n"
                                  "'team-size' = 3\n");
    REQUIRE(answers.size() == 5);
    CHECK(answers[0].key == "stage");
    CHECK(answers[0].values == std::vector<std::string>{"pre-pmf"});
    CHECK(answers[0].origin == Origin::file);
    CHECK(answers[0].where.to_string() == "a.toml:2:9");
    CHECK(answers[1].values == std::vector<std::string>{"50k"});
    CHECK(answers[2].key == "latency");
    CHECK(answers[2].where.to_string() == "a.toml:5:11");
    CHECK(answers[3].values == std::vector<std::string>{"true"});
    CHECK(answers[4].key == "team-size");
    CHECK_FALSE(answers[4].is_list);
}

TEST_CASE("flags file: '#' inside a string is part of the value", "[flags_file]") {
    const auto answers = parse_ok("note = \"issue #42 # not a comment\" # a comment\nother = 'a#b'\n");
    REQUIRE(answers.size() == 2);
    CHECK(answers[0].values.front() == "issue #42 # not a comment");
    CHECK(answers[1].values.front() == "a#b");
}

TEST_CASE("flags file: escapes in double-quoted strings, none in single-quoted", "[flags_file]") {
    const auto answers = parse_ok("a = \"q\\\"t\\\\n\\tx\\u00e9\\U0001F600\"\nb = 'c:\\path'\n");
    REQUIRE(answers.size() == 2);
    CHECK(answers[0].values.front() == "q\"t\\n\tx\xC3\xA9\xF0\x9F\x98\x80");
    CHECK(answers[1].values.front() == "c:\\path");
}

TEST_CASE("flags file: arrays, on one line or over several with comments", "[flags_file]") {
    const auto answers = parse_ok("drivers = [\"output-format\", brand-voice]\n"
                                  "more = [\n"
                                  "  \"a\",   # first\n"
                                  "  # a whole-line comment\n"
                                  "  \"b\",\n"
                                  "]\n"
                                  "none = []\n"
                                  "after = x\n");
    REQUIRE(answers.size() == 4);
    CHECK(answers[0].is_list);
    CHECK(answers[0].values == std::vector<std::string>{"output-format", "brand-voice"});
    CHECK(answers[1].values == std::vector<std::string>{"a", "b"});
    CHECK(answers[2].is_list);
    CHECK(answers[2].values.empty());
    CHECK(answers[3].where.to_string() == "a.toml:8:9");
}

TEST_CASE("flags file: CRLF line ends and a byte-order mark", "[flags_file]") {
    const auto answers =
        parse_ok("\xEF\xBB\xBFstage = growth\r\nlatency = \"batch\"\r\nlist = [a,\r\n b]\r\n");
    REQUIRE(answers.size() == 3);
    CHECK(answers[0].key == "stage");
    CHECK(answers[0].values.front() == "growth");
    CHECK(answers[1].values.front() == "batch");
    CHECK(answers[1].where.to_string() == "a.toml:2:11");
    CHECK(answers[2].values == std::vector<std::string>{"a", "b"});
}

TEST_CASE("flags file: the byte-order mark takes no column", "[flags_file]") {
    Diagnostics diagnostics;
    const auto answers = parse("\xEF\xBB\xBFstage = growth\n", diagnostics);
    REQUIRE(answers.size() == 1);
    CHECK(answers[0].where.to_string() == "a.toml:1:9");
}

TEST_CASE("flags file: [default] and [makeorbuy] sections are accepted", "[flags_file]") {
    const auto answers = parse_ok("[default]\nstage = growth\n[ makeorbuy ]  # ok\nlatency = batch\n");
    REQUIRE(answers.size() == 2);
}

TEST_CASE("flags file: every syntax error is located", "[flags_file]") {
    CHECK(starts_with(only_error("stage = growth\n[other]\n"), "2:1: unknown section [other]"));
    CHECK(starts_with(only_error("[default\nstage = growth\n"), "1:1: a section header needs a closing ']'"));
    CHECK(starts_with(only_error("stage growth\n"), "1:7: expected '=' after 'stage'"));
    CHECK(starts_with(only_error("ok = 1\nstage =\n"), "2:8: 'stage' has no value"));
    CHECK(starts_with(only_error("stage =   # nothing\n"), "1:11: 'stage' has no value"));
    CHECK(starts_with(only_error("= growth\n"), "1:1: expected `key = value`, found '='"));
    CHECK(starts_with(only_error("a = 1\n  stage = \"growth\n"), "2:11: this string has no closing quote"));
    CHECK(starts_with(only_error("stage = \"gro\\qwth\"\n"), "1:13: unknown escape '\\q'"));
    CHECK(starts_with(only_error("stage = \"\\u12\"\n"), "1:10: a \\u escape needs hex digits"));
    CHECK(starts_with(only_error("stage = \"\\uD800\"\n"), "1:10: not a valid Unicode character"));
    CHECK(starts_with(only_error("stage = \"growth\" extra\n"), "1:18: unexpected text after the value"));
    CHECK(starts_with(only_error("list = [a, b] extra\n"), "1:15: unexpected text after the value"));
    CHECK(starts_with(only_error("ok = 1\nlist = [a,\n  b\n"), "2:8: this list has no closing ']'"));
    CHECK(starts_with(only_error("list = [[a]]\n"), "1:9: lists inside lists are not answers"));
    CHECK(starts_with(only_error("list = [\"a\" \"b\"]\n"), "1:13: expected ',' or ']' in the list"));
    CHECK(starts_with(only_error("list = [a, , b]\n"), "1:12: expected a value"));
    CHECK(starts_with(only_error("s = \"\"\"long\"\"\"\n"), "1:5: multi-line strings are not used"));
}

TEST_CASE("flags file: a key set twice is an error at the second", "[flags_file]") {
    CHECK(only_error("stage = growth\nlatency = batch\nStage = scale\n") ==
          "3:1: 'Stage' is set twice in this file (first on line 1)");
}

TEST_CASE("flags file: every problem is reported, not just the first", "[flags_file]") {
    Diagnostics diagnostics;
    const auto answers =
        parse("stage growth\nlatency = batch\n[nope]\nteam-size =\nml-ops = some\n", diagnostics);
    CHECK(answers.size() == 2);
    REQUIRE(diagnostics.items().size() == 3);
    CHECK(diagnostics.items()[0].where.line == 1);
    CHECK(diagnostics.items()[1].where.line == 3);
    CHECK(diagnostics.items()[2].where.line == 4);
}

TEST_CASE("write_flags_file reads back to the same answers", "[flags_file]") {
    const RuleSet rules = test::rules_ok(test::k_small_rules);
    Answers answers = test::answers_of({{"stage", std::string("early")},
                                        {"spend", 1234.5},
                                        {"drivers", std::vector<std::string>{"format", "voice"}}});
    const std::string text = write_flags_file(answers, rules);
    CHECK(text.find("stage = \"early\"\n") != std::string::npos);
    CHECK(text.find("spend = 1234.5\n") != std::string::npos);
    CHECK(text.find("drivers = [\"format\", \"voice\"]\n") != std::string::npos);
    Diagnostics diagnostics;
    const Answers back = validate_answers(parse(text, diagnostics), rules, diagnostics);
    INFO(test::dump(diagnostics));
    REQUIRE(diagnostics.empty());
    for (const auto& [key, answer] : answers.all()) {
        REQUIRE(back.value(key) != nullptr);
        CHECK(*back.value(key) == answer.value);
    }
}
