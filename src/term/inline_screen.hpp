#pragma once
// Internal to term/: draws a frame in place below what the terminal already
// shows (no alternate screen, so the scrollback keeps the history), and
// redraws it exactly because no frame line ever wraps.

#include "interview_view.hpp"
#include "terminal.hpp"

#include <string>
#include <vector>

namespace makeorbuy::interview {

class InlineScreen {
public:
    explicit InlineScreen(term::Terminal& terminal)
        : m_terminal(terminal) {}

    /// Replaces the frame on screen with `frame` and puts the cursor where it says.
    void draw(const Frame& frame);
    /// Replaces the frame with `line`, which stays above the next frame;
    /// `tag` names it for uncommit.
    void commit(const std::string& line, const std::string& tag);
    /// Removes the last committed line if it is tagged `tag` and still right
    /// above the frame (going back to a question takes its line away).
    void uncommit(const std::string& tag);
    /// Removes the frame; the cursor goes where it began.
    void erase();
    /// Clears the window (after a resize or a stop) and draws from the top.
    void clear();

private:
    std::string to_frame_start() const;

    term::Terminal& m_terminal;
    std::size_t m_cursor_row = 0;         ///< row of the cursor within the frame
    std::vector<std::string> m_committed; ///< tags of the committed lines known to sit above the frame
};

} // namespace makeorbuy::interview
