#pragma once
// What `adr check` found: each record's findings and the run's verdict, the
// model the check's formats (src/render/check_*.cpp) are drawn from.

#include "makeorbuy/core/diagnostics.hpp"
#include "makeorbuy/core/exit_code.hpp"

#include <string>
#include <vector>

namespace makeorbuy::adr {

/// Every kind of finding, each with a stable id used by every output format.
enum class FindingKind {
    malformed,              ///< the makeorbuy block cannot be read
    invalid_answer,         ///< an answer is unknown, invalid or missing
    chosen_excluded,        ///< chosen is ruled out by a hard constraint
    chosen_not_recommended, ///< chosen differs from today's recommendation, no reason given
    chosen_overridden,      ///< chosen differs, with an override-reason
    rules_changed,          ///< recommended differs from today's recommendation
    review_overdue,         ///< review-by has passed
    proposed,               ///< status is proposed, under --no-proposed
    chosen_not_robust,      ///< chosen wins under less than half of the robustness samples
    answers_edited,         ///< recommended differs because the record's answers were edited
    review_due,             ///< review-by falls within the next 30 days (a note)
    successor_missing,      ///< a superseded record's successor link names no existing record
    successor_no_backlink,  ///< the successor does not link back to the record it supersedes
    prices_stale,           ///< a notice: the price table the record was re-scored with is old
};

struct FindingInfo {
    FindingKind kind;
    const char* id;          ///< "chosen-not-recommended"
    const char* summary;     ///< one line
    const char* description; ///< what it means and what to do
};

/// Every finding kind, in a fixed order (SARIF rule indices follow it).
[[nodiscard]] const std::vector<FindingInfo>& finding_infos();
[[nodiscard]] const FindingInfo& info(FindingKind kind);

struct Finding {
    FindingKind kind = FindingKind::malformed;
    Severity severity = Severity::error;
    Location where; ///< the file and the line and column of the key concerned
    std::string message;
};

enum class RecordState {
    checked, ///< a makeorbuy record that was re-scored (findings may be empty)
    skipped, ///< a record whose status takes it out of the check (superseded…)
    other,   ///< not a makeorbuy record (no front matter, no makeorbuy key)
};

/// A successor named by a superseded record: its status (`superseded by
/// ADR-0005`, `Superseded by [5. X](0005-x.md)`) or its `superseded-by` key.
struct SuccessorLink {
    std::string target; ///< as written: a path, a Markdown link target or an identifier
    Location where;     ///< the status or key that names it
};

struct RecordResult {
    std::string path;
    RecordState state = RecordState::other;
    std::string note;   ///< why it was skipped
    std::string status; ///< the record's status as written, lower case, or ""
    std::string chosen;
    std::string recommended_now;           ///< today's recommendation, when scored
    std::string title;                     ///< front matter `title`, else the first `# ` heading, or ""
    std::string date;                      ///< front matter `date`, as written, or ""
    std::string review_by;                 ///< the block's review-by, as written, or ""
    std::vector<SuccessorLink> successors; ///< of a superseded record
    std::vector<Finding> findings;
    /// Findings past the caps (k_max_findings_per_record, cap_findings), counted, not kept.
    std::size_t omitted_errors = 0;
    std::size_t omitted_warnings = 0;

    /// Whether a finding of `severity` was found, kept or not.
    [[nodiscard]] bool has(Severity severity) const;
};

/// At most this many findings of a record are kept; the rest are counted.
constexpr std::size_t k_max_findings_per_record = 100;
/// At most this many findings of a whole check are shown (cap_findings).
constexpr std::size_t k_max_findings_per_check = 10000;

/// Keeps the first `max` findings of `records`, in their order, and counts
/// the rest as omitted: what every output format shows is bounded.
void cap_findings(std::vector<RecordResult>& records, std::size_t max = k_max_findings_per_check);

/// The lowest severity that makes the check fail (exit code 1).
enum class FailOn { error, warning, never };

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
    /// usage if a path could not be read, else findings if a record fails, else ok.
    [[nodiscard]] ExitCode exit_code() const;
};

[[nodiscard]] Outcome outcome(const RecordResult& record);
/// "passed", "warning", "error", "skipped", "other": the word every format prints.
[[nodiscard]] const char* outcome_name(Outcome outcome);
[[nodiscard]] const char* to_string(FailOn fail_on);

} // namespace makeorbuy::adr
