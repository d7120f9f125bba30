#pragma once
// Reading a price table from JSON: every problem collected with where it is.

#include "makeorbuy/core/cost.hpp"
#include "makeorbuy/core/diagnostics.hpp"
#include "makeorbuy/core/json_document.hpp"

#include <string>

namespace makeorbuy {

/// Reads a price table, collecting every problem (FILE:LINE:COLUMN) in
/// `diagnostics`, including references to rows that do not exist.
PriceTable load_prices(const JsonDocument& document, Diagnostics& diagnostics);
/// Loads a price file; throws Error listing every problem.
PriceTable load_prices_file(const std::string& path);

} // namespace makeorbuy
