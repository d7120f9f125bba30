#pragma once
// Reading a rules table from JSON: every problem collected with where it is.
// Apart from rules.hpp so that code using a loaded table does not include
// the JSON parser.

#include "makeorbuy/core/diagnostics.hpp"
#include "makeorbuy/core/json_document.hpp"
#include "makeorbuy/core/rules.hpp"

#include <string>
#include <vector>

namespace makeorbuy {

enum class RuleChecks {
    structure, ///< fields, types, ranges, references, duplicate ids
    full,      ///< also conditions that can never hold and unused questions
};

/// Loads a rules table, collecting every problem in `diagnostics`. Returns the
/// table even when there were errors (as far as it could be read). A
/// question's key may not be one of `reserved_keys`: the command line's own
/// flags, which it reads from its commands (cli::command_flags()).
RuleSet load_rules(const JsonDocument& document, Diagnostics& diagnostics,
                   RuleChecks checks = RuleChecks::full, const std::vector<std::string>& reserved_keys = {});

/// Loads and checks a rules file; throws Error listing every problem.
RuleSet load_rules_file(const std::string& path, const std::vector<std::string>& reserved_keys = {});

} // namespace makeorbuy
