// The cost figures a rules table reads: each option's monthly cost in the
// cheaper of its forms (an open model on your own GPUs, or bought per token
// from an inference provider where the answers allow it), and the figures
// derived from them.

#include "makeorbuy/core/figures.hpp"

#include "makeorbuy/core/cost.hpp"
#include "makeorbuy/core/rules.hpp"
#include "makeorbuy/core/score.hpp"
#include "makeorbuy/core/text.hpp"

#include "volume_grid.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>

namespace makeorbuy {

namespace {

struct KindName {
    FigureKind kind;
    const char* name;
};

constexpr std::array<KindName, 10> k_kinds = {{
    {FigureKind::monthly_usd, "monthly-usd"},
    {FigureKind::ratio, "ratio"},
    {FigureKind::saving_usd, "saving-usd"},
    {FigureKind::payback_months, "payback-months"},
    {FigureKind::break_even_spend, "break-even-spend"},
    {FigureKind::team_share, "team-share"},
    {FigureKind::engineers, "engineers"},
    {FigureKind::per_token, "per-token"},
    {FigureKind::other_form_usd, "other-form-usd"},
    {FigureKind::form_crossover, "form-crossover"},
}};

// The volumes searched for cross-over points: the break-even search's grid
// (volume_grid.hpp), each crossing bisected.
using detail::k_grid_low_exponent;
using detail::k_grid_points_per_decade;
constexpr int k_grid_points = (detail::k_grid_high_exponent - k_grid_low_exponent) * k_grid_points_per_decade;
constexpr int k_bisections = 48;

// The grid's volumes, worked out once: the searches step through them for
// every option of every run.
double grid_volume(int i) {
    static const std::array<double, k_grid_points + 1> volumes = [] {
        std::array<double, k_grid_points + 1> v{};
        for (int n = 0; n <= k_grid_points; ++n)
            v[static_cast<std::size_t>(n)] =
                std::pow(10.0, k_grid_low_exponent + static_cast<double>(n) / k_grid_points_per_decade);
        return v;
    }();
    return volumes[static_cast<std::size_t>(i)];
}

// The first volume along the grid, from `start` in direction `step`, where
// `cheaper(R)` turns true, bisected; nullopt when it never does.
template <typename F> std::optional<double> first_crossing(double start, int step, F cheaper) {
    const double position = (std::log10(start) - k_grid_low_exponent) * k_grid_points_per_decade;
    int i = step > 0 ? static_cast<int>(std::floor(position)) + 1 : static_cast<int>(std::ceil(position)) - 1;
    double previous = start;
    for (; i >= 0 && i <= k_grid_points; i += step) {
        const double volume = grid_volume(i);
        if (cheaper(volume)) {
            double good = previous;
            double bad = volume;
            for (int n = 0; n < k_bisections; ++n) {
                const double mid = std::sqrt(good * bad);
                if (mid == good || mid == bad) break;
                (cheaper(mid) ? bad : good) = mid;
            }
            return bad;
        }
        previous = volume;
    }
    return std::nullopt;
}

} // namespace

struct CostFigures::Priced {
    std::vector<std::optional<PricedPlan>> plans; ///< by option; none: no cost plan
};

const char* to_string(FigureKind kind) {
    for (const auto& k : k_kinds)
        if (k.kind == kind) return k.name;
    return "?";
}

std::optional<FigureKind> figure_kind(std::string_view name) {
    for (const auto& k : k_kinds)
        if (name == k.name) return k.kind;
    return std::nullopt;
}

bool takes_two_options(FigureKind kind) {
    return kind == FigureKind::ratio;
}

std::vector<std::string> figure_names() {
    std::vector<std::string> names;
    names.reserve(k_kinds.size());
    for (const auto& k : k_kinds)
        names.emplace_back(k.name);
    return names;
}

std::string format_figure(FigureKind kind, double value) {
    switch (kind) {
    case FigureKind::monthly_usd:
    case FigureKind::saving_usd:
    case FigureKind::break_even_spend:
    case FigureKind::other_form_usd:
        return format_money(value);
    case FigureKind::ratio:
        return format_number(value, value < 10 ? 1 : 0) + "x";
    case FigureKind::payback_months:
        if (value < 1) return "under a month";
        return fmt::format("{} months", format_number(value, value < 10 ? 1 : 0));
    case FigureKind::team_share:
        return format_number(value * 100, 0) + "%";
    case FigureKind::engineers:
        return format_number(value, 2);
    case FigureKind::per_token:
        return value > 0 ? "bought per token" : "on your own GPUs";
    case FigureKind::form_crossover:
        return format_count(value);
    }
    return format_number(value);
}

bool per_token_allowed(const Answers& answers, const RuleSet& rules) {
    for (const Constraint& constraint : rules.constraints)
        if (constraint.exclude_per_token && holds(constraint.when, answers)) return false;
    return true;
}

CostFigures::CostFigures(const Answers& answers, const RuleSet& rules, const PriceTable& prices,
                         bool per_token_ok)
    : m_prices(&prices)
    , m_profile(&profile_for(answers, prices))
    , m_per_token_ok(per_token_ok) {
    const Workload workload = workload_for(answers, prices, *m_profile); // the plans copy what they need
    m_requests = workload.requests_per_month;
    if (const Value* team = answers.value("team-size"))
        if (const auto* number = std::get_if<double>(team); number != nullptr && *number > 0)
            m_team = *number;
    m_reference = rules.find_option(m_profile->reference_option).value_or(rules.options.size());
    m_options.resize(rules.options.size());
    auto priced = std::make_shared<Priced>();
    priced->plans.resize(rules.options.size());
    for (std::size_t o = 0; o < rules.options.size(); ++o)
        if (const OptionPlan* plan = m_profile->find_plan(rules.options[o].id))
            priced->plans[o].emplace(*plan, workload, prices);
    // Shared, not copied: copies of the figures read the same prices.
    m_priced = std::move(priced);
    for (std::size_t o = 0; o < rules.options.size(); ++o)
        if (m_priced->plans[o]) m_options[o] = cost_at(o, m_requests);
}

OptionFigures CostFigures::cost_at(std::size_t option, double requests) const {
    const PricedPlan& priced = *m_priced->plans[option];
    OptionFigures f;
    f.plan = &priced.plan();
    f.known = true;
    f.monthly_usd = priced.monthly_usd(requests);
    f.setup_usd = f.plan->setup_months * m_prices->engineer_usd_per_year / 12;
    f.engineers = f.plan->engineers(priced.replicas(requests));
    const std::optional<double> per_token = priced.alternative_usd(requests);
    if (!per_token || !m_per_token_ok) return f;
    if (*per_token < f.monthly_usd) {
        f.other_form_usd = f.monthly_usd;
        f.monthly_usd = *per_token;
        f.setup_usd = 0;
        f.engineers = 0;
        f.per_token = true;
    } else {
        f.other_form_usd = *per_token;
    }
    return f;
}

std::optional<OptionFigures> CostFigures::at_volume(std::size_t index, double requests) const {
    if (option(index) == nullptr) return std::nullopt;
    return cost_at(index, requests);
}

const OptionFigures* CostFigures::option(std::size_t index) const {
    if (index >= m_options.size() || !m_options[index].known) return nullptr;
    return &m_options[index];
}

std::optional<double> CostFigures::break_even_spend(std::size_t option) const {
    if (option == m_reference || m_reference >= m_options.size() || !m_options[m_reference].known)
        return std::nullopt;
    auto cheaper = [&](double requests) {
        return cost_at(option, requests).monthly_usd <= cost_at(m_reference, requests).monthly_usd;
    };
    const double low = grid_volume(0);
    std::optional<double> volume =
        cheaper(low) ? std::optional<double>(low) : first_crossing(low, +1, cheaper);
    if (!volume) return std::nullopt;
    return cost_at(m_reference, *volume).monthly_usd;
}

std::optional<double> CostFigures::form_crossover(std::size_t option) const {
    const OptionFigures& now = m_options[option];
    if (!now.other_form_usd || m_requests <= 0) return std::nullopt;
    const bool per_token_now = now.per_token;
    const PricedPlan& priced = *m_priced->plans[option]; // has a per-token form: other_form_usd is set
    // Per token now: own GPUs cost less at some higher volume, if any; own
    // GPUs now: buying per token costs less at some lower volume.
    return first_crossing(m_requests, per_token_now ? +1 : -1, [&](double requests) {
        // cost_at(option, requests).per_token, without the figures the test does not read.
        return (*priced.alternative_usd(requests) < priced.monthly_usd(requests)) != per_token_now;
    });
}

std::optional<double> CostFigures::value(const FigureRef& figure) const {
    const OptionFigures* f = option(figure.option);
    if (f == nullptr) return std::nullopt;
    switch (figure.kind) {
    case FigureKind::monthly_usd:
        return f->monthly_usd;
    case FigureKind::ratio: {
        const OptionFigures* other = option(figure.other);
        if (other == nullptr || other->monthly_usd <= 0) return std::nullopt;
        return f->monthly_usd / other->monthly_usd;
    }
    case FigureKind::saving_usd: {
        const OptionFigures* reference = option(m_reference);
        if (reference == nullptr) return std::nullopt;
        return reference->monthly_usd - f->monthly_usd;
    }
    case FigureKind::payback_months: {
        const OptionFigures* reference = option(m_reference);
        if (reference == nullptr || figure.option == m_reference) return std::nullopt;
        const double saving = reference->monthly_usd - f->monthly_usd;
        if (saving <= 0) return std::nullopt;
        return f->setup_usd / saving;
    }
    case FigureKind::break_even_spend:
        return break_even_spend(figure.option);
    case FigureKind::team_share:
        if (!m_team) return std::nullopt;
        return f->engineers / *m_team;
    case FigureKind::engineers:
        return f->engineers;
    case FigureKind::per_token:
        return f->per_token ? 1.0 : 0.0;
    case FigureKind::other_form_usd:
        return f->other_form_usd;
    case FigureKind::form_crossover:
        return form_crossover(figure.option);
    }
    return std::nullopt;
}

} // namespace makeorbuy

namespace makeorbuy {

std::optional<FigureRef> parse_figure(std::string_view name, const RuleSet& rules) {
    if (name.substr(0, k_figure_prefix.size()) != k_figure_prefix) return std::nullopt;
    const std::string_view rest = name.substr(k_figure_prefix.size());
    const std::size_t colon = rest.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    const auto kind = figure_kind(rest.substr(0, colon));
    if (!kind) return std::nullopt;
    const std::string_view options = rest.substr(colon + 1);
    const std::size_t slash = options.find('/');
    if (takes_two_options(*kind) != (slash != std::string_view::npos)) return std::nullopt;
    const auto first = rules.find_option(std::string(options.substr(0, slash)));
    if (!first) return std::nullopt;
    FigureRef ref{*kind, *first, 0};
    if (slash != std::string_view::npos) {
        const auto second = rules.find_option(std::string(options.substr(slash + 1)));
        if (!second || *second == *first) return std::nullopt;
        ref.other = *second;
    }
    return ref;
}

std::vector<Placeholder> placeholders(std::string_view text) {
    std::vector<Placeholder> found;
    const std::string opening = "{" + std::string(k_figure_prefix);
    std::size_t at = text.find(opening);
    while (at != std::string_view::npos) {
        const std::size_t close = text.find('}', at);
        if (close == std::string_view::npos) break;
        found.push_back({text.substr(at + 1, close - at - 1), at, close + 1});
        at = text.find(opening, close);
    }
    return found;
}

std::string fill_figures(std::string_view text, const CostFigures& figures, const RuleSet& rules) {
    std::string out;
    std::size_t done = 0;
    for (const Placeholder& p : placeholders(text)) {
        out.append(text.substr(done, p.begin - done));
        const auto ref = parse_figure(p.name, rules);
        const std::optional<double> value = ref ? figures.value(*ref) : std::nullopt;
        out += value ? format_figure(ref->kind, *value) : "(not known)";
        done = p.end;
    }
    out.append(text.substr(done));
    return out;
}

} // namespace makeorbuy
