#pragma once
// Decision records: re-scoring the records under a folder with today's rules
// and saying where each one no longer follows from its facts (`adr check`).

#include "makeorbuy/analysis.hpp"
#include "makeorbuy/diagnostics.hpp"
#include "makeorbuy/rules.hpp"

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
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

struct RecordResult {
    std::string path;
    RecordState state = RecordState::other;
    std::string note;   ///< why it was skipped
    std::string status; ///< the record's status as written, lower case, or ""
    std::string chosen;
    std::string recommended_now; ///< today's recommendation, when scored
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

enum class ProposedPolicy { allowed, error };

/// The robustness draws the records of one check share, made when the first
/// record needs them (thread-safe).
class SharedDraws {
public:
    [[nodiscard]] const WeightDraws& get(std::size_t rules);

private:
    std::once_flag m_once;
    std::unique_ptr<WeightDraws> m_draws;
};

struct CheckOptions {
    std::string today; ///< YYYY-MM-DD
    ProposedPolicy proposed = ProposedPolicy::allowed;
    /// Robustness draws to share between records; check_files provides them
    /// when this is null.
    SharedDraws* draws = nullptr;
    /// Findings kept so far by the whole check: past a bound (ten times what
    /// is shown) records keep none, so that memory stays bounded. Provided by
    /// check_files when null.
    std::atomic<std::size_t>* kept = nullptr;
};

/// Checks one file's text. Never throws for anything in `text`.
[[nodiscard]] RecordResult check_text(const std::string& path, std::string_view text, const RuleSet& rules,
                                      const CheckOptions& options);

/// check_text for the head of a file, when the head holds the whole front
/// matter: nullopt when the verdict needs the rest of the file (a record with
/// no status in its front matter, whose status is written in the body).
[[nodiscard]] std::optional<RecordResult> check_head(const std::string& path, std::string_view head,
                                                     const RuleSet& rules, const CheckOptions& options);

/// Reads and checks one file; unreadable files become diagnostics.
[[nodiscard]] RecordResult check_file(const std::string& path, const RuleSet& rules,
                                      const CheckOptions& options, Diagnostics& problems);

/// The files to check under `paths`: files as given, folders walked for
/// Markdown (.md, .markdown, .mdx), skipping hidden folders and
/// node_modules, following symlinks once. Symlink loops and unreadable or
/// missing paths go to `problems` as errors (the rest is still checked).
/// Sorted per folder.
[[nodiscard]] std::vector<std::string> collect_files(const std::vector<std::string>& paths,
                                                     Diagnostics& problems);

/// Checks every file, on several threads for large sets; results keep the
/// order of `files`. `done` counts finished files (for a progress line).
[[nodiscard]] std::vector<RecordResult> check_files(const std::vector<std::string>& files,
                                                    const RuleSet& rules, const CheckOptions& options,
                                                    Diagnostics& problems, std::atomic<std::size_t>& done);

} // namespace makeorbuy::adr
