#pragma once
// Inline SVG charts for the HTML report: scales that keep charts honest (bars
// start at zero, volumes on whole decades), and charts that carry their own
// text alternative (a title, a description and the data as a table). Every
// string given is escaped here; callers pass plain text.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace makeorbuy::svg {

/// `text` with &, <, >, " and ' escaped and the control characters XML 1.0
/// refuses (all but tab, LF and CR) as spaces: safe in HTML, SVG and XML text
/// and attributes (the HTML report, and JUnit for adr check).
[[nodiscard]] std::string escape(std::string_view text);

/// A number for a coordinate or a data attribute: the shortest text that
/// reads back to the same double, "-0" written as "0".
[[nodiscard]] std::string number(double value);

/// Maps [low, high] onto [from, to] in a straight line.
struct LinearScale {
    double low = 0;
    double high = 1;
    double from = 0;
    double to = 1;
    [[nodiscard]] double operator()(double value) const;
};

/// A scale for bars drawn from zero: the domain is widened to hold 0 and the
/// values from `low` to `high`, so that 0 sits inside it (at `from` when
/// nothing is negative, at `to` when nothing is positive). An empty domain
/// becomes [0, 1].
[[nodiscard]] LinearScale zero_based(double low, double high, double from, double to);

/// Maps [low, high] (both above 0) onto [from, to] by their logarithms.
struct LogScale {
    double low = 1;
    double high = 10;
    double from = 0;
    double to = 1;
    [[nodiscard]] double operator()(double value) const;
};

/// A log scale over whole decades: `low` rounded down and `high` rounded up
/// to powers of ten (values at or below 0 are left out of the domain).
[[nodiscard]] LogScale decades(double low, double high, double from, double to);

/// The powers of ten from `scale.low` to `scale.high`, both included.
[[nodiscard]] std::vector<double> decade_ticks(const LogScale& scale);

/// One bar of a horizontal bar chart.
struct Bar {
    std::string label;      ///< the option's name
    std::string key;        ///< data-key: the option's id
    double value = 0;       ///< drawn from zero, and written to data-value
    std::string value_text; ///< the value as the page shows it
    std::string ruled_out;  ///< non-empty: no bar, this reason instead
    bool emphasis = false;  ///< the recommended option
};

struct BarChart {
    std::string id;          ///< the figure's id (and data-chart)
    std::string title;       ///< <title> and the table's caption
    std::string description; ///< <desc>
    std::string label_heading;
    std::string value_heading;
    std::vector<Bar> bars;
    /// When set, the scale runs from 0 to this (a share: 1) instead of
    /// from the values' own range.
    std::optional<double> fixed_high;
};

/// A <figure> with the SVG (one row per bar, bars from a zero line,
/// negatives to its left) and a table of the same data for screen readers.
[[nodiscard]] std::string bar_chart(const BarChart& chart);

/// One line of a line chart: a value per x.
struct Line {
    std::string label;
    std::string key;
    std::vector<double> y;
    std::size_t colour = 0; ///< series colour (s0, s1, ...)
    bool dashed = false;
};

/// A vertical marker: the current volume or a numbered crossing.
struct Marker {
    double x = 0;
    std::string label; ///< drawn beside it
    std::string kind;  ///< "current" or "crossing" (a CSS class)
};

struct LineChart {
    std::string id;
    std::string title;
    std::string description;
    std::string x_heading;
    std::string y_heading;
    std::vector<double> x; ///< increasing, above 0: drawn on a log scale
    std::vector<Line> lines;
    std::vector<Marker> markers;
    std::string (*x_text)(double) = nullptr; ///< tick and table labels
    std::string (*y_text)(double) = nullptr;
};

/// A <figure> with the SVG (log scales on both axes, a legend) and a table
/// of every point for screen readers.
[[nodiscard]] std::string line_chart(const LineChart& chart);

/// One stacked bar: an option's parts.
struct Stack {
    std::string label;
    std::string key;
    std::vector<std::pair<std::string, double>> parts; ///< part id, value (at least 0)
    double total = 0;
};

struct StackChart {
    std::string id;
    std::string title;
    std::string description;
    std::string label_heading;
    std::string total_heading;
    std::vector<Stack> stacks;
    std::string (*value_text)(double) = nullptr;
};

/// A <figure> with horizontal stacked bars from zero and a table of parts.
[[nodiscard]] std::string stack_chart(const StackChart& chart);

} // namespace makeorbuy::svg
