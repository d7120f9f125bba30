// Regression tests for what fuzzing and the limits work found: each input
// here once crashed, hung, leaked an exception other than Error, or lost a
// file. (End-to-end limits: tests/e2e/test_limits.py.)

#include "makeorbuy/core/json_document.hpp"
#include "makeorbuy/core/rules.hpp"
#include "makeorbuy/core/rules_loader.hpp"
#include "makeorbuy/core/validate.hpp"
#include "makeorbuy/input/answer_files.hpp"
#include "makeorbuy/io/file_io.hpp"
#include "term/keys.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>

using namespace makeorbuy;

namespace {

Location error_location(const std::string& text, int max_depth = 64) {
    try {
        (void)JsonDocument::parse(SourceText("f.json", text), max_depth);
    } catch (const Error& e) {
        return e.diagnostics().front().where;
    }
    FAIL("no error for " << text.substr(0, 40));
    return {};
}

} // namespace

TEST_CASE("a number too large for a double is a located Error, not an out_of_range", "[hostile]") {
    // Found by fuzz_rules_json: nlohmann throws out_of_range.406 for 1e400.
    const Location at = error_location("{\n  \"version\": 1e400\n}");
    CHECK(at.line == 2);
    CHECK(at.column == 14);
    try {
        (void)JsonDocument::parse(SourceText("f.json", "[-1e999]"));
        FAIL("accepted");
    } catch (const Error& e) {
        CHECK_THAT(e.diagnostics().front().message, Catch::Contains("too large"));
    }
}

TEST_CASE("deep nesting is refused before any recursive code sees it", "[hostile]") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    CHECK(error_location(deep).column == 65);
    CHECK(error_location("{\"a\": " + std::string(1000000, '[')).column > 0); // unclosed too
    CHECK(error_location(std::string(17, '['), 16).column == 17);
}

TEST_CASE("a 10 MB line in a flags file is read in one pass", "[hostile]") {
    Diagnostics diagnostics;
    const std::string value(10 << 20, 'v');
    const auto raw = parse_flags_file(SourceText("f.toml", "stage = \"" + value + "\"\n"), diagnostics);
    REQUIRE(raw.size() == 1);
    CHECK(raw.front().values.front().size() == value.size());
    CHECK_FALSE(diagnostics.has_errors());
}

TEST_CASE("the key decoder takes only valid UTF-8 as a character", "[hostile][keys]") {
    // Found by fuzz_keys: surrogates, overlong forms and code points past
    // U+10FFFF passed the continuation-byte test and became characters.
    using namespace makeorbuy::term;
    for (const char* bad : {"\xed\xa0\x80", "\xe0\x80\xaf", "\xf0\x80\x80\xaf", "\xf4\x90\x80\x80"}) {
        const auto keys = decode_keys(bad, MoreBytes::none).keys;
        for (const Key& k : keys)
            CHECK(k.code != KeyCode::character);
    }
    CHECK(decode_keys("\xed\x9f\xbf", MoreBytes::none).keys == std::vector<Key>{character("\xed\x9f\xbf")});
    CHECK(decode_keys("\xf4\x8f\xbf\xbf", MoreBytes::none).keys ==
          std::vector<Key>{character("\xf4\x8f\xbf\xbf")});
}

TEST_CASE("writing to a device goes through it and never replaces it", "[hostile][file_io]") {
    struct stat info {};
    // /dev/full: the write fails (a full disk), and /dev/full is still a device.
    CHECK_THROWS_AS(write_file_atomic("/dev/full", "x\n", Overwrite::allowed), Error);
    REQUIRE(::stat("/dev/full", &info) == 0);
    CHECK(S_ISCHR(info.st_mode));
    CHECK_NOTHROW(write_file_atomic("/dev/null", "x\n", Overwrite::allowed));
    REQUIRE(::stat("/dev/null", &info) == 0);
    CHECK(S_ISCHR(info.st_mode));
    // Without leave to overwrite, an existing device is an existing file.
    CHECK_THROWS_AS(write_file_atomic("/dev/null", "x\n", Overwrite::never), Error);
    CHECK_THROWS_AS(write_file_atomic("/", "x\n", Overwrite::allowed), Error);
}

TEST_CASE("a 1 MB id in a rules file is checked without recursion", "[hostile][rules]") {
    // std::regex_match recursed once per character; a long id could overflow the stack.
    const std::string id(1 << 20, 'a');
    const JsonDocument document = JsonDocument::parse(SourceText("r.json", "{\"id\": \"" + id + "\"}"));
    Diagnostics diagnostics;
    CHECK_NOTHROW((void)load_rules(document, diagnostics, RuleChecks::structure));
    CHECK(diagnostics.has_errors()); // no questions, options or rules
}
