#pragma once
// A small terminal interface for the interview, and its POSIX (termios)
// implementation. The interview talks only to Terminal, so tests can script
// it; PosixTerminal reads stdin and writes stderr.

#include "keys.hpp"

#include <deque>
#include <optional>
#include <string>
#include <string_view>

namespace makeorbuy::term {

enum class EventKind {
    key,    ///< Event::key holds it
    resize, ///< the window changed size: draw again from scratch
    resume, ///< back in the foreground after a stop: draw again from scratch
};

struct Event {
    EventKind kind = EventKind::key;
    Key key;
};

class Terminal {
public:
    virtual ~Terminal() = default;
    virtual void write(std::string_view text) = 0;
    /// In raw mode: the next key, resize or resume. Ctrl-C and SIGINT come
    /// as KeyCode::interrupt, end of input (Ctrl-D, a closed terminal) as
    /// KeyCode::end_of_input, every time it is asked again.
    virtual Event read_event() = 0;
    /// In line mode: the next line without its newline, or nothing at end of
    /// input (and every time after). Throws Interrupted on Ctrl-C.
    virtual std::optional<std::string> read_line() = 0;
    /// Columns and rows of the window; 80 x 24 when unknown.
    [[nodiscard]] virtual std::size_t width() = 0;
    [[nodiscard]] virtual std::size_t height() = 0;
    /// Raw mode: keys one by one, unechoed, Ctrl-C as a key. Off: the
    /// terminal as it was found (line mode).
    virtual void set_raw(bool raw) = 0;
    /// Ctrl-Z in raw mode: give the terminal back, stop, take it again on resume.
    virtual void suspend() = 0;
};

/// Raw mode for the life of the guard.
class RawMode {
public:
    explicit RawMode(Terminal& terminal)
        : m_terminal(terminal) {
        m_terminal.set_raw(true);
    }
    ~RawMode() { m_terminal.set_raw(false); }
    RawMode(const RawMode&) = delete;
    RawMode& operator=(const RawMode&) = delete;

private:
    Terminal& m_terminal;
};

/// The process's terminal through two file descriptors (stdin, stderr).
/// One at a time: it installs handlers for SIGINT, SIGTERM, SIGHUP, SIGQUIT
/// (restore the terminal first), SIGWINCH and SIGCONT, and puts the old ones
/// back when destroyed, restoring the terminal settings it found.
class PosixTerminal final : public Terminal {
public:
    PosixTerminal(int in_fd, int out_fd);
    ~PosixTerminal() override;
    PosixTerminal(const PosixTerminal&) = delete;
    PosixTerminal& operator=(const PosixTerminal&) = delete;

    void write(std::string_view text) override;
    Event read_event() override;
    std::optional<std::string> read_line() override;
    std::size_t width() override;
    std::size_t height() override;
    void set_raw(bool raw) override;
    void suspend() override;

private:
    void drain_signals();
    bool wait_readable(int timeout_ms);

    int m_in;
    int m_out;
    bool m_raw = false;
    bool m_end = false;
    std::string m_bytes; ///< raw input not yet decoded (an unfinished sequence)
    std::string m_line;  ///< line-mode input not yet returned
    std::deque<Event> m_events;
};

} // namespace makeorbuy::term
