#pragma once
// Internal to cli/: the flags of the decision analysis and the cost model,
// shared by `recommend` and `cost`.

#include "makeorbuy/analysis/analysis.hpp"
#include "makeorbuy/core/cost.hpp"
#include "makeorbuy/report/report.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace makeorbuy::cli {

struct AnalysisFlags {
    std::uint64_t samples = k_default_samples;
    std::uint64_t seed = k_default_seed;
    bool no_analysis = false;
    std::string prices_path;
};

/// --prices FILE: a price table replacing the embedded rules/prices.json.
void add_prices_flag(CLI::App& app, std::string& path);
/// --samples, --seed, --no-analysis and --prices.
void add_analysis_flags(CLI::App& app, AnalysisFlags& flags);

/// The price table in force: `path`, or the embedded one when empty.
[[nodiscard]] PriceTable active_prices(const std::string& path);

/// Sets the age of the cost report's oldest price from today's date
/// (MAKEORBUY_TODAY when set), so that renderers can say when it is stale.
void date_prices(CostReport& cost);

/// Runs the analyses and the cost model into the report, unless turned off.
void attach_analysis(Report& report, const AnalysisFlags& flags);

} // namespace makeorbuy::cli

namespace makeorbuy::cli {} // namespace makeorbuy::cli
