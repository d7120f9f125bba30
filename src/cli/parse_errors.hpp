#pragma once
// CLI11's parse errors in makeorbuy's words: no library text ("A subcommand
// is required", "1 required TYPE missing", "excludes") reaches a user.

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace makeorbuy::cli {

/// The message for a failed parse of `args` (in command-line order) by
/// `root`, and in `usage` where to read the command's usage.
[[nodiscard]] std::string parse_error_message(const CLI::App& root, const std::vector<std::string>& args,
                                              const CLI::ParseError& error, std::string& usage);

} // namespace makeorbuy::cli
