// Explanations that add up: over a generated, deterministic grid of profiles
// scored with the default rules, each option's listed reasons add up to its
// shown score, and the "why not" differences to the shown gap, in the model
// and in the text and JSON that print them.

#include "makeorbuy/core/explain.hpp"
#include "makeorbuy/core/validate.hpp"
#include "makeorbuy/render/render.hpp"
#include "makeorbuy/report/report.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <regex>
#include <sstream>

using namespace makeorbuy;

namespace {

std::int64_t cents(double x) {
    return std::llround(x * 100.0);
}

// A small deterministic generator for the grid (splitmix64).
class Dice {
public:
    explicit Dice(std::uint64_t seed)
        : m_state(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31U);
    }
    double uniform() { return static_cast<double>(next() >> 11U) * 0x1.0p-53; }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }

private:
    std::uint64_t m_state;
};

/// `count` profiles: every scoring question answered at random (numbers
/// log-uniform over their range, capped at 10M), the cost questions left at
/// their defaults. The same every run.
std::vector<Answers> profile_grid(const RuleSet& rules, std::size_t count) {
    Dice dice(20261129);
    std::vector<Answers> out;
    for (std::size_t i = 0; i < count; ++i) {
        Answers answers;
        for (const Question& q : rules.questions) {
            if (q.purpose == "cost") continue;
            Value value;
            if (q.type == QuestionType::choice) {
                value = q.values[dice.below(q.values.size())].value;
            } else if (q.type == QuestionType::multi) {
                std::vector<std::string> items;
                for (const ChoiceValue& v : q.values)
                    if (dice.below(3) == 0) items.push_back(v.value);
                value = items;
            } else {
                const double low = std::log(std::max(1.0, q.min));
                const double high = std::log(std::max(std::min(q.max, 1e7), std::max(1.0, q.min)));
                double x = std::exp(low + dice.uniform() * (high - low));
                if (q.type == QuestionType::integer) x = std::round(x);
                value = std::clamp(x, q.min, q.max);
            }
            answers.set(q.key, Answer{value, Origin::flag, {}});
        }
        fill_defaults(answers, rules);
        out.push_back(std::move(answers));
    }
    return out;
}

double sum_shown(const std::vector<ShownReason>& a, const std::vector<ShownReason>& b) {
    double total = 0;
    for (const auto& r : a)
        total += r.shown;
    for (const auto& r : b)
        total += r.shown;
    return total;
}

// The signed figures printed under a text section's heading, up to the next
// heading (a line that starts without indentation).
std::vector<double> printed_figures(const std::string& text, const std::string& heading_start) {
    std::vector<double> out;
    std::istringstream lines(text);
    std::string line;
    bool inside = false;
    static const std::regex figure(R"(^    ([+-]\d+\.\d\d) )");
    while (std::getline(lines, line)) {
        if (!line.empty() && line[0] != ' ') inside = line.rfind(heading_start, 0) == 0;
        std::smatch m;
        if (inside && std::regex_search(line, m, figure)) out.push_back(std::stod(m[1].str()));
    }
    return out;
}

double total(const std::vector<double>& xs) {
    double t = 0;
    for (double x : xs)
        t += x;
    return t;
}

} // namespace

TEST_CASE("apportion: rounded parts add up to the rounded total", "[explain]") {
    const std::vector<double> thirds{1.0 / 3, 1.0 / 3, 1.0 / 3};
    const auto shown = apportion(thirds, 1.0);
    CHECK(cents(shown[0] + shown[1] + shown[2]) == 100);
    for (double s : shown)
        CHECK(std::fabs(s - 1.0 / 3) < 0.01);
    // Signs mixed, each rounded on its own would be 0.01 off.
    const std::vector<double> mixed{0.005, 0.005, -1.006};
    const auto m = apportion(mixed, 0.005 + 0.005 - 1.006);
    CHECK(cents(m[0] + m[1] + m[2]) == cents(round_score(-0.996)));
    CHECK(apportion(std::vector<double>{}, 0).empty());
    // A total that is not the parts' sum still adds up (the parts absorb it).
    const auto off = apportion(std::vector<double>{1.0, 1.0}, 2.05);
    CHECK(cents(off[0] + off[1]) == 205);
}

TEST_CASE("over a grid of profiles, reasons add up to scores and differences to the gap",
          "[explain][property]") {
    const RuleSet& rules = default_rules();
    const std::vector<Answers> grid = profile_grid(rules, 2000);
    std::size_t with_runner_up_advantages = 0;
    std::size_t checked_text = 0;
    for (std::size_t i = 0; i < grid.size(); ++i) {
        INFO("profile " << i);
        const Report report = make_report(rules, grid[i]);
        for (const OptionResult& r : report.ranking.ranked) {
            const Explanation why = explain(r);
            REQUIRE(cents(sum_shown(why.for_, why.against)) == cents(round_score(r.score)));
            // Each shown figure is its own rule's points to the cent or two
            // that rounding moves it, so adding up is not bought by distortion.
            for (const auto& reason : why.for_)
                REQUIRE((reason.delta > 0 && std::fabs(reason.shown - reason.delta) < 0.02));
            for (const auto& reason : why.against)
                REQUIRE((reason.delta < 0 && std::fabs(reason.shown - reason.delta) < 0.02));
        }
        for (std::size_t k = 1; k < report.ranking.ranked.size(); ++k) {
            const OptionResult& winner = report.ranking.winner();
            const OptionResult& other = report.ranking.ranked[k];
            const WhyNot gaps = why_not(winner, other);
            double sum = 0;
            for (const auto& list : {gaps.for_winner, gaps.for_other})
                for (const auto& d : list) {
                    REQUIRE(std::fabs(d.shown - d.difference) < 0.02);
                    REQUIRE(d.difference == Approx(d.winner_delta - d.other_delta));
                    sum += d.shown;
                }
            REQUIRE(cents(sum) == cents(round_score(winner.score) - round_score(other.score)));
            REQUIRE(cents(gaps.gap_shown) == cents(round_score(winner.score) - round_score(other.score)));
            if (k == 1 && !gaps.for_other.empty()) ++with_runner_up_advantages;
        }

        // What the JSON lists adds up to the score beside it.
        const auto json = recommendation_json(report);
        for (const auto& item : json["ranking"]) {
            double listed = 0;
            for (const auto& reason : item["reasons"])
                listed += reason["delta"].get<double>();
            REQUIRE(cents(listed) == cents(item["score"].get<double>()));
        }
        const auto& explanation = json["explanation"];
        if (!explanation["why_not"].is_null()) {
            double listed = 0;
            for (const auto& d : explanation["why_not"]["differences"])
                listed += d["difference"].get<double>();
            REQUIRE(cents(listed) == cents(explanation["why_not"]["gap"].get<double>()));
        }

        // And what the text prints adds up to the figure in its heading.
        if (i % 10 == 0) {
            const std::string text = render_text(report, TextStyle{false, false, 80});
            std::smatch m;
            static const std::regex why(R"(\nWhy (.+) \(score (-?\d+\.\d\d)\)\n)");
            REQUIRE(std::regex_search(text, m, why));
            CHECK(cents(total(printed_figures(text, "Why " + m[1].str() + " (score"))) ==
                  cents(std::stod(m[2].str())));
            static const std::regex why_not_heading(R"(\nWhy not (.+) \((\d+(\.\d+)?) points? behind\)\n)");
            if (std::regex_search(text, m, why_not_heading)) {
                CHECK(cents(total(printed_figures(text, "Why not " + m[1].str()))) ==
                      cents(std::stod(m[2].str())));
                ++checked_text;
            }
        }
    }
    // The grid reaches runner-ups with advantages of their own, and text with a "why not".
    CHECK(with_runner_up_advantages > 0);
    CHECK(checked_text > 0);
}

TEST_CASE("why not: the runner-up's own advantages are listed, with their sign", "[explain]") {
    const RuleSet rules = test::rules_ok(R"({"id": "r", "version": "1",
      "questions": [{"key": "q", "prompt": "p", "type": "choice", "values": [{"value": "x", "text": "t"}], "default": "x"}],
      "options": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
      "rules": [{"id": "a-up", "when": {"q": "x"}, "effects": {"a": 3}, "weight": 1, "rationale": "a up"},
                {"id": "b-up", "when": {"q": "x"}, "effects": {"b": 2}, "weight": 1, "rationale": "b up"},
                {"id": "both", "when": {"q": "x"}, "effects": {"a": 1, "b": 1}, "weight": 1, "rationale": "both"}]})");
    const Report report = make_report(rules, test::answers_of({{"q", std::string("x")}}));
    const WhyNot gaps = why_not(report.ranking.winner(), report.ranking.ranked[1]);
    CHECK(gaps.gap_shown == 1.0);
    REQUIRE(gaps.for_winner.size() == 1);
    REQUIRE(gaps.for_other.size() == 1);
    CHECK(rules.rules[gaps.for_winner[0].rule].id == "a-up");
    CHECK(gaps.for_winner[0].shown == 3.0);
    CHECK(rules.rules[gaps.for_other[0].rule].id == "b-up");
    CHECK(gaps.for_other[0].shown == -2.0); // "both" moves the two alike: not a difference
    const std::string text = render_text(report, TextStyle{false, false, 80});
    CHECK(text.find("Why not B (1 point behind)") != std::string::npos);
    CHECK(text.find("What B has for it:") != std::string::npos);
    CHECK(text.find("-2.00 b up") != std::string::npos);
}
