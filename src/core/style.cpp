#include "makeorbuy/core/style.hpp"

#include <fmt/color.h>

#include <algorithm>
#include <cmath>

namespace makeorbuy {

std::string paint(const TextStyle& style, Role role, std::string_view text) {
    if (!style.color) return std::string(text);
    // 16-colour codes only: they render everywhere, tmux captures included.
    fmt::text_style ts;
    switch (role) {
    case Role::headline:
        ts = fmt::emphasis::bold | fmt::fg(fmt::terminal_color::bright_green);
        break;
    case Role::heading:
        ts = fmt::emphasis::bold;
        break;
    case Role::good:
        ts = fmt::fg(fmt::terminal_color::green);
        break;
    case Role::bad:
        ts = fmt::fg(fmt::terminal_color::red);
        break;
    case Role::dim:
        ts = fmt::emphasis::faint;
        break;
    case Role::warn:
        ts = fmt::fg(fmt::terminal_color::yellow);
        break;
    case Role::name:
        ts = fmt::emphasis::bold;
        break;
    }
    return fmt::format(ts, "{}", text);
}

std::string bar(const TextStyle& style, double fraction, std::size_t cells) {
    if (!(fraction > 0)) return {};
    fraction = std::min(fraction, 1.0);
    const auto eighths = static_cast<std::size_t>(std::lround(fraction * static_cast<double>(cells) * 8.0));
    std::string out;
    if (!style.unicode) return std::string((eighths + 4) / 8, '#');
    static const char* const partial[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    for (std::size_t i = 0; i < eighths / 8; ++i)
        out += "█";
    out += partial[eighths % 8];
    return out;
}

std::string signed_bar(const TextStyle& style, double value, double low, double high, std::size_t cells) {
    low = std::min(low, 0.0);
    high = std::max(high, 0.0);
    const double span = high - low;
    const double per_cell = span > 0 ? span / static_cast<double>(cells) : 1.0;
    // Cells left of the zero line: room for the most negative bar.
    const auto left = static_cast<std::size_t>(std::lround(-low / per_cell));
    const char* axis = style.unicode ? "│" : "|";
    if (value < 0) {
        // Right-aligned eighths do not exist; halves do ('▐'). The longest
        // bar fills its cells whole.
        const auto halves = static_cast<std::size_t>(std::lround(-value / per_cell * 2.0));
        const std::size_t used = std::min(left, (halves + 1) / 2);
        const bool half = style.unicode && halves % 2 == 1 && (halves + 1) / 2 <= left;
        std::string out(left - used, ' ');
        if (!style.unicode) return out + std::string(used, '#') + axis;
        if (half) out += "▐";
        for (std::size_t i = half ? 1 : 0; i < used; ++i)
            out += "█";
        return out + axis;
    }
    const std::size_t right = cells > left ? cells - left : 0;
    const double fraction = high > 0 ? value / high : 0.0;
    return std::string(left, ' ') + axis + bar(style, fraction, right);
}

} // namespace makeorbuy
