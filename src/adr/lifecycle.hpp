#pragma once
// Internal to adr/: what a record says about its place in the decision log:
// its title, and the successor a superseded record names.

#include <optional>
#include <string>
#include <string_view>

namespace makeorbuy::adr {

/// Whether a status says the record was superseded ("superseded by …",
/// adr-tools' "Superceded by …"), as opposed to deprecated or rejected.
[[nodiscard]] bool is_superseded(std::string_view status);

/// The successor a status names after "superseded by": a Markdown link's
/// target (`Superseded by [5. X](0005-x.md)` -> "0005-x.md"), else the word
/// after "by" (`superseded by ADR-0005` -> "ADR-0005"); nullopt when it names
/// none (a bare "Superseded").
[[nodiscard]] std::optional<std::string> successor_in_status(std::string_view status);

/// The first `# ` heading of a Markdown body, outside code fences, without
/// its marks; nullopt when there is none. When `whole` is false the text is
/// the head of a file, and a heading on its last, unfinished line is not taken.
[[nodiscard]] std::optional<std::string> find_title(std::string_view body, bool whole);

/// The number a record's identifier or file name carries: "ADR-0005" -> 5,
/// "0005-x.md" -> 5, "8-x.md" -> 8, "#5" -> 5; nullopt when none.
[[nodiscard]] std::optional<long long> record_number(std::string_view name);

/// Whether `successor` (a record's text) links back to the record at
/// `record_path`: a line holding "supersedes" (or adr-tools' "Supercedes"),
/// or a `supersedes:` key and its list, that names the record by file name,
/// name without extension, or number.
[[nodiscard]] bool links_back(std::string_view successor, const std::string& record_path);

} // namespace makeorbuy::adr
