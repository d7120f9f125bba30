// prices import litellm: the API models of a price table refreshed from
// LiteLLM's model-price table. Only the models the table names are read from
// it; the rest of LiteLLM's (thousands of entries) is ignored unread.

#include "makeorbuy/core/litellm_import.hpp"

#include "makeorbuy/core/echo.hpp"

#include <fmt/format.h>

#include <set>

namespace makeorbuy {

namespace {

using ordered = nlohmann::ordered_json;

// A LiteLLM price field of a matched entry: a number from 0 to 1 USD a token.
std::optional<double> price_field(const JsonDocument& litellm, const nlohmann::json& entry,
                                  const std::string& at, const char* field, const std::string& key,
                                  Diagnostics& diagnostics) {
    auto it = entry.find(field);
    if (it == entry.end()) {
        diagnostics.error(litellm.key_location(at),
                          fmt::format("'{}' has no '{}'; the import needs both token prices of each model "
                                      "it updates (or remove the model's litellm_key)",
                                      key, field));
        return std::nullopt;
    }
    const std::string place = pointer_append(at, field);
    if (!it->is_number() || it->get<double>() < 0 || it->get<double>() > 1) {
        diagnostics.error(litellm.value_location(place),
                          fmt::format("'{}' must be a number of USD per token from 0 to 1", field));
        return std::nullopt;
    }
    return it->get<double>();
}

std::string per_million(double usd_per_token) {
    return fmt::format("${:g}", usd_per_token * 1e6);
}

} // namespace

const std::string& litellm_key(const ApiModel& model) {
    return model.litellm_key.empty() ? model.id : model.litellm_key;
}

LitellmImport import_litellm(const JsonDocument& prices_file, const PriceTable& prices,
                             const JsonDocument& litellm, const std::string& source_name,
                             const std::string& today, Diagnostics& diagnostics) {
    LitellmImport result;
    const nlohmann::json& root = litellm.root();
    if (!root.is_object()) {
        diagnostics.error(litellm.value_location(""),
                          "LiteLLM's price table is one JSON object keyed by model name");
        return result;
    }
    // The new file keeps the old one's key order: only the changed fields differ.
    ordered out = ordered::parse(prices_file.source().text());
    std::set<std::string> used;
    for (const ApiModel& model : prices.api_models) {
        PriceChange change{.model = model.id,
                           .key = litellm_key(model),
                           .old_input = model.input_per_token,
                           .old_output = model.output_per_token,
                           .new_input = 0,
                           .new_output = 0,
                           .old_date = model.retrieved_on};
        auto entry = root.find(change.key);
        if (entry == root.end()) {
            result.missing.push_back(std::move(change));
            continue;
        }
        used.insert(change.key);
        const std::string at = pointer_append("", change.key);
        if (!entry->is_object()) {
            diagnostics.error(litellm.value_location(at),
                              fmt::format("'{}' must be an object with the model's prices", change.key));
            continue;
        }
        const auto input = price_field(litellm, *entry, at, "input_cost_per_token", change.key, diagnostics);
        const auto output =
            price_field(litellm, *entry, at, "output_cost_per_token", change.key, diagnostics);
        if (!input || !output) continue;
        change.new_input = *input;
        change.new_output = *output;
        ordered& row = out["api_models"][model.id];
        row["input_cost_per_token"] = *input;
        row["output_cost_per_token"] = *output;
        row["source"] =
            fmt::format("LiteLLM model_prices_and_context_window.json ({}), key {}", source_name, change.key);
        row["retrieved_on"] = today;
        result.found.push_back(std::move(change));
    }
    for (const auto& [key, value] : root.items())
        if (used.count(key) == 0) ++result.ignored;
    if (!result.found.empty()) out["as_of"] = today;
    result.prices_json = out.dump(2) + "\n";
    return result;
}

std::string describe_import(const LitellmImport& result, const std::string& today) {
    std::string text;
    std::size_t changed = 0;
    for (const PriceChange& c : result.found) {
        const bool moved = c.price_changed();
        changed += moved ? 1 : 0;
        auto price = [](double before, double after) {
            return before == after ? fmt::format("{} (unchanged)", per_million(after))
                                   : fmt::format("{} → {}", per_million(before), per_million(after));
        };
        text += fmt::format("  {}{}: input {}, output {} per million tokens; dated {} → {}\n", shown(c.model),
                            c.key == c.model ? "" : fmt::format(" (LiteLLM {})", shown(c.key)),
                            price(c.old_input, c.new_input), price(c.old_output, c.new_output),
                            c.old_date.empty() ? "never" : shown(c.old_date), today);
    }
    for (const PriceChange& c : result.missing)
        text += fmt::format("  {}: not in the file (LiteLLM key {}); kept at input {}, output {} per million "
                            "tokens, dated {}\n",
                            shown(c.model), shown(c.key), per_million(c.old_input), per_million(c.old_output),
                            c.old_date.empty() ? "never" : shown(c.old_date));
    return fmt::format(
        "{} API models found: {} with new prices, {} confirmed; {} not found; {} other entries "
        "ignored.\n{}",
        result.found.size(), changed, result.found.size() - changed, result.missing.size(), result.ignored,
        text);
}

} // namespace makeorbuy
