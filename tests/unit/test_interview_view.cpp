#include "interview_fixtures.hpp"

#include "term/interview_view.hpp"

#include <catch2/catch.hpp>

using namespace makeorbuy;
using namespace makeorbuy::interview;
using makeorbuy::term::character;
using makeorbuy::term::key;
using makeorbuy::term::KeyCode;

namespace {

TextStyle plain_style(bool unicode = true) {
    TextStyle style;
    style.color = false;
    style.unicode = unicode;
    return style;
}

std::string joined(const Frame& frame) {
    std::string out;
    for (const auto& line : frame.lines)
        out += line + "\n";
    return out;
}

void check_fits(const Frame& frame, std::size_t width) {
    for (const auto& line : frame.lines) {
        INFO(line);
        CHECK(display_width(line) < width);
    }
}

} // namespace

TEST_CASE("a choice question shows progress, values, descriptions and the default", "[interview-view]") {
    State state = start(test::interview_rules(), {});
    apply_key(state, key(KeyCode::down));
    apply_key(state, key(KeyCode::down));
    const Frame frame = render(state, plain_style(), 80);
    const std::string text = joined(frame);
    CHECK_THAT(frame.lines[0], Catch::StartsWith("[1 of about 4] Where is the product?"));
    CHECK_THAT(text, Catch::Contains("    1 prototype  A demo\n"));
    CHECK_THAT(text, Catch::Contains("  ❯ 2 pre-pmf    Real users\n"));
    CHECK_THAT(frame.lines.back(), Catch::Contains("Enter choose"));
    CHECK_THAT(frame.lines.back(), Catch::Contains("Esc back"));
    CHECK(frame.cursor_row == 2);
    CHECK(frame.cursor_column == 2);
    CHECK(text.find('\x1b') == std::string::npos);
}

TEST_CASE("the default value is marked", "[interview-view]") {
    State state = start(test::interview_rules(), {});
    apply_line(state, "1");
    apply_line(state, "30000");
    REQUIRE(current_question(state).key == "volume");
    const std::string text = joined(render(state, plain_style(), 80));
    CHECK_THAT(text, Catch::Contains("  ❯ 3 unknown  Not measured (default)"));
    CHECK_THAT(text, Catch::Contains("[3 of 5]")); // certain now: nothing left depends on an open answer
}

TEST_CASE("? shows the question's help", "[interview-view]") {
    State state = start(test::interview_rules(), {});
    CHECK_THAT(joined(render(state, plain_style(), 80)), !Catch::Contains("Stage help."));
    apply_key(state, character("?"));
    CHECK_THAT(joined(render(state, plain_style(), 80)), Catch::Contains("  Stage help."));
}

TEST_CASE("a number question shows its range, the typed text and why it was refused", "[interview-view]") {
    State state = start(test::interview_rules(), {});
    apply_line(state, "1");
    for (char c : std::string("abc"))
        apply_key(state, character(std::string(1, c)));
    apply_key(state, key(KeyCode::enter));
    const Frame frame = render(state, plain_style(false), 80);
    const std::string text = joined(frame);
    CHECK_THAT(text, Catch::Contains("a number from 0 to 1000000 (USD per month)"));
    CHECK_THAT(text, Catch::Contains("  > abc\n"));
    CHECK_THAT(text, Catch::Contains("  x 'abc' is not a number"));
    CHECK(frame.cursor_row == 2);
    CHECK(frame.cursor_column == 7);
}

TEST_CASE("multi values show their ticks", "[interview-view]") {
    State state = start(test::interview_rules(), {});
    apply_line(state, "1");
    apply_line(state, "100");
    apply_key(state, character(" "));
    const std::string text = joined(render(state, plain_style(), 80));
    CHECK_THAT(text, Catch::Contains("❯ [x] 1 format"));
    CHECK_THAT(text, Catch::Contains("  [ ] 2 cost"));
    CHECK_THAT(text, Catch::Contains("Space tick"));
}

TEST_CASE("no line is wider than the window, however narrow", "[interview-view]") {
    State state = start(test::interview_rules(), {});
    apply_key(state, character("?"));
    for (std::size_t width : {20, 33, 50, 80, 200}) {
        INFO(width);
        check_fits(render(state, plain_style(), width), width);
        TextStyle coloured = plain_style();
        coloured.color = true;
        check_fits(render(state, coloured, width), width);
    }
}

TEST_CASE("colour only when the style allows it", "[interview-view]") {
    State state = start(test::interview_rules(), {});
    TextStyle coloured = plain_style();
    coloured.color = true;
    CHECK_THAT(joined(render(state, coloured, 80)), Catch::Contains("\x1b["));
    CHECK_THAT(joined(render(state, plain_style(), 80)), !Catch::Contains("\x1b"));
}

TEST_CASE("the summary numbers what the interview asked and shows where the rest came from",
          "[interview-view]") {
    Answers given;
    given.set("team", Answer{Value{8.0}, Origin::flag, Location{"--team"}});
    State state = start(test::interview_rules(), given);
    apply_line(state, "3");
    apply_line(state, "5k");
    apply_line(state, "cost");
    REQUIRE(state.screen == Screen::summary);
    const Frame frame = render(state, plain_style(), 80);
    const std::string text = joined(frame);
    CHECK_THAT(text, Catch::Contains("  1 stage    growth\n"));
    CHECK_THAT(text, Catch::Contains("  2 spend    5000 USD per month\n"));
    CHECK_THAT(text, Catch::Contains("    volume   unknown  (default, not asked)\n"));
    CHECK_THAT(text, Catch::Contains("  3 drivers  cost\n"));
    CHECK_THAT(text, Catch::Contains("    team     8 engineers  (--team)\n"));
    CHECK_THAT(frame.lines.back(), Catch::Contains("1-3 change"));
    const std::string plain = plain_summary(state);
    CHECK_THAT(plain, Catch::Contains("   1. stage: growth\n"));
    CHECK_THAT(plain, Catch::Contains("      team: 8 engineers (given as --team)\n"));
}

TEST_CASE("plain mode numbers the values and offers the default", "[interview-view]") {
    State state = start(test::interview_rules(), {});
    const std::string text = plain_question(state, 79);
    CHECK_THAT(text, Catch::Contains("[1 of about 4] Where is the product?\n"));
    CHECK_THAT(text, Catch::Contains("   1. prototype  A demo\n"));
    CHECK_THAT(text, Catch::Contains("   4. scale      Settled\n"));
    CHECK(plain_prompt(state) == "Your answer: ");
    apply_line(state, "1");
    apply_line(state, "50000");
    CHECK(plain_prompt(state) == "Your answer (Enter for unknown): ");
}

TEST_CASE("the line an answered question leaves", "[interview-view]") {
    const Question& spend = test::interview_rules().questions[1];
    CHECK(answered_line("[2/4]", spend, Value{30000.0}, plain_style(), 80) ==
          "[2/4] Monthly spend? 30000 USD per month");
    const std::string narrow = answered_line("[2/4]", spend, Value{30000.0}, plain_style(), 30);
    CHECK(display_width(narrow) < 30);
}

TEST_CASE("fit and display_width count columns, not bytes", "[interview-view]") {
    CHECK(display_width("❯ é") == 3);
    CHECK(display_width("\x1b[1mbold\x1b[0m") == 4);
    CHECK(fit("abcdef", 4, true) == "abc…");
    CHECK(fit("abcdef", 5, false) == "ab...");
    CHECK(fit("abc", 3, true) == "abc");
}

TEST_CASE("a required choice shows no highlight until one is picked", "[interview-view]") {
    State state = start(test::interview_rules(), {});
    Frame frame = render(state, plain_style(), 80);
    CHECK_THAT(joined(frame), !Catch::Contains("❯"));
    CHECK(frame.cursor_row == 1); // on the first value, for screen readers
    apply_key(state, key(KeyCode::enter));
    frame = render(state, plain_style(), 80);
    CHECK_THAT(joined(frame), Catch::Contains("✗ stage needs an answer"));
    apply_key(state, character("3"));
    CHECK_THAT(joined(render(state, plain_style(), 80)), Catch::Contains("  ❯ 3 growth"));
}

TEST_CASE("a yes/no question names its y and n keys", "[interview-view]") {
    State state = start(test::interview_cost_rules(), {});
    apply_line(state, "1");
    apply_line(state, "100");
    REQUIRE(current_question(state).key == "hosted");
    CHECK_THAT(render(state, plain_style(), 80).lines.back(), Catch::StartsWith("y/n answer · "));
}

TEST_CASE("the refine offer lists what stands without the cost questions", "[interview-view]") {
    State state = start(test::interview_cost_rules(), {});
    apply_line(state, "1");
    apply_line(state, "100");
    apply_line(state, "");
    REQUIRE(state.screen == Screen::refine);
    const Frame frame = render(state, plain_style(), 80);
    const std::string text = joined(frame);
    CHECK_THAT(frame.lines[0], Catch::StartsWith("Refine the cost estimate? (y/N)"));
    CHECK_THAT(text, Catch::Contains("requests derived from spend; profile typical."));
    CHECK_THAT(frame.lines.back(), Catch::Contains("y yes"));
    check_fits(render(state, plain_style(), 40), 40);
    CHECK(plain_prompt(state) == "Refine the cost estimate? (y/N): ");
    CHECK_THAT(plain_refine(state, 79), Catch::Contains("2 more questions"));
}

TEST_CASE("the summary numbers the cost questions not asked and shows what their defaults mean",
          "[interview-view]") {
    State state = start(test::interview_cost_rules(), {});
    apply_line(state, "1");
    apply_line(state, "100");
    apply_line(state, "");
    apply_line(state, "n");
    REQUIRE(state.screen == Screen::summary);
    const Frame frame = render(state, plain_style(), 80);
    const std::string text = joined(frame);
    CHECK_THAT(text, Catch::Contains("  4 requests  derived from spend  (default)\n"));
    CHECK_THAT(text, Catch::Contains("  5 profile   typical  (default)\n"));
    CHECK_THAT(text, !Catch::Contains("0 requests per month"));
    CHECK_THAT(frame.lines.back(), Catch::Contains("1-5 change"));
    const std::string plain = plain_summary(state);
    CHECK_THAT(plain, Catch::Contains("   4. requests: derived from spend (default)\n"));
    // The number field offers the default with its meaning.
    apply_line(state, "4");
    REQUIRE(current_question(state).key == "requests");
    CHECK(plain_prompt(state) == "Amount (Enter for 0: derived from spend): ");
    CHECK_THAT(joined(render(state, plain_style(), 80)), Catch::Contains("Enter for 0: derived from spend"));
}

TEST_CASE("the progress count never goes backwards and says 'about' while it may change",
          "[interview-view]") {
    State state = start(test::interview_rules(), {});
    std::vector<std::string> seen{progress(state)};
    for (const char* line : {"2", "30000", "", "", ""}) {
        apply_line(state, line);
        if (state.screen == Screen::question) seen.push_back(progress(state));
    }
    CHECK(seen ==
          std::vector<std::string>{"[1 of about 4]", "[2 of about 4]", "[3 of 5]", "[4 of 5]", "[5 of 5]"});
}

TEST_CASE("at 60x20 the longest multi-select with its help open shows every value and the key hints",
          "[interview-view]") {
    const RuleSet& rules = default_rules();
    // The multi question with the most text: values, descriptions and help.
    std::size_t longest = rules.questions.size();
    std::size_t most = 0;
    for (std::size_t i = 0; i < rules.questions.size(); ++i) {
        const Question& q = rules.questions[i];
        if (q.type != QuestionType::multi) continue;
        std::size_t size = q.help.size();
        for (const auto& v : q.values)
            size += v.text.size();
        if (size > most) {
            most = size;
            longest = i;
        }
    }
    REQUIRE(longest < rules.questions.size());
    const Question& q = rules.questions[longest];
    Answers given;
    for (const auto& other : rules.questions)
        if (other.key != q.key && other.required())
            given.set(
                other.key,
                Answer{other.is_numeric() ? Value{1.0} : Value{other.values[0].value}, Origin::flag, {}});
    State state = start(rules, given);
    while (state.screen == Screen::question && current_question(state).key != q.key)
        apply_line(state, "");
    REQUIRE(current_question(state).key == q.key);
    apply_key(state, character("?"));
    const Frame frame = render(state, plain_style(), 60, 20);
    const std::string text = joined(frame);
    CHECK(frame.lines.size() <= 19);
    check_fits(frame, 60);
    for (const auto& v : q.values)
        CHECK_THAT(text, Catch::Contains(" " + v.value + " "));
    CHECK_THAT(frame.lines.back(), Catch::Contains("Ctrl-C quit"));
    CHECK_THAT(text, Catch::Contains(q.help.substr(0, 30))); // the help shows, from its start
    CHECK(frame.cursor_row < frame.lines.size());
    // With room to spare, descriptions wrap in full as before.
    CHECK(render(state, plain_style(), 60, 60).lines.size() > frame.lines.size());
}

TEST_CASE("a summary too tall for the window keeps its prompt and key hints", "[interview-view]") {
    State state = start(test::interview_rules(), {});
    for (const char* line : {"1", "100", "", ""})
        apply_line(state, line);
    REQUIRE(state.screen == Screen::summary);
    apply_key(state, character("x")); // a problem line too
    const Frame tall = render(state, plain_style(), 80, 40);
    CHECK_THAT(joined(tall), Catch::Contains("volume   unknown  (default, not asked)"));
    const std::size_t rows = tall.lines.size() - 1;
    const Frame fitted = render(state, plain_style(), 80, rows + 1);
    CHECK(fitted.lines.size() <= rows);
    CHECK_THAT(joined(fitted), !Catch::Contains("(default, not asked)"));
    CHECK_THAT(fitted.lines.back(), Catch::Contains("Ctrl-C quit"));
    CHECK_THAT(joined(fitted), Catch::Contains("Number to change"));
}

TEST_CASE("a filter shows only the values that match, and says when none does", "[interview-view]") {
    State state = start(test::interview_rules(), {});
    apply_key(state, character("/"));
    for (char c : std::string("de"))
        apply_key(state, character(std::string(1, c)));
    Frame frame = render(state, plain_style(), 80);
    std::string text = joined(frame);
    CHECK_THAT(text, Catch::Contains("  / de\n"));
    CHECK_THAT(text, Catch::Contains("❯ 1 prototype  A demo"));
    CHECK_THAT(text, !Catch::Contains("growth"));
    CHECK_THAT(frame.lines.back(), Catch::Contains("Esc drop filter"));
    CHECK(frame.cursor_row == 1);
    CHECK(frame.cursor_column == 6);
    apply_key(state, character("x"));
    text = joined(render(state, plain_style(), 80));
    CHECK_THAT(text, Catch::Contains("no value matches 'dex'"));
    CHECK_THAT(text, !Catch::Contains("prototype"));
}
