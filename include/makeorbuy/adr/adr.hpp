#pragma once
// Decision records: writing a MADR 4 record that carries the answers, the
// recommendation and the team's choice (`makeorbuy adr new`).

#include "makeorbuy/report/report.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace makeorbuy::adr {

/// What a new record says beyond the report: its title and the team's choice.
struct NewRecord {
    std::string title;
    std::string status = "proposed";
    std::string chosen;          ///< option id; empty means the recommendation
    std::string override_reason; ///< required when `chosen` differs from the recommendation
    std::string review_by;       ///< YYYY-MM-DD or empty
    std::string date;            ///< YYYY-MM-DD: the day the record is written
    /// Conditions under which the decision should be revisited, one sentence
    /// each (the "what would change this" analysis fills it). Empty: no section.
    std::vector<std::string> revisit_if;
};

/// Checks what the user asked for against the report: `chosen` must be an
/// option, not ruled out, and carry an override reason when it differs from
/// the recommendation; dates must be YYYY-MM-DD. Fills `chosen` when empty.
/// Throws Error listing every problem.
void settle_choice(NewRecord& record, const Report& report);

/// The whole record: MADR 4 front matter with the `makeorbuy` block, then the
/// body. `number` is the record's number (shown in no heading: MADR puts it in
/// the file name only). Deterministic: same input, same bytes.
[[nodiscard]] std::string render_record(const Report& report, const NewRecord& record);

/// The "Revisit if" section for `conditions` ("" when there are none).
[[nodiscard]] std::string render_revisit_section(const std::vector<std::string>& conditions);

/// "Use a frontier API for support triage" -> "use-a-frontier-api-for-support-triage".
[[nodiscard]] std::string slugify(std::string_view title);

/// The folder decision records live in, as interface.md says: `.adr-dir`,
/// else an existing `docs/adr` or `doc/adr`, else `docs/decisions`, each
/// relative to the repository root found from `start` (the nearest folder
/// holding `.git`; `start` itself when there is none).
[[nodiscard]] std::string find_record_folder(const std::string& start);

/// Every existing folder that may hold records under the repository of `start`
/// (for `adr check` with no PATH); empty when there is none.
[[nodiscard]] std::vector<std::string> existing_record_folders(const std::string& start);

/// One more than the highest `NNNN-` prefix of a file in `folder` (1 if none).
[[nodiscard]] int next_number(const std::string& folder);

/// Writes the record to `folder` (created if missing) as NNNN-slug.md with
/// the next free number; never replaces a file, retrying the next number if
/// another writer took it first. Returns the path written.
std::string write_record(const Report& report, const NewRecord& record, const std::string& folder);

/// Today as YYYY-MM-DD: MAKEORBUY_TODAY if set (for reproducible output),
/// else the local date.
[[nodiscard]] std::string today();

/// Whether `text` is a real calendar date written YYYY-MM-DD.
[[nodiscard]] bool is_iso_date(std::string_view text);

} // namespace makeorbuy::adr
