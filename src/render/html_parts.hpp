#pragma once
// Internal to render/: the pieces the HTML report of `recommend` and `cost`
// share: the page around the sections, the answers, the cost section and the
// line that traces the page to its rules and prices.

#include "makeorbuy/core/answers.hpp"
#include "makeorbuy/core/cost.hpp"
#include "makeorbuy/core/rules.hpp"

#include <string>
#include <string_view>

namespace makeorbuy::html {

/// A whole page: the style sheet (light and dark, A4 print) and `body`.
/// `title` is plain text; `body` is HTML.
[[nodiscard]] std::string page(std::string_view title, std::string_view body);

/// Every answer as a list, defaults marked.
[[nodiscard]] std::string answers_table(const Answers& answers, const RuleSet& rules);

/// "Cost against volume": the workload, the cost lines over volume with the
/// current volume and the crossings, and each option's parts at that volume.
[[nodiscard]] std::string cost_section(const CostReport& cost, const RuleSet& rules);

/// The footer: the prices' date and the rules' id, version and fingerprint.
[[nodiscard]] std::string trace_footer(const RuleSet& rules, const CostReport* cost);

} // namespace makeorbuy::html
