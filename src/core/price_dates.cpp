// The age of prices: calendar arithmetic on ISO dates, and the rows of a
// price file listed oldest first.

#include "makeorbuy/core/price_dates.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>

namespace makeorbuy {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
long days_from_civil(long y, long m, long d) {
    y -= m <= 2 ? 1 : 0;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

std::optional<long> day_number(std::string_view date) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
    auto number = [&](std::size_t at, std::size_t n) -> std::optional<long> {
        long value = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            if (date[i] < '0' || date[i] > '9') return std::nullopt;
            value = value * 10 + (date[i] - '0');
        }
        return value;
    };
    const auto year = number(0, 4);
    const auto month = number(5, 2);
    const auto day = number(8, 2);
    if (!year || !month || !day || *month < 1 || *month > 12 || *day < 1) return std::nullopt;
    const bool leap = (*year % 4 == 0 && *year % 100 != 0) || *year % 400 == 0;
    constexpr std::array<long, 12> k_days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const long last = k_days[static_cast<std::size_t>(*month - 1)] + (leap && *month == 2 ? 1 : 0);
    if (*day > last) return std::nullopt;
    return days_from_civil(*year, *month, *day);
}

// The older of two dates; an empty or unreadable one loses.
void keep_older(std::string& oldest, const std::string& date) {
    if (!day_number(date)) return;
    if (oldest.empty() || date < oldest) oldest = date; // ISO dates sort as text
}

} // namespace

std::optional<long> days_between(std::string_view from, std::string_view to) {
    const auto a = day_number(from);
    const auto b = day_number(to);
    if (!a || !b) return std::nullopt;
    return *b - *a;
}

std::vector<PriceFigure> price_figures(const nlohmann::json& root) {
    std::vector<PriceFigure> rows;
    auto add = [&](const char* section, const std::string& id, const nlohmann::json& row,
                   std::vector<std::pair<std::string, double>> values) {
        PriceFigure figure;
        figure.section = section;
        figure.id = id;
        figure.values = std::move(values);
        // Not every section's loader reads its date: anything but a string counts as none.
        auto text = [&](const char* key) {
            auto it = row.find(key);
            return it != row.end() && it->is_string() ? it->get<std::string>() : std::string();
        };
        figure.source = text("source");
        figure.date = text("retrieved_on");
        rows.push_back(std::move(figure));
    };
    // The numbers of a row, in the file's order.
    auto numbers = [](const nlohmann::json& row) {
        std::vector<std::pair<std::string, double>> values;
        for (const auto& [key, value] : row.items())
            if (value.is_number()) values.emplace_back(key, value.get<double>());
        return values;
    };
    if (auto it = root.find("defaults"); it != root.end() && it->is_object())
        for (const auto& [id, row] : it->items())
            if (row.is_object() && row.contains("value") && row["value"].is_number())
                add("defaults", id, row, {{"value", row["value"].get<double>()}});
    for (const char* section : {"volume_patterns", "latency_classes", "task_kinds", "api_models",
                                "gpu_offers", "serving_profiles", "fine_tuning"}) {
        auto it = root.find(section);
        if (it == root.end() || !it->is_object()) continue;
        for (const auto& [key, value] : it->items()) {
            if (!value.is_object()) continue;
            const std::string& id = key;
            const nlohmann::json& row = value;
            std::vector<std::pair<std::string, double>> values = numbers(row);
            // Cached-input and batch prices have sources and dates of their own: rows of their own.
            auto split = [&](std::initializer_list<const char*> keys, const char* source, const char* date,
                             const char* what) {
                std::vector<std::pair<std::string, double>> own;
                for (const char* name : keys) {
                    auto at = std::find_if(values.begin(), values.end(),
                                           [&](const auto& v) { return v.first == name; });
                    if (at == values.end()) continue;
                    own.push_back(*at);
                    values.erase(at);
                }
                if (own.empty()) return;
                nlohmann::json dates = nlohmann::json::object();
                if (auto found = row.find(source); found != row.end()) dates["source"] = *found;
                if (auto found = row.find(date); found != row.end()) dates["retrieved_on"] = *found;
                add(section, id + " (" + what + ")", dates, std::move(own));
            };
            split({"cache_read_input_token_cost"}, "cache_source", "cache_retrieved_on", "cached input");
            split({"input_cost_per_token_batches", "output_cost_per_token_batches"}, "batch_source",
                  "batch_retrieved_on", "batch");
            add(section, id, row, std::move(values));
            if (auto tier = row.find("tier"); tier != row.end() && tier->is_string())
                rows.back().tier = tier->get<std::string>();
        }
    }
    // Each plan's engineers by fleet size: "fte_up_to_4" 2, ..., "fte_above_16" 8.
    if (auto it = root.find("profiles"); it != root.end() && it->is_object())
        for (const auto& [profile, row] : it->items()) {
            auto options = row.is_object() ? row.find("options") : row.end();
            if (options == row.end() || !options->is_object()) continue;
            for (const auto& [option, plan] : options->items()) {
                auto staffing = plan.is_object() ? plan.find("staffing") : plan.end();
                if (staffing == plan.end() || !staffing->is_object()) continue;
                auto bands = staffing->find("bands");
                if (bands == staffing->end() || !bands->is_array()) continue;
                std::vector<std::pair<std::string, double>> values;
                std::string below = "0";
                for (const auto& band : *bands) {
                    auto fte = band.is_object() ? band.find("fte") : band.end();
                    if (fte == band.end() || !fte->is_number()) continue;
                    auto up_to = band.find("up_to_replicas");
                    if (up_to != band.end() && up_to->is_number()) {
                        below = up_to->dump();
                        values.emplace_back("fte_up_to_" + below, fte->get<double>());
                    } else {
                        values.emplace_back("fte_above_" + below, fte->get<double>());
                    }
                }
                std::string id = profile;
                id += '/';
                id += option;
                add("staffing", id, *staffing, std::move(values));
            }
        }
    // Oldest first; undated rows after every dated one, each group in file order.
    std::stable_sort(rows.begin(), rows.end(), [](const PriceFigure& a, const PriceFigure& b) {
        const bool a_dated = day_number(a.date).has_value();
        const bool b_dated = day_number(b.date).has_value();
        if (a_dated != b_dated) return a_dated;
        return a_dated && a.date < b.date;
    });
    return rows;
}

std::string oldest_price(const PriceTable& prices, const CostProfile& profile) {
    return oldest_price(prices, profile, Workload{});
}

std::string oldest_price(const PriceTable& prices, const CostProfile& profile, const Workload& workload) {
    std::string oldest;
    // A model's list price, and its batch or cached-input prices where the workload pays them.
    auto dated = [&](const ApiModel* m) {
        if (m == nullptr) return;
        keep_older(oldest, m->retrieved_on);
        if (pays_batch(*m, workload)) keep_older(oldest, m->batch_retrieved_on);
        if (workload.cached_share > 0 && m->cached_input_per_token) keep_older(oldest, m->cache_retrieved_on);
    };
    auto model = [&](const std::string& id) { dated(id.empty() ? nullptr : prices.find_api_model(id)); };
    for (const OptionPlan& plan : profile.plans) {
        dated(api_model_of(plan, workload, prices));
        model(plan.alternative_api_model);
        if (const GpuOffer* offer = plan.gpu_offer.empty() ? nullptr : prices.find_gpu_offer(plan.gpu_offer))
            keep_older(oldest, offer->retrieved_on);
    }
    return oldest.empty() ? prices.as_of : oldest;
}

std::string oldest_price(const PriceTable& prices) {
    std::string oldest;
    for (const ApiModel& m : prices.api_models)
        keep_older(oldest, m.retrieved_on);
    for (const GpuOffer& offer : prices.gpu_offers)
        keep_older(oldest, offer.retrieved_on);
    return oldest.empty() ? prices.as_of : oldest;
}

} // namespace makeorbuy
