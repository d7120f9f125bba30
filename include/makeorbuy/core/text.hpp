#pragma once
// Small text helpers shared by the loaders and renderers.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace makeorbuy {

[[nodiscard]] std::string to_lower(std::string_view text);
/// Whether the two are equal with ASCII letters compared case-blind (as to_lower does), without copying.
[[nodiscard]] bool equals_ignoring_case(std::string_view a, std::string_view b);
[[nodiscard]] std::string trim(std::string_view text);
/// The same, as a view into `text` (no copy).
[[nodiscard]] std::string_view trim_view(std::string_view text);
[[nodiscard]] std::string join(const std::vector<std::string>& items, std::string_view separator);

/// The closest candidate to `word` if it is close enough to be a likely typo
/// ("pre_pmf" -> "pre-pmf"), else nothing.
[[nodiscard]] std::optional<std::string> did_you_mean(std::string_view word,
                                                      const std::vector<std::string>& candidates);
/// `message` followed by "; did you mean 'X'?" when a candidate is close to
/// `word`, and by `otherwise` (a list of the candidates, say) when none is.
[[nodiscard]] std::string with_hint(std::string message, std::string_view word,
                                    const std::vector<std::string>& candidates,
                                    std::string_view otherwise = {});

/// Parses an amount as people write it: "30000", "50k", "1.2M", "$30,000",
/// "2.5e6". Returns nothing for anything else, including inf and nan.
[[nodiscard]] std::optional<double> parse_amount(std::string_view text);
/// Whether every comma in an amount separates thousands ("30,000",
/// "$1,234,567.5", "12,500k"); "35,5k", "1,,2" and "1.234,56" are not, and
/// parse_amount refuses them rather than guess which was meant.
[[nodiscard]] bool commas_group_thousands(std::string_view amount);
/// Whether an amount's points read as thousands separators, as they do in much
/// of Europe: one to three digits (not a leading 0) and then only groups of a
/// point and three digits, with no comma or suffix ("35.000", "$1.250",
/// "1.234.567"). parse_amount refuses these rather than take 35.000 for 35;
/// "0.125", "35.5", "35.00" and "1.250k" are read as decimals.
[[nodiscard]] bool points_group_thousands(std::string_view amount);
/// parse_amount, where `too_large`, when given, says whether a failure was a number too
/// large for a double ("1e309", "1e306k") rather than no number at all.
[[nodiscard]] std::optional<double> parse_amount(std::string_view text, bool* too_large);

/// A number as it should read in output: "30000", "0.25", "1e+09" never; at
/// most `decimals` places, no trailing zeros. From 10^15 up, the shortest
/// text that reads back to the same double: "1.5e300", "1.234567890123456e18".
[[nodiscard]] std::string format_number(double value, int decimals = 2);

/// "199,980": a count with thousands separated by commas.
[[nodiscard]] std::string group_thousands(std::size_t n);

/// "$30,000", "$1.2M" style money for prose, at every scale: whole dollars
/// below $10K, then K, M, B and T with the unit chosen after rounding (never
/// "$1000K"), and "over $999T" beyond that.
[[nodiscard]] std::string format_money(double usd);
/// A share of 1 as a whole percentage: 0.934 -> "93%"; a share that is neither
/// none nor all never reads 0% or 100%: 0.002 -> "<1%", 0.998 -> ">99%".
[[nodiscard]] std::string format_share(double share);
/// A count of things for prose: "9,500", "36.9M", "1.2B", "3T".
[[nodiscard]] std::string format_count(double n);

/// A duration in months for prose, as "paid back {}" reads it: "within a
/// month", "in 1 month", "in 7.5 months", "in 2.5 years", "in over 100 years".
[[nodiscard]] std::string format_months(double months);

/// "1 point", "0.5 points", "2 points": a score difference with its noun.
[[nodiscard]] std::string format_points(double points);

/// Wraps `text` to `width` columns, each line prefixed by `indent`.
[[nodiscard]] std::string wrap(std::string_view text, std::size_t width, std::string_view indent);
/// `lead` and then `text` wrapped to `width` columns, its later lines indented
/// to where the text began: "    growth             Product-market fit…".
[[nodiscard]] std::string hang(std::string_view lead, std::string_view text, std::size_t width);

} // namespace makeorbuy
