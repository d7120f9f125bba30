#pragma once
// Renderers: free functions from the report to text, JSON or Markdown.

#include "makeorbuy/core/style.hpp"
#include "makeorbuy/report/report.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace makeorbuy {

[[nodiscard]] std::string render_text(const Report& report, const TextStyle& style);
[[nodiscard]] nlohmann::ordered_json recommendation_json(const Report& report);
[[nodiscard]] std::string render_json(const Report& report);
[[nodiscard]] std::string render_markdown(const Report& report);
/// One self-contained HTML page (inline SVG charts, no script, nothing fetched).
[[nodiscard]] std::string render_html(const Report& report);

/// JSON value of an answer: a string, a number (integral ones without ".0"), or a list.
[[nodiscard]] nlohmann::ordered_json answer_json(const Value& value);

} // namespace makeorbuy
