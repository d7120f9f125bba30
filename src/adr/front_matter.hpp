#pragma once
// Internal to adr/: finding a record's front matter and status without a
// YAML parse, so that files which are not makeorbuy records cost little.

#include <optional>
#include <string>
#include <string_view>

namespace makeorbuy::adr {

/// Where the YAML between the `---` fences sits in a file.
struct FrontMatter {
    std::string_view yaml; ///< without the fences
    int first_line = 2;    ///< file line of the first YAML line
    bool closed = false;   ///< the closing fence was found
    std::size_t body = 0;  ///< offset of the text after the closing fence
};

/// The text without a UTF-8 byte-order mark.
[[nodiscard]] std::string_view strip_bom(std::string_view text);

/// Whether the text opens with a `---` fence (after a byte-order mark).
[[nodiscard]] bool opens_front_matter(std::string_view text);

/// The front matter of `text` (BOM already stripped), if it opens with `---`.
[[nodiscard]] std::optional<FrontMatter> find_front_matter(std::string_view text);

/// Whether the YAML has a top-level `makeorbuy:` key (a line-start scan).
[[nodiscard]] bool mentions_makeorbuy(std::string_view yaml);

/// A status written in the body: MADR 2 and log4brains bullets
/// (`* Status: accepted`, `- Status: accepted`) or a Nygard `## Status`
/// section (its first non-empty line).
struct BodyStatus {
    std::string value;
    int line = 0;
    int column = 0;
};
[[nodiscard]] std::optional<BodyStatus> find_body_status(std::string_view text);

/// A `makeorbuy:` block the check cannot read: one that is not in front
/// matter opening on the file's first line (blank lines or comments before
/// the `---`, or no fence at all), or in a file that is not UTF-8 (UTF-16).
/// Lines in fenced code blocks and HTML comments are not blocks. `line` is
/// the block's line in `text`.
struct StrayBlock {
    int line = 0;
    std::string why;
};
[[nodiscard]] std::optional<StrayBlock> find_stray_block(std::string_view text);

/// What a status means for the check.
enum class StatusKind {
    accepted, ///< the decision is in force
    proposed, ///< proposed or draft
    retired,  ///< superseded, deprecated or rejected: not checked
    other,    ///< anything else ("pending", "in review", none): checked, not accepted
};
/// "superseded by ADR-0005", "Superceded by [2. …](…)", "deprecated",
/// "rejected" are retired; "proposed" and "draft" are proposed; "accepted"
/// (alone or followed by a date or note: "Accepted 2026-01-05") is accepted;
/// the rest, an empty status included, is other. Case is ignored; nothing
/// else is (a combining accent makes another word).
[[nodiscard]] StatusKind classify_status(std::string_view status);

} // namespace makeorbuy::adr
