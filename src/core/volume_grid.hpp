#pragma once
// Internal: the monthly volumes the cost model's searches step through
// (break_even.cpp, figures.cpp) and its cost curves draw (cost_curves.cpp):
// 10^3 to 10^10 requests a month, evenly on a log scale.

namespace makeorbuy::detail {

constexpr int k_grid_low_exponent = 3;   // 10^3 requests a month
constexpr int k_grid_high_exponent = 10; // 10^10
/// The searches for break-even and cross-over points: forty volumes a decade, each crossing bisected.
constexpr int k_grid_points_per_decade = 40;

} // namespace makeorbuy::detail
