// The interview session: when to ask, which mode, and the small prompts
// used after the result (yes/no, a line of text).

#include "makeorbuy/term/interview.hpp"

#include "drivers.hpp"
#include "inline_screen.hpp"

#include "makeorbuy/core/diagnostics.hpp"
#include "makeorbuy/core/text.hpp"
#include "makeorbuy/core/validate.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <cstring>

#include <unistd.h>

namespace makeorbuy::interview {

namespace {

bool env_set(const char* name) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') return false;
    const std::string lower = to_lower(value);
    return lower != "0" && lower != "false";
}

// A one-line text field in raw mode. The default stands in the field like
// selected text: Enter keeps it, typing replaces it, Backspace clears it.
std::optional<std::string> edit_line(term::Terminal& terminal, const TextStyle& style,
                                     std::string_view prompt, std::string text, std::string_view problem) {
    using term::KeyCode;
    const term::RawMode raw(terminal);
    InlineScreen screen(terminal);
    const char* pointer = style.unicode ? "❯ " : "> ";
    const char* separator = style.unicode ? " · " : " | ";
    bool pristine = !text.empty(); // the default, untouched
    for (;;) {
        const std::size_t width = std::max<std::size_t>(terminal.width(), 20) - 1;
        Frame frame;
        frame.lines.push_back(paint(style, Role::heading, fit(prompt, width, style.unicode)));
        const std::string shown = fit(text, width - 5, style.unicode);
        frame.lines.push_back("  " + paint(style, Role::good, pointer) +
                              (pristine ? paint(style, Role::dim, shown) : shown));
        frame.cursor_row = 1;
        frame.cursor_column = 4 + display_width(shown);
        if (!problem.empty())
            frame.lines.push_back(paint(style, Role::bad, "  " + fit(problem, width - 2, style.unicode)));
        frame.lines.push_back(paint(
            style, Role::dim,
            fit(fmt::format("Enter accept{0}Esc skip{0}Ctrl-C quit", separator), width, style.unicode)));
        screen.draw(frame);
        const term::Event event = terminal.read_event();
        if (event.kind != term::EventKind::key) {
            screen.clear();
            continue;
        }
        const term::Key& key = event.key;
        switch (key.code) {
        case KeyCode::interrupt:
            screen.erase();
            throw Interrupted();
        case KeyCode::end_of_input:
        case KeyCode::escape:
            screen.erase();
            return std::nullopt;
        case KeyCode::enter:
            screen.commit(fmt::format("{}: {}", prompt, paint(style, Role::good, text)), {});
            return text;
        case KeyCode::backspace:
            if (pristine) text.clear();
            while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xc0) == 0x80)
                text.pop_back();
            if (!text.empty()) text.pop_back();
            break;
        case KeyCode::kill_line:
            text.clear();
            break;
        case KeyCode::character:
        case KeyCode::paste: // one line already: a pasted line break does not press Enter
            if (pristine) text.clear();
            text += key.text;
            break;
        default:
            break;
        }
        pristine = pristine && key.code != KeyCode::character && key.code != KeyCode::paste &&
                   key.code != KeyCode::backspace && key.code != KeyCode::kill_line;
        problem = {};
    }
}

} // namespace

void throw_input_ended(const State& state) {
    Diagnostics diagnostics;
    diagnostics.error({}, "input ended before the interview was finished; nothing was written");
    std::vector<std::string> with_defaults;
    for (const Question* q : unanswered(state)) {
        if (q->required())
            diagnostics.error({}, missing_answer_message(*q));
        else
            with_defaults.push_back(q->key);
    }
    if (!with_defaults.empty()) {
        Diagnostic note;
        note.message = fmt::format("unanswered, with defaults: {}; --no-input takes the defaults",
                                   join(with_defaults, ", "));
        note.severity = Severity::note;
        diagnostics.add(std::move(note));
    }
    throw Error(diagnostics.items());
}

std::optional<Mode> choose_mode(Prompting prompting, bool plain) {
    if (prompting == Prompting::never) return std::nullopt;
    const bool terminal = ::isatty(STDIN_FILENO) == 1 && ::isatty(STDERR_FILENO) == 1;
    if (!terminal) {
        if (prompting == Prompting::insist)
            throw Error(Location{"--interactive"}, "the interview needs a terminal on stdin and stderr; "
                                                   "give the answers as flags or in a --config file instead");
        return std::nullopt;
    }
    // A CI job with a pseudo-terminal (docker -t) must not hang waiting for a person.
    if (prompting == Prompting::automatic && env_set("CI")) return std::nullopt;
    const char* term = std::getenv("TERM");
    const bool dumb = term == nullptr || *term == '\0' || std::strcmp(term, "dumb") == 0;
    if (plain || dumb || env_set("ACCESSIBLE")) return Mode::plain;
    return Mode::terminal;
}

Session::Session(Mode mode, TextStyle style)
    : Session(std::make_unique<term::PosixTerminal>(STDIN_FILENO, STDERR_FILENO), mode, style) {}

Session::Session(std::unique_ptr<term::Terminal> terminal, Mode mode, TextStyle style)
    : m_terminal(std::move(terminal))
    , m_mode(mode)
    , m_style(style) {
    if (m_mode == Mode::plain) m_style.color = false; // plain text only, for screen readers
}

Session::~Session() = default;

Answers Session::ask(const RuleSet& rules, const Answers& given) {
    State state = start(rules, given);
    if (state.screen == Screen::finished) return given;
    m_asked = true;
    if (m_mode == Mode::plain)
        ask_plain(*m_terminal, state);
    else
        ask_in_terminal(*m_terminal, state, m_style);
    return collected_answers(state);
}

bool Session::confirm(std::string_view question, bool default_yes) {
    const std::string choices = default_yes ? "(Y/n)" : "(y/N)";
    if (m_mode == Mode::plain) {
        for (;;) {
            m_terminal->write(fmt::format("{} {}: ", question, choices));
            const auto line = m_terminal->read_line();
            if (!line) {
                m_terminal->write("\n");
                return false;
            }
            const std::string answer = to_lower(trim(*line));
            if (answer.empty()) return default_yes;
            if (answer == "y" || answer == "yes") return true;
            if (answer == "n" || answer == "no") return false;
            m_terminal->write("  Please answer y or n.\n");
        }
    }
    using term::KeyCode;
    const term::RawMode raw(*m_terminal);
    InlineScreen screen(*m_terminal);
    for (;;) {
        Frame frame;
        frame.lines.push_back(paint(m_style, Role::heading, std::string(question)) + " " +
                              paint(m_style, Role::dim, choices));
        frame.cursor_column = display_width(question) + 1 + choices.size() + 1;
        screen.draw(frame);
        const term::Event event = m_terminal->read_event();
        if (event.kind != term::EventKind::key) {
            screen.clear();
            continue;
        }
        const term::Key& key = event.key;
        std::optional<bool> answer;
        if (key.code == KeyCode::interrupt) {
            screen.erase();
            throw Interrupted();
        }
        if (key.code == KeyCode::end_of_input || key.code == KeyCode::escape || key.is('n') || key.is('N'))
            answer = false;
        else if (key.is('y') || key.is('Y'))
            answer = true;
        else if (key.code == KeyCode::enter)
            answer = default_yes;
        if (answer) {
            screen.commit(fmt::format("{} {}", question, paint(m_style, Role::good, *answer ? "yes" : "no")),
                          {});
            return *answer;
        }
    }
}

std::optional<std::string> Session::ask_text(std::string_view prompt, std::string_view default_text,
                                             std::string_view problem) {
    if (m_mode == Mode::plain) {
        if (!problem.empty()) m_terminal->write(fmt::format("  {}\n", problem));
        m_terminal->write(fmt::format("{} (Enter for {}): ", prompt, default_text));
        const auto line = m_terminal->read_line();
        if (!line) {
            m_terminal->write("\n");
            return std::nullopt;
        }
        const std::string text = trim(*line);
        return text.empty() ? std::string(default_text) : text;
    }
    return edit_line(*m_terminal, m_style, prompt, std::string(default_text), problem);
}

void Session::say(std::string_view line) {
    m_terminal->write(wrap(line, m_terminal->width() - 1, "") + "\n");
}

} // namespace makeorbuy::interview
