#pragma once
// The output formats of `recommend` and `cost`: one table per command, each
// row a name and the renderer that writes it. The --format flag (its help,
// its parsing, the completions) and the command's output read the same
// table, so adding a format is one row and one renderer.

#include "makeorbuy/core/cost.hpp"
#include "makeorbuy/core/price_dates.hpp"
#include "makeorbuy/core/style.hpp"
#include "makeorbuy/report/report.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace makeorbuy {

template <class Renderer> struct OutputFormat {
    std::string_view name;
    Renderer render;
};

/// `recommend`: the report, styled for the terminal where that applies.
using ReportRenderer = std::string (*)(const Report& report, const TextStyle& style);
/// `cost`: the cost report for the answers under the rules.
using CostRenderer = std::string (*)(const CostReport& cost, const RuleSet& rules, const Answers& answers,
                                     const TextStyle& style);

/// `questions`: every question of the rules.
using QuestionsRenderer = std::string (*)(const RuleSet& rules, const TextStyle& style);

/// `prices show`: every row of a price table (named `origin`), oldest first.
using PricesRenderer = std::string (*)(const std::vector<PriceFigure>& figures, const std::string& origin,
                                       const TextStyle& style);

/// text, json, markdown, html; the first is the default.
[[nodiscard]] std::span<const OutputFormat<ReportRenderer>> report_formats();
[[nodiscard]] std::span<const OutputFormat<CostRenderer>> cost_formats();
/// text, json.
[[nodiscard]] std::span<const OutputFormat<QuestionsRenderer>> questions_formats();
/// text, json.
[[nodiscard]] std::span<const OutputFormat<PricesRenderer>> prices_formats();

/// The names of a table's formats, in its order.
template <class Renderer>
[[nodiscard]] std::vector<std::string> format_names(std::span<const OutputFormat<Renderer>> formats) {
    std::vector<std::string> names;
    names.reserve(formats.size());
    for (const auto& format : formats)
        names.emplace_back(format.name);
    return names;
}

} // namespace makeorbuy
