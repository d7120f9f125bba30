#include "interview_fixtures.hpp"

#include "makeorbuy/term/interview.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

using namespace makeorbuy;
using namespace makeorbuy::interview;
using makeorbuy::term::character;
using makeorbuy::term::key;
using makeorbuy::term::KeyCode;

namespace {

struct Scripted {
    test::ScriptedTerminal* terminal;
    Session session;
};

Scripted scripted(Mode mode) {
    auto terminal = std::make_unique<test::ScriptedTerminal>();
    test::ScriptedTerminal* raw = terminal.get();
    TextStyle style;
    style.color = true;
    return Scripted{raw, Session(std::move(terminal), mode, style)};
}

std::string messages(const Error& error) {
    std::string out;
    for (const auto& d : error.diagnostics())
        out += d.message + "\n";
    return out;
}

std::string temp_dir() {
    const auto dir =
        std::filesystem::temp_directory_path() / ("makeorbuy-unit-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    return dir.string();
}

std::string read(const std::string& path) {
    std::ifstream in(path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

const term::Key k_enter = key(KeyCode::enter);

} // namespace

TEST_CASE("terminal mode: keys answer the questions and the summary is accepted", "[interview-session]") {
    auto [terminal, session] = scripted(Mode::terminal);
    terminal->keys({key(KeyCode::down), key(KeyCode::down), key(KeyCode::down), k_enter, character("9"),
                    character("9"), k_enter, character(" "), k_enter, k_enter, k_enter});
    terminal->events.insert(terminal->events.begin() + 5, term::Event{term::EventKind::resize, {}});
    const Answers answers = session.ask(test::interview_rules(), {});
    CHECK(std::get<std::string>(*answers.value("stage")) == "growth");
    CHECK(std::get<double>(*answers.value("spend")) == 99);
    CHECK(std::get<std::vector<std::string>>(*answers.value("drivers")) ==
          std::vector<std::string>{"format"});
    CHECK(std::get<double>(*answers.value("team")) == 3);
    CHECK_FALSE(terminal->raw);
    CHECK(session.asked_anything());
    CHECK_THAT(terminal->written, Catch::Contains("Where is the product?"));
    CHECK_THAT(terminal->written, Catch::Contains("\x1b[2J")); // the resize redrew from a clean window
}

TEST_CASE("Ctrl-C throws Interrupted with the terminal back in line mode", "[interview-session]") {
    auto [terminal, session] = scripted(Mode::terminal);
    terminal->keys({k_enter, key(KeyCode::interrupt)});
    CHECK_THROWS_AS(session.ask(test::interview_rules(), {}), Interrupted);
    CHECK_FALSE(terminal->raw);
    CHECK(terminal->raw_entries == 1);
}

TEST_CASE("end of input stops the interview listing what is missing", "[interview-session]") {
    auto [terminal, session] = scripted(Mode::terminal);
    terminal->keys({character("1"), k_enter});
    try {
        (void)session.ask(test::interview_rules(), {});
        FAIL("no error at end of input");
    } catch (const Error& e) {
        const std::string text = messages(e);
        CHECK_THAT(text, Catch::Contains("input ended before the interview was finished"));
        CHECK_THAT(text, Catch::Contains("missing answer to 'spend'"));
        CHECK_THAT(text, Catch::Contains("--spend NUMBER"));
        CHECK_THAT(text, Catch::Contains("unanswered, with defaults: drivers, team"));
        CHECK_THAT(text, !Catch::Contains("'stage'"));
    }
    CHECK_FALSE(terminal->raw);
}

TEST_CASE("plain mode reads lines, never touches raw mode, and writes no escapes", "[interview-session]") {
    auto [terminal, session] = scripted(Mode::plain);
    terminal->lines = {"3", "oops", "25k", "?", "", "1,2", "", "", ""};
    const Answers answers = session.ask(test::interview_rules(), {});
    CHECK(std::get<std::string>(*answers.value("stage")) == "growth");
    CHECK(std::get<double>(*answers.value("spend")) == 25000);
    CHECK(std::get<std::string>(*answers.value("volume")) == "unknown");
    CHECK(terminal->raw_entries == 0);
    CHECK_THAT(terminal->written, Catch::Contains("'oops' is not a number"));
    CHECK_THAT(terminal->written, Catch::Contains("Volume help."));
    CHECK_THAT(terminal->written, Catch::Contains("Your answers:"));
    CHECK(terminal->written.find('\x1b') == std::string::npos);
}

TEST_CASE("plain mode: end of input is an error, not a loop", "[interview-session]") {
    auto [terminal, session] = scripted(Mode::plain);
    terminal->lines = {"bogus"};
    CHECK_THROWS_AS(session.ask(test::interview_rules(), {}), Error);
}

TEST_CASE("the save offer writes a flags file and never replaces one", "[interview-session]") {
    const std::string dir = temp_dir();
    const std::string taken = dir + "/taken.toml";
    const std::string fresh = dir + "/fresh.toml";
    std::filesystem::remove(fresh);
    { std::ofstream(taken) << "keep me\n"; }
    auto [terminal, session] = scripted(Mode::plain);
    terminal->lines = {"y", taken, fresh};
    Answers answers;
    answers.set("stage", Answer{Value{std::string("growth")}, Origin::interview, {}});
    answers.set("spend", Answer{Value{1200.0}, Origin::interview, {}});
    const auto written = offer_save_answers(session, answers, test::interview_rules());
    REQUIRE(written);
    CHECK(*written == fresh);
    CHECK(read(taken) == "keep me\n");
    CHECK_THAT(read(fresh), Catch::Contains("stage = \"growth\"\nspend = 1200\n"));
    CHECK_THAT(terminal->written, Catch::Contains("already exists"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("the save offer can be declined, in both modes", "[interview-session]") {
    auto [plain_terminal, plain_session] = scripted(Mode::plain);
    plain_terminal->lines = {""};
    CHECK_FALSE(offer_save_answers(plain_session, {}, test::interview_rules()));
    auto [terminal, session] = scripted(Mode::terminal);
    terminal->keys({key(KeyCode::escape)});
    CHECK_FALSE(offer_save_answers(session, {}, test::interview_rules()));
    CHECK_FALSE(terminal->raw);
}

TEST_CASE("the decision-record hook gets the title and reports the path", "[interview-session]") {
    auto [terminal, session] = scripted(Mode::terminal);
    terminal->keys({character("y"), key(KeyCode::kill_line), character("U"), character("s"), character("e"),
                    k_enter, key(KeyCode::kill_line), character("O"), character("k"), k_enter});
    int calls = 0;
    const auto path = offer_decision_record(session, [&](const std::string& title) -> std::string {
        ++calls;
        if (title == "Use") throw Error(Location{"docs/decisions"}, "a record with that title exists");
        return "docs/decisions/0001-" + title + ".md";
    });
    CHECK(calls == 2);
    REQUIRE(path);
    CHECK(*path == "docs/decisions/0001-Ok.md");
    CHECK_THAT(terminal->written, Catch::Contains("a record with that title exists"));
    CHECK_THAT(terminal->written, Catch::Contains("Wrote the decision record docs/decisions/0001-Ok.md"));
}
