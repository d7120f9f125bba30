#include "makeorbuy/core/text.hpp"

#include <catch2/catch.hpp>

#include <cctype>
#include <cmath>
#include <limits>
#include <regex>

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

TEST_CASE("parse_amount refuses a point that may separate thousands", "[text]") {
    // 35.000 is 35,000 in much of Europe and 35 elsewhere: refused, not guessed.
    for (const char* text : {"35.000", "$1.250", "1.234.567", "-1.000", " 999.999 "}) {
        INFO("text: '" << text << "'");
        CHECK(points_group_thousands(text));
        CHECK_FALSE(parse_amount(text).has_value());
    }
    // A leading 0, other than three decimals, a suffix or a comma: a decimal.
    CHECK(parse_amount("0.125") == 0.125);
    CHECK(parse_amount("35.5") == 35.5);
    CHECK(parse_amount("35.00") == 35.0);
    CHECK(parse_amount("35.0000") == 35.0);
    CHECK(parse_amount("1.250k") == 1250.0);
    CHECK(parse_amount("1,000.125") == 1000.125);
    CHECK(parse_amount("1234.567") == 1234.567);
    CHECK_FALSE(points_group_thousands("1.2.3"));
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
    CHECK(format_money(9999.4) == "$9,999");
    CHECK(format_money(9999.6) == "$10K");
    CHECK(format_money(113700) == "$113.7K");
    CHECK(format_money(999960) == "$1M"); // not "$1000K": the unit is chosen after rounding
    CHECK(format_money(999994999) == "$999.99M");
    CHECK(format_money(999996000) == "$1B");
    CHECK(format_money(1.125e14) == "$112.5T"); // not "$112500B"
    CHECK(format_money(2e15) == "over $999T");
    CHECK(format_money(-2e15) == "under -$999T");
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

TEST_CASE("format_money, format_count and format_months read well at every scale", "[text]") {
    // One amount per power of ten from a cent to beyond a quadrillion: never
    // more than four significant digits before the unit, never an exponent.
    for (int e = -2; e <= 16; ++e) {
        for (const double m : {1.0, 2.5, 9.9996}) {
            const double x = m * std::pow(10.0, e);
            INFO(x);
            const std::string money = format_money(x);
            const std::string count = format_count(x);
            static const std::regex exponent(R"(\de[+-]?\d)");
            CHECK_FALSE(std::regex_search(money, exponent));
            CHECK_FALSE(std::regex_search(count, exponent));
            std::size_t digits = 0;
            for (char c : money.substr(0, money.find('.')))
                digits += std::isdigit(static_cast<unsigned char>(c)) ? 1 : 0;
            CHECK(digits <= 4);
            CHECK(money.find("1000K") == std::string::npos);
            CHECK(money.find("1000M") == std::string::npos);
            CHECK(money.find("1000B") == std::string::npos);
        }
    }
    CHECK(format_count(9500) == "9,500");
    CHECK(format_count(36.89e6) == "36.89M");
    CHECK(format_count(1.2e9) == "1.2B");
    CHECK(format_count(3e12) == "3T");
    CHECK(format_months(0) == "within a month");
    CHECK(format_months(0.4) == "within a month"); // never "in 0 months"
    CHECK(format_months(1) == "in 1 month");
    CHECK(format_months(7.46) == "in 7.5 months");
    CHECK(format_months(14.2) == "in 14 months");
    CHECK(format_months(30) == "in 2.5 years");
    CHECK(format_months(5000) == "in over 100 years");
    CHECK(format_months(std::numeric_limits<double>::infinity()) == "in over 100 years");
}

TEST_CASE("format_points: 1 point, 2 points", "[text]") {
    CHECK(format_points(1) == "1 point");
    CHECK(format_points(1.001) == "1 point");
    CHECK(format_points(2) == "2 points");
    CHECK(format_points(0.5) == "0.5 points");
    CHECK(format_points(0) == "0 points");
    CHECK(format_points(1.25) == "1.25 points");
}

TEST_CASE("format_share says 0% and 100% only for none and all", "[text]") {
    CHECK(format_share(0.0) == "0%");
    CHECK(format_share(1.0) == "100%");
    CHECK(format_share(0.934) == "93%");
    CHECK(format_share(0.006) == "1%");
    CHECK(format_share(0.005) == "<1%"); // fmt rounds half to even: 0.5 -> 0
    CHECK(format_share(0.0049) == "<1%");
    CHECK(format_share(0.0001) == "<1%");
    CHECK(format_share(0.9949) == "99%");
    CHECK(format_share(0.995) == ">99%");
    CHECK(format_share(0.9999) == ">99%");
}
