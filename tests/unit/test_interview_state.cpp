#include "interview_fixtures.hpp"

#include "term/interview_state.hpp"

#include <catch2/catch.hpp>

using namespace makeorbuy;
using namespace makeorbuy::interview;
using makeorbuy::term::character;
using makeorbuy::term::key;
using makeorbuy::term::KeyCode;

namespace {

std::string current_key(const State& state) {
    return current_question(state).key;
}

void press(State& state, std::initializer_list<term::Key> keys) {
    for (const auto& k : keys)
        apply_key(state, k);
}

void type(State& state, std::string_view text) {
    for (char c : text)
        apply_key(state, character(std::string(1, c)));
}

const term::Key k_enter = key(KeyCode::enter);

// Answers stage with `stage_digit` and spend with `spend`, landing on the next question.
State past_first_two(char stage_digit, std::string_view spend) {
    State state = start(test::interview_rules(), {});
    press(state, {character(std::string(1, stage_digit)), k_enter});
    type(state, spend);
    apply_key(state, k_enter);
    return state;
}

} // namespace

TEST_CASE("the plan skips given answers and follows ask_if", "[interview]") {
    const RuleSet& rules = test::interview_rules();
    Answers given;
    given.set("stage", Answer{Value{std::string("growth")}, Origin::flag, {}});
    const auto low = plan_questions(rules, given, {{"spend", Value{5000.0}}});
    CHECK(low == std::vector<std::size_t>{1, 3, 4});
    const auto high = plan_questions(rules, given, {{"spend", Value{50000.0}}});
    CHECK(high == std::vector<std::size_t>{1, 2, 3, 4});
}

TEST_CASE("nothing to ask finishes at once", "[interview]") {
    Answers given;
    for (const char* k : {"stage", "spend", "drivers", "team"})
        given.set(k, Answer{Value{1.0}, Origin::file, {}});
    CHECK(start(test::interview_rules(), given).screen == Screen::finished);
}

TEST_CASE("arrows, j/k and digits move the highlight; Enter chooses it", "[interview]") {
    State state = start(test::interview_rules(), {});
    CHECK(current_key(state) == "stage");
    CHECK(state.cursor == 0);
    press(state, {key(KeyCode::down)}); // nothing highlighted yet: the first move highlights the first value
    CHECK(state.cursor == 0);
    press(state, {key(KeyCode::down), key(KeyCode::down)});
    CHECK(state.cursor == 2);
    press(state, {character("k")});
    CHECK(state.cursor == 1);
    press(state, {key(KeyCode::up), key(KeyCode::up)}); // wraps to the last
    CHECK(state.cursor == 3);
    press(state, {character("j")});
    CHECK(state.cursor == 0);
    press(state, {character("3")});
    CHECK(state.cursor == 2);
    press(state, {character("9")}); // no ninth value: stays
    CHECK(state.cursor == 2);
    CHECK(apply_key(state, k_enter) == Step::answered);
    CHECK(std::get<std::string>(state.chosen.at("stage")) == "growth");
    CHECK(current_key(state) == "spend");
}

TEST_CASE("a bad number is refused with the reason, then a good one is taken", "[interview]") {
    State state = start(test::interview_rules(), {});
    press(state, {character("1"), k_enter});
    type(state, "lots");
    CHECK(apply_key(state, k_enter) == Step::stay);
    CHECK_THAT(state.problem, Catch::Contains("not a number"));
    CHECK(current_key(state) == "spend");
    press(state, {key(KeyCode::kill_line)});
    type(state, "2M");
    apply_key(state, k_enter);
    CHECK_THAT(state.problem, Catch::Contains("out of range"));
    press(state, {key(KeyCode::backspace), key(KeyCode::backspace)});
    type(state, "$30,000");
    CHECK(apply_key(state, k_enter) == Step::answered);
    CHECK(std::get<double>(state.chosen.at("spend")) == 30000);
    CHECK(current_key(state) == "volume"); // now relevant
}

TEST_CASE("a paste into a number field types its text and does not accept it", "[interview]") {
    State state = start(test::interview_rules(), {});
    press(state, {character("1"), k_enter});
    CHECK(apply_key(state, term::Key{term::KeyCode::paste, "$30,000"}) == Step::stay);
    CHECK(state.input == "$30,000");
    CHECK(current_key(state) == "spend");
    CHECK(apply_key(state, k_enter) == Step::answered);
    CHECK(std::get<double>(state.chosen.at("spend")) == 30000);
}

TEST_CASE("Enter on an empty number takes the default, or says one is needed", "[interview]") {
    State state = start(test::interview_rules(), {});
    press(state, {character("1"), k_enter, k_enter});
    CHECK(current_key(state) == "spend");
    CHECK_THAT(state.problem, Catch::Contains("needs an answer"));
    State later = past_first_two('1', "100");
    press(later, {k_enter}); // drivers: none ticked
    CHECK(current_key(later) == "team");
    press(later, {k_enter});
    CHECK(std::get<double>(later.chosen.at("team")) == 3);
    CHECK(later.screen == Screen::summary);
}

TEST_CASE("space ticks values of a multi question", "[interview]") {
    State state = past_first_two('1', "100");
    CHECK(current_key(state) == "drivers");
    press(state,
          {character(" "), character("3"), character(" "), character("1"), character(" "), character(" ")});
    apply_key(state, k_enter);
    CHECK(std::get<std::vector<std::string>>(state.chosen.at("drivers")) ==
          std::vector<std::string>{"format", "voice"});
}

TEST_CASE("going back keeps the earlier answer highlighted", "[interview]") {
    State state = past_first_two('2', "100");
    CHECK(current_key(state) == "drivers");
    CHECK(apply_key(state, key(KeyCode::escape)) == Step::back);
    CHECK(current_key(state) == "spend");
    CHECK(state.input == "100");
    CHECK(apply_key(state, key(KeyCode::back_tab)) == Step::back);
    CHECK(current_key(state) == "stage");
    CHECK(state.cursor == 1);
    CHECK(apply_key(state, character("b")) == Step::stay);
    CHECK_THAT(state.problem, Catch::Contains("first question"));
    press(state, {key(KeyCode::down), k_enter});
    CHECK(current_key(state) == "spend");
    CHECK(std::get<std::string>(state.chosen.at("stage")) == "growth");
}

TEST_CASE("the summary takes Enter to finish or a number to change an answer", "[interview]") {
    State state = past_first_two('1', "100");
    press(state, {k_enter, k_enter});
    REQUIRE(state.screen == Screen::summary);
    type(state, "7");
    apply_key(state, k_enter);
    CHECK(state.screen == Screen::summary);
    CHECK_THAT(state.problem, Catch::Contains("no answer numbered '7'"));
    type(state, "2");
    CHECK(apply_key(state, k_enter) == Step::back);
    CHECK(current_key(state) == "spend");
    CHECK(state.from_summary);
    // A bigger spend makes `volume` relevant: it is asked, then the summary returns.
    press(state, {key(KeyCode::kill_line)});
    type(state, "50k");
    apply_key(state, k_enter);
    CHECK(current_key(state) == "volume");
    press(state, {character("1"), k_enter});
    CHECK(state.screen == Screen::summary);
    CHECK(apply_key(state, k_enter) == Step::finished);
    const Answers answers = collected_answers(state);
    CHECK(std::get<double>(*answers.value("spend")) == 50000);
    CHECK(std::get<std::string>(*answers.value("volume")) == "steady");
    CHECK(answers.find("volume")->origin == Origin::interview);
}

TEST_CASE("an answer that no longer applies is dropped, so its default stands", "[interview]") {
    State state = past_first_two('1', "50000");
    press(state, {character("2"), k_enter, k_enter, k_enter});
    REQUIRE(state.screen == Screen::summary);
    CHECK(collected_answers(state).has("volume"));
    type(state, "2");
    apply_key(state, k_enter);
    press(state, {key(KeyCode::kill_line)});
    type(state, "10");
    apply_key(state, k_enter);
    CHECK(state.screen == Screen::summary);
    CHECK_FALSE(collected_answers(state).has("volume"));
}

TEST_CASE("Esc while changing an answer from the summary returns to it", "[interview]") {
    State state = past_first_two('1', "100");
    press(state, {k_enter, k_enter, character("1"), k_enter});
    CHECK(current_key(state) == "stage");
    press(state, {key(KeyCode::down), key(KeyCode::escape)});
    CHECK(state.screen == Screen::summary);
    CHECK(std::get<std::string>(state.chosen.at("stage")) == "prototype");
}

TEST_CASE("plain lines: numbers, names, help, back and the summary", "[interview]") {
    State state = start(test::interview_rules(), {});
    CHECK(apply_line(state, "?") == Step::stay);
    CHECK(state.show_help);
    CHECK(apply_line(state, "seed") == Step::stay);
    CHECK_THAT(state.problem, Catch::Contains("unknown value 'seed'"));
    CHECK(apply_line(state, "Growth") == Step::answered);
    CHECK(apply_line(state, "<") == Step::back);
    CHECK(apply_line(state, "") == Step::answered); // keeps growth
    CHECK(apply_line(state, "x") == Step::stay);
    CHECK(apply_line(state, "1.2k") == Step::answered);
    CHECK(apply_line(state, "1, voice") == Step::answered);
    CHECK(apply_line(state, "b") == Step::back);
    CHECK(apply_line(state, "none") == Step::answered);
    CHECK(apply_line(state, "") == Step::answered);
    REQUIRE(state.screen == Screen::summary);
    CHECK(apply_line(state, "1") == Step::back);
    CHECK(apply_line(state, "4") == Step::answered);
    CHECK(apply_line(state, "") == Step::finished);
    const Answers answers = collected_answers(state);
    CHECK(std::get<std::string>(*answers.value("stage")) == "scale");
    CHECK(std::get<double>(*answers.value("spend")) == 1200);
    CHECK(std::get<std::vector<std::string>>(*answers.value("drivers")).empty());
}

TEST_CASE("unanswered lists what the interview still has to ask", "[interview]") {
    State state = start(test::interview_rules(), {});
    CHECK(unanswered(state).size() == 4);
    apply_line(state, "2");
    REQUIRE(unanswered(state).size() == 3);
    CHECK(unanswered(state).front()->key == "spend");
}

TEST_CASE("Enter on a required choice takes nothing until a value is picked", "[interview]") {
    State state = start(test::interview_rules(), {});
    CHECK_FALSE(state.picked);
    CHECK(apply_key(state, k_enter) == Step::stay);
    CHECK(current_key(state) == "stage");
    CHECK(state.chosen.empty());
    CHECK_THAT(state.problem, Catch::Contains("stage needs an answer"));
    press(state, {key(KeyCode::down)}); // the first move highlights the first value
    CHECK(state.picked);
    CHECK(state.cursor == 0);
    CHECK(apply_key(state, k_enter) == Step::answered);
    CHECK(std::get<std::string>(state.chosen.at("stage")) == "prototype");

    State from_end = start(test::interview_rules(), {});
    press(from_end, {key(KeyCode::up)});
    CHECK(from_end.cursor == 3);
    // A question with a default, or answered before, starts with it highlighted.
    State later = past_first_two('1', "30000");
    REQUIRE(current_key(later) == "volume");
    CHECK(later.picked);
    CHECK(apply_key(later, k_enter) == Step::answered);
}

namespace {

// The cost table, past stage and spend, on the yes/no question.
State on_hosted(std::string_view spend) {
    State state = start(test::interview_cost_rules(), {});
    press(state, {character("1"), k_enter});
    type(state, spend);
    apply_key(state, k_enter);
    return state;
}

} // namespace

TEST_CASE("y and n answer a yes/no question at once", "[interview]") {
    State state = on_hosted("100");
    REQUIRE(current_key(state) == "hosted");
    CHECK(apply_key(state, character("y")) == Step::answered);
    CHECK(std::get<std::string>(state.chosen.at("hosted")) == "yes");
    State other = on_hosted("100");
    CHECK(apply_key(other, character("N")) == Step::answered);
    CHECK(std::get<std::string>(other.chosen.at("hosted")) == "no");
    // Plain mode takes y and n as well.
    State plain = start(test::interview_cost_rules(), {});
    apply_line(plain, "1");
    apply_line(plain, "100");
    CHECK(apply_line(plain, "y") == Step::answered);
    CHECK(std::get<std::string>(plain.chosen.at("hosted")) == "yes");
}

TEST_CASE("the cost questions ask_if leaves out are offered, then asked on y", "[interview]") {
    State state = on_hosted("100");
    apply_key(state, k_enter);
    REQUIRE(state.screen == Screen::refine);
    CHECK(optional_cost_questions(state).size() == 2);
    CHECK(apply_key(state, character("y")) == Step::answered);
    REQUIRE(state.screen == Screen::question);
    CHECK(current_key(state) == "requests");
    type(state, "2M");
    apply_key(state, k_enter);
    CHECK(current_key(state) == "profile");
    press(state, {character("1"), k_enter});
    REQUIRE(state.screen == Screen::summary);
    const Answers answers = collected_answers(state);
    CHECK(std::get<double>(*answers.value("requests")) == 2e6);
    CHECK(std::get<std::string>(*answers.value("profile")) == "lean");
    // Back from the summary goes to the last question asked, not to the offer.
    CHECK(apply_key(state, key(KeyCode::escape)) == Step::back);
    CHECK(current_key(state) == "profile");
}

TEST_CASE("declined, the cost questions stay editable from the summary", "[interview]") {
    State state = on_hosted("100");
    apply_key(state, k_enter);
    REQUIRE(state.screen == Screen::refine);
    CHECK(apply_key(state, k_enter) == Step::answered); // Enter: no
    REQUIRE(state.screen == Screen::summary);
    CHECK(editable_questions(state).size() == 5);
    CHECK_FALSE(collected_answers(state).has("requests"));
    type(state, "4");
    CHECK(apply_key(state, k_enter) == Step::back);
    REQUIRE(current_key(state) == "requests");
    CHECK(state.from_summary);
    type(state, "30k");
    apply_key(state, k_enter);
    REQUIRE(state.screen == Screen::summary);
    CHECK(std::get<double>(*collected_answers(state).value("requests")) == 30000);
    // Taken up from the summary: nothing is left to offer.
    CHECK(optional_cost_questions(state).empty());
}

TEST_CASE("back from the summary returns to a declined offer, and from there to the last question",
          "[interview]") {
    State state = on_hosted("100");
    press(state, {k_enter, character("n")});
    REQUIRE(state.screen == Screen::summary);
    CHECK(apply_key(state, key(KeyCode::escape)) == Step::back);
    CHECK(state.screen == Screen::refine);
    CHECK(apply_key(state, character("b")) == Step::back);
    CHECK(current_key(state) == "hosted");
    CHECK(apply_key(state, k_enter) == Step::answered);
    CHECK(state.screen == Screen::refine); // offered again
    CHECK(apply_line(state, "maybe") == Step::stay);
    CHECK_THAT(state.problem, Catch::Contains("y or n"));
    CHECK(apply_line(state, "") == Step::answered);
    CHECK(state.screen == Screen::summary);
}

TEST_CASE("no offer when the cost questions are asked anyway", "[interview]") {
    State state = on_hosted("80k");
    apply_key(state, k_enter);
    CHECK(state.screen == Screen::question);
    CHECK(current_key(state) == "requests");
}

TEST_CASE("a value that means something else is shown as what it means", "[interview]") {
    const Question& requests = test::interview_cost_rules().questions[3];
    CHECK(shown_value(requests, Value{0.0}) == "derived from spend");
    CHECK(shown_value(requests, Value{5.0}) == "5 requests per month");
}

TEST_CASE("letters at the summary say which keys work", "[interview]") {
    State state = past_first_two('1', "100");
    press(state, {k_enter, k_enter});
    REQUIRE(state.screen == Screen::summary);
    CHECK(apply_key(state, character("x")) == Step::stay);
    CHECK_THAT(state.problem, Catch::Contains("'x' does nothing here"));
    CHECK_THAT(state.problem, Catch::Contains("1 to 4"));
    CHECK(state.input.empty());
    press(state, {character("2")});
    CHECK(state.problem.empty());
}

TEST_CASE("the plan is uncertain until every condition's question is answered", "[interview]") {
    State state = start(test::interview_rules(), {});
    CHECK(plan_may_change(state)); // volume depends on spend
    press(state, {character("1"), k_enter});
    CHECK(plan_may_change(state));
    type(state, "100");
    apply_key(state, k_enter);
    CHECK_FALSE(plan_may_change(state));
    Answers given;
    given.set("spend", Answer{Value{100.0}, Origin::flag, {}});
    CHECK_FALSE(plan_may_change(start(test::interview_rules(), given)));
}

TEST_CASE("/ then letters filter a list; Enter chooses the highlighted match", "[interview]") {
    State state = start(test::interview_rules(), {});
    CHECK(apply_key(state, character("/")) == Step::stay);
    CHECK(state.filtering);
    type(state, "SC");
    CHECK(state.filter == "SC");
    CHECK(state.picked);
    CHECK(state.cursor == 3); // scale
    CHECK_FALSE(shows_value(state, 0));
    CHECK(shows_value(state, 3));
    press(state, {key(KeyCode::backspace), key(KeyCode::backspace)});
    type(state, "e"); // prototype ("A demo"), pre-pmf, scale; not growth ("Climbing")
    CHECK(state.cursor == 0);
    press(state, {key(KeyCode::down)});
    CHECK(state.cursor == 1);
    press(state, {key(KeyCode::down)}); // growth is hidden: skipped
    CHECK(state.cursor == 3);
    press(state, {key(KeyCode::kill_line)});
    type(state, "zz");
    CHECK_FALSE(state.picked);
    CHECK(apply_key(state, k_enter) == Step::stay);
    CHECK_THAT(state.problem, Catch::Contains("No value matches 'zz'"));
    press(state, {key(KeyCode::escape)}); // drops the filter, stays on the question
    CHECK_FALSE(state.filtering);
    CHECK(current_key(state) == "stage");
    press(state, {character("/")});
    type(state, "grow");
    CHECK(apply_key(state, k_enter) == Step::answered);
    CHECK(std::get<std::string>(state.chosen.at("stage")) == "growth");
    CHECK_FALSE(state.filtering);
}

TEST_CASE("a cost question without a default is never offered as optional", "[interview]") {
    RuleSet rules = test::interview_cost_rules();
    rules.questions[4].default_value.reset(); // profile: required, asked only from 50000
    State state = start(rules, {});
    apply_line(state, "1");
    apply_line(state, "100");
    apply_line(state, "");
    REQUIRE(state.screen == Screen::refine);
    CHECK(optional_cost_questions(state).size() == 1);
    CHECK(editable_questions(state).size() == 4);
}
