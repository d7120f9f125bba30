// The terminal through termios: raw mode by RAII with TCSANOW (keys typed
// before it starts are kept), restored on every way out, including fatal
// signals. Signals reach the read loop through a self-pipe.

#include "terminal.hpp"

#include "makeorbuy/core/diagnostics.hpp"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <string_view>
#include <utility>

#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

namespace makeorbuy::term {

namespace {

// Shared with the signal handlers, so plain globals of signal-safe types.
int g_in_fd = -1;
int g_out_fd = -1;
termios g_saved{};
termios g_raw_settings{};
volatile std::sig_atomic_t g_raw_active = 0;
std::array<int, 2> g_pipe{-1, -1};

constexpr std::array<int, 4> k_fatal_signals{SIGTERM, SIGHUP, SIGQUIT, SIGPIPE};
constexpr std::array<int, 3> k_notify_signals{SIGINT, SIGWINCH, SIGCONT};
struct sigaction g_old_actions[NSIG];

// Wait this long for the rest of an escape sequence before taking a lone Esc.
constexpr int k_escape_timeout_ms = 100;

// Bracketed paste on while the interview reads keys, off whenever the
// terminal is given back (a paste into the shell is the shell's business).
constexpr std::string_view k_paste_on = "\x1b[?2004h";
constexpr std::string_view k_paste_off = "\x1b[?2004l";

extern "C" void on_fatal_signal(int signal_number) {
    if (g_raw_active != 0) {
        [[maybe_unused]] const ssize_t written = ::write(g_out_fd, k_paste_off.data(), k_paste_off.size());
        ::tcsetattr(g_in_fd, TCSANOW, &g_saved);
    }
    ::signal(signal_number, SIG_DFL);
    ::raise(signal_number);
}

extern "C" void on_notify_signal(int signal_number) {
    const int saved_errno = errno;
    char code = 'i';
    if (signal_number == SIGWINCH) code = 'w';
    if (signal_number == SIGCONT) {
        code = 'c';
        // Back from a stop (perhaps a shell reset the modes meanwhile).
        if (g_raw_active != 0) {
            ::tcsetattr(g_in_fd, TCSANOW, &g_raw_settings);
            [[maybe_unused]] const ssize_t on = ::write(g_out_fd, k_paste_on.data(), k_paste_on.size());
        }
    }
    [[maybe_unused]] const ssize_t written = ::write(g_pipe[1], &code, 1);
    errno = saved_errno;
}

void install(int signal_number, void (*handler)(int)) {
    struct sigaction action {};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; // no SA_RESTART: poll and read return EINTR
    ::sigaction(signal_number, &action, &g_old_actions[signal_number]);
}

[[noreturn]] void fail(const char* what) {
    throw Error(Location{"<terminal>"}, std::string(what) + ": " + std::strerror(errno));
}

} // namespace

PosixTerminal::PosixTerminal(int in_fd, int out_fd)
    : m_in(in_fd)
    , m_out(out_fd) {
    if (::tcgetattr(m_in, &g_saved) != 0) fail("cannot read the terminal settings");
    g_in_fd = m_in;
    g_out_fd = m_out;
    g_raw_settings = g_saved;
    // No line editing, echo or signal keys (Ctrl-C comes as a byte and the
    // interview decides); Enter arrives as CR; output processing stays on.
    g_raw_settings.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO | ISIG | IEXTEN);
    g_raw_settings.c_iflag &= ~static_cast<tcflag_t>(IXON | ICRNL | INLCR | IGNCR);
    g_raw_settings.c_cc[VMIN] = 1;
    g_raw_settings.c_cc[VTIME] = 0;
    if (::pipe2(g_pipe.data(), O_CLOEXEC | O_NONBLOCK) != 0) fail("cannot create a pipe");
    for (int s : k_fatal_signals)
        install(s, on_fatal_signal);
    for (int s : k_notify_signals)
        install(s, on_notify_signal);
}

PosixTerminal::~PosixTerminal() {
    set_raw(false);
    for (int s : k_fatal_signals)
        ::sigaction(s, &g_old_actions[s], nullptr);
    for (int s : k_notify_signals)
        ::sigaction(s, &g_old_actions[s], nullptr);
    ::close(g_pipe[0]);
    ::close(g_pipe[1]);
    g_pipe = {-1, -1};
    g_in_fd = -1;
    g_out_fd = -1;
}

void PosixTerminal::set_raw(bool raw) {
    if (raw == m_raw) return;
    if (raw) {
        g_raw_active = 1;
        if (::tcsetattr(m_in, TCSANOW, &g_raw_settings) != 0) {
            g_raw_active = 0;
            fail("cannot switch the terminal to raw mode");
        }
        write(k_paste_on);
    } else {
        // Best effort, never a throw: this runs from the destructor too.
        [[maybe_unused]] const ssize_t off = ::write(m_out, k_paste_off.data(), k_paste_off.size());
        ::tcsetattr(m_in, TCSANOW, &g_saved);
        g_raw_active = 0;
    }
    m_raw = raw;
}

void PosixTerminal::suspend() {
    const bool was_raw = m_raw;
    set_raw(false);
    ::raise(SIGTSTP); // default action: stop until SIGCONT
    set_raw(was_raw);
}

void PosixTerminal::write(std::string_view text) {
    while (!text.empty()) {
        const ssize_t n = ::write(m_out, text.data(), text.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return; // the terminal is gone; nothing sensible to do
        text.remove_prefix(static_cast<std::size_t>(n));
    }
}

std::size_t PosixTerminal::width() {
    winsize size{};
    if (::ioctl(m_out, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 80;
}

std::size_t PosixTerminal::height() {
    winsize size{};
    if (::ioctl(m_out, TIOCGWINSZ, &size) == 0 && size.ws_row > 0) return size.ws_row;
    return 24;
}

void PosixTerminal::drain_signals() {
    char code = 0;
    while (::read(g_pipe[0], &code, 1) == 1) {
        if (code == 'i')
            m_events.push_back(Event{EventKind::key, key(KeyCode::interrupt)});
        else if (code == 'w')
            m_events.push_back(Event{EventKind::resize, {}});
        else if (code == 'c')
            m_events.push_back(Event{EventKind::resume, {}});
    }
}

// Waits for input or a signal; false on timeout.
bool PosixTerminal::wait_readable(int timeout_ms) {
    for (;;) {
        std::array<pollfd, 2> fds{pollfd{m_in, POLLIN, 0}, pollfd{g_pipe[0], POLLIN, 0}};
        const int n = ::poll(fds.data(), fds.size(), timeout_ms);
        if (n < 0 && errno == EINTR) {
            drain_signals();
            if (!m_events.empty()) return true;
            continue;
        }
        if (n < 0) fail("cannot wait for input");
        if (fds[1].revents != 0) drain_signals();
        return n > 0;
    }
}

Event PosixTerminal::read_event() {
    for (;;) {
        if (!m_events.empty()) {
            Event event = m_events.front();
            m_events.pop_front();
            return event;
        }
        if (m_end) return Event{EventKind::key, key(KeyCode::end_of_input)};
        const bool unfinished = !m_bytes.empty();
        if (!wait_readable(unfinished ? k_escape_timeout_ms : -1)) {
            // Nothing followed in time: an Esc on its own is the Esc key.
            for (const Key& k : decode_keys(m_bytes, MoreBytes::none).keys)
                m_events.push_back(Event{EventKind::key, k});
            m_bytes.clear();
            continue;
        }
        if (!m_events.empty()) continue;
        std::array<char, 256> buffer{};
        const ssize_t n = ::read(m_in, buffer.data(), buffer.size());
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (n <= 0) {
            // End of input, or the terminal went away (EIO).
            for (const Key& k : decode_keys(m_bytes, MoreBytes::none).keys)
                m_events.push_back(Event{EventKind::key, k});
            m_bytes.clear();
            m_end = true;
            continue;
        }
        m_bytes.append(buffer.data(), static_cast<std::size_t>(n));
        const DecodedKeys decoded = decode_keys(m_bytes, MoreBytes::may_follow);
        for (const Key& k : decoded.keys)
            m_events.push_back(Event{EventKind::key, k});
        m_bytes.erase(0, decoded.used);
    }
}

std::optional<std::string> PosixTerminal::read_line() {
    for (;;) {
        for (const Event& event : m_events)
            if (event.kind == EventKind::key && event.key.code == KeyCode::interrupt) {
                m_events.clear();
                throw Interrupted();
            }
        m_events.clear();
        if (const auto newline = m_line.find('\n'); newline != std::string::npos) {
            std::string line = m_line.substr(0, newline);
            m_line.erase(0, newline + 1);
            if (!line.empty() && line.back() == '\r') line.pop_back();
            return line;
        }
        if (m_end) {
            if (m_line.empty()) return std::nullopt;
            return std::exchange(m_line, {});
        }
        if (!wait_readable(-1) || !m_events.empty()) continue;
        std::array<char, 256> buffer{};
        const ssize_t n = ::read(m_in, buffer.data(), buffer.size());
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (n <= 0)
            m_end = true;
        else
            m_line.append(buffer.data(), static_cast<std::size_t>(n));
    }
}

} // namespace makeorbuy::term
