#include "makeorbuy/render/render.hpp"

#include "makeorbuy/core/explain.hpp"
#include "makeorbuy/render/render_analysis.hpp"

#include "makeorbuy/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace makeorbuy {

namespace {

constexpr std::size_t k_reasons_shown = 5;
constexpr std::size_t k_against_shown = 3;
constexpr std::size_t k_differences_shown = 3;

std::size_t display_width(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char c : text)
        if ((c & 0xC0U) != 0x80U) ++n;
    return n;
}

std::string pad(std::string_view text, std::size_t width) {
    std::string out(text);
    const std::size_t w = display_width(text);
    if (w < width) out.append(width - w, ' ');
    return out;
}

std::string signed_points(double delta) {
    return fmt::format("{:+.2f}", round_score(delta));
}

void ranking_section(std::string& out, const Report& report, const TextStyle& style) {
    const RuleSet& rules = *report.rules;
    std::size_t name_width = 0;
    double low = 0;
    double high = 0;
    for (const auto& r : report.ranking.ranked) {
        name_width = std::max(name_width, display_width(rules.options[r.option].name));
        if (r.excluded) continue; // not drawn
        low = std::min(low, r.score);
        high = std::max(high, r.score);
    }
    const std::size_t bar_cells =
        style.width > name_width + 30 ? std::min<std::size_t>(28, style.width - name_width - 22) : 10;
    out += paint(style, Role::heading, "Ranking") + "\n";
    for (std::size_t i = 0; i < report.ranking.ranked.size(); ++i) {
        const OptionResult& r = report.ranking.ranked[i];
        const std::string name = pad(rules.options[r.option].name, name_width);
        const std::string score = fmt::format("{:>7.2f}", round_score(r.score));
        std::string line =
            fmt::format("  {}. {}  {}  ", i + 1, i == 0 ? paint(style, Role::name, name) : name, score);
        if (r.excluded)
            line += paint(style, Role::bad, "ruled out");
        else
            line += paint(style, i == 0 ? Role::good : Role::dim,
                          signed_bar(style, r.score, low, high, bar_cells));
        // Trailing spaces from padding are noise in a terminal.
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out += line + "\n";
    }
}

// Up to `limit` lines of "  +1.89 rationale", and the rest folded into one
// line, so that what is printed still adds up.
struct Line {
    std::size_t rule;
    double shown;
};

void listed(std::string& out, const std::vector<Line>& lines, std::size_t limit, const RuleSet& rules,
            const TextStyle& style, Role role) {
    double rest = 0;
    std::size_t folded = 0;
    std::size_t printed = 0;
    for (const Line& line : lines) {
        if (line.shown == 0) continue; // a rule too small to show moves nothing printed
        if (printed == limit) {
            rest += line.shown;
            ++folded;
            continue;
        }
        ++printed;
        out += fmt::format("    {} {}\n", paint(style, role, signed_points(line.shown)),
                           wrap(rules.rules[line.rule].rationale, style.width - 12, "          ").substr(10));
    }
    if (folded > 0)
        out += paint(style, Role::dim,
                     fmt::format("    {} from {} more {} (--format json lists each)", signed_points(rest),
                                 folded, folded == 1 ? "rule" : "rules")) +
               "\n";
}

template <typename T> std::vector<Line> lines_of(const std::vector<T>& items) {
    std::vector<Line> out;
    out.reserve(items.size());
    for (const T& item : items)
        out.push_back({item.rule, item.shown});
    return out;
}

void reasons_section(std::string& out, const Report& report, const TextStyle& style) {
    const RuleSet& rules = *report.rules;
    const Explanation why = explain(report.ranking.winner());
    const std::string& name = rules.options[why.option].name;
    out += "\n" +
           paint(style, Role::heading,
                 fmt::format("Why {} (score {})", name, fmt::format("{:.2f}", why.score_shown))) +
           "\n";
    if (why.for_.empty() && why.against.empty()) {
        out += "  No rule moved its score; it leads on the order of the options alone.\n";
        return;
    }
    if (!why.for_.empty()) {
        out += "  For it:\n";
        listed(out, lines_of(why.for_), k_reasons_shown, rules, style, Role::good);
    }
    if (!why.against.empty()) {
        out += "  Against it:\n";
        listed(out, lines_of(why.against), k_against_shown, rules, style, Role::bad);
    }
}

void runner_up_section(std::string& out, const Report& report, const TextStyle& style) {
    const RuleSet& rules = *report.rules;
    if (report.ranking.ranked.size() < 2) return;
    const OptionResult& second = report.ranking.ranked[1];
    if (second.excluded) return;
    const WhyNot gaps = why_not(report.ranking.winner(), second);
    const std::string& winner = rules.options[gaps.winner].name;
    const std::string& other = rules.options[gaps.other].name;
    out += "\n" +
           paint(style, Role::heading,
                 gaps.gap_shown == 0
                     ? fmt::format("Why not {} (level on points; the order of the options breaks the tie)",
                                   other)
                     : fmt::format("Why not {} ({} behind)", other, format_points(gaps.gap_shown))) +
           "\n";
    if (gaps.for_winner.empty() && gaps.for_other.empty()) {
        out += "  The two are level; the order of the options in the rules breaks the tie.\n";
        return;
    }
    if (!gaps.for_winner.empty()) {
        out += wrap(fmt::format("What puts {} ahead:", winner), style.width - 2, "  ") + "\n";
        listed(out, lines_of(gaps.for_winner), k_differences_shown, rules, style, Role::good);
    }
    if (!gaps.for_other.empty()) {
        out += wrap(fmt::format("What {} has for it:", other), style.width - 2, "  ") + "\n";
        listed(out, lines_of(gaps.for_other), k_differences_shown, rules, style, Role::bad);
    }
}

void excluded_section(std::string& out, const Report& report, const TextStyle& style) {
    const RuleSet& rules = *report.rules;
    std::string body;
    for (const auto& r : report.ranking.ranked) {
        for (std::size_t c : r.excluded_by) {
            body += fmt::format("  {} {}: {}\n", paint(style, Role::bad, style.unicode ? "✗" : "x"),
                                paint(style, Role::name, rules.options[r.option].name),
                                wrap(rules.constraints[c].rationale, style.width - 6, "    ").substr(4));
        }
    }
    if (!body.empty()) out += "\n" + paint(style, Role::heading, "Ruled out") + "\n" + body;
}

void advice_section(std::string& out, const Report& report, const TextStyle& style) {
    if (report.ranking.advice.empty()) return;
    out += "\n" + paint(style, Role::heading, "Advice") + "\n";
    for (std::size_t a : report.ranking.advice)
        out += fmt::format("  {} {}\n", style.unicode ? "•" : "*",
                           wrap(report.rules->advice[a].text, style.width - 6, "    ").substr(4));
}

void answers_section(std::string& out, const Report& report, const TextStyle& style) {
    std::vector<std::string> parts;
    for (const auto& q : report.rules->questions) {
        const Answer* a = report.answers.find(q.key);
        if (a == nullptr) continue;
        parts.push_back(fmt::format("{}={}{}", q.key, display_value(a->value),
                                    a->origin == Origin::default_value ? "*" : ""));
    }
    out +=
        "\n" +
        paint(style, Role::dim, wrap("Answers: " + join(parts, " ") + " (* default)", style.width - 2, "")) +
        "\n";
    out += paint(style, Role::dim, fmt::format("Rules: {}", report.rules->label())) + "\n";
}

} // namespace

std::string render_text(const Report& report, const TextStyle& style) {
    const RuleSet& rules = *report.rules;
    const OptionResult& winner = report.ranking.winner();
    const Option& option = rules.options[winner.option];
    std::string out;
    if (winner.excluded) {
        out += paint(style, Role::warn,
                     "Every option is ruled out by a hard constraint; the ranking below is by score only.") +
               "\n";
    }
    if (report.analysis) out += robustness_banner(*report.analysis, rules, style);
    out += paint(style, Role::headline, fmt::format("Recommendation: {}", option.name)) + "\n";
    if (!option.summary.empty()) out += wrap(option.summary, style.width - 2, "  ") + "\n";
    out += "\n";
    ranking_section(out, report, style);
    reasons_section(out, report, style);
    runner_up_section(out, report, style);
    if (report.analysis) out += analysis_text(*report.analysis, rules, winner.option, style);
    excluded_section(out, report, style);
    advice_section(out, report, style);
    if (report.route) out += "\n" + route_text(*report.route, rules, winner.option, style);
    if (report.cost) out += "\n" + cost_text(*report.cost, rules, style);
    answers_section(out, report, style);
    return out;
}

} // namespace makeorbuy
