#pragma once
// Refreshing a price table's API models from LiteLLM's public model-price
// table (model_prices_and_context_window.json), read from a file the user
// downloaded: no network. Pure: the text in, the new table's text out.

#include "makeorbuy/core/cost.hpp"
#include "makeorbuy/core/diagnostics.hpp"
#include "makeorbuy/core/json_document.hpp"

#include <string>
#include <vector>

namespace makeorbuy {

/// One API model of the table as the import found it in LiteLLM's.
struct PriceChange {
    std::string model; ///< the id in prices.json
    std::string key;   ///< the key in LiteLLM's table
    double old_input = 0;
    double old_output = 0;
    double new_input = 0;
    double new_output = 0;
    std::string old_date;

    [[nodiscard]] bool price_changed() const { return old_input != new_input || old_output != new_output; }
};

struct LitellmImport {
    std::vector<PriceChange> found;   ///< models found in LiteLLM's table, in the table's order
    std::vector<PriceChange> missing; ///< models whose key is absent (only model, key and old figures set)
    std::size_t ignored = 0;          ///< LiteLLM entries no model of the table names
    std::string prices_json;          ///< the new price file, as written
};

/// The key an API model has in LiteLLM's table: its `litellm_key`, or its id.
[[nodiscard]] const std::string& litellm_key(const ApiModel& model);

/// Updates the API models of `prices` (the table `prices_file` loads to)
/// from `litellm`: each model whose key is there gets its
/// `input_cost_per_token` and `output_cost_per_token`, a source naming the
/// key and `source_name`, and `retrieved_on` = `today`; every other entry is
/// ignored. A matched entry that is not an object or lacks a valid price is
/// an error at its FILE:LINE:COLUMN in `diagnostics`. The new file is the old
/// one with only those fields changed (key order kept), and loads again.
[[nodiscard]] LitellmImport import_litellm(const JsonDocument& prices_file, const PriceTable& prices,
                                           const JsonDocument& litellm, const std::string& source_name,
                                           const std::string& today, Diagnostics& diagnostics);

/// The report of an import, one line per model: old → new prices (USD per
/// million tokens) and dates. Model ids and keys are neutralised.
[[nodiscard]] std::string describe_import(const LitellmImport& result, const std::string& today);

} // namespace makeorbuy
