#pragma once
// Figures the cost model works out for one run, which a rules table can test
// in conditions, scale rules by and quote in texts, written
// "cost:<figure>:<option>" or "cost:ratio:<option>/<other>" (rules/FORMAT.md).

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace makeorbuy {

class Answers;
struct RuleSet;
struct PriceTable;
struct OptionPlan;
struct CostProfile;

enum class FigureKind {
    monthly_usd,      ///< the option's monthly cost, in the form costed
    ratio,            ///< option's monthly cost over the other option's
    saving_usd,       ///< the reference option's monthly cost minus the option's
    payback_months,   ///< setup over the monthly saving; unknown without a saving
    break_even_spend, ///< reference monthly cost at the volume where the option costs the same
    team_share,       ///< engineers the option needs over team-size
    engineers,        ///< engineers the option needs, in the form costed
    per_token,        ///< 1 when an open model is costed bought per token, else 0
    other_form_usd,   ///< monthly cost of the form not costed
    form_crossover,   ///< requests a month, nearest today's, where the two forms cost the same
};

inline constexpr std::string_view k_figure_prefix = "cost:";

struct FigureRef {
    FigureKind kind = FigureKind::monthly_usd;
    std::size_t option = 0; ///< index into RuleSet::options
    std::size_t other = 0;  ///< ratio only

    bool operator==(const FigureRef&) const = default;
};

[[nodiscard]] const char* to_string(FigureKind kind);
[[nodiscard]] std::optional<FigureKind> figure_kind(std::string_view name);
[[nodiscard]] bool takes_two_options(FigureKind kind);
[[nodiscard]] std::vector<std::string> figure_names();

/// How a figure reads in a text: "$113.7K", "2.4x", "7 months", "17%".
[[nodiscard]] std::string format_figure(FigureKind kind, double value);

/// Where the other form of an option (per token or own GPUs) is not open:
/// whether the answers rule out buying a model per token (a constraint with
/// exclude_per_token holds).
[[nodiscard]] bool per_token_allowed(const Answers& answers, const RuleSet& rules);

/// One option's cost as the ranking sees it: the cheaper of its forms.
struct OptionFigures {
    bool known = false;
    double monthly_usd = 0;
    double setup_usd = 0;
    double engineers = 0;
    bool per_token = false;
    std::optional<double> other_form_usd;
    const OptionPlan* plan = nullptr;
};

/// The figures of one run. Pure and cheap: each option's cost once; the
/// break-even and cross-over volumes, which search, only when asked.
class CostFigures {
public:
    CostFigures() = default; ///< no figure known
    /// Throws Error when the answers name a cost profile the table lacks.
    CostFigures(const Answers& answers, const RuleSet& rules, const PriceTable& prices, bool per_token_ok);

    [[nodiscard]] std::optional<double> value(const FigureRef& figure) const;
    [[nodiscard]] const OptionFigures* option(std::size_t index) const;
    [[nodiscard]] bool known() const { return m_prices != nullptr; }
    /// One option's figures at another volume, `requests` a month, in the
    /// cheaper of its allowed forms at that volume (the same model as
    /// option()); nullopt when the option has no cost plan.
    [[nodiscard]] std::optional<OptionFigures> at_volume(std::size_t index, double requests) const;
    /// The requests a month the figures are worked out for.
    [[nodiscard]] double requests() const { return m_requests; }

private:
    [[nodiscard]] OptionFigures cost_at(std::size_t option, double requests) const;
    [[nodiscard]] std::optional<double> break_even_spend(std::size_t option) const;
    [[nodiscard]] std::optional<double> form_crossover(std::size_t option) const;

    const PriceTable* m_prices = nullptr;
    const CostProfile* m_profile = nullptr;
    struct Priced; ///< each option's plan priced for the answers' workload
    std::shared_ptr<const Priced> m_priced;
    double m_requests = 0;
    std::optional<double> m_team;
    bool m_per_token_ok = true;
    std::size_t m_reference = 0;
    std::vector<OptionFigures> m_options;
};

} // namespace makeorbuy

namespace makeorbuy {

/// A figure name as written ("cost:ratio:frontier-api/self-hosted"), read
/// against the table's options; nullopt when it is not one. (The rules
/// loader reports why; this is for names it has already checked.)
[[nodiscard]] std::optional<FigureRef> parse_figure(std::string_view name, const RuleSet& rules);

/// Each placeholder "{cost:...}" in a text: the name inside the braces and
/// its offset. For the loader's checks and for fill_figures().
struct Placeholder {
    std::string_view name;
    std::size_t begin = 0; ///< of "{"
    std::size_t end = 0;   ///< one past "}"
};
[[nodiscard]] std::vector<Placeholder> placeholders(std::string_view text);

/// The text with each placeholder replaced by this run's figure, formatted
/// for people ("$113.7K", "2.4x"), or "(not known)" where the figure is not.
[[nodiscard]] std::string fill_figures(std::string_view text, const CostFigures& figures,
                                       const RuleSet& rules);

} // namespace makeorbuy
