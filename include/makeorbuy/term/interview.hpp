#pragma once
// The interview: asks on the terminal for the answers flags and files left
// open. The UI goes to stderr, so stdout keeps only the result.

#include "makeorbuy/core/answers.hpp"
#include "makeorbuy/core/rules.hpp"
#include "makeorbuy/core/style.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace makeorbuy::term {
class Terminal; // private to the terminal layer (src/term/terminal.hpp)
}

namespace makeorbuy::interview {

enum class Mode {
    terminal, ///< keys one by one: arrows, j/k, digits, a redrawn list
    plain,    ///< line by line, numbered values; for TERM=dumb and screen readers
};

enum class Prompting {
    automatic, ///< interview when stdin and stderr are terminals and CI is unset
    never,     ///< --no-input
    insist,    ///< --interactive: a terminal is required
};

/// How to interview in this process, or nothing to not interview at all.
/// Plain mode when asked for, or TERM is dumb or unset, or ACCESSIBLE is set.
/// Throws Error under Prompting::insist when stdin or stderr is not a terminal.
[[nodiscard]] std::optional<Mode> choose_mode(Prompting prompting, bool plain);

/// One conversation with the user: the interview, then the offers made
/// after the result. Holds the terminal (and its signal handlers) meanwhile.
class Session {
public:
    /// On this process's terminal: keys from stdin, the UI on stderr.
    Session(Mode mode, TextStyle style);
    /// On any terminal (tests script one).
    Session(std::unique_ptr<term::Terminal> terminal, Mode mode, TextStyle style);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    /// Asks every question `given` leaves open (and whose ask_if holds), then
    /// shows a summary to accept or change. Returns `given` plus the answers
    /// from the interview (Origin::interview), without defaults.
    /// Throws Interrupted on Ctrl-C, and Error listing what is still missing
    /// when input ends first.
    [[nodiscard]] Answers ask(const RuleSet& rules, const Answers& given);

    /// Whether ask() put any question to the user.
    [[nodiscard]] bool asked_anything() const { return m_asked; }

    /// A yes/no question; false at end of input or Esc.
    [[nodiscard]] bool confirm(std::string_view question, bool default_yes);
    /// A line of text, `default_text` on a bare Enter; nothing at end of input
    /// or Esc. `problem` is shown first (why the last answer was refused).
    [[nodiscard]] std::optional<std::string> ask_text(std::string_view prompt, std::string_view default_text,
                                                      std::string_view problem = {});
    /// A line of news for the user ("Saved the answers to …").
    void say(std::string_view line);

private:
    std::unique_ptr<term::Terminal> m_terminal;
    Mode m_mode;
    TextStyle m_style;
    bool m_asked = false;
};

/// After the result: offers to save the answers as a flags file for
/// --config (default makeorbuy-answers.toml; never replaces a file, asks
/// again instead). Returns the path written, or nothing.
std::optional<std::string> offer_save_answers(Session& session, const Answers& answers, const RuleSet& rules);

/// Writes a decision record titled `title`, returning its path (the ADR
/// command supplies this); throws Error when it cannot.
using WriteRecord = std::function<std::string(const std::string& title)>;

/// After the result: offers to write a decision record; asks for a title
/// and calls `write_record`, asking again if it throws Error. Returns the
/// path written, or nothing. The hook for `adr new`.
std::optional<std::string> offer_decision_record(Session& session, const WriteRecord& write_record);

} // namespace makeorbuy::interview
