// The scales of the HTML report's charts and the escaping every chart and
// page string goes through.

#include "makeorbuy/render/svg_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace makeorbuy::svg {

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&apos;";
            break;
        default: { // XML 1.0 allows no control character but tab, LF and CR
            const auto u = static_cast<unsigned char>(c);
            out += u < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : c;
        }
        }
    }
    return out;
}

std::string number(double value) {
    if (value == 0) return "0"; // also -0
    return fmt::format("{}", value);
}

double LinearScale::operator()(double value) const {
    return high == low ? from : from + (value - low) / (high - low) * (to - from);
}

LinearScale zero_based(double low, double high, double from, double to) {
    low = std::min(low, 0.0);
    high = std::max(high, 0.0);
    if (low == high) high = 1;
    return LinearScale{low, high, from, to};
}

double LogScale::operator()(double value) const {
    const double a = std::log10(low);
    const double b = std::log10(high);
    const double v = std::log10(std::max(value, low));
    return b == a ? from : from + (v - a) / (b - a) * (to - from);
}

LogScale decades(double low, double high, double from, double to) {
    if (!(low > 0)) low = 1;
    if (!(high > low)) high = low;
    const double a = std::floor(std::log10(low));
    double b = std::ceil(std::log10(high));
    if (b <= a) b = a + 1;
    return LogScale{std::pow(10.0, a), std::pow(10.0, b), from, to};
}

std::vector<double> decade_ticks(const LogScale& scale) {
    std::vector<double> ticks;
    const auto first = static_cast<int>(std::lround(std::log10(scale.low)));
    const auto last = static_cast<int>(std::lround(std::log10(scale.high)));
    for (int e = first; e <= last; ++e)
        ticks.push_back(std::pow(10.0, e));
    return ticks;
}

} // namespace makeorbuy::svg
