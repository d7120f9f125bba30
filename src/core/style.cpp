#include "makeorbuy/core/style.hpp"

#include <fmt/color.h>

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

} // namespace makeorbuy
