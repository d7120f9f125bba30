// Break-even volumes: dedicated GPUs and fine-tunes are step functions of
// volume, so the crossings are found by a sweep and bisection rather than by
// the closed form of two straight lines.

#include "makeorbuy/core/cost.hpp"

#include "volume_grid.hpp"

#include <algorithm>
#include <cmath>

namespace makeorbuy {

namespace {

using detail::k_grid_high_exponent;
using detail::k_grid_low_exponent;
using detail::k_grid_points_per_decade;
constexpr int k_bisection_steps = 60;
constexpr int k_max_crossings = 3;
// Crossings of one pair whose costs stay this close between them are one range.
constexpr double k_close = 0.10;
// So are crossings this near in volume, whatever the gap: a fleet grows a
// replica or an engineer at a time, so its cost is a staircase that can cross
// a straight line several times within one step of the volume. Listed one
// by one, they read as advice that flips back and forth.
constexpr double k_near_volume = 1.5;

} // namespace

std::vector<BreakEven> break_even_points(const std::vector<const OptionPlan*>& plans,
                                         const CostReport& report, const PriceTable& prices) {
    std::vector<BreakEven> out;
    std::vector<PricedPlan> priced;
    priced.reserve(plans.size());
    const PricedPlan* reference = nullptr;
    for (std::size_t i = 0; i < plans.size(); ++i) {
        priced.emplace_back(*plans[i], report.workload, prices);
        if (report.options[i].option == report.reference) reference = &priced.back();
    }
    const int steps = (k_grid_high_exponent - k_grid_low_exponent) * k_grid_points_per_decade;
    auto exponent = [](int s) {
        return k_grid_low_exponent + static_cast<double>(s) / k_grid_points_per_decade;
    };

    // Each plan's cost at each point of the sweep, worked out once for all pairs.
    std::vector<std::vector<double>> sweep(plans.size(), std::vector<double>(steps + 1));
    for (std::size_t i = 0; i < plans.size(); ++i)
        for (int s = 0; s <= steps; ++s)
            sweep[i][s] = priced[i].monthly_usd(std::pow(10.0, exponent(s)));

    for (std::size_t i = 0; i < plans.size(); ++i) {
        for (std::size_t j = i + 1; j < plans.size(); ++j) {
            auto gap = [&](double log_r) {
                const double r = std::pow(10.0, log_r);
                return priced[i].monthly_usd(r) - priced[j].monthly_usd(r);
            };
            std::vector<BreakEven> crossings;
            std::vector<int> at; // sweep step of each crossing
            int found = 0;
            double left = k_grid_low_exponent;
            double left_gap = sweep[i][0] - sweep[j][0];
            for (int s = 1; s <= steps && found < k_max_crossings; ++s) {
                const double right = exponent(s);
                const double right_gap = sweep[i][s] - sweep[j][s];
                if ((left_gap < 0) != (right_gap < 0) && left_gap != 0) {
                    double a = left;
                    double b = right;
                    for (int k = 0; k < k_bisection_steps; ++k) {
                        const double mid = (a + b) / 2;
                        if (mid <= a || mid >= b) break; // a and b are neighbouring doubles
                        if ((gap(mid) < 0) == (left_gap < 0))
                            a = mid;
                        else
                            b = mid;
                    }
                    BreakEven point;
                    point.requests_per_month = std::pow(10.0, b);
                    // i cheaper below (gap < 0 on the left) means j is cheaper above.
                    point.cheaper_above = left_gap < 0 ? report.options[j].option : report.options[i].option;
                    point.cheaper_below = left_gap < 0 ? report.options[i].option : report.options[j].option;
                    point.tokens_per_month = point.requests_per_month *
                                             (report.workload.tokens_in + report.workload.generated_tokens());
                    if (reference != nullptr)
                        point.reference_usd = reference->monthly_usd(point.requests_per_month);
                    crossings.push_back(point);
                    at.push_back(s);
                    ++found;
                }
                left = right;
                left_gap = right_gap;
            }
            // Merge neighbouring crossings when the two stay close between them.
            auto gap_share = [&](int s) {
                const double low = std::min(sweep[i][s], sweep[j][s]);
                return low > 0 ? std::fabs(sweep[i][s] - sweep[j][s]) / low : 0.0;
            };
            for (std::size_t k = 0; k < crossings.size();) {
                BreakEven merged = crossings[k];
                std::size_t last = k;
                double within = 0;
                while (last + 1 < crossings.size()) {
                    double widest = 0;
                    for (int s = at[last]; s < at[last + 1]; ++s)
                        widest = std::max(widest, gap_share(s));
                    const bool near = crossings[last + 1].requests_per_month <
                                      crossings[last].requests_per_month * k_near_volume;
                    if (widest > k_close && !near) break;
                    within = std::max(within, widest);
                    ++last;
                }
                // Only an odd number of close crossings is one range: it moves the
                // pair from one cheaper option to the other. An even number
                // leaves the same one cheaper on both sides; its crossings stay
                // listed one by one, since the cheaper option inside matters.
                if ((last - k) % 2 == 1) --last;
                if (last > k) {
                    merged.requests_to = crossings[last].requests_per_month;
                    merged.within = within;
                    merged.cheaper_above = crossings[last].cheaper_above;
                }
                out.push_back(merged);
                k = last + 1;
            }
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const BreakEven& a, const BreakEven& b) {
        return a.requests_per_month < b.requests_per_month;
    });
    return out;
}

} // namespace makeorbuy
