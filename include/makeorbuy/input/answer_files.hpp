#pragma once
// Reading answers from flags files (TOML `key = value` lines) and JSON
// answer files, and writing a flags file that reproduces a run.

#include "makeorbuy/core/answers.hpp"
#include "makeorbuy/core/rules.hpp"
#include "makeorbuy/core/source_text.hpp"

#include <string>
#include <vector>

namespace makeorbuy {

/// Parses a flags file: `key = value` lines, `#` comments, strings, numbers,
/// booleans and `[a, b]` arrays (which may span lines), an optional
/// `[default]` section. Syntax problems go to `diagnostics`, located.
[[nodiscard]] std::vector<RawAnswer> parse_flags_file(const SourceText& source, Diagnostics& diagnostics);

/// Parses a JSON answers file: one object of answers, or makeorbuy's own
/// JSON output (its "answers" member is used).
[[nodiscard]] std::vector<RawAnswer> parse_answers_json(const SourceText& source, Diagnostics& diagnostics);

/// Reads FILE by its extension: `.json` as JSON, anything else as a flags file.
[[nodiscard]] std::vector<RawAnswer> read_answers_file(const std::string& path, Diagnostics& diagnostics);

/// A flags file that `--config` reads back to the same answers.
[[nodiscard]] std::string write_flags_file(const Answers& answers, const RuleSet& rules);

} // namespace makeorbuy
