#include "analysis_flags.hpp"
#include "common.hpp"
#include "makeorbuy/adr/adr.hpp"
#include "makeorbuy/core/price_dates.hpp"
#include "makeorbuy/core/prices_loader.hpp"

#include <limits>

namespace makeorbuy::cli {

void add_prices_flag(CLI::App& app, std::string& path) {
    app.add_option("--prices", path,
                   "Price table replacing the built-in rules/prices.json (see rules/PRICES.md)")
        ->type_name("FILE");
}

void add_analysis_flags(CLI::App& app, AnalysisFlags& flags) {
    app.add_option("--samples", flags.samples, "Weightings drawn for the robustness analysis (default 10000)")
        ->check(whole_number(1, 10'000'000))
        ->type_name("N");
    app.add_option("--seed", flags.seed,
                   "Seed of the robustness analysis; the same seed gives the same figures")
        ->check(whole_number(0, std::numeric_limits<std::uint64_t>::max()))
        ->type_name("N");
    app.add_flag("--no-analysis", flags.no_analysis,
                 "Leave out the robustness, tipping-point and cost sections (faster, for scripts)");
    add_prices_flag(app, flags.prices_path);
}

PriceTable active_prices(const std::string& path) {
    return path.empty() ? default_prices() : load_prices_file(path);
}

void date_prices(CostReport& cost) {
    cost.prices_age_days = days_between(cost.oldest_price, adr::today());
}

void attach_analysis(Report& report, const AnalysisFlags& flags) {
    if (flags.no_analysis) return;
    RobustnessSettings settings;
    settings.samples = flags.samples;
    settings.seed = flags.seed;
    report.analysis = analyse(report.answers, *report.rules, settings);
    report.cost = cost_report(report.answers, *report.rules, active_prices(flags.prices_path));
    date_prices(*report.cost);
}

} // namespace makeorbuy::cli
