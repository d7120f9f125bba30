#pragma once
// Renderers: free functions from the report to text, JSON or Markdown.

#include "makeorbuy/report.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace makeorbuy {

enum class Format { text, json, markdown };

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

[[nodiscard]] std::string render_text(const Report& report, const TextStyle& style);
[[nodiscard]] nlohmann::ordered_json recommendation_json(const Report& report);
[[nodiscard]] std::string render_json(const Report& report);
[[nodiscard]] std::string render_markdown(const Report& report);

/// JSON value of an answer: a string, a number (integral ones without ".0"), or a list.
[[nodiscard]] nlohmann::ordered_json answer_json(const Value& value);

} // namespace makeorbuy
