#pragma once
// The formats of `adr list`, the decisions portfolio: one row per makeorbuy
// record of a check (CheckReport), as a text table, JSON, or a Markdown
// decision log to paste into a wiki.

#include "makeorbuy/render/formats.hpp"
#include "makeorbuy/report/check_report.hpp"

#include <span>
#include <string>

namespace makeorbuy::adr {

using ListRenderer = std::string (*)(const CheckReport& report);

/// text, json, markdown; the first is the default.
[[nodiscard]] std::span<const OutputFormat<ListRenderer>> list_formats();

/// Columns path, status, date, chosen, recommended now, verdict, review-by,
/// findings and title; values neutralised (echo.hpp); then the summary line.
[[nodiscard]] std::string render_list_text(const CheckReport& report);
/// makeorbuy.adr-list/1: a record per row, the same fields, and the problems.
[[nodiscard]] std::string render_list_json(const CheckReport& report);
/// A Markdown table whose cells nothing in a record can break out of.
[[nodiscard]] std::string render_list_markdown(const CheckReport& report);

} // namespace makeorbuy::adr
