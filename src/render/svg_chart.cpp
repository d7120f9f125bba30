// The HTML report's charts as inline SVG. Each is a <figure>: the SVG (an
// image to assistive technology, named by its <title> and <desc>) and a table
// of the same figures for screen readers. Every figure a chart draws is also
// in a data attribute, so a test can read back what was drawn.

#include "makeorbuy/render/svg_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace makeorbuy::svg {

namespace {

constexpr double k_width = 640;

// A coordinate to two decimals, without trailing zeros.
std::string at(double value) {
    std::string text = fmt::format("{:.2f}", value);
    while (text.back() == '0')
        text.pop_back();
    if (text.back() == '.') text.pop_back();
    return text == "-0" ? "0" : text;
}

// Rounded as at() writes it, so that edges computed apart still meet.
double snapped(double value) {
    return std::round(value * 100) / 100;
}

std::string open_figure(const std::string& id, const std::string& title, const std::string& description,
                        double height) {
    return fmt::format("<figure class=\"chart\" id=\"{0}\">\n"
                       "<svg xmlns=\"http://www.w3.org/2000/svg\" data-chart=\"{0}\" viewBox=\"0 0 {1} {2}\" "
                       "width=\"{1}\" height=\"{2}\" role=\"img\" aria-labelledby=\"{0}-title {0}-desc\">\n"
                       "<title id=\"{0}-title\">{3}</title>\n<desc id=\"{0}-desc\">{4}</desc>\n",
                       escape(id), at(k_width), at(height), escape(title), escape(description));
}

// The text alternative: a table, shown only to screen readers.
std::string table(const std::string& caption, const std::vector<std::string>& headings,
                  const std::vector<std::vector<std::string>>& rows) {
    // The wrapper hides it: a table itself ignores overflow and would widen the page.
    std::string out =
        fmt::format("<div class=\"sr-only\"><table>\n<caption>{}</caption>\n<thead><tr>", escape(caption));
    for (const auto& h : headings)
        out += fmt::format("<th scope=\"col\">{}</th>", escape(h));
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& row : rows) {
        out += "<tr>";
        for (std::size_t i = 0; i < row.size(); ++i)
            out += i == 0 ? fmt::format("<th scope=\"row\">{}</th>", escape(row[i]))
                          : fmt::format("<td>{}</td>", escape(row[i]));
        out += "</tr>\n";
    }
    return out + "</tbody>\n</table></div>\n";
}

// At most `limit` characters, cut at a space, with an ellipsis; never
// inside a UTF-8 sequence.
std::string shortened(const std::string& text, std::size_t limit) {
    if (text.size() <= limit) return text;
    std::size_t cut = text.rfind(' ', limit);
    if (cut == std::string::npos || cut < limit / 2) {
        cut = limit;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U)
            --cut;
    }
    return text.substr(0, cut) + "\u2026";
}

} // namespace

std::string bar_chart(const BarChart& chart) {
    constexpr double k_row = 30;
    constexpr double k_top = 10;
    constexpr double k_label = 230; // names to the left of the plot
    constexpr double k_value = 70;  // the figure to the right
    double low = 0;
    double high = 0;
    for (const Bar& bar : chart.bars) {
        if (!bar.ruled_out.empty()) continue;
        low = std::min(low, bar.value);
        high = std::max(high, bar.value);
    }
    if (chart.fixed_high) high = *chart.fixed_high;
    const LinearScale x = zero_based(low, high, k_label, k_width - k_value);
    const double height = k_top * 2 + k_row * static_cast<double>(chart.bars.size()) + 16;
    std::string out = open_figure(chart.id, chart.title, chart.description, height);
    const double zero = snapped(x(0));
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < chart.bars.size(); ++i) {
        const Bar& bar = chart.bars[i];
        const double y = k_top + k_row * static_cast<double>(i);
        const double middle = y + k_row / 2;
        const std::string label =
            fmt::format(R"(<text class="label{}" x="{}" y="{}" text-anchor="end">{}</text>)",
                        bar.emphasis ? " strong" : "", at(k_label - 8), at(middle + 5), escape(bar.label));
        if (!bar.ruled_out.empty()) {
            out += fmt::format("<g class=\"bar ruled-out\" data-key=\"{}\" data-ruled-out=\"true\">{}"
                               "<text class=\"note\" x=\"{}\" y=\"{}\">ruled out: {}</text></g>\n",
                               escape(bar.key), label, at(zero + 6), at(middle + 5),
                               escape(shortened(bar.ruled_out, 48)));
            rows.push_back({bar.label, "ruled out: " + bar.ruled_out});
            continue;
        }
        const double end = snapped(x(bar.value));
        out += fmt::format("<g class=\"bar{}\" data-key=\"{}\" data-value=\"{}\">{}"
                           "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>"
                           "<text class=\"value\" x=\"{}\" y=\"{}\">{}</text></g>\n",
                           bar.value < 0 ? " negative" : (bar.emphasis ? " emphasis" : ""), escape(bar.key),
                           number(bar.value), label, at(std::min(zero, end)), at(y + 6),
                           at(std::fabs(end - zero)), at(k_row - 12), at(k_width - k_value + 8),
                           at(middle + 5), escape(bar.value_text));
        rows.push_back({bar.label, bar.value_text});
    }
    const double bottom = k_top + k_row * static_cast<double>(chart.bars.size());
    out += fmt::format("<line class=\"zero\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>"
                       "<text class=\"tick\" x=\"{0}\" y=\"{3}\" text-anchor=\"middle\">0</text>\n",
                       at(zero), at(k_top - 4), at(bottom + 2), at(bottom + 16));
    out += "</svg>\n";
    out += table(chart.title, {chart.label_heading, chart.value_heading}, rows);
    return out + "</figure>\n";
}

std::string line_chart(const LineChart& chart) {
    constexpr double k_left = 80;
    constexpr double k_right = 20;
    constexpr double k_top = 24;
    constexpr double k_plot = 260;
    constexpr double k_legend_row = 18;
    double low = std::numeric_limits<double>::infinity();
    double high = 0;
    for (const Line& line : chart.lines)
        for (const double v : line.y)
            if (v > 0) {
                low = std::min(low, v);
                high = std::max(high, v);
            }
    const LogScale x = decades(chart.x.empty() ? 1 : chart.x.front(), chart.x.empty() ? 10 : chart.x.back(),
                               k_left, k_width - k_right);
    const LogScale y = decades(low, high, k_top + k_plot, k_top);
    const double axis = k_top + k_plot;
    const double height = axis + 44 + k_legend_row * static_cast<double>(chart.lines.size());
    std::string out = open_figure(chart.id, chart.title, chart.description, height);

    // Grid and ticks on whole decades.
    for (const double t : decade_ticks(x))
        out += fmt::format("<line class=\"grid\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>"
                           "<text class=\"tick\" x=\"{0}\" y=\"{3}\" text-anchor=\"middle\">{4}</text>\n",
                           at(x(t)), at(k_top), at(axis), at(axis + 16), escape(chart.x_text(t)));
    for (const double t : decade_ticks(y))
        out += fmt::format("<line class=\"grid\" x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\"/>"
                           "<text class=\"tick\" x=\"{3}\" y=\"{4}\" text-anchor=\"end\">{5}</text>\n",
                           at(k_left), at(y(t)), at(k_width - k_right), at(k_left - 6), at(y(t) + 4),
                           escape(chart.y_text(t)));
    out += fmt::format("<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                       at((k_left + k_width - k_right) / 2), at(axis + 32), escape(chart.x_heading));

    // The lines, each with its figures.
    std::vector<std::string> xs;
    for (const double v : chart.x)
        xs.push_back(number(v));
    out += fmt::format("<g class=\"lines\" data-x=\"{}\">\n", fmt::join(xs, " "));
    for (const Line& line : chart.lines) {
        std::vector<std::string> points;
        std::vector<std::string> values;
        for (std::size_t i = 0; i < line.y.size() && i < chart.x.size(); ++i) {
            points.push_back(at(x(chart.x[i])) + "," + at(y(line.y[i])));
            values.push_back(number(line.y[i]));
        }
        out +=
            fmt::format("<polyline class=\"line s{}\" data-key=\"{}\" data-values=\"{}\" points=\"{}\"{}/>\n",
                        line.colour % 6, escape(line.key), fmt::join(values, " "), fmt::join(points, " "),
                        line.dashed ? " stroke-dasharray=\"6 4\"" : "");
    }
    out += "</g>\n";

    // Markers: today's volume and the crossings.
    for (const Marker& m : chart.markers)
        out += fmt::format("<g class=\"marker {0}\" data-x=\"{1}\"><line x1=\"{2}\" y1=\"{3}\" x2=\"{2}\" "
                           "y2=\"{4}\"/><text x=\"{5}\" y=\"{6}\">{7}</text></g>\n",
                           escape(m.kind), number(m.x), at(x(m.x)), at(k_top), at(axis), at(x(m.x) + 3),
                           at(m.kind == "current" ? k_top - 8 : k_top + 12), escape(m.label));

    // The legend, one line per series.
    for (std::size_t i = 0; i < chart.lines.size(); ++i) {
        const Line& line = chart.lines[i];
        const double row = axis + 50 + k_legend_row * static_cast<double>(i);
        out += fmt::format("<line class=\"line s{}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"{}/>"
                           "<text class=\"label\" x=\"{}\" y=\"{}\">{}</text>\n",
                           line.colour % 6, at(k_left), at(row - 4), at(k_left + 28), at(row - 4),
                           line.dashed ? " stroke-dasharray=\"6 4\"" : "", at(k_left + 36), at(row),
                           escape(line.label));
    }
    out += "</svg>\n";

    std::vector<std::string> headings{chart.x_heading};
    for (const Line& line : chart.lines)
        headings.push_back(line.label);
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < chart.x.size(); ++i) {
        std::vector<std::string> row{chart.x_text(chart.x[i])};
        for (const Line& line : chart.lines)
            row.push_back(i < line.y.size() ? chart.y_text(line.y[i]) : "");
        rows.push_back(std::move(row));
    }
    out += table(chart.title, headings, rows);
    return out + "</figure>\n";
}

std::string stack_chart(const StackChart& chart) {
    constexpr double k_row = 30;
    constexpr double k_top = 10;
    constexpr double k_label = 230;
    constexpr double k_value = 90;
    constexpr double k_legend_row = 18;
    std::vector<std::string> part_ids; // in the order they first appear: one colour each
    double high = 0;
    for (const Stack& s : chart.stacks) {
        high = std::max(high, s.total);
        for (const auto& [id, value] : s.parts)
            if (std::find(part_ids.begin(), part_ids.end(), id) == part_ids.end()) part_ids.push_back(id);
    }
    const LinearScale x = zero_based(0, high, k_label, k_width - k_value);
    const double bottom = k_top + k_row * static_cast<double>(chart.stacks.size());
    const double height = bottom + 24 + k_legend_row * static_cast<double>(part_ids.size());
    std::string out = open_figure(chart.id, chart.title, chart.description, height);
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < chart.stacks.size(); ++i) {
        const Stack& s = chart.stacks[i];
        const double y = k_top + k_row * static_cast<double>(i);
        out += fmt::format("<g class=\"stack\" data-key=\"{}\" data-value=\"{}\">"
                           "<text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
                           escape(s.key), number(s.total), at(k_label - 8), at(y + k_row / 2 + 5),
                           escape(s.label));
        double start = 0;
        std::vector<std::string> row{s.label};
        for (const std::string& id : part_ids) {
            const auto found =
                std::find_if(s.parts.begin(), s.parts.end(), [&](const auto& p) { return p.first == id; });
            row.push_back(found == s.parts.end() ? "" : chart.value_text(found->second));
        }
        for (const auto& [id, value] : s.parts) {
            const auto colour = std::find(part_ids.begin(), part_ids.end(), id) - part_ids.begin();
            out +=
                fmt::format("<rect class=\"part p{}\" data-part=\"{}\" data-value=\"{}\" x=\"{}\" y=\"{}\" "
                            "width=\"{}\" height=\"{}\"/>",
                            colour % 6, escape(id), number(value), at(x(start)), at(y + 6),
                            at(x(start + value) - x(start)), at(k_row - 12));
            start += value;
        }
        out +=
            fmt::format("<text class=\"value\" x=\"{}\" y=\"{}\">{}</text></g>\n", at(k_width - k_value + 8),
                        at(y + k_row / 2 + 5), escape(chart.value_text(s.total)));
        row.push_back(chart.value_text(s.total));
        rows.push_back(std::move(row));
    }
    out += fmt::format("<line class=\"zero\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>\n", at(x(0)),
                       at(k_top - 4), at(bottom + 2));
    for (std::size_t i = 0; i < part_ids.size(); ++i) {
        const double row = bottom + 24 + k_legend_row * static_cast<double>(i);
        out += fmt::format("<rect class=\"part p{}\" x=\"{}\" y=\"{}\" width=\"14\" height=\"10\"/>"
                           "<text class=\"label\" x=\"{}\" y=\"{}\">{}</text>\n",
                           i % 6, at(k_label), at(row - 10), at(k_label + 20), at(row), escape(part_ids[i]));
    }
    out += "</svg>\n";
    std::vector<std::string> headings{chart.label_heading};
    headings.insert(headings.end(), part_ids.begin(), part_ids.end());
    headings.push_back(chart.total_heading);
    out += table(chart.title, headings, rows);
    return out + "</figure>\n";
}

} // namespace makeorbuy::svg
