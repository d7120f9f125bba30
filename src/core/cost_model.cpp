// The cost of each option per month: tokens at list prices, dedicated GPUs
// sized for the peak at a target utilization, engineers, and fine-tuning
// spread over the horizon (the formulas of the cost research, section 5).

#include "makeorbuy/core/cost.hpp"

#include "makeorbuy/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace makeorbuy {

namespace {

double number_answer(const Answers& answers, const char* key, double fallback) {
    const Value* value = answers.value(key);
    const double* number = value ? std::get_if<double>(value) : nullptr;
    return number ? *number : fallback;
}

std::string answer_text(const Answers& answers, const char* key) {
    const Value* value = answers.value(key);
    const std::string* text = value ? std::get_if<std::string>(value) : nullptr;
    return text ? *text : std::string();
}

// One-time build spread over the horizon, plus retraining on its cadence.
double fine_tuning_monthly(const FineTuning& tuning, double rate, const PriceTable& prices, double& first) {
    const double run = tuning.gpu_hours_per_run * rate;
    first = tuning.data_usd + tuning.runs * run + tuning.eval_usd;
    const double retrain =
        tuning.retrain_every_months > 0 ? (run + tuning.eval_usd) / tuning.retrain_every_months : 0;
    return first / prices.horizon_months + retrain;
}

} // namespace

const std::vector<std::string>& quality_tiers() {
    static const std::vector<std::string> tiers = {"frontier", "mid", "small"};
    return tiers;
}

double peak_to_average_of(const Workload& workload, const PriceTable& prices) {
    return workload.peak_to_average > 0 ? workload.peak_to_average : prices.peak_to_average;
}

double utilization_of(const Workload& workload, const PriceTable& prices) {
    return workload.utilization > 0 ? workload.utilization : prices.target_utilization;
}

namespace {

// Replicas for the peak at the target utilization, never below the HA minimum.
double replicas_at(double requests, double generated_tokens, double peak_to_average, double utilization,
                   const ServingProfile& serving, const PriceTable& prices) {
    const double peak_tps = requests * generated_tokens / (prices.hours_per_month * 3600) * peak_to_average;
    return std::max(prices.min_replicas, std::ceil(peak_tps / (serving.output_tokens_per_s * utilization)));
}

} // namespace

double replicas_for(const Workload& workload, const ServingProfile& serving, const PriceTable& prices) {
    return replicas_at(workload.requests_per_month, workload.generated_tokens(),
                       peak_to_average_of(workload, prices), utilization_of(workload, prices), serving,
                       prices);
}

double OptionPlan::engineers(double replicas) const {
    for (const StaffBand& band : staffing)
        if (band.up_to_replicas <= 0 || replicas <= band.up_to_replicas) return band.fte;
    return fte;
}

const OptionPlan* CostProfile::find_plan(const std::string& option) const {
    for (const auto& plan : plans)
        if (plan.option == option) return &plan;
    return nullptr;
}

PricedPlan::PricedPlan(const OptionPlan& plan, const Workload& workload, const PriceTable& prices)
    : m_plan(&plan)
    , m_prices(&prices)
    , m_offer(prices.find_gpu_offer(plan.gpu_offer))
    , m_generated_tokens(workload.generated_tokens())
    , m_peak_to_average(peak_to_average_of(workload, prices))
    , m_utilization(utilization_of(workload, prices)) {
    if (const ApiModel* model = api_model_of(plan, workload, prices))
        m_per_request = cost_per_request(*model, workload);
    if (m_offer != nullptr) m_serving = prices.find_serving(plan.serving);
    if (const FineTuning* tuning = prices.find_fine_tuning(plan.fine_tuning)) {
        double first = 0;
        m_fine_tuning_usd =
            fine_tuning_monthly(*tuning, m_offer ? m_offer->usd_per_gpu_hour : 0, prices, first);
    }
    if (const ApiModel* alternative = prices.find_api_model(plan.alternative_api_model))
        m_alternative_per_request = cost_per_request(*alternative, workload);
}

double PricedPlan::replicas(double requests) const {
    if (m_serving == nullptr) return 0;
    return replicas_at(requests, m_generated_tokens, m_peak_to_average, m_utilization, *m_serving, *m_prices);
}

// Summed in option_cost()'s order: tokens, GPUs, people, fine-tuning.
double PricedPlan::monthly_usd(double requests) const {
    double total = 0;
    if (m_per_request) total += requests * *m_per_request;
    const double fleet = replicas(requests);
    if (m_serving != nullptr)
        total += fleet * m_serving->gpus_per_replica * m_offer->usd_per_gpu_hour * m_prices->hours_per_month;
    total += m_plan->engineers(fleet) * (m_prices->engineer_usd_per_year / 12);
    if (m_fine_tuning_usd) total += *m_fine_tuning_usd;
    return total;
}

std::optional<double> PricedPlan::alternative_usd(double requests) const {
    if (!m_alternative_per_request) return std::nullopt;
    return requests * *m_alternative_per_request;
}

double monthly_usd(const OptionPlan& plan, const Workload& workload, const PriceTable& prices) {
    return PricedPlan(plan, workload, prices).monthly_usd(workload.requests_per_month);
}

double cost_per_request(const ApiModel& model, double tokens_in, double tokens_out) {
    return tokens_in * model.input_per_token + tokens_out * model.output_per_token;
}

bool pays_batch(const ApiModel& model, const Workload& workload) {
    return workload.batch_prices && model.batch_input_per_token && model.batch_output_per_token;
}

double cost_per_request(const ApiModel& model, const Workload& workload) {
    const bool batch = pays_batch(model, workload);
    const double input = batch ? *model.batch_input_per_token : model.input_per_token;
    const double output = batch ? *model.batch_output_per_token : model.output_per_token;
    // Without a cached-input price the cached share is billed as input.
    const double cached = model.cached_input_per_token.value_or(input);
    const double share = model.cached_input_per_token ? workload.cached_share : 0;
    return workload.tokens_in * ((1 - share) * input + share * cached) + workload.generated_tokens() * output;
}

const ApiModel* api_model_of(const OptionPlan& plan, const Workload& workload, const PriceTable& prices) {
    if (!workload.reference_model.empty() && plan.option == workload.reference_option &&
        !plan.api_model.empty())
        return prices.find_api_model(workload.reference_model);
    return prices.find_api_model(plan.api_model);
}

std::string tier_of(const OptionPlan& plan, const Workload& workload, const PriceTable& prices) {
    if (const ApiModel* model = api_model_of(plan, workload, prices)) return model->tier;
    if (const ServingProfile* serving = prices.find_serving(plan.serving)) return serving->tier;
    return {};
}

const CostProfile& profile_for(const Answers& answers, const PriceTable& prices) {
    std::string id = prices.default_profile;
    Location where;
    if (const Answer* answer = answers.find("cost-profile")) {
        if (const auto* text = std::get_if<std::string>(&answer->value)) id = *text;
        where = answer->where;
    }
    if (const CostProfile* profile = prices.find_profile(id)) return *profile;
    std::vector<std::string> known;
    for (const auto& p : prices.profiles)
        known.push_back(p.id);
    throw Error(where, fmt::format("the price table ({}) has no profile '{}' (profiles: {})", prices.origin,
                                   id, join(known, ", ")));
}

// The reference-model answer: an API model of the frontier tier in the table,
// or "profile" (the model the profile's plan names).
std::string reference_model_for(const Answers& answers, const PriceTable& prices) {
    const Answer* answer = answers.find("reference-model");
    const std::string* id = answer ? std::get_if<std::string>(&answer->value) : nullptr;
    if (id == nullptr || id->empty() || *id == "profile") return {};
    std::vector<std::string> frontier;
    for (const ApiModel& m : prices.api_models)
        if (m.tier == "frontier") frontier.push_back(m.id);
    const ApiModel* model = prices.find_api_model(*id);
    if (model == nullptr)
        throw Error(answer->where,
                    with_hint(fmt::format("the price table ({}) has no API model '{}'", prices.origin, *id),
                              *id, frontier, fmt::format(" (frontier models: {})", join(frontier, ", "))));
    if (model->tier != "frontier")
        throw Error(
            answer->where,
            fmt::format("'{}' is a {}-tier model; the frontier option is priced at a frontier model: {}", *id,
                        model->tier, join(frontier, ", ")));
    return model->id;
}

Workload workload_for(const Answers& answers, const PriceTable& prices, const CostProfile& profile) {
    Workload workload;
    workload.tokens_in = number_answer(answers, "tokens-in", prices.tokens_in);
    workload.tokens_out = number_answer(answers, "tokens-out", prices.tokens_out);
    workload.requests_per_month = number_answer(answers, "requests-per-month", 0);
    // Token prices as the answers have them paid: batch, cached input, reasoning.
    workload.batch_prices = answer_text(answers, "latency") == "batch";
    workload.cached_share = std::clamp(number_answer(answers, "cached-input-percent", 0) / 100, 0.0, 1.0);
    if (const ServingFactor* task = prices.find_task_kind(answer_text(answers, "task"))) {
        workload.reasoning_factor = task->value;
        workload.task = task->id;
    }
    workload.reference_option = profile.reference_option;
    workload.reference_model = reference_model_for(answers, prices);
    if (workload.requests_per_month <= 0) {
        // R = S / cost per request of the reference model, as the answers pay for it.
        workload.derived = true;
        const OptionPlan* reference = profile.find_plan(profile.reference_option);
        const ApiModel* model = reference ? api_model_of(*reference, workload, prices) : nullptr;
        const double per_request = model ? cost_per_request(*model, workload) : 0;
        const double spend = number_answer(answers, "monthly-spend", 0);
        workload.requests_per_month = per_request > 0 ? spend / per_request : 0;
    }
    // Sizing follows the answers where the table has a figure for them, else its defaults.
    workload.peak_to_average = prices.peak_to_average;
    workload.utilization = prices.target_utilization;
    if (const ServingFactor* pattern = prices.find_volume_pattern(answer_text(answers, "volume-pattern"))) {
        workload.peak_to_average = pattern->value;
        workload.volume_pattern = pattern->id;
    }
    if (const ServingFactor* latency = prices.find_latency_class(answer_text(answers, "latency"))) {
        workload.utilization = latency->value;
        workload.latency = latency->id;
    }
    return workload;
}

OptionCost option_cost(const OptionPlan& plan, const Workload& workload, const PriceTable& prices) {
    OptionCost cost;
    const double requests = workload.requests_per_month;
    const double engineer_month = prices.engineer_usd_per_year / 12;

    if (const ApiModel* model = api_model_of(plan, workload, prices)) {
        const double per_request = cost_per_request(*model, workload);
        std::vector<std::string> terms;
        if (pays_batch(*model, workload)) terms.emplace_back("batch prices");
        if (workload.cached_share > 0 && model->cached_input_per_token)
            terms.push_back(format_number(workload.cached_share * 100, 0) + "% of input cached");
        if (workload.reasoning_factor != 1)
            terms.push_back(
                fmt::format("{}x output for reasoning", format_number(workload.reasoning_factor, 2)));
        cost.parts.push_back(
            {"tokens", requests * per_request,
             fmt::format("{} requests x ${:.6g} a request ({}{})", format_number(requests, 0), per_request,
                         model->id, terms.empty() ? "" : ", " + join(terms, ", "))});
        cost.model = model->id;
        cost.tier = model->tier;
    }

    const GpuOffer* offer = prices.find_gpu_offer(plan.gpu_offer);
    const ServingProfile* serving = prices.find_serving(plan.serving);
    if (offer != nullptr && serving != nullptr) {
        const double average_tps = requests * workload.generated_tokens() / (prices.hours_per_month * 3600);
        if (cost.model.empty()) {
            cost.model = serving->model;
            cost.tier = serving->tier;
        }
        const double peak = peak_to_average_of(workload, prices);
        const double target = utilization_of(workload, prices);
        cost.replicas = replicas_for(workload, *serving, prices);
        cost.utilization = average_tps / (cost.replicas * serving->output_tokens_per_s);
        const double gpus = cost.replicas * serving->gpus_per_replica;
        cost.parts.push_back(
            {"gpus", gpus * offer->usd_per_gpu_hour * prices.hours_per_month,
             fmt::format("{} x {} GPUs ({}) at ${}/GPU-hour, {} hours; sized for a peak of {}x the average "
                         "({}) at {}% of benchmark throughput ({}); {}% average utilization",
                         format_number(cost.replicas, 0), format_number(serving->gpus_per_replica, 0),
                         offer->gpu, format_number(offer->usd_per_gpu_hour, 2),
                         format_number(prices.hours_per_month, 0), format_number(peak, 2),
                         workload.volume_pattern.empty() ? "default" : workload.volume_pattern + " traffic",
                         format_number(target * 100, 0),
                         workload.latency.empty() ? "default" : workload.latency + " latency",
                         format_number(cost.utilization * 100, 0))});
    }

    cost.engineers = plan.engineers(cost.replicas);
    if (const double engineers = cost.engineers; engineers > 0) {
        const std::string fleet = plan.staffing.empty()
                                      ? std::string()
                                      : fmt::format(" for {} replicas", format_number(cost.replicas, 0));
        cost.parts.push_back({"people", engineers * engineer_month,
                              fmt::format("{} engineers{} at ${}/year loaded", format_number(engineers, 2),
                                          fleet, format_number(prices.engineer_usd_per_year, 0))});
    }

    if (const FineTuning* tuning = prices.find_fine_tuning(plan.fine_tuning)) {
        double first = 0;
        const double monthly =
            fine_tuning_monthly(*tuning, offer ? offer->usd_per_gpu_hour : 0, prices, first);
        cost.parts.push_back({"fine-tuning", monthly,
                              fmt::format("${} first build over {} months, retrained every {} months",
                                          format_number(first, 0), format_number(prices.horizon_months, 0),
                                          format_number(tuning->retrain_every_months, 0))});
    }

    cost.setup_usd = plan.setup_months * engineer_month;
    for (const auto& part : cost.parts)
        cost.monthly_usd += part.monthly_usd;

    if (const ApiModel* alternative = prices.find_api_model(plan.alternative_api_model)) {
        cost.alternative_model = alternative->id;
        cost.alternative_tier = alternative->tier;
        cost.alternative_usd = requests * cost_per_request(*alternative, workload);
    }
    return cost;
}

} // namespace makeorbuy
