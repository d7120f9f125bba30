// Echoing hostile text (echo.hpp), the location index (source_text.hpp) and
// the caps on diagnostics (diagnostics.hpp): issue 16.

#include "makeorbuy/core/echo.hpp"
#include "makeorbuy/core/source_text.hpp"
#include "makeorbuy/core/text.hpp"

#include <catch2/catch.hpp>

#include <chrono>

using namespace makeorbuy;

TEST_CASE("neutralise shows what would act as an escape and leaves the rest", "[echo]") {
    CHECK(neutralise("growth") == "growth");
    CHECK(neutralise("café → 10×") == "café → 10×");
    CHECK(neutralise("ok\n::add-mask::x") == "ok\\n::add-mask::x");
    CHECK(neutralise("\x1b]52;c;eA==\x07") == "\\x1B]52;c;eA==\\x07");
    CHECK(neutralise("a\tb\r") == "a\\tb\\r");
    CHECK(neutralise("\xC2\x9B"
                     "31m") == "\\u009B31m"); // C1 CSI
    CHECK(neutralise("x\xE2\x80\xAEgnp.exe") == "x\\u202Egnp.exe");
    CHECK(neutralise("\xE2\x81\xA6") == "\\u2066"); // isolate
    CHECK(neutralise("\xE2\x80\xA8") == "\\u2028"); // line separator
    CHECK(neutralise("\xEF\xBF\xBE\xEF\xBF\xBF") == "\\uFFFE\\uFFFF");
    CHECK(neutralise("\xF3\xA0\x80\x81") == "\\U000E0001"); // tag character
    CHECK(neutralise("\xff\xc3\x28") == "\\xFF\\xC3(");     // not UTF-8
    CHECK(neutralise("\xED\xA0\x80") == "\\xED\\xA0\\x80"); // a surrogate
    CHECK(neutralise("\xC0\xAF") == "\\xC0\\xAF");          // overlong
    const std::string once = neutralise("\x1b[2J\xff\xE2\x80\xAE\n");
    CHECK(neutralise(once) == once);
    CHECK_FALSE(needs_neutralising(once));
}

TEST_CASE("shown cuts a long value at a whole character and gives its size", "[echo]") {
    CHECK(shown("short") == "short");
    const std::string long_value = std::string(63, 'a') + "é" + std::string(100, 'b');
    CHECK(shown(long_value) == std::string(63, 'a') + "... (165 bytes)");
    CHECK(shown(std::string(300, '\n'), 4) == "\\n\\n\\n\\n... (300 bytes)");
}

TEST_CASE("format_number never prints hundreds of digits; 1e309 is too large, not a non-number", "[echo]") {
    CHECK(format_number(1e300) == "1e300");
    CHECK(format_number(-1.5e20) == "-1.5e20");
    CHECK(format_number(123456.789) == "123456.79");
    bool too_large = false;
    CHECK_FALSE(parse_amount("1e309", &too_large));
    CHECK(too_large);
    CHECK_FALSE(parse_amount("1e306k", &too_large));
    CHECK(too_large);
    CHECK_FALSE(parse_amount("abc", &too_large));
    CHECK_FALSE(too_large);
    CHECK(group_thousands(199980) == "199,980");
}

TEST_CASE("locations come from an index, the same on a very long line", "[echo]") {
    std::string text = "\xEF\xBB\xBF"
                       "ab\n";
    for (int i = 0; i < 100000; ++i)
        text += "é,";
    text += "\nlast";
    const SourceText source("f", text);
    CHECK(source.location(3).to_string() == "f:1:1"); // after the byte-order mark
    CHECK(source.location(5).to_string() == "f:1:3");
    CHECK(source.location(6).to_string() == "f:2:1");
    CHECK(source.location(6 + 3 * 1000).to_string() == "f:2:2001");
    CHECK(source.location(text.size()).to_string() == "f:3:5");
    const auto start = std::chrono::steady_clock::now();
    long long sum = 0; // 100,000 columns of up to 100,000: past int
    for (std::size_t offset = 6; offset < 6 + 300000; offset += 3)
        sum += source.location(offset).column;
    CHECK(sum > 0);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2)); // was minutes
}

TEST_CASE("diagnostics keep 100 per file and count the rest", "[echo]") {
    Diagnostics diagnostics;
    for (int i = 0; i < 250; ++i)
        diagnostics.error(Location{"a.toml", i + 1, 1}, "bad");
    diagnostics.warning(Location{"a.toml", 300, 1}, "odd");
    diagnostics.error(Location{"b.toml", 1, 1}, "bad");
    CHECK(diagnostics.count() == 252);
    CHECK(diagnostics.kept().size() == 101);
    CHECK(diagnostics.omitted_errors() == 150);
    CHECK(diagnostics.omitted_warnings() == 1);
    REQUIRE(diagnostics.items().size() == 102);
    CHECK(diagnostics.items().back().where.to_string() == "a.toml");
    CHECK(diagnostics.items().back().message.rfind("... and 150 more errors and 1 warning", 0) == 0);
    Diagnostics all;
    all.append(diagnostics);
    CHECK(all.count() == 252);
    CHECK(all.omitted_errors() == 150);
    CHECK(all.has_errors());
    Diagnostics many;
    for (int i = 0; i < 1'000'000; ++i)
        many.error(Location{"f" + std::to_string(i % 3000)}, "x");
    CHECK(many.kept().size() == Diagnostics::k_max_kept);
    CHECK(many.items().size() <= Diagnostics::k_max_kept + Diagnostics::k_max_summaries + 1);
}
