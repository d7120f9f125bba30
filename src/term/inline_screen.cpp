#include "inline_screen.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace makeorbuy::interview {

namespace {
constexpr const char* k_clear_below = "\x1b[J";
}

std::string InlineScreen::to_frame_start() const {
    std::string out = "\r";
    if (m_cursor_row > 0) out += fmt::format("\x1b[{}A", m_cursor_row);
    return out;
}

void InlineScreen::draw(const Frame& frame) {
    // A frame taller than the window shows the rows around the cursor.
    const std::size_t rows = std::max<std::size_t>(m_terminal.height(), 3) - 1;
    std::size_t first = 0;
    if (frame.lines.size() > rows && frame.cursor_row >= rows) first = frame.cursor_row - rows + 1;
    const std::size_t last = std::min(frame.lines.size(), first + rows);

    std::string out = to_frame_start() + k_clear_below;
    for (std::size_t i = first; i < last; ++i) {
        if (i != first) out += "\r\n";
        out += frame.lines[i];
    }
    const std::size_t cursor_row = frame.cursor_row - first;
    if (last - first > cursor_row + 1) out += fmt::format("\x1b[{}A", last - first - cursor_row - 1);
    out += "\r";
    if (frame.cursor_column > 0) out += fmt::format("\x1b[{}C", frame.cursor_column);
    m_terminal.write(out);
    m_cursor_row = cursor_row;
}

void InlineScreen::commit(const std::string& line, const std::string& tag) {
    m_terminal.write(to_frame_start() + k_clear_below + line + "\r\n");
    m_cursor_row = 0;
    m_committed.push_back(tag);
}

void InlineScreen::uncommit(const std::string& tag) {
    if (m_committed.empty() || m_committed.back() != tag) return;
    m_terminal.write(to_frame_start() + k_clear_below + "\x1b[1A\r" + k_clear_below);
    m_cursor_row = 0;
    m_committed.pop_back();
}

void InlineScreen::erase() {
    m_terminal.write(to_frame_start() + k_clear_below);
    m_cursor_row = 0;
}

void InlineScreen::clear() {
    m_terminal.write("\x1b[H\x1b[2J");
    m_cursor_row = 0;
    m_committed.clear();
}

} // namespace makeorbuy::interview
