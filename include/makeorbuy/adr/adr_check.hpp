#pragma once
// Decision records: re-scoring the records under a folder with today's rules
// and saying where each one no longer follows from its facts (`adr check`).

#include "makeorbuy/analysis/analysis.hpp"
#include "makeorbuy/core/diagnostics.hpp"
#include "makeorbuy/core/rules.hpp"
#include "makeorbuy/report/check_report.hpp"

#include <atomic>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace makeorbuy::adr {

enum class ProposedPolicy { allowed, error };

struct CheckOptions {
    std::string today; ///< YYYY-MM-DD
    ProposedPolicy proposed = ProposedPolicy::allowed;
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

/// The lifecycle of superseded records: each successor a record names
/// (RecordResult::successors) must exist, beside it as a path or in its
/// folder by name or number (successor-missing, an error), and should link
/// back to the record (successor-no-backlink, a warning). Web addresses are
/// not checked. check_files runs it; reads only the successors.
void check_successors(std::vector<RecordResult>& records);

/// Checks every file, on several threads for large sets; results keep the
/// order of `files`, then check_successors. `done` counts finished files (for a progress line).
[[nodiscard]] std::vector<RecordResult> check_files(const std::vector<std::string>& files,
                                                    const RuleSet& rules, const CheckOptions& options,
                                                    Diagnostics& problems, std::atomic<std::size_t>& done);

} // namespace makeorbuy::adr
