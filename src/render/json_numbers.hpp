#pragma once
// Internal to render/: how amounts are written in JSON, so that the cost
// section and the routing plan print the same figure to the same cent.

#include <cmath>

namespace makeorbuy::render_detail {

/// Dollars rounded to the cent; never "-0".
inline double cents(double usd) {
    const double rounded = std::round(usd * 100) / 100;
    return rounded == 0 ? 0.0 : rounded;
}

} // namespace makeorbuy::render_detail
