#include "makeorbuy/core/validate.hpp"
#include "makeorbuy/render/render.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace makeorbuy;
using nlohmann::json;

namespace {

Report regulated_report() {
    Answers answers = test::answers_of({{"stage", std::string("growth")},
                                        {"monthly-spend", 120000.0},
                                        {"latency", std::string("interactive")},
                                        {"compliance", std::string("in-house-only")},
                                        {"team-size", 12.0},
                                        {"ml-ops", std::string("dedicated")},
                                        {"volume-pattern", std::string("steady")},
                                        {"pipeline", std::string("yes")}});
    fill_defaults(answers, default_rules());
    return make_report(default_rules(), std::move(answers));
}

} // namespace

TEST_CASE("render_json: the fields of interface.md, every question answered", "[render]") {
    const Report report = regulated_report();
    const json out = json::parse(render_json(report));
    CHECK(out["schema"] == "makeorbuy.recommendation/1");
    CHECK(out["tool"]["name"] == "makeorbuy");
    CHECK(out["tool"]["version"] == MAKEORBUY_VERSION);
    CHECK(out["rules"]["id"] == default_rules().id);
    CHECK(out["rules"]["version"] == default_rules().version);
    CHECK(out["rules"]["fingerprint"] == default_rules().fingerprint);
    for (const auto& q : default_rules().questions) {
        INFO(q.key);
        CHECK(out["answers"].contains(q.key));
    }
    CHECK(out["answers"]["monthly-spend"] == 120000);
    CHECK(out["answers"]["monthly-spend"].is_number_integer());
    CHECK(out["answers"]["stage"] == "growth");
    CHECK(out["answers"]["fine-tune-drivers"] == json::array());
    const json& ranking = out["ranking"];
    REQUIRE(ranking.size() == 4);
    CHECK(out["recommendation"] == ranking[0]["option"]);
    bool seen_excluded = false;
    for (std::size_t i = 0; i < ranking.size(); ++i) {
        const json& r = ranking[i];
        CHECK(r["rank"] == i + 1);
        for (const char* field : {"option", "name", "score", "excluded", "reasons"})
            CHECK(r.contains(field));
        if (r["excluded"] == true) {
            seen_excluded = true;
            CHECK_FALSE(r["excluded_by"].empty());
            CHECK_FALSE(r["excluded_by"][0]["text"].get<std::string>().empty());
        } else {
            CHECK_FALSE(seen_excluded); // excluded options come last
        }
        for (const json& reason : r["reasons"]) {
            CHECK(reason["rule"].is_string());
            CHECK(reason["delta"].is_number());
            CHECK_FALSE(reason["text"].get<std::string>().empty());
        }
    }
    CHECK(seen_excluded); // in-house-only rules the hosted APIs out
}

TEST_CASE("render_json: the same report gives the same bytes", "[render]") {
    const std::string first = render_json(regulated_report());
    CHECK(render_json(regulated_report()) == first);
    CHECK(first.back() == '\n');
    // Answers in a different insertion order render the same.
    Answers reversed;
    const Report report = regulated_report();
    const auto given = report.answers.all();
    for (auto it = given.rbegin(); it != given.rend(); ++it)
        reversed.set(it->first, it->second);
    CHECK(render_json(make_report(default_rules(), reversed)) == first);
}

TEST_CASE("answer_json writes whole numbers without a fraction", "[render]") {
    CHECK(answer_json(Value{30000.0}).dump() == "30000");
    CHECK(answer_json(Value{0.5}).dump() == "0.5");
    CHECK(answer_json(Value{std::string("x")}).dump() == "\"x\"");
    CHECK(answer_json(Value{std::vector<std::string>{"a"}}).dump() == "[\"a\"]");
}

TEST_CASE("render_text: headline, ranking, reasons, ruled out and advice", "[render]") {
    const Report report = regulated_report();
    const TextStyle plain{false, false, 80};
    const std::string text = render_text(report, plain);
    const std::string winner = default_rules().options[report.ranking.winner().option].name;
    CHECK(text.rfind("Recommendation: " + winner + "\n", 0) == 0);
    CHECK(text.find("\nRanking\n") != std::string::npos);
    CHECK(text.find("\nWhy " + winner + " (score ") != std::string::npos);
    CHECK(text.find("\nRuled out\n") != std::string::npos);
    CHECK(text.find("Frontier hosted API: ") != std::string::npos);
    CHECK(text.find("\nAdvice\n") != std::string::npos);
    CHECK(text.find("Rules: " + default_rules().label()) != std::string::npos);
    CHECK(text.find('\x1b') == std::string::npos);
    // Without UTF-8, the bars and marks are ASCII.
    for (const char* symbol : {"█", "✗", "•"})
        CHECK(text.find(symbol) == std::string::npos);
    CHECK(text.find('#') != std::string::npos);
}

TEST_CASE("render_text: colour only when asked", "[render]") {
    const Report report = regulated_report();
    CHECK(render_text(report, TextStyle{true, true, 80}).find("\x1b[") != std::string::npos);
    CHECK(render_text(report, TextStyle{false, true, 80}).find('\x1b') == std::string::npos);
    CHECK(paint(TextStyle{false, true, 80}, Role::bad, "x") == "x");
}

TEST_CASE("bar: eighths of a cell in Unicode, whole cells in ASCII", "[render]") {
    const TextStyle unicode{false, true, 80};
    const TextStyle ascii{false, false, 80};
    CHECK(bar(unicode, 1.0, 4) == "████");
    CHECK(bar(unicode, 0.5, 3) == "█▌");
    CHECK(bar(unicode, 0.0, 4).empty());
    CHECK(bar(unicode, -1.0, 4).empty());
    CHECK(bar(unicode, 7.0, 2) == "██");
    CHECK(bar(ascii, 0.5, 4) == "##");
}

TEST_CASE("signed bars start at zero: negative to the left, positive to the right", "[render]") {
    const TextStyle unicode{false, true, 80};
    const TextStyle ascii{false, false, 80};
    // Scale -10..10 over 20 cells: 10 cells each side of the zero line.
    CHECK(signed_bar(unicode, 10, -10, 10, 20) == std::string(10, ' ') + "│" + "██████████");
    CHECK(signed_bar(unicode, -10, -10, 10, 20) == "██████████│");
    CHECK(signed_bar(unicode, -2.5, -10, 10, 20) == std::string(7, ' ') + "▐██│"); // 2.5 cells
    CHECK(signed_bar(unicode, 0, -10, 10, 20) == std::string(10, ' ') + "│");
    // A score of 0 draws no bar, whatever the lowest score: no more "0 looks tall".
    CHECK(signed_bar(ascii, 0, -18, 9.5, 20).find('#') == std::string::npos);
    CHECK(signed_bar(ascii, 5, 0, 10, 10) == "|#####");
    CHECK(signed_bar(ascii, -4, -4, 0, 8) == "########|");
}

TEST_CASE("render_markdown: a table and a Mermaid chart", "[render]") {
    const Report report = regulated_report();
    const std::string md = render_markdown(report);
    const std::string winner = default_rules().options[report.ranking.winner().option].name;
    CHECK(md.rfind("## AI make-or-buy: " + winner, 0) == 0);
    CHECK(md.find("| Rank | Option | Score | From zero | Status |") != std::string::npos);
    // A ruled-out option is not drawn; with every drawn score at 0 or more the
    // Mermaid chart starts at 0, and with a negative one there is none (Mermaid
    // draws bars up from the axis minimum).
    double low = 0;
    for (const auto& r : report.ranking.ranked)
        if (!r.excluded) low = std::min(low, r.score);
    CHECK((md.find("```mermaid\nxychart-beta\n") != std::string::npos) == (low >= 0));
    if (low >= 0) CHECK(md.find("y-axis \"Score\" 0 --> ") != std::string::npos);
    Report positive = report;
    for (auto& r : positive.ranking.ranked)
        r.score = std::abs(r.score);
    const std::string drawn = render_markdown(positive);
    CHECK(drawn.find("```mermaid\nxychart-beta\n") != std::string::npos);
    CHECK(drawn.find("y-axis \"Score\" 0 --> ") != std::string::npos);
    CHECK(md.find("ruled out") != std::string::npos);
    CHECK(md.find('\x1b') == std::string::npos);
    CHECK(render_markdown(regulated_report()) == md);
}
