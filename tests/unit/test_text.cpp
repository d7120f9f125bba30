#include "makeorbuy/core/text.hpp"

#include <catch2/catch.hpp>

using namespace makeorbuy;

TEST_CASE("parse_amount reads amounts as people write them", "[text]") {
    CHECK(parse_amount("30000") == 30000.0);
    CHECK(parse_amount("50k") == 50000.0);
    CHECK(parse_amount("50K") == 50000.0);
    CHECK(parse_amount("1.2M") == Approx(1200000.0));
    CHECK(parse_amount("1.2m") == Approx(1200000.0));
    CHECK(parse_amount("$30,000") == 30000.0);
    CHECK(parse_amount("  $1,000,000 ") == 1000000.0);
    CHECK(parse_amount("2.5e6") == 2500000.0);
    CHECK(parse_amount("0") == 0.0);
    CHECK(parse_amount("1b") == 1e9);
}

TEST_CASE("parse_amount rejects what is not an amount", "[text]") {
    for (const char* text : {"abc", "inf", "-inf", "nan", "NaN", "infinity", "1e999", "--5", "", " ", "$",
                             "k", "5kk", "+5", "1 000", "0x10", "5$", "1.2.3"}) {
        INFO("text: '" << text << "'");
        CHECK_FALSE(parse_amount(text).has_value());
    }
}

TEST_CASE("parse_amount takes commas only as thousands separators", "[text]") {
    CHECK(parse_amount("12,500k") == 12500000.0);
    CHECK(parse_amount("$1,234,567.5") == 1234567.5);
    CHECK(parse_amount("-1,000") == -1000.0);
    CHECK(parse_amount("1_000") == 1000.0);
    for (const char* text :
         {"35,5k", "1,,2", "1.234,56", ",500", "1234,567", "1,2345", "12,34", "1,000,00", "1,000.5,5"}) {
        INFO("text: '" << text << "'");
        CHECK_FALSE(commas_group_thousands(text));
        CHECK_FALSE(parse_amount(text).has_value());
    }
}

TEST_CASE("parse_amount keeps a sign for the range check to refuse", "[text]") {
    // Negative amounts parse; validate() refuses them against the question's range.
    CHECK(parse_amount("-5") == -5.0);
}

TEST_CASE("did_you_mean suggests close spellings only", "[text]") {
    const std::vector<std::string> stages{"prototype", "pre-pmf", "growth", "scale"};
    CHECK(did_you_mean("pre_pmf", stages) == "pre-pmf");
    CHECK(did_you_mean("PRE-PMF", stages) == "pre-pmf");
    CHECK(did_you_mean("groth", stages) == "growth");
    CHECK(did_you_mean("grow", stages) == "growth"); // an abbreviation
    CHECK(did_you_mean("protoytpe", stages) == "prototype");
    CHECK_FALSE(did_you_mean("banana", stages).has_value());
    CHECK_FALSE(did_you_mean("x", stages).has_value());
    CHECK_FALSE(did_you_mean("growth", {}).has_value());
    CHECK_FALSE(did_you_mean(std::string(100, 'a'), stages).has_value());
    CHECK(did_you_mean("--stge", {"--stage", "--config"}) == "--stage");
}

TEST_CASE("format_number drops trailing zeros and negative zero", "[text]") {
    CHECK(format_number(30000) == "30000");
    CHECK(format_number(0.25) == "0.25");
    CHECK(format_number(1.0 / 3.0) == "0.33");
    CHECK(format_number(2.5, 0) == "2");
    CHECK(format_number(-0.0) == "0");
    CHECK(format_number(-0.001) == "0");
    CHECK(format_number(1e9, 6) == "1000000000");
}

TEST_CASE("format_money writes dollars for prose", "[text]") {
    CHECK(format_money(8000) == "$8,000");
    CHECK(format_money(50000) == "$50K");
    CHECK(format_money(1200000) == "$1.2M");
    CHECK(format_money(2e9) == "$2B");
    CHECK(format_money(-15000) == "-$15K");
    CHECK(format_money(0) == "$0");
}

TEST_CASE("small helpers", "[text]") {
    CHECK(to_lower("Pre-PMF") == "pre-pmf");
    CHECK(equals_ignoring_case("Pre-PMF", "pre-pmf"));
    CHECK(equals_ignoring_case("", ""));
    CHECK_FALSE(equals_ignoring_case("pre-pmf", "pre-pm"));
    CHECK_FALSE(equals_ignoring_case("pre_pmf", "pre-pmf"));
    CHECK_FALSE(equals_ignoring_case("\xc3\x89", "\xc3\xa9")); // only ASCII letters fold
    CHECK(trim("  a b \r\n") == "a b");
    CHECK(trim("   ").empty());
    CHECK(join({"a", "b", "c"}, ", ") == "a, b, c");
    CHECK(join({}, ", ").empty());
}

TEST_CASE("wrap breaks at spaces and indents every line", "[text]") {
    CHECK(wrap("one two three four", 9, "") == "one two\nthree\nfour");
    CHECK(wrap("one two", 80, "  ") == "  one two");
    CHECK(wrap("a\nb", 80, "> ") == "> a\n> b");
    // A word longer than the width stays whole on its own line.
    CHECK(wrap("tiny enormousword", 6, "") == "tiny\nenormousword");
}
