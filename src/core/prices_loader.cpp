// Reads rules/prices.json (or a --prices file) into a PriceTable, reporting
// every problem at its FILE:LINE:COLUMN, as the rules loader does.

#include "makeorbuy/core/cost.hpp"

#include "makeorbuy/core/price_dates.hpp"
#include "makeorbuy/core/prices_loader.hpp"
#include "makeorbuy/core/text.hpp"
#include "rules_reader.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace makeorbuy {

using detail::Field;
using detail::RulesReader;
using nlohmann::json;

namespace {

template <typename Row> const Row* find_row(const std::vector<Row>& rows, const std::string& id) {
    for (const auto& row : rows)
        if (row.id == id) return &row;
    return nullptr;
}

class PricesLoader {
public:
    PricesLoader(const JsonDocument& doc, Diagnostics& diagnostics)
        : m_doc(doc)
        , m_read(doc, diagnostics) {}

    PriceTable load() {
        const json& root = m_doc.root();
        if (!root.is_object()) {
            m_read.error_at("", "a price file must hold one JSON object");
            return std::move(m_table);
        }
        m_read.check_fields(root, "",
                            {"$schema", "schema_version", "currency", "as_of", "note", "defaults",
                             "default_profile", "api_models", "gpu_offers", "serving_profiles", "fine_tuning",
                             "profiles", "volume_patterns", "latency_classes", "task_kinds"},
                            "the price file");
        if (auto version = m_read.number_field(root, "", "schema_version", Field::required, 1, 1))
            (void)version;
        m_table.currency = m_read.string_field(root, "", "currency", Field::optional).value_or("USD");
        if (m_table.currency != "USD") m_read.error_at("/currency", "only USD prices are supported");
        m_table.as_of = m_read.string_field(root, "", "as_of", Field::optional).value_or("");
        read_defaults(root);
        // The values of the interface's volume-pattern and latency questions.
        read_factors(root, "volume_patterns", "volume pattern", "peak_to_average",
                     {"steady", "spiky", "unknown"}, 1, 100, m_table.volume_patterns);
        read_factors(root, "latency_classes", "latency class", "target_utilization",
                     {"batch", "interactive", "realtime"}, 0.01, 1, m_table.latency_classes);
        // The task question's values: output tokens a request generates, reasoning included, per answer
        // token.
        read_factors(root, "task_kinds", "task", "reasoning_factor", {"narrow", "general", "complex"}, 1, 20,
                     m_table.task_kinds);
        read_api_models(root);
        read_gpu_offers(root);
        read_serving(root);
        read_fine_tuning(root);
        read_profiles(root);
        m_table.default_profile =
            m_read.string_field(root, "", "default_profile", Field::required).value_or("");
        if (!m_table.default_profile.empty() && m_table.find_profile(m_table.default_profile) == nullptr)
            m_read.error_at("/default_profile",
                            unknown("profile", m_table.default_profile, ids(m_table.profiles)));
        return std::move(m_table);
    }

private:
    template <typename Row> static std::vector<std::string> ids(const std::vector<Row>& rows) {
        std::vector<std::string> out;
        out.reserve(rows.size());
        for (const auto& row : rows)
            out.push_back(row.id);
        return out;
    }

    static std::string unknown(const char* what, const std::string& id,
                               const std::vector<std::string>& known) {
        return with_hint(fmt::format("unknown {} '{}'", what, id), id, known,
                         fmt::format(" (known: {})", join(known, ", ")));
    }

    // An object of rows keyed by id; calls `row` for each member that is an object.
    template <typename F> void each_row(const json& root, const char* name, Field field, F row) {
        auto it = root.find(name);
        const std::string at = pointer_append("", name);
        if (it == root.end()) {
            if (field == Field::required)
                m_read.error_at("", fmt::format("missing required field '{}'", name));
            return;
        }
        if (!it->is_object()) {
            m_read.error_at(at, fmt::format("'{}' must be an object keyed by id", name));
            return;
        }
        for (const auto& [id, value] : it->items()) {
            const std::string item = pointer_append(at, id);
            if (!value.is_object()) {
                m_read.error_at(item, fmt::format("'{}' must be an object", id));
                continue;
            }
            row(id, value, item);
        }
    }

    void read_defaults(const json& root) {
        struct Default {
            const char* name;
            double* target;
            double low;
            double high;
        };
        const Default fields[] = {
            {"hours_per_month", &m_table.hours_per_month, 1, 744},
            {"target_utilization", &m_table.target_utilization, 0.01, 1},
            {"peak_to_average", &m_table.peak_to_average, 1, 100},
            {"min_replicas", &m_table.min_replicas, 1, 1000},
            {"horizon_months", &m_table.horizon_months, 1, 120},
            {"tokens_in", &m_table.tokens_in, 0, 1e7},
            {"tokens_out", &m_table.tokens_out, 1, 1e7},
            {"engineer_usd_per_year", &m_table.engineer_usd_per_year, 0, 1e8},
        };
        auto it = root.find("defaults");
        if (it == root.end()) return;
        if (!it->is_object()) {
            m_read.error_at("/defaults", "'defaults' must be an object");
            return;
        }
        for (const auto& [key, value] : it->items()) {
            const std::string at = pointer_append("/defaults", key);
            const Default* field = nullptr;
            for (const auto& f : fields)
                if (key == f.name) field = &f;
            if (field == nullptr) {
                std::vector<std::string> names;
                for (const auto& f : fields)
                    names.emplace_back(f.name);
                m_read.error_at_key(at, unknown("default", key, names));
                continue;
            }
            // Each default is {"value": N, "source": "..."}: a figure with where it comes from.
            if (!value.is_object()) {
                m_read.error_at(at, fmt::format("'{}' must be an object with 'value' and 'source'", key));
                continue;
            }
            m_read.check_fields(value, at, {"value", "source", "retrieved_on"}, "a default");
            m_read.string_field(value, at, "source", Field::required);
            if (auto number =
                    m_read.number_field(value, at, "value", Field::required, field->low, field->high))
                *field->target = *number;
        }
    }

    // An answer's value to one serving figure with its source, e.g.
    // "volume_patterns": {"spiky": {"peak_to_average": 4, "source": "..."}}.
    void read_factors(const json& root, const char* section, const char* what, const char* figure,
                      const std::vector<std::string>& answers, double low, double high,
                      std::vector<ServingFactor>& out) {
        each_row(root, section, Field::optional,
                 [&](const std::string& id, const json& row, const std::string& at) {
                     if (std::find(answers.begin(), answers.end(), id) == answers.end()) {
                         m_read.error_at_key(at, unknown(what, id, answers));
                         return;
                     }
                     m_read.check_fields(row, at, {figure, "source", "retrieved_on"}, section);
                     ServingFactor factor;
                     factor.id = id;
                     factor.value =
                         m_read.number_field(row, at, figure, Field::required, low, high).value_or(low);
                     factor.source = m_read.string_field(row, at, "source", Field::required).value_or("");
                     factor.retrieved_on =
                         m_read.string_field(row, at, "retrieved_on", Field::optional).value_or("");
                     out.push_back(std::move(factor));
                 });
    }

    void read_api_models(const json& root) {
        each_row(
            root, "api_models", Field::required,
            [&](const std::string& id, const json& row, const std::string& at) {
                // litellm rows carry many more fields; only these are read, the rest ignored.
                ApiModel model;
                model.id = id;
                model.input_per_token =
                    m_read.number_field(row, at, "input_cost_per_token", Field::required, 0, 1).value_or(0);
                model.output_per_token =
                    m_read.number_field(row, at, "output_cost_per_token", Field::required, 0, 1).value_or(0);
                model.source = m_read.string_field(row, at, "source", Field::required).value_or("");
                model.retrieved_on =
                    m_read.string_field(row, at, "retrieved_on", Field::optional).value_or("");
                model.litellm_key = m_read.string_field(row, at, "litellm_key", Field::optional).value_or("");
                model.tier = read_tier(row, at);
                read_discounts(row, at, model);
                m_table.api_models.push_back(std::move(model));
            });
    }

    // The quality tier a model is compared in; required, one of quality_tiers().
    std::string read_tier(const json& row, const std::string& at) {
        std::string tier = m_read.string_field(row, at, "tier", Field::required).value_or("");
        const auto& tiers = quality_tiers();
        if (!tier.empty() && std::find(tiers.begin(), tiers.end(), tier) == tiers.end()) {
            m_read.error_at(pointer_append(at, "tier"), unknown("tier", tier, tiers));
            tier.clear();
        }
        return tier;
    }

    // A date that must be there and read as YYYY-MM-DD.
    std::string required_date(const json& row, const std::string& at, const char* field) {
        std::string date = m_read.string_field(row, at, field, Field::required).value_or("");
        if (row.contains(field) && row[field].is_string() && !days_between(date, date))
            m_read.error_at(pointer_append(at, field),
                            fmt::format("'{}' must be a date written YYYY-MM-DD, not '{}'", field, date));
        return date;
    }

    // Cached-input and batch prices (litellm's field names), each kind with its own source and date.
    void read_discounts(const json& row, const std::string& at, ApiModel& model) {
        if (row.contains("cache_read_input_token_cost")) {
            model.cached_input_per_token =
                m_read.number_field(row, at, "cache_read_input_token_cost", Field::required, 0, 1);
            model.cache_source = m_read.string_field(row, at, "cache_source", Field::required).value_or("");
            model.cache_retrieved_on = required_date(row, at, "cache_retrieved_on");
        }
        const bool batch_in = row.contains("input_cost_per_token_batches");
        const bool batch_out = row.contains("output_cost_per_token_batches");
        if (batch_in != batch_out)
            m_read.error_at(pointer_append(at, batch_in ? "input_cost_per_token_batches"
                                                        : "output_cost_per_token_batches"),
                            "batch prices come in pairs: give both 'input_cost_per_token_batches' and "
                            "'output_cost_per_token_batches'");
        if (batch_in && batch_out) {
            model.batch_input_per_token =
                m_read.number_field(row, at, "input_cost_per_token_batches", Field::required, 0, 1);
            model.batch_output_per_token =
                m_read.number_field(row, at, "output_cost_per_token_batches", Field::required, 0, 1);
            model.batch_source = m_read.string_field(row, at, "batch_source", Field::required).value_or("");
            model.batch_retrieved_on = required_date(row, at, "batch_retrieved_on");
        }
    }

    void read_gpu_offers(const json& root) {
        each_row(
            root, "gpu_offers", Field::required,
            [&](const std::string& id, const json& row, const std::string& at) {
                m_read.check_fields(row, at,
                                    {"gpu", "usd_per_gpu_hour", "provisioning", "source", "retrieved_on"},
                                    "a GPU offer");
                GpuOffer offer;
                offer.id = id;
                offer.gpu = m_read.string_field(row, at, "gpu", Field::optional).value_or("");
                offer.usd_per_gpu_hour =
                    m_read.number_field(row, at, "usd_per_gpu_hour", Field::required, 0, 1000).value_or(0);
                offer.source = m_read.string_field(row, at, "source", Field::required).value_or("");
                offer.retrieved_on =
                    m_read.string_field(row, at, "retrieved_on", Field::optional).value_or("");
                m_table.gpu_offers.push_back(std::move(offer));
            });
    }

    void read_serving(const json& root) {
        each_row(
            root, "serving_profiles", Field::required,
            [&](const std::string& id, const json& row, const std::string& at) {
                m_read.check_fields(row, at,
                                    {"model", "gpus_per_replica", "output_tokens_per_s", "engine", "tier",
                                     "source", "retrieved_on"},
                                    "a serving profile");
                ServingProfile serving;
                serving.id = id;
                serving.model = m_read.string_field(row, at, "model", Field::optional).value_or("");
                serving.gpus_per_replica =
                    m_read.number_field(row, at, "gpus_per_replica", Field::required, 1, 1024).value_or(1);
                serving.output_tokens_per_s =
                    m_read.number_field(row, at, "output_tokens_per_s", Field::required, 0.001, 1e9)
                        .value_or(1);
                serving.source = m_read.string_field(row, at, "source", Field::required).value_or("");
                serving.tier = read_tier(row, at);
                m_table.serving.push_back(std::move(serving));
            });
    }

    void read_fine_tuning(const json& root) {
        each_row(
            root, "fine_tuning", Field::optional,
            [&](const std::string& id, const json& row, const std::string& at) {
                m_read.check_fields(row, at,
                                    {"gpu_hours_per_run", "runs", "data_usd", "eval_usd",
                                     "retrain_every_months", "source", "retrieved_on"},
                                    "a fine-tuning entry");
                FineTuning tuning;
                tuning.id = id;
                tuning.gpu_hours_per_run =
                    m_read.number_field(row, at, "gpu_hours_per_run", Field::required, 0, 1e7).value_or(0);
                tuning.runs = m_read.number_field(row, at, "runs", Field::optional, 1, 1e4).value_or(1);
                tuning.data_usd =
                    m_read.number_field(row, at, "data_usd", Field::optional, 0, 1e9).value_or(0);
                tuning.eval_usd =
                    m_read.number_field(row, at, "eval_usd", Field::optional, 0, 1e9).value_or(0);
                tuning.retrain_every_months =
                    m_read.number_field(row, at, "retrain_every_months", Field::optional, 0, 120).value_or(0);
                tuning.source = m_read.string_field(row, at, "source", Field::required).value_or("");
                m_table.fine_tuning.push_back(std::move(tuning));
            });
    }

    // A reference from a plan to a row of another section, checked here so
    // that a typo is reported where it was made.
    template <typename Row>
    std::string reference(const json& plan, const std::string& at, const char* field,
                          const std::vector<Row>& rows, const char* what) {
        std::string id = m_read.string_field(plan, at, field, Field::optional).value_or("");
        if (!id.empty() && find_row(rows, id) == nullptr)
            m_read.error_at(pointer_append(at, field), unknown(what, id, ids(rows)));
        return id;
    }

    void read_profiles(const json& root) {
        each_row(root, "profiles", Field::required,
                 [&](const std::string& id, const json& row, const std::string& at) {
                     m_read.check_fields(row, at, {"text", "reference_option", "options"}, "a profile");
                     CostProfile profile;
                     profile.id = id;
                     profile.text = m_read.string_field(row, at, "text", Field::optional).value_or("");
                     profile.reference_option =
                         m_read.string_field(row, at, "reference_option", Field::required).value_or("");
                     const std::string options_at = pointer_append(at, "options");
                     auto options = row.find("options");
                     if (options == row.end() || !options->is_object()) {
                         m_read.error_at(options == row.end() ? at : options_at,
                                         "a profile needs 'options': option id to plan");
                     } else {
                         for (const auto& [option, plan_json] : options->items())
                             profile.plans.push_back(
                                 read_plan(option, plan_json, pointer_append(options_at, option)));
                     }
                     bool has_reference = false;
                     for (const auto& plan : profile.plans)
                         if (plan.option == profile.reference_option) has_reference = !plan.api_model.empty();
                     if (!has_reference && !profile.reference_option.empty())
                         m_read.error_at(
                             pointer_append(at, "reference_option"),
                             "the reference option must have a plan with an 'api_model' (monthly spend is "
                             "counted at its price)");
                     m_table.profiles.push_back(std::move(profile));
                 });
    }

    OptionPlan read_plan(const std::string& option, const json& row, const std::string& at) {
        OptionPlan plan;
        plan.option = option;
        if (!row.is_object()) {
            m_read.error_at(at, "a plan must be an object");
            return plan;
        }
        m_read.check_fields(row, at,
                            {"api_model", "gpu_offer", "serving", "fte", "staffing", "setup_months",
                             "fine_tuning", "alternative_api_model"},
                            "an option's plan");
        plan.api_model = reference(row, at, "api_model", m_table.api_models, "API model");
        plan.gpu_offer = reference(row, at, "gpu_offer", m_table.gpu_offers, "GPU offer");
        plan.serving = reference(row, at, "serving", m_table.serving, "serving profile");
        plan.fine_tuning = reference(row, at, "fine_tuning", m_table.fine_tuning, "fine-tuning entry");
        plan.alternative_api_model =
            reference(row, at, "alternative_api_model", m_table.api_models, "API model");
        plan.fte = m_read.number_field(row, at, "fte", Field::optional, 0, 1000).value_or(0);
        plan.setup_months = m_read.number_field(row, at, "setup_months", Field::optional, 0, 120).value_or(0);
        if (row.contains("staffing")) {
            read_staffing(row["staffing"], pointer_append(at, "staffing"), plan);
            if (row.contains("fte"))
                m_read.error_at(pointer_append(at, "fte"),
                                "give either 'fte' or 'staffing' (engineers by fleet size), not both");
        }
        // The per-token form of a served model stands for the same model: the same quality tier.
        const ServingProfile* served = m_table.find_serving(plan.serving);
        const ApiModel* alternative = m_table.find_api_model(plan.alternative_api_model);
        if (served != nullptr && alternative != nullptr && !served->tier.empty() &&
            !alternative->tier.empty() && served->tier != alternative->tier)
            m_read.error_at(
                pointer_append(at, "alternative_api_model"),
                fmt::format("'{}' is a {}-tier model but the plan serves '{}', a {}-tier one: the "
                            "per-token form must be of the same tier",
                            alternative->id, alternative->tier, served->id, served->tier));
        if (plan.gpu_offer.empty() != plan.serving.empty())
            m_read.error_at(at, "'gpu_offer' and 'serving' go together: dedicated GPUs need both");
        if (plan.api_model.empty() && plan.serving.empty() && plan.fte == 0 && plan.staffing.empty())
            m_read.error_at(at,
                            "a plan needs at least one of 'api_model', 'gpu_offer' with 'serving', or 'fte'");
        return plan;
    }

    // {"source": "...", "bands": [{"up_to_replicas": 4, "fte": 2}, ..., {"fte": 8}]}:
    // bands in increasing fleet size, engineers never fewer for a larger
    // fleet, the last band without an upper bound.
    void read_staffing(const json& staffing, const std::string& at, OptionPlan& plan) {
        if (!staffing.is_object()) {
            m_read.error_at(at, "'staffing' must be an object with 'bands' and 'source'");
            return;
        }
        m_read.check_fields(staffing, at, {"bands", "source", "retrieved_on"}, "a plan's staffing");
        plan.staffing_source = m_read.string_field(staffing, at, "source", Field::required).value_or("");
        const std::string bands_at = pointer_append(at, "bands");
        auto bands = staffing.find("bands");
        if (bands == staffing.end() || !bands->is_array() || bands->empty()) {
            m_read.error_at(
                bands == staffing.end() ? at : bands_at,
                "'bands' must be a non-empty list of {\"up_to_replicas\": N, \"fte\": F}, the last "
                "without 'up_to_replicas'");
            return;
        }
        for (std::size_t i = 0; i < bands->size(); ++i) {
            const json& band_json = (*bands)[i];
            const std::string band_at = pointer_append(bands_at, std::to_string(i));
            if (!band_json.is_object()) {
                m_read.error_at(band_at, "a staffing band must be an object");
                continue;
            }
            m_read.check_fields(band_json, band_at, {"up_to_replicas", "fte"}, "a staffing band");
            const bool last = i + 1 == bands->size();
            StaffBand band;
            band.fte = m_read.number_field(band_json, band_at, "fte", Field::required, 0, 1000).value_or(0);
            if (last) {
                if (band_json.contains("up_to_replicas"))
                    m_read.error_at(
                        pointer_append(band_at, "up_to_replicas"),
                        "the last staffing band covers any larger fleet: leave out 'up_to_replicas'");
            } else {
                band.up_to_replicas =
                    m_read.number_field(band_json, band_at, "up_to_replicas", Field::required, 1, 1e6)
                        .value_or(0);
            }
            if (!plan.staffing.empty()) {
                const StaffBand& before = plan.staffing.back();
                if (!last && band.up_to_replicas > 0 && band.up_to_replicas <= before.up_to_replicas)
                    m_read.error_at(pointer_append(band_at, "up_to_replicas"),
                                    fmt::format("staffing bands must grow: {} replicas is not above the band "
                                                "before ({})",
                                                format_number(band.up_to_replicas, 0),
                                                format_number(before.up_to_replicas, 0)));
                if (band.fte < before.fte)
                    m_read.error_at(
                        pointer_append(band_at, "fte"),
                        fmt::format("a larger fleet needs no fewer engineers: {} is below the band "
                                    "before ({})",
                                    format_number(band.fte, 2), format_number(before.fte, 2)));
            }
            plan.staffing.push_back(band);
        }
    }

    const JsonDocument& m_doc;
    RulesReader m_read;
    PriceTable m_table;
};

} // namespace

const ApiModel* PriceTable::find_api_model(const std::string& id) const {
    return find_row(api_models, id);
}
const GpuOffer* PriceTable::find_gpu_offer(const std::string& id) const {
    return find_row(gpu_offers, id);
}
const ServingProfile* PriceTable::find_serving(const std::string& id) const {
    return find_row(serving, id);
}
const FineTuning* PriceTable::find_fine_tuning(const std::string& id) const {
    return find_row(fine_tuning, id);
}
const CostProfile* PriceTable::find_profile(const std::string& id) const {
    return find_row(profiles, id);
}
const ServingFactor* PriceTable::find_volume_pattern(const std::string& id) const {
    return find_row(volume_patterns, id);
}
const ServingFactor* PriceTable::find_latency_class(const std::string& id) const {
    return find_row(latency_classes, id);
}
const ServingFactor* PriceTable::find_task_kind(const std::string& id) const {
    return find_row(task_kinds, id);
}

PriceTable load_prices(const JsonDocument& document, Diagnostics& diagnostics) {
    PriceTable table = PricesLoader(document, diagnostics).load();
    table.origin = document.source().name();
    return table;
}

PriceTable load_prices_file(const std::string& path) {
    const JsonDocument document = JsonDocument::parse(read_source(path));
    Diagnostics diagnostics;
    PriceTable table = load_prices(document, diagnostics);
    diagnostics.throw_if_errors();
    return table;
}

} // namespace makeorbuy
