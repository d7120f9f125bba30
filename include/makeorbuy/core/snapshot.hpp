#pragma once
// A compact binary image of a loaded rules table or price table. The build
// makes one of each embedded JSON file (src/tools/snapshot.cpp, after the
// full checks), so that start-up reads its tables back without parsing JSON:
// parsing them took half of a `recommend` run.

#include "makeorbuy/core/cost.hpp"
#include "makeorbuy/core/rules.hpp"

#include <string>
#include <string_view>

namespace makeorbuy {

[[nodiscard]] std::string snapshot_of(const RuleSet& rules);
[[nodiscard]] std::string snapshot_of(const PriceTable& prices);

/// Read a snapshot back; throws Error naming `name` when the bytes are not a
/// complete snapshot of that kind made by this version of the code.
[[nodiscard]] RuleSet rules_from_snapshot(std::string_view bytes, const std::string& name);
[[nodiscard]] PriceTable prices_from_snapshot(std::string_view bytes, const std::string& name);

} // namespace makeorbuy
