#pragma once
// Internal to cli/: where `adr check` writes each format (--format FMT[=PATH]),
// and the rule that a report never replaces anything but an earlier report.

#include "makeorbuy/render/check_formats.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace makeorbuy::cli {

struct CheckOutput {
    adr::CheckFormat format = adr::CheckFormat::text;
    std::string path; ///< empty: stdout
};

/// Parses every --format value ("github", "sarif=out.sarif"); at most one goes
/// to stdout; text when none is given. Throws Error listing every problem.
[[nodiscard]] std::vector<CheckOutput> parse_check_outputs(const std::vector<std::string>& specs);

enum class ReplacePolicy { earlier_report, force };

/// Refuses (throws Error) a report file that would replace an input (a file
/// named or found under the paths, or a path given), something other than a
/// regular file, or - unless `force` - an existing file that is not an
/// earlier report of the same format.
void refuse_unsafe_outputs(const std::vector<CheckOutput>& outputs, const std::vector<std::string>& inputs,
                           ReplacePolicy policy);

/// Whether a file whose first and last few kB are `head` and `tail` is a
/// report makeorbuy wrote in `format`.
[[nodiscard]] bool looks_like_report(std::string_view head, std::string_view tail, adr::CheckFormat format);

} // namespace makeorbuy::cli
