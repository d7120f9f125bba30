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

// Replicas for the peak at the target utilization, never below the HA minimum.
double replicas_for(double requests, const Workload& workload, const ServingProfile& serving,
                    const PriceTable& prices) {
    const double peak_tps =
        requests * workload.tokens_out / (prices.hours_per_month * 3600) * prices.peak_to_average;
    return std::max(prices.min_replicas,
                    std::ceil(peak_tps / (serving.output_tokens_per_s * prices.target_utilization)));
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

const OptionPlan* CostProfile::find_plan(const std::string& option) const {
    for (const auto& plan : plans)
        if (plan.option == option) return &plan;
    return nullptr;
}

double monthly_usd(const OptionPlan& plan, const Workload& workload, const PriceTable& prices) {
    const double requests = workload.requests_per_month;
    double total = plan.fte * prices.engineer_usd_per_year / 12;
    if (const ApiModel* model = prices.find_api_model(plan.api_model))
        total += requests * cost_per_request(*model, workload.tokens_in, workload.tokens_out);
    const GpuOffer* offer = prices.find_gpu_offer(plan.gpu_offer);
    const ServingProfile* serving = prices.find_serving(plan.serving);
    if (offer != nullptr && serving != nullptr)
        total += replicas_for(requests, workload, *serving, prices) * serving->gpus_per_replica *
                 offer->usd_per_gpu_hour * prices.hours_per_month;
    if (const FineTuning* tuning = prices.find_fine_tuning(plan.fine_tuning)) {
        double first = 0;
        total += fine_tuning_monthly(*tuning, offer ? offer->usd_per_gpu_hour : 0, prices, first);
    }
    return total;
}

double cost_per_request(const ApiModel& model, double tokens_in, double tokens_out) {
    return tokens_in * model.input_per_token + tokens_out * model.output_per_token;
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

Workload workload_for(const Answers& answers, const PriceTable& prices, const CostProfile& profile) {
    Workload workload;
    workload.tokens_in = number_answer(answers, "tokens-in", prices.tokens_in);
    workload.tokens_out = number_answer(answers, "tokens-out", prices.tokens_out);
    workload.requests_per_month = number_answer(answers, "requests-per-month", 0);
    if (workload.requests_per_month <= 0) {
        // R = S / cost per request of the reference model.
        workload.derived = true;
        const OptionPlan* reference = profile.find_plan(profile.reference_option);
        const ApiModel* model = reference ? prices.find_api_model(reference->api_model) : nullptr;
        const double per_request =
            model ? cost_per_request(*model, workload.tokens_in, workload.tokens_out) : 0;
        const double spend = number_answer(answers, "monthly-spend", 0);
        workload.requests_per_month = per_request > 0 ? spend / per_request : 0;
    }
    return workload;
}

OptionCost option_cost(const OptionPlan& plan, const Workload& workload, const PriceTable& prices) {
    OptionCost cost;
    const double requests = workload.requests_per_month;
    const double engineer_month = prices.engineer_usd_per_year / 12;

    if (const ApiModel* model = prices.find_api_model(plan.api_model)) {
        const double per_request = cost_per_request(*model, workload.tokens_in, workload.tokens_out);
        cost.parts.push_back({"tokens", requests * per_request,
                              fmt::format("{} requests x ${:.6g} a request ({})", format_number(requests, 0),
                                          per_request, model->id)});
    }

    const GpuOffer* offer = prices.find_gpu_offer(plan.gpu_offer);
    const ServingProfile* serving = prices.find_serving(plan.serving);
    if (offer != nullptr && serving != nullptr) {
        const double average_tps = requests * workload.tokens_out / (prices.hours_per_month * 3600);
        cost.replicas = replicas_for(requests, workload, *serving, prices);
        cost.utilization = average_tps / (cost.replicas * serving->output_tokens_per_s);
        const double gpus = cost.replicas * serving->gpus_per_replica;
        cost.parts.push_back(
            {"gpus", gpus * offer->usd_per_gpu_hour * prices.hours_per_month,
             fmt::format("{} x {} GPUs ({}) at ${}/GPU-hour, {} hours; {}% average utilization",
                         format_number(cost.replicas, 0), format_number(serving->gpus_per_replica, 0),
                         offer->gpu, format_number(offer->usd_per_gpu_hour, 2),
                         format_number(prices.hours_per_month, 0),
                         format_number(cost.utilization * 100, 0))});
    }

    if (plan.fte > 0)
        cost.parts.push_back({"people", plan.fte * engineer_month,
                              fmt::format("{} engineers at ${}/year loaded", format_number(plan.fte, 2),
                                          format_number(prices.engineer_usd_per_year, 0))});

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
        cost.alternative_usd =
            requests * cost_per_request(*alternative, workload.tokens_in, workload.tokens_out);
    }
    return cost;
}

} // namespace makeorbuy
