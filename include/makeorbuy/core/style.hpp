#pragma once
// How terminal text may look: colour roles and bars, shared by the renderers
// and the interview.

#include <cstddef>
#include <string>
#include <string_view>

namespace makeorbuy {

/// How the terminal text may look.
struct TextStyle {
    bool color = false;  ///< ANSI colours (only on a terminal, never with NO_COLOR)
    bool unicode = true; ///< block characters for bars; ASCII otherwise
    std::size_t width = 80;
};

/// Colour roles; `paint` returns `text` unchanged when colour is off.
enum class Role { headline, heading, good, bad, dim, warn, name };
[[nodiscard]] std::string paint(const TextStyle& style, Role role, std::string_view text);

/// A bar of `fraction` (0..1) of `cells` cells.
[[nodiscard]] std::string bar(const TextStyle& style, double fraction, std::size_t cells);

/// A bar drawn from zero on a scale from `low` (at most 0) to `high` (at
/// least 0) across `cells` cells: a zero line ('│', or '|' in ASCII) at the
/// place of 0, a negative value filling leftwards from it, a positive one
/// rightwards. Bars of one chart share low, high and cells, so they line up.
[[nodiscard]] std::string signed_bar(const TextStyle& style, double value, double low, double high,
                                     std::size_t cells);

} // namespace makeorbuy
