#include "makeorbuy/render/svg_chart.hpp"

#include <catch2/catch.hpp>

#include <regex>
#include <string>

using namespace makeorbuy;
using namespace makeorbuy::svg;

namespace {

// The x and width of the rect in the bar group of `key`.
std::pair<double, double> bar_rect(const std::string& svg, const std::string& key) {
    const std::regex pattern("data-key=\"" + key +
                             "\"[^>]*>.*?<rect x=\"([-0-9.]+)\" y=\"[-0-9.]+\" width=\"([-0-9.]+)\"");
    std::smatch match;
    REQUIRE(std::regex_search(svg, match, pattern));
    return {std::stod(match[1]), std::stod(match[2])};
}

double zero_line(const std::string& svg) {
    const std::regex pattern("<line class=\"zero\" x1=\"([-0-9.]+)\"");
    std::smatch match;
    REQUIRE(std::regex_search(svg, match, pattern));
    return std::stod(match[1]);
}

} // namespace

TEST_CASE("zero_based: the domain always holds zero", "[svg]") {
    const LinearScale positive = zero_based(2, 10, 100, 200);
    CHECK(positive.low == 0);
    CHECK(positive(0) == 100);
    CHECK(positive(10) == 200);
    const LinearScale negative = zero_based(-8, -2, 100, 200);
    CHECK(negative.high == 0);
    CHECK(negative(0) == 200);
    CHECK(negative(-8) == 100);
    const LinearScale both = zero_based(-5, 15, 0, 200);
    CHECK(both(0) == Approx(50));
    CHECK(both(-5) == 0);
    const LinearScale empty = zero_based(0, 0, 0, 200);
    CHECK(empty(0) == 0);
    CHECK(empty(1) == 200);
}

TEST_CASE("decades: a log scale on whole powers of ten, with a tick at each", "[svg]") {
    const LogScale scale = decades(1000, 1e10, 0, 700);
    CHECK(scale.low == 1000);
    CHECK(scale.high == Approx(1e10));
    CHECK(scale(1e4) == Approx(100));
    CHECK(scale(31622.7766) == Approx(150).epsilon(1e-6));
    CHECK(decade_ticks(scale) == std::vector<double>{1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10});
    const LogScale widened = decades(4.25, 13439680.06, 0, 1);
    CHECK(widened.low == 1);
    CHECK(widened.high == Approx(1e8));
    CHECK(decade_ticks(widened).size() == 9);
    const LogScale one = decades(5, 5, 0, 1); // one value: still a decade wide
    CHECK(one.low == 1);
    CHECK(one.high == 10);
    CHECK(widened(0) == 0); // nothing at or below zero falls off the chart
}

TEST_CASE("bar_chart: bars start at the zero line, negatives to its left", "[svg]") {
    BarChart chart;
    chart.id = "c";
    chart.title = "t";
    chart.bars = {{"A", "a", 9.5, "9.50", "", true},
                  {"B", "b", 0, "0.00", "", false},
                  {"C", "c", -4, "-4.00", "", false},
                  {"D", "d", -18, "-18.00", "", false},
                  {"E", "e", 30, "", "needs a contract", false}};
    const std::string svg = bar_chart(chart);
    const double zero = zero_line(svg);
    const auto [ax, aw] = bar_rect(svg, "a");
    CHECK(ax == Approx(zero));
    CHECK(aw > 0);
    const auto [bx, bw] = bar_rect(svg, "b");
    CHECK(bx == Approx(zero));
    CHECK(bw == 0); // a score of 0 has no length
    const auto [cx, cw] = bar_rect(svg, "c");
    CHECK(cx + cw == Approx(zero)); // ends at zero: drawn to the left
    const auto [dx, dw] = bar_rect(svg, "d");
    CHECK(dx + dw == Approx(zero));
    CHECK(dw > cw * 4);
    CHECK(dw / aw == Approx(18 / 9.5).epsilon(0.01)); // lengths in proportion to the scores
    // A ruled-out option has no bar, says so, and does not stretch the scale.
    CHECK(svg.find("data-key=\"e\" data-ruled-out=\"true\">") != std::string::npos);
    CHECK(svg.find("ruled out: needs a contract") != std::string::npos);
    CHECK(svg.find("data-value=\"30\"") == std::string::npos);
}

TEST_CASE("charts escape every string they are given", "[svg]") {
    BarChart chart;
    chart.id = "c";
    chart.title = "<b>title</b>";
    chart.description = "a & b";
    chart.bars = {{"<script>alert(1)</script>", "x\"y", 1, "1'", "", false}};
    const std::string svg = bar_chart(chart);
    CHECK(svg.find("<script") == std::string::npos);
    CHECK(svg.find("<b>") == std::string::npos);
    CHECK(svg.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(svg.find("data-key=\"x&quot;y\"") != std::string::npos);
    CHECK(svg.find("a &amp; b") != std::string::npos);
    CHECK(escape("'") == "&apos;");
    // Control characters XML refuses become spaces; tab, LF and CR stay.
    CHECK(escape(std::string("a\x01"
                             "b\x1b"
                             "[0m\x7f")) == "a b [0m\x7f");
    CHECK(escape("a\tb\nc\rd") == "a\tb\nc\rd");
}

TEST_CASE("number: the shortest text that reads back the same", "[svg]") {
    CHECK(number(4.25) == "4.25");
    CHECK(number(120000) == "120000");
    CHECK(number(-0.0) == "0");
    CHECK(std::stod(number(0.9858)) == 0.9858);
    CHECK(std::stod(number(13439680.06)) == 13439680.06);
}
