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
    /// When set: an HTML report that write_record() puts beside the record
    /// (the record's name with .html for .md), linked from the record.
    std::string report_html;
    /// The report's file name as the record links to it (write_record sets it).
    std::string report_file;
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

/// Where a repository keeps its decision records, and how that was found.
struct RecordFolder {
    std::string path; ///< relative to the working directory when inside it
    std::string how;  ///< "named by .adr-dir", "holds 12 numbered records", …
};

/// The folder decision records live in, found the way the common tools do,
/// from the repository root (the nearest folder up from `start` holding
/// `.git`; `start` itself when there is none): adr-tools' `.adr-dir`, then
/// log4brains' `.log4brains.yml` `adrFolder`, then the usual folders
/// (docs/decisions, docs/adr, doc/adr, docs/adrs, adr, …) that hold numbered
/// records (the one holding most), then any folder holding most numbered
/// records, then an existing usual folder, else docs/decisions. A `.adr-dir`
/// or log4brains folder must be a small regular file naming a folder inside
/// the repository: anything else throws Error located in it.
[[nodiscard]] RecordFolder locate_record_folder(const std::string& start);
[[nodiscard]] std::string find_record_folder(const std::string& start);

/// Every existing folder that may hold records under the repository of `start`
/// (for `adr check` with no PATH); empty when there is none. Throws as above.
[[nodiscard]] std::vector<std::string> existing_record_folders(const std::string& start);

/// How a folder names its records: `0001-slug.md`, `ADR-063-slug.md`,
/// `8-slug.md` (counters, with a prefix and a zero padding), or by date:
/// `20210113-slug.md` (log4brains), `2024-09-24-slug.md`.
struct NameStyle {
    enum class Kind { counter, date, iso_date } kind = Kind::counter;
    std::string prefix;                        ///< before the number: "ADR-", ""
    int width = 4;                             ///< zero padding of the number (1: none)
    char separator = '-';                      ///< between the number and the slug
    [[nodiscard]] std::string example() const; ///< "ADR-NNN-title.md"
};

/// The style most of the folder's records use (MADR's NNNN- when it holds
/// none); `detected` says what was seen ("12 records named like 0001-…").
[[nodiscard]] NameStyle detect_name_style(const std::string& folder, std::string& detected);

/// --name-style: a sample name of the style: "0001", "ADR-001", "1",
/// "YYYYMMDD", "YYYY-MM-DD". Throws Error on anything else.
[[nodiscard]] NameStyle parse_name_style(std::string_view text);

/// One more than the highest record number in `folder` in `style` (1 if
/// none). Throws Error when that number is past 999999999.
[[nodiscard]] long long next_number(const std::string& folder, const NameStyle& style);

/// Writes the record to `folder` (created if missing) under the next free
/// name in `style`; never replaces a file. A number is claimed with an
/// exclusive lock file (`.makeorbuy-NNNN.lock`, removed after) so that
/// concurrent writers never share one: a writer that finds it taken moves to
/// the next. Returns the path written.
std::string write_record(const Report& report, const NewRecord& record, const std::string& folder,
                         const NameStyle& style);
/// The same in the folder's detected style.
std::string write_record(const Report& report, const NewRecord& record, const std::string& folder);

/// Today as YYYY-MM-DD: MAKEORBUY_TODAY if set (for reproducible output),
/// else the local date.
[[nodiscard]] std::string today();

/// Whether `text` is a real calendar date written YYYY-MM-DD.
[[nodiscard]] bool is_iso_date(std::string_view text);

/// Days from `from` to `to` (both is_iso_date), negative when `to` is earlier:
/// days_between("2026-11-29", "2026-12-29") == 30.
[[nodiscard]] long days_between(std::string_view from, std::string_view to);

/// A review-by this many days ahead of today or fewer is due (a note).
constexpr long k_review_due_days = 30;

} // namespace makeorbuy::adr
