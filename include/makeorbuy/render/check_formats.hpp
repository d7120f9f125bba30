#pragma once
// The formats of `adr check`: text and JSON for people and tools
// (check_report.cpp), JUnit, GitHub workflow commands and SARIF for CI
// systems (check_ci_formats.cpp), GitLab Code Quality (check_gitlab.cpp),
// and the GitHub step summary.

#include "makeorbuy/render/formats.hpp"
#include "makeorbuy/report/check_report.hpp"

#include <span>
#include <string>
#include <string_view>

namespace makeorbuy::adr {

using CheckRenderer = std::string (*)(const CheckReport& report);

/// The rows of check_formats(), in its order.
enum class CheckFormat { text, json, junit, github, sarif, gitlab };

/// text, json, junit, github, sarif, gitlab; the first is the default.
[[nodiscard]] std::span<const OutputFormat<CheckRenderer>> check_formats();
/// The report in one of check_formats().
[[nodiscard]] std::string render_check(const CheckReport& report, CheckFormat format);

[[nodiscard]] std::string render_check_text(const CheckReport& report);
[[nodiscard]] std::string render_check_json(const CheckReport& report);
[[nodiscard]] std::string render_check_junit(const CheckReport& report);
[[nodiscard]] std::string render_check_github(const CheckReport& report);
[[nodiscard]] std::string render_check_sarif(const CheckReport& report);
/// GitLab Code Quality JSON: description, check_name, fingerprint (stable
/// across runs: file, finding id and position), severity, location.
[[nodiscard]] std::string render_check_gitlab(const CheckReport& report);

/// The Markdown table appended to $GITHUB_STEP_SUMMARY.
[[nodiscard]] std::string render_step_summary(const CheckReport& report);

/// "4 records checked: 1 with errors, 1 with warnings, 2 passed; 1 skipped (status); 9 other files"
[[nodiscard]] std::string summary_line(const CheckReport& report);

/// "... and 199,980 more errors in this record (...)" when findings of the
/// record were not kept (RecordResult::omitted_*); "" when none.
[[nodiscard]] std::string omitted_findings_text(const RecordResult& record);

/// Text as a Markdown code span that nothing in it can end ("`a`b`" -> "`` a`b ``"),
/// with pipes escaped for a table cell; neutralised (echo.hpp).
[[nodiscard]] std::string markdown_code(std::string_view text);
/// Text as Markdown prose that renders as itself: no HTML, links, emphasis or
/// cell breaks; neutralised.
[[nodiscard]] std::string markdown_text(std::string_view text);

/// "... and 199,980 more errors in this record (...)" when findings of the
/// record were not kept (RecordResult::omitted_*); "" when none.
[[nodiscard]] std::string omitted_findings_text(const RecordResult& record);

/// Text as a Markdown code span that nothing in it can end ("`a`b`" -> "`` a`b ``"),
/// with pipes escaped for a table cell; neutralised (echo.hpp).
[[nodiscard]] std::string markdown_code(std::string_view text);
/// Text as Markdown prose that renders as itself: no HTML, links, emphasis or
/// cell breaks; neutralised.
[[nodiscard]] std::string markdown_text(std::string_view text);

} // namespace makeorbuy::adr
