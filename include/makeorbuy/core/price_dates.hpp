#pragma once
// How old the price table is: every figure with its source and date (for
// `prices show`), the date of the oldest price a profile uses, and when a
// table counts as stale. Pure: "today" is always passed in.

#include "makeorbuy/core/cost.hpp"
#include "makeorbuy/core/json_document.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace makeorbuy {

/// A price older than this many days makes the table stale (a notice, not an error).
inline constexpr long k_prices_stale_after_days = 180;

/// Days from `from` to `to` (both YYYY-MM-DD); std::nullopt when either is not such a date.
[[nodiscard]] std::optional<long> days_between(std::string_view from, std::string_view to);

/// Whether a price `age_days` old is stale: more than k_prices_stale_after_days.
[[nodiscard]] constexpr bool prices_stale(long age_days) {
    return age_days > k_prices_stale_after_days;
}

/// One row of the price table: its figures, where they come from and when they were read.
struct PriceFigure {
    std::string section; ///< defaults, volume_patterns, latency_classes, api_models, gpu_offers,
                         ///< serving_profiles, fine_tuning, staffing (id: profile/option)
    std::string id;
    std::vector<std::pair<std::string, double>> values; ///< field name, number (as in the file)
    std::string source;
    std::string date; ///< retrieved_on; empty when the row has none
    std::string tier; ///< quality tier of an API model or serving profile; empty for other rows
};

/// Every row with a figure in a price file (already checked by load_prices),
/// oldest first; rows without a date last, in file order.
[[nodiscard]] std::vector<PriceFigure> price_figures(const nlohmann::json& root);

/// The date of the oldest dated price (API model or GPU offer) that
/// `profile` uses; the table's as_of when none of them is dated.
[[nodiscard]] std::string oldest_price(const PriceTable& prices, const CostProfile& profile);
/// The same for the prices this workload pays: the reference model it
/// names, and batch or cached-input prices where it uses them.
[[nodiscard]] std::string oldest_price(const PriceTable& prices, const CostProfile& profile,
                                       const Workload& workload);
/// The date of the oldest dated API model or GPU offer in the table; as_of when none is dated.
[[nodiscard]] std::string oldest_price(const PriceTable& prices);

} // namespace makeorbuy
