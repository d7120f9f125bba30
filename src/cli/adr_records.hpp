#pragma once
// Internal to cli/: the walk `adr check` and `adr list` share: where the
// records are, and each one re-scored with today's rules.

#include "makeorbuy/adr/adr_check.hpp"
#include "makeorbuy/core/diagnostics.hpp"
#include "makeorbuy/report/check_report.hpp"

#include <string>
#include <vector>

namespace makeorbuy::cli {

/// The paths to read: `given`, or (when empty) the repository's record
/// folders, which may be none.
[[nodiscard]] std::vector<std::string> record_paths(const std::vector<std::string>& given);

/// Checks `files` with the active rules, with a progress line on a terminal
/// for a large tree; unreadable files go to `problems`.
[[nodiscard]] std::vector<adr::RecordResult> check_with_progress(const std::vector<std::string>& files,
                                                                 const adr::CheckOptions& check,
                                                                 Diagnostics& problems);

/// Timestamp and host name for JUnit (fixed under MAKEORBUY_TODAY).
void stamp(adr::CheckReport& report);

/// Whether the report holds no makeorbuy record (checked or skipped).
[[nodiscard]] bool no_records(const adr::CheckReport& report);

} // namespace makeorbuy::cli
