// The page around the HTML report: one file that needs nothing else (no
// script, font or image is fetched; the Content-Security-Policy forbids it),
// light and dark colours, and a print layout for A4. The markup is also
// well-formed XML, so a plain XML parser can check it.

#include "html_parts.hpp"

#include "makeorbuy/render/svg_chart.hpp"

#include <fmt/format.h>

namespace makeorbuy::html {

namespace {

constexpr std::string_view k_style = R"(:root {
  color-scheme: light dark;
  --fg: #1b1f24; --muted: #4a5361; --bg: #ffffff; --panel: #f3f5f8; --line: #c9ced6;
  --good: #1d6b40; --bad: #a4262c;
  --s0: #1f5fbf; --s1: #b35900; --s2: #1d6b40; --s3: #7a35e0; --s4: #a4262c; --s5: #4a5361;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e6e9ee; --muted: #b4bcc8; --bg: #15181d; --panel: #1f242b; --line: #3a414c;
    --good: #5cc98b; --bad: #ff8a8f;
    --s0: #79a8ff; --s1: #ffad5c; --s2: #5cc98b; --s3: #c49bff; --s4: #ff8a8f; --s5: #b4bcc8;
  }
}
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg);
  background: var(--bg); max-width: 46rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .4rem; }
h2 { font-size: 1.2rem; margin: 1.6rem 0 .4rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
p, ul, ol { margin: .4rem 0; }
.verdict { font-size: 1.1rem; background: var(--panel); padding: .6rem .8rem; border-left: 4px solid var(--good); }
.contested { border-left-color: var(--bad); }
.muted, footer { color: var(--muted); }
code { font-size: .9em; }
table { border-collapse: collapse; margin: .4rem 0; }
th, td { text-align: left; padding: .15rem .6rem .15rem 0; vertical-align: top; border-bottom: 1px solid var(--line); }
td.num, th.num { text-align: right; }
.answers { display: grid; grid-template-columns: repeat(3, 1fr); gap: 0 1rem; list-style: none; padding: 0;
  font-size: .85rem; }
.answers code { color: var(--muted); }
figure.chart { margin: .6rem 0; }
svg { max-width: 100%; height: auto; font: 13px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
svg text { fill: var(--fg); }
svg .strong { font-weight: bold; }
svg .note, svg .tick { fill: var(--muted); }
.bar rect { fill: var(--s0); }
.bar.emphasis rect { fill: var(--good); }
.bar.negative rect { fill: var(--bad); }
.zero { stroke: var(--fg); stroke-width: 1.5; }
.grid { stroke: var(--line); stroke-width: 1; }
.line { fill: none; stroke-width: 2.5; }
.s0 { stroke: var(--s0); } .s1 { stroke: var(--s1); } .s2 { stroke: var(--s2); }
.s3 { stroke: var(--s3); } .s4 { stroke: var(--s4); } .s5 { stroke: var(--s5); }
.part.p0 { fill: var(--s0); } .part.p1 { fill: var(--s1); } .part.p2 { fill: var(--s2); }
.part.p3 { fill: var(--s3); } .part.p4 { fill: var(--s4); } .part.p5 { fill: var(--s5); }
.marker line { stroke: var(--muted); stroke-width: 1; stroke-dasharray: 3 3; }
.marker.current line { stroke: var(--fg); stroke-width: 1.5; stroke-dasharray: none; }
.marker text { fill: var(--muted); font-size: 12px; }
.marker.current text { fill: var(--fg); font-weight: bold; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
@page { size: A4; margin: 14mm; }
@media print {
  :root { --fg: #000000; --muted: #333333; --bg: #ffffff; --panel: #f3f5f8; --line: #bbbbbb; }
  body { max-width: none; margin: 0; padding: 0; font-size: 8pt; line-height: 1.25; }
  h1 { font-size: 13pt; }
  h2 { font-size: 10.5pt; margin: .5rem 0 .15rem; break-after: avoid; }
  h3 { font-size: 9pt; margin: .35rem 0 .1rem; break-after: avoid; }
  p, ul, ol { margin: .15rem 0; }
  .verdict { font-size: 9.5pt; padding: .25rem .5rem; }
  .answers { grid-template-columns: repeat(4, 1fr); font-size: 7pt; }
  th, td { padding: 0 .5rem 0 0; }
  figure.chart { margin: .2rem 0; }
  figure.chart svg { width: 12cm; }
  #ranking-chart svg, #sure-chart svg, #parts-chart svg { width: 10cm; }
  figure.chart, table, li { break-inside: avoid; }
}
)";

} // namespace

std::string page(std::string_view title, std::string_view body) {
    return fmt::format("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
                       "<meta charset=\"utf-8\"/>\n"
                       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
                       "'unsafe-inline'\"/>\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                       "<meta name=\"color-scheme\" content=\"light dark\"/>\n"
                       "<meta name=\"generator\" content=\"makeorbuy {}\"/>\n"
                       "<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n{}</body>\n</html>\n",
                       MAKEORBUY_VERSION, svg::escape(title), k_style, body);
}

std::string answers_table(const Answers& answers, const RuleSet& rules) {
    std::string out = "<ul class=\"answers\">\n";
    for (const auto& q : rules.questions)
        if (const Answer* a = answers.find(q.key))
            out += fmt::format(
                "<li><code>{}</code> {}{}</li>\n", svg::escape(q.key), svg::escape(q.shown(a->value)),
                a->origin == Origin::default_value ? " <span class=\"muted\">(default)</span>" : "");
    return out + "</ul>\n";
}

std::string trace_footer(const RuleSet& rules, const CostReport* cost) {
    std::string prices;
    if (cost != nullptr)
        prices = fmt::format("Prices of {} (oldest price used {}). ", svg::escape(cost->as_of),
                             svg::escape(cost->oldest_price));
    else if (rules.prices != nullptr)
        prices = fmt::format("Prices of {}. ", svg::escape(rules.prices->as_of));
    return fmt::format(
        "<footer>\n<p>{}Rules <code>{}</code> version <code>{}</code>, fingerprint <code>{}</code>. "
        "Made by makeorbuy {}; its figures are the ones <code>--format json</code> gives for "
        "the same answers.</p>\n</footer>\n",
        prices, svg::escape(rules.id), svg::escape(rules.version), svg::escape(rules.fingerprint),
        MAKEORBUY_VERSION);
}

} // namespace makeorbuy::html
