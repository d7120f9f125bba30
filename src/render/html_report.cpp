// The HTML report of `recommend --format html`: the recommendation and its
// verdict first, with the answers it rests on; then the ranking from zero,
// the reasons, how sure it is, what would change it, and the cost against
// volume. Every figure is this run's, as the JSON output gives it.

#include "html_parts.hpp"

#include "makeorbuy/core/explain.hpp"
#include "makeorbuy/core/text.hpp"
#include "makeorbuy/render/render.hpp"
#include "makeorbuy/render/render_analysis.hpp"
#include "makeorbuy/render/svg_chart.hpp"

#include <fmt/format.h>

namespace makeorbuy {

namespace {

using svg::escape;

std::string reason_item(const RuleSet& rules, std::size_t rule, double shown) {
    return fmt::format("<li><strong>{:+.2f}</strong> {} (<code>{}</code>)</li>\n", shown,
                       escape(rules.rules[rule].rationale), escape(rules.rules[rule].id));
}

// Why each ruled-out option is out: its constraints' reasons.
std::string ruled_out_reason(const OptionResult& r, const RuleSet& rules) {
    std::vector<std::string> reasons;
    for (const std::size_t c : r.excluded_by)
        reasons.push_back(rules.constraints[c].rationale);
    return reasons.empty() ? std::string("ruled out") : join(reasons, " ");
}

std::string headline(const Report& report) {
    const RuleSet& rules = *report.rules;
    const OptionResult& winner = report.ranking.winner();
    const Option& option = rules.options[winner.option];
    std::string out = fmt::format("<header>\n<h1>AI make-or-buy: {}</h1>\n", escape(option.name));
    std::string verdict =
        fmt::format("Recommendation: {} (score {:.2f}).", option.name, round_score(winner.score));
    bool contested = false;
    if (report.analysis) {
        verdict = fmt::format("Recommendation: {}. {}", option.name,
                              robustness_sentences(*report.analysis, rules, winner.option).front());
        contested = report.analysis->robustness.verdict == Verdict::contested;
    }
    out += fmt::format("<p class=\"verdict{}\" id=\"verdict\">{}</p>\n", contested ? " contested" : "",
                       escape(verdict));
    if (!option.summary.empty()) out += fmt::format("<p>{}</p>\n", escape(option.summary));
    out += "<details open=\"open\"><summary>The answers it rests on</summary>\n" +
           html::answers_table(report.answers, rules) + "</details>\n</header>\n";
    return out;
}

std::string ranking(const Report& report) {
    const RuleSet& rules = *report.rules;
    svg::BarChart chart;
    chart.id = "ranking-chart";
    chart.title = "Score of each option";
    chart.description =
        "Each option's score as a bar from zero: positive scores to the right of the zero line, "
        "negative ones to its left; ruled-out options have no bar and say why.";
    chart.label_heading = "Option";
    chart.value_heading = "Score";
    for (std::size_t i = 0; i < report.ranking.ranked.size(); ++i) {
        const OptionResult& r = report.ranking.ranked[i];
        const Option& option = rules.options[r.option];
        chart.bars.push_back({option.name, option.id, round_score(r.score),
                              fmt::format("{:.2f}", round_score(r.score)),
                              r.excluded ? ruled_out_reason(r, rules) : std::string(), i == 0});
    }
    return "<section aria-labelledby=\"ranking\">\n<h2 id=\"ranking\">Ranking</h2>\n" +
           svg::bar_chart(chart) + "</section>\n";
}

std::string reasons(const Report& report) {
    const RuleSet& rules = *report.rules;
    const OptionResult& winner = report.ranking.winner();
    const Explanation why = explain(winner);
    std::string out =
        fmt::format("<section aria-labelledby=\"why\">\n<h2 id=\"why\">Why {} (score {:.2f})</h2>\n",
                    escape(rules.options[winner.option].name), why.score_shown);
    const auto list = [&](const char* heading, const auto& items) {
        if (items.empty()) return;
        out += fmt::format("<h3>{}</h3>\n<ul>\n", heading);
        for (const auto& item : items)
            out += reason_item(rules, item.rule, item.shown);
        out += "</ul>\n";
    };
    list("For it", why.for_);
    list("Against it", why.against);
    if (why.for_.empty() && why.against.empty()) out += "<p>No rule moved its score.</p>\n";

    if (report.ranking.ranked.size() > 1 && !report.ranking.ranked[1].excluded) {
        const WhyNot gaps = why_not(winner, report.ranking.ranked[1]);
        const std::string other = escape(rules.options[gaps.other].name);
        out += gaps.gap_shown == 0
                   ? fmt::format(
                         "<h3>Why not {} (level on points; the order of the options breaks the tie)</h3>\n",
                         other)
                   : fmt::format("<h3>Why not {} ({} behind)</h3>\n", other,
                                 escape(format_points(gaps.gap_shown)));
        if (!gaps.for_winner.empty() || !gaps.for_other.empty())
            out +=
                fmt::format("<p>Every rule that scores the two differently; the points add up to the gap of "
                            "{}.</p>\n<ul>\n",
                            escape(format_number(gaps.gap_shown)));
        for (const Difference& d : gaps.for_winner)
            out += reason_item(rules, d.rule, d.shown);
        for (const Difference& d : gaps.for_other)
            out += reason_item(rules, d.rule, d.shown);
        if (!gaps.for_winner.empty() || !gaps.for_other.empty()) out += "</ul>\n";
    }

    std::string excluded;
    for (const auto& r : report.ranking.ranked)
        for (const std::size_t c : r.excluded_by)
            excluded += fmt::format("<li><strong>{}</strong>: {} (<code>{}</code>)</li>\n",
                                    escape(rules.options[r.option].name),
                                    escape(rules.constraints[c].rationale), escape(rules.constraints[c].id));
    if (!excluded.empty()) out += "<h3>Ruled out</h3>\n<ul>\n" + excluded + "</ul>\n";
    if (!report.ranking.advice.empty()) {
        out += "<h3>Advice</h3>\n<ul>\n";
        for (const std::size_t a : report.ranking.advice)
            out += fmt::format("<li>{}</li>\n", escape(rules.advice[a].text));
        out += "</ul>\n";
    }
    if (report.route) {
        const RouteSentences route = route_sentences(*report.route, rules, winner.option);
        out += fmt::format("<h3>Routing plan</h3>\n<p>{}</p>\n<ul>\n", escape(route.intro));
        for (const std::string& lane : route.lanes)
            out += fmt::format("<li>{}</li>\n", escape(lane));
        out += fmt::format("</ul>\n<p>{}</p>\n<p class=\"muted\">{}</p>\n", escape(route.blend),
                           escape(route.source));
    }
    return out + "</section>\n";
}

std::string change_text(const TippingPoint& p, const RuleSet& rules) {
    switch (p.direction) {
    case TipDirection::instead:
        return p.value;
    case TipDirection::add:
        return "including " + p.value;
    case TipDirection::remove:
        return "without " + p.value;
    case TipDirection::above:
        return (p.inclusive ? "at or above " : "above ") + threshold_text(p, rules);
    case TipDirection::below:
        return (p.inclusive ? "at or below " : "below ") + threshold_text(p, rules);
    }
    return p.value;
}

std::string analysis(const Analysis& analysis, const RuleSet& rules, std::size_t recommendation) {
    const std::vector<std::string> sentences = robustness_sentences(analysis, rules, recommendation);
    std::string out = "<section aria-labelledby=\"sure\">\n<h2 id=\"sure\">How sure is this</h2>\n";
    // The first sentence, the verdict, opens the page; the rest say what it hinges on.
    for (std::size_t i = 1; i < sentences.size(); ++i)
        out += fmt::format("<p>{}</p>\n", escape(sentences[i]));
    svg::BarChart chart;
    chart.id = "sure-chart";
    chart.title = "Share of first places";
    chart.description =
        fmt::format("How often each option came first when the rules' weights (and the uncertain "
                    "answers) were drawn afresh, {} draws, from 0% to 100%.",
                    analysis.robustness.samples);
    chart.label_heading = "Option";
    chart.value_heading = "First place";
    chart.fixed_high = 1;
    for (std::size_t o = 0; o < rules.options.size(); ++o)
        chart.bars.push_back(
            {rules.options[o].name, rules.options[o].id, analysis.robustness.first_place_share[o],
             format_share(analysis.robustness.first_place_share[o]), "", o == recommendation});
    out += svg::bar_chart(chart) + "</section>\n";

    out += "<section aria-labelledby=\"change\">\n<h2 id=\"change\">What would change this</h2>\n";
    if (const std::string stopped = tipping_stopped_text(analysis); !stopped.empty())
        out += fmt::format("<p>{}</p>\n", escape(stopped));
    if (analysis.tipping_points.empty() && analysis.tipping_complete)
        out += "<p>No single answer, changed on its own, puts another option first.</p>\n";
    if (!analysis.tipping_points.empty()) {
        out += "<table id=\"tipping-points\">\n<thead><tr><th scope=\"col\">Answer</th><th "
               "scope=\"col\">Changed to"
               "</th><th scope=\"col\">Comes first</th><th scope=\"col\">Yours to "
               "change</th></tr></thead>\n<tbody>\n";
        for (const TippingPoint& p : analysis.tipping_points)
            out += fmt::format(
                "<tr><th scope=\"row\"><code>{}</code></th><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                escape(p.question), escape(change_text(p, rules)),
                escape(rules.options[p.recommendation].name), p.actionable ? "yes" : "no");
        out += "</tbody>\n</table>\n";
    }
    return out + "</section>\n";
}

} // namespace

std::string render_html(const Report& report) {
    const RuleSet& rules = *report.rules;
    const std::size_t winner = report.ranking.winner().option;
    std::string body = headline(report) + "<main>\n" + ranking(report) + reasons(report);
    if (report.analysis) body += analysis(*report.analysis, rules, winner);
    if (report.cost) body += html::cost_section(*report.cost, rules);
    body += "</main>\n" + html::trace_footer(rules, report.cost ? &*report.cost : nullptr);
    return html::page("AI make-or-buy: " + rules.options[winner].name, body);
}

} // namespace makeorbuy
