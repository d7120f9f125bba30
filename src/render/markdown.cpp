#include "makeorbuy/render/render.hpp"

#include "makeorbuy/core/explain.hpp"
#include "makeorbuy/render/render_analysis.hpp"

#include "makeorbuy/core/style.hpp"
#include "makeorbuy/core/text.hpp"

#include <fmt/format.h>

#include <cmath>

namespace makeorbuy {

namespace {

std::string cell(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n')
            out += ' ';
        else
            out += c;
    }
    return out;
}

std::string mermaid_label(std::string_view text) {
    std::string out;
    for (char c : text)
        out += (c == '"') ? '\'' : c;
    return "\"" + out + "\"";
}

} // namespace

std::string render_markdown(const Report& report) {
    const RuleSet& rules = *report.rules;
    const OptionResult& winner = report.ranking.winner();
    std::string out;
    out += fmt::format("## AI make-or-buy: {}\n\n", rules.options[winner.option].name);
    if (!rules.options[winner.option].summary.empty()) out += rules.options[winner.option].summary + "\n\n";

    // Bars from zero in the table itself (monospace code spans, no-break
    // spaces so that renderers keep the padding), negative scores to the left.
    double low = 0;
    double high = 0;
    for (const OptionResult& r : report.ranking.ranked) {
        if (r.excluded) continue;
        low = std::min(low, r.score);
        high = std::max(high, r.score);
    }
    const TextStyle bars{false, true, 80};
    const auto chart = [&](const OptionResult& r) -> std::string {
        if (r.excluded) return ""; // the status says why
        std::string drawn = signed_bar(bars, r.score, low, high, 20);
        for (std::size_t at = drawn.find(' '); at != std::string::npos; at = drawn.find(' ', at))
            drawn.replace(at, 1, "\u00A0");
        return "`" + drawn + "`";
    };
    out += "| Rank | Option | Score | From zero | Status |\n|---:|---|---:|---|---|\n";
    std::vector<std::string> labels;
    std::vector<std::string> values;
    std::vector<std::string> ruled_out;
    for (std::size_t i = 0; i < report.ranking.ranked.size(); ++i) {
        const OptionResult& r = report.ranking.ranked[i];
        std::string status = r.excluded ? "ruled out" : (i == 0 ? "**recommended**" : "");
        out += fmt::format("| {} | {} | {:.2f} | {} | {} |\n", i + 1, cell(rules.options[r.option].name),
                           round_score(r.score), chart(r), status);
        if (r.excluded) { // in the table, not drawn: a bar would read as a score
            ruled_out.push_back(rules.options[r.option].name);
            continue;
        }
        labels.push_back(mermaid_label(rules.options[r.option].name));
        values.push_back(format_number(round_score(r.score)));
    }
    // Mermaid draws bars up from the axis minimum, so a chart with a negative
    // score would show it as a bar and a score of 0 as a tall one. The chart
    // is drawn only when every score shown is 0 or more, from a zero axis.
    if (low >= 0 && !values.empty()) {
        const std::string title =
            ruled_out.empty() ? std::string("Score of each option, from zero")
                              : fmt::format("Score of each option, from zero (ruled out, not drawn: {})",
                                            join(ruled_out, ", "));
        out += fmt::format("\n```mermaid\nxychart-beta\n    title {}\n", mermaid_label(title));
        out += fmt::format("    x-axis [{}]\n", join(labels, ", "));
        out += fmt::format("    y-axis \"Score\" 0 --> {}\n", std::ceil(high) + 1);
        out += fmt::format("    bar [{}]\n```\n", join(values, ", "));
    }

    const Explanation why = explain(winner);
    out += fmt::format("\n### Why {} (score {:.2f})\n\n", rules.options[winner.option].name, why.score_shown);
    const auto reason = [&](std::size_t rule, double shown) {
        return fmt::format("- **{:+.2f}** {} (`{}`)\n", shown, rules.rules[rule].rationale,
                           rules.rules[rule].id);
    };
    if (!why.for_.empty()) out += "For it:\n\n";
    for (const ShownReason& r : why.for_)
        out += reason(r.rule, r.shown);
    if (!why.against.empty()) out += fmt::format("{}Against it:\n\n", why.for_.empty() ? "" : "\n");
    for (const ShownReason& r : why.against)
        out += reason(r.rule, r.shown);
    if (why.for_.empty() && why.against.empty()) out += "- No rule moved its score.\n";

    if (report.ranking.ranked.size() > 1 && !report.ranking.ranked[1].excluded) {
        const WhyNot gaps = why_not(winner, report.ranking.ranked[1]);
        const std::string& other = rules.options[gaps.other].name;
        out += gaps.gap_shown == 0
                   ? fmt::format(
                         "\n### Why not {} (level on points; the order of the options breaks the tie)\n\n",
                         other)
                   : fmt::format("\n### Why not {} ({} behind)\n\n", other, format_points(gaps.gap_shown));
        if (!gaps.for_winner.empty() || !gaps.for_other.empty())
            out += fmt::format(
                "Every rule that scores the two differently; the points add up to the gap of {}.\n\n",
                format_number(gaps.gap_shown));
        if (!gaps.for_winner.empty())
            out += fmt::format("What puts {} ahead:\n\n", rules.options[gaps.winner].name);
        for (const Difference& d : gaps.for_winner)
            out += reason(d.rule, d.shown);
        if (!gaps.for_other.empty())
            out += fmt::format("{}What {} has for it:\n\n", gaps.for_winner.empty() ? "" : "\n", other);
        for (const Difference& d : gaps.for_other)
            out += reason(d.rule, d.shown);
        if (gaps.for_winner.empty() && gaps.for_other.empty())
            out += "- The two are level; the order of the options breaks the tie.\n";
    }

    std::string excluded;
    for (const auto& r : report.ranking.ranked)
        for (std::size_t c : r.excluded_by)
            excluded += fmt::format("- **{}**: {} (`{}`)\n", rules.options[r.option].name,
                                    rules.constraints[c].rationale, rules.constraints[c].id);
    if (!excluded.empty()) out += "\n### Ruled out\n\n" + excluded;

    if (!report.ranking.advice.empty()) {
        out += "\n### Advice\n\n";
        for (std::size_t a : report.ranking.advice)
            out += fmt::format("- {}\n", rules.advice[a].text);
    }

    if (report.route) out += route_markdown(*report.route, rules, winner.option);
    if (report.analysis) out += analysis_markdown(*report.analysis, rules, winner.option);
    if (report.cost) out += cost_markdown(*report.cost, rules);

    out += "\n<details><summary>Answers</summary>\n\n| Question | Answer |\n|---|---|\n";
    for (const auto& q : rules.questions)
        if (const Answer* a = report.answers.find(q.key))
            out += fmt::format("| `{}` | {}{} |\n", q.key, cell(q.shown(a->value)),
                               a->origin == Origin::default_value ? " (default)" : "");
    out += fmt::format("\n</details>\n\n_Scored by makeorbuy {} with rules `{}`._\n", MAKEORBUY_VERSION,
                       rules.label());
    return out;
}

} // namespace makeorbuy
