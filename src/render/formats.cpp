#include "makeorbuy/render/formats.hpp"

#include "makeorbuy/render/render.hpp"
#include "makeorbuy/render/render_analysis.hpp"

namespace makeorbuy {

namespace {

std::string report_as_text(const Report& report, const TextStyle& style) {
    return render_text(report, style);
}
std::string report_as_json(const Report& report, const TextStyle& /*style*/) {
    return render_json(report);
}
std::string report_as_markdown(const Report& report, const TextStyle& /*style*/) {
    return render_markdown(report);
}

std::string report_as_html(const Report& report, const TextStyle& /*style*/) {
    return render_html(report);
}

std::string cost_as_text(const CostReport& cost, const RuleSet& rules, const Answers& /*answers*/,
                         const TextStyle& style) {
    return render_cost_text(cost, rules, style);
}
std::string cost_as_json(const CostReport& cost, const RuleSet& rules, const Answers& answers,
                         const TextStyle& /*style*/) {
    return render_cost_json(cost, rules, answers);
}
std::string cost_as_markdown(const CostReport& cost, const RuleSet& rules, const Answers& /*answers*/,
                             const TextStyle& /*style*/) {
    return render_cost_markdown(cost, rules);
}

std::string cost_as_html(const CostReport& cost, const RuleSet& rules, const Answers& answers,
                         const TextStyle& /*style*/) {
    return render_cost_html(cost, rules, answers);
}

constexpr OutputFormat<ReportRenderer> k_report_formats[] = {{"text", report_as_text},
                                                             {"json", report_as_json},
                                                             {"markdown", report_as_markdown},
                                                             {"html", report_as_html}};
constexpr OutputFormat<CostRenderer> k_cost_formats[] = {
    {"text", cost_as_text}, {"json", cost_as_json}, {"markdown", cost_as_markdown}, {"html", cost_as_html}};

} // namespace

std::span<const OutputFormat<ReportRenderer>> report_formats() {
    return k_report_formats;
}

std::span<const OutputFormat<CostRenderer>> cost_formats() {
    return k_cost_formats;
}

} // namespace makeorbuy
