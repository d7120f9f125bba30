// Each option's monthly cost over a sweep of volumes: the series a chart of
// cost against volume draws, worked out once with the rest of the cost section.

#include "makeorbuy/core/cost.hpp"

#include "volume_grid.hpp"

#include <algorithm>
#include <cmath>

namespace makeorbuy {

namespace {

using detail::k_grid_high_exponent;
using detail::k_grid_low_exponent;
// A chart needs fewer points than a search: four a decade.
constexpr int k_curve_points_per_decade = 4;

} // namespace

CostCurves cost_curves(const std::vector<const OptionPlan*>& plans, const CostReport& report,
                       const PriceTable& prices) {
    CostCurves curves;
    const double now = report.workload.requests_per_month;
    const int steps = (k_grid_high_exponent - k_grid_low_exponent) * k_curve_points_per_decade;
    for (int s = 0; s <= steps; ++s) {
        const double volume =
            std::pow(10.0, k_grid_low_exponent + static_cast<double>(s) / k_curve_points_per_decade);
        // The answers' own volume goes in at its place, once.
        if (now > 0 && !curves.current && now <= volume) {
            curves.current = curves.requests_per_month.size();
            if (now < volume) curves.requests_per_month.push_back(now);
        }
        curves.requests_per_month.push_back(volume);
    }
    if (now > 0 && !curves.current) {
        curves.current = curves.requests_per_month.size();
        curves.requests_per_month.push_back(now);
    }

    for (std::size_t i = 0; i < plans.size(); ++i) {
        CostCurves::Series series;
        series.option = report.options[i].option;
        const PricedPlan priced(*plans[i], report.workload, prices);
        for (const double volume : curves.requests_per_month) {
            series.monthly_usd.push_back(priced.monthly_usd(volume));
            if (const std::optional<double> alternative = priced.alternative_usd(volume))
                series.alternative_usd.push_back(*alternative);
        }
        curves.series.push_back(std::move(series));
    }
    return curves;
}

} // namespace makeorbuy
