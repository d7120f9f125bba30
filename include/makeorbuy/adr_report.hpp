#pragma once
// Decision records: the results of `adr check` and the formats they are
// written in (text, json, junit, github, sarif, and a step-summary table).

#include "makeorbuy/adr_check.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace makeorbuy::adr {

/// The lowest severity that makes the check fail (exit code 1).
enum class FailOn { error, warning, never };

enum class CheckFormat { text, json, junit, github, sarif };

/// What a record came to, by its worst finding.
enum class Outcome { passed, warning, error, skipped, other };

struct CheckReport {
    std::vector<RecordResult> records;
    std::vector<Diagnostic> problems; ///< unreadable paths (errors), symlink loops (warnings)
    std::string rules_label;
    std::string today;     ///< YYYY-MM-DD
    std::string timestamp; ///< YYYY-MM-DDTHH:MM:SS, local time, for JUnit
    std::string hostname;  ///< for JUnit
    FailOn fail_on = FailOn::error;
    bool list_other = false; ///< text: list every file that is not a record, not only named ones

    /// Whether `finding` is at or above --fail-on.
    [[nodiscard]] bool fails(const Finding& finding) const;
    [[nodiscard]] bool fails(const RecordResult& record) const;
    /// 2 if a path could not be read, else 1 if a record fails, else 0.
    [[nodiscard]] int exit_code() const;
};

[[nodiscard]] Outcome outcome(const RecordResult& record);
[[nodiscard]] const char* to_string(FailOn fail_on);

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

[[nodiscard]] std::string render_check(const CheckReport& report, CheckFormat format);
[[nodiscard]] std::string render_check_text(const CheckReport& report);
[[nodiscard]] std::string render_check_json(const CheckReport& report);
[[nodiscard]] std::string render_check_junit(const CheckReport& report);
[[nodiscard]] std::string render_check_github(const CheckReport& report);
[[nodiscard]] std::string render_check_sarif(const CheckReport& report);

/// The Markdown table appended to $GITHUB_STEP_SUMMARY.
[[nodiscard]] std::string render_step_summary(const CheckReport& report);

} // namespace makeorbuy::adr
