// The cost section of the HTML report, and the whole page of `makeorbuy cost
// --format html`: each option's monthly cost over volume (the same curves as
// the JSON's cost.curves), where they cross, and the parts at today's volume.

#include "html_parts.hpp"
#include "json_numbers.hpp"

#include "makeorbuy/render/render_analysis.hpp"
#include "makeorbuy/render/svg_chart.hpp"

#include "makeorbuy/core/text.hpp"

#include <fmt/format.h>

#include <cmath>

namespace makeorbuy::html {

namespace {

using render_detail::cents;
using svg::escape;

std::string requests_text(double n) {
    return format_count(n);
}
std::string money_text(double usd) {
    return format_money(usd);
}
// An axis tick: format_money() shows whole dollars, which would call $0.10 "$0".
std::string money_tick(double usd) {
    return usd < 1 ? fmt::format("${:.2f}", usd) : format_money(usd);
}

std::vector<double> in_cents(const std::vector<double>& usd) {
    std::vector<double> out;
    out.reserve(usd.size());
    for (const double v : usd)
        out.push_back(cents(v));
    return out;
}

std::string cost_lines(const CostReport& cost, const RuleSet& rules) {
    svg::LineChart chart;
    chart.id = "cost-chart";
    chart.title = "Monthly cost against requests a month";
    chart.description = "Each option's monthly cost in US dollars over 1K to 10B requests a month, both axes "
                        "on a log scale; the vertical line marks the answers' own volume and the numbered "
                        "lines the break-even volumes listed below the chart.";
    chart.x_heading = "Requests a month";
    chart.y_heading = "Monthly cost";
    chart.x_text = requests_text;
    chart.y_text = money_tick;
    for (const double r : cost.curves.requests_per_month)
        chart.x.push_back(std::round(r)); // as the JSON writes them
    for (std::size_t i = 0; i < cost.curves.series.size(); ++i) {
        const CostCurves::Series& s = cost.curves.series[i];
        const Option& option = rules.options[s.option];
        chart.lines.push_back({option.name, option.id, in_cents(s.monthly_usd), s.option, false});
        if (!s.alternative_usd.empty())
            chart.lines.push_back(
                {fmt::format("{} bought per token ({})", option.name, cost.options[i].alternative_model),
                 option.id + "/alternative", in_cents(s.alternative_usd), s.option, true});
    }
    if (cost.curves.current)
        chart.markers.push_back({chart.x[*cost.curves.current],
                                 "your volume: " + format_count(cost.workload.requests_per_month),
                                 "current"});
    for (std::size_t k = 0; k < cost.break_even.size(); ++k)
        chart.markers.push_back(
            {std::round(cost.break_even[k].requests_per_month), std::to_string(k + 1), "crossing"});
    return svg::line_chart(chart);
}

std::string parts_chart(const CostReport& cost, const RuleSet& rules) {
    svg::StackChart chart;
    chart.id = "parts-chart";
    chart.title = fmt::format("What each option costs a month at {} requests",
                              format_count(cost.workload.requests_per_month));
    chart.description = "Each option's monthly cost at the answers' volume, split into its parts (tokens, "
                        "GPUs, people, fine-tuning), drawn from zero.";
    chart.label_heading = "Option";
    chart.total_heading = "Per month";
    chart.value_text = money_text;
    for (const OptionCost& c : cost.options) {
        svg::Stack stack{rules.options[c.option].name, rules.options[c.option].id, {}, cents(c.monthly_usd)};
        for (const CostPart& part : c.parts)
            stack.parts.emplace_back(part.id, cents(part.monthly_usd));
        chart.stacks.push_back(std::move(stack));
    }
    return svg::stack_chart(chart);
}

} // namespace

std::string cost_section(const CostReport& cost, const RuleSet& rules) {
    const Workload& w = cost.workload;
    std::string out = "<section aria-labelledby=\"cost\">\n<h2 id=\"cost\">Cost against volume</h2>\n";
    out += fmt::format(
        "<p>Profile <code>{}</code> ({}), prices of {}, oldest price used {}. Workload: {} requests "
        "a month{}, {} input and {} output tokens each. {}</p>\n",
        escape(cost.profile), escape(cost.profile_text), escape(cost.as_of), escape(cost.oldest_price),
        escape(format_count(w.requests_per_month)),
        w.derived ? escape(fmt::format(" (monthly spend at {} prices)", rules.options[cost.reference].name))
                  : "",
        escape(format_number(w.tokens_in, 0)), escape(format_number(w.tokens_out, 0)),
        escape(sizing_text(w)));
    if (const std::string pricing = pricing_text(w); !pricing.empty())
        out += fmt::format("<p>{}</p>\n", escape(pricing));
    if (const std::string notice = stale_prices_notice(cost); !notice.empty())
        out += fmt::format("<p><strong>Notice:</strong> {}</p>\n", escape(notice));
    out += cost_lines(cost, rules);
    out += "<h3>Break-even volumes</h3>\n";
    if (cost.break_even.empty())
        out += "<p>None between 1K and 10B requests a month.</p>\n";
    else
        out += "<ol class=\"break-even\">\n";
    for (const BreakEven& b : cost.break_even) {
        std::string text = break_even_text(b, rules, cost.reference);
        text[0] = static_cast<char>(text[0] - 'a' + 'A'); // "above ..." or "between ...": a lower-case letter
        out += fmt::format("<li data-requests=\"{}\">{}.</li>\n",
                           svg::number(std::round(b.requests_per_month)), escape(text));
    }
    if (!cost.break_even.empty()) out += "</ol>\n";
    out += "<h3>At your volume</h3>\n" + parts_chart(cost, rules);
    out += "<table>\n<thead><tr><th scope=\"col\">Option</th><th scope=\"col\" class=\"num\">Per month</th>"
           "<th scope=\"col\" class=\"num\">Setup</th><th scope=\"col\" "
           "class=\"num\">Payback</th></tr></thead>\n"
           "<tbody>\n";
    for (const OptionCost& c : cost.options)
        out += fmt::format("<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td>"
                           "<td class=\"num\">{}</td></tr>\n",
                           escape(rules.options[c.option].name), escape(format_money(c.monthly_usd)),
                           c.setup_usd > 0 ? escape(format_money(c.setup_usd)) : "",
                           c.payback_months ? escape(format_months(*c.payback_months)) : "");
    out += "</tbody>\n</table>\n";
    if (cost.small_model_discount)
        out += fmt::format(
            "<p>The smaller hosted model costs {}x less a request than the frontier model with these "
            "prices (the guide says 10-30x; that depends on the tier).</p>\n",
            escape(format_number(*cost.small_model_discount, 1)));
    if (const std::string tiers = tier_text(cost, rules); !tiers.empty())
        out += fmt::format("<p>{}</p>\n", escape(tiers));
    return out + "</section>\n";
}

} // namespace makeorbuy::html

namespace makeorbuy {

std::string render_cost_html(const CostReport& cost, const RuleSet& rules, const Answers& answers) {
    std::string body = "<header>\n<h1>AI make-or-buy: cost</h1>\n";
    body +=
        "<p>What each option would cost a month for these answers, and how that changes with volume.</p>\n";
    body += "</header>\n<main>\n" + html::cost_section(cost, rules);
    body += "<section aria-labelledby=\"answers\">\n<h2 id=\"answers\">The answers</h2>\n" +
            html::answers_table(answers, rules) + "</section>\n</main>\n";
    body += html::trace_footer(rules, &cost);
    return html::page("AI make-or-buy: cost", body);
}

} // namespace makeorbuy
