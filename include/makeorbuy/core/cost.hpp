#pragma once
// The cost model: what each option would cost per month at the team's
// volume, from the editable price table rules/prices.json (see
// rules/PRICES.md). Pure functions apart from the loaders.

#include "makeorbuy/core/answers.hpp"
#include "makeorbuy/core/diagnostics.hpp"
#include "makeorbuy/core/rules.hpp"

#include <optional>
#include <string>
#include <vector>

namespace makeorbuy {

/// The quality tiers a model is compared in: "frontier", "mid" or "small".
[[nodiscard]] const std::vector<std::string>& quality_tiers();

/// A per-token price row (litellm's field names, USD per token).
struct ApiModel {
    std::string id;
    double input_per_token = 0;
    double output_per_token = 0;
    std::string source;
    std::string retrieved_on;
    std::string litellm_key; ///< its key in LiteLLM's price table; empty: the id itself
    std::string tier;        ///< one of quality_tiers()
    /// Input tokens read from the vendor's prompt cache; none: billed as input.
    std::optional<double> cached_input_per_token;
    std::string cache_source;
    std::string cache_retrieved_on;
    /// The vendor's batch prices (results within a day); none: list prices.
    std::optional<double> batch_input_per_token;
    std::optional<double> batch_output_per_token;
    std::string batch_source;
    std::string batch_retrieved_on;

    bool operator==(const ApiModel&) const = default;
};

struct GpuOffer {
    std::string id;
    std::string gpu;
    double usd_per_gpu_hour = 0;
    std::string source;
    std::string retrieved_on;

    bool operator==(const GpuOffer&) const = default;
};

/// Measured serving throughput of one replica (a model on n GPUs).
struct ServingProfile {
    std::string id;
    std::string model;
    double gpus_per_replica = 1;
    double output_tokens_per_s = 0;
    std::string source;
    std::string tier; ///< of the model served, one of quality_tiers()

    bool operator==(const ServingProfile&) const = default;
};

/// A fine-tuning programme: a first build, then retraining on a cadence.
struct FineTuning {
    std::string id;
    double gpu_hours_per_run = 0;
    double runs = 1;                 ///< training runs in the first build
    double data_usd = 0;             ///< collecting and labelling the data, once
    double eval_usd = 0;             ///< evaluating one build
    double retrain_every_months = 0; ///< 0: never retrained
    std::string source;

    bool operator==(const FineTuning&) const = default;
};

/// Engineers for fleets up to a number of replicas: a plan's staffing grows
/// with the replicas it runs. The last band has no upper bound (0).
struct StaffBand {
    double up_to_replicas = 0; ///< 0: any larger fleet
    double fte = 0;

    bool operator==(const StaffBand&) const = default;
};

/// A figure chosen by an answer: the peak-to-average ratio of a
/// `volume-pattern`, the target utilization of a `latency` class, or the
/// reasoning factor of a `task`.
struct ServingFactor {
    std::string id; ///< the answer's value
    double value = 0;
    std::string source;
    std::string retrieved_on;

    bool operator==(const ServingFactor&) const = default;
};

/// How one option's monthly cost is made up; any part may be absent.
struct OptionPlan {
    std::string option;    ///< option id of the rules
    std::string api_model; ///< tokens billed per use
    std::string gpu_offer; ///< with `serving`: dedicated GPUs
    std::string serving;
    double fte = 0;                  ///< engineers running it, ongoing (without `staffing`)
    std::vector<StaffBand> staffing; ///< engineers by fleet size; empty: `fte` at any size
    std::string staffing_source;
    double setup_months = 0; ///< engineer-months to build it, once (fte 1 while building)
    std::string fine_tuning;
    std::string alternative_api_model; ///< shown beside: the same model bought per token

    /// Engineers running `replicas` replicas: the first band that holds
    /// them, or `fte` when the plan has no bands.
    [[nodiscard]] double engineers(double replicas) const;

    bool operator==(const OptionPlan&) const = default;
};

struct CostProfile {
    std::string id;
    std::string text;
    std::string reference_option; ///< the option monthly spend is counted in
    std::vector<OptionPlan> plans;

    [[nodiscard]] const OptionPlan* find_plan(const std::string& option) const;

    bool operator==(const CostProfile&) const = default;
};

struct PriceTable {
    std::string as_of;
    std::string currency = "USD";
    std::string origin; ///< "embedded" or the file it came from
    double hours_per_month = 730;
    double target_utilization = 0.5; ///< share of benchmark throughput used at peak, no latency answer
    double peak_to_average = 3;      ///< without a volume-pattern answer
    double min_replicas = 2;
    double horizon_months = 12; ///< amortisation of one-time costs
    double tokens_in = 1000;    ///< per request, when not answered
    double tokens_out = 300;
    double engineer_usd_per_year = 200000;
    std::string default_profile;
    std::vector<ApiModel> api_models;
    std::vector<GpuOffer> gpu_offers;
    std::vector<ServingProfile> serving;
    std::vector<FineTuning> fine_tuning;
    std::vector<CostProfile> profiles;
    std::vector<ServingFactor> volume_patterns; ///< peak_to_average per volume-pattern answer
    std::vector<ServingFactor> latency_classes; ///< target utilization per latency answer
    std::vector<ServingFactor> task_kinds;      ///< reasoning factor (output tokens) per task answer

    [[nodiscard]] const ApiModel* find_api_model(const std::string& id) const;
    [[nodiscard]] const GpuOffer* find_gpu_offer(const std::string& id) const;
    [[nodiscard]] const ServingProfile* find_serving(const std::string& id) const;
    [[nodiscard]] const FineTuning* find_fine_tuning(const std::string& id) const;
    [[nodiscard]] const ServingFactor* find_volume_pattern(const std::string& id) const;
    [[nodiscard]] const ServingFactor* find_latency_class(const std::string& id) const;
    [[nodiscard]] const ServingFactor* find_task_kind(const std::string& id) const;
    [[nodiscard]] const CostProfile* find_profile(const std::string& id) const;

    bool operator==(const PriceTable&) const = default;
};

/// The table embedded at build time (rules/prices.json).
const PriceTable& default_prices();

/// The volume and shape of the traffic the costs are computed for.
struct Workload {
    double requests_per_month = 0;
    double tokens_in = 0;
    double tokens_out = 0;
    bool derived = false; ///< requests worked out from monthly-spend at the reference price
    /// Dedicated GPUs are sized for requests x peak_to_average at this share
    /// of a replica's benchmark throughput; 0: the table's default.
    double peak_to_average = 0;
    double utilization = 0;
    std::string volume_pattern; ///< the answer peak_to_average comes from; empty: the default
    std::string latency;        ///< the answer utilization comes from; empty: the default
    /// Token prices as teams pay them: batch prices where the model has them
    /// (latency `batch`), this share of input at the cached-input price, and
    /// output tokens times the reasoning factor of the `task` answer.
    bool batch_prices = false;
    double cached_share = 0;
    double reasoning_factor = 1;
    std::string task; ///< the answer reasoning_factor comes from; empty: none
    /// The API model the reference option is priced at (`reference-model`);
    /// empty: the one its plan names.
    std::string reference_option;
    std::string reference_model;

    /// Output tokens a request generates, reasoning included.
    [[nodiscard]] double generated_tokens() const { return tokens_out * reasoning_factor; }
};

/// The peak-to-average ratio and target utilization a workload is sized with.
[[nodiscard]] double peak_to_average_of(const Workload& workload, const PriceTable& prices);
[[nodiscard]] double utilization_of(const Workload& workload, const PriceTable& prices);
/// Replicas of `serving` for `workload`: the peak at the target utilization,
/// never below the table's `min_replicas`.
[[nodiscard]] double replicas_for(const Workload& workload, const ServingProfile& serving,
                                  const PriceTable& prices);

/// USD per request at a price row: T_in p_in + T_out p_out.
[[nodiscard]] double cost_per_request(const ApiModel& model, double tokens_in, double tokens_out);
/// USD per request as the workload pays it: uncached input at the (batch)
/// input price, the cached share at the cached-input price, generated tokens
/// (reasoning included) at the (batch) output price.
[[nodiscard]] double cost_per_request(const ApiModel& model, const Workload& workload);
/// Whether the workload pays this model's batch prices.
[[nodiscard]] bool pays_batch(const ApiModel& model, const Workload& workload);
/// The API model a plan is billed at for this workload: the reference model
/// for the reference option when one is chosen, else the plan's own.
[[nodiscard]] const ApiModel* api_model_of(const OptionPlan& plan, const Workload& workload,
                                           const PriceTable& prices);
/// The quality tier of what a plan runs: its API model's, else its serving profile's.
[[nodiscard]] std::string tier_of(const OptionPlan& plan, const Workload& workload, const PriceTable& prices);

/// One plan priced for one workload, with its price rows looked up once: its
/// cost at any volume is then a few multiplications. The searches over volume
/// (break-even, cross-over, the curves) ask for hundreds of volumes per plan.
/// The same rows and the same arithmetic as option_cost(), to the bit.
class PricedPlan {
public:
    /// The plan and the table must outlive it; what it needs of the workload
    /// is copied, all but the volume (each call names its own).
    PricedPlan(const OptionPlan& plan, const Workload& workload, const PriceTable& prices);

    /// Monthly cost at `requests` a month: tokens, GPUs, engineers, fine-tuning.
    [[nodiscard]] double monthly_usd(double requests) const;
    /// Replicas of dedicated GPUs at `requests` a month; 0 without them.
    [[nodiscard]] double replicas(double requests) const;
    /// The per-token alternative's monthly cost at `requests`; none without one.
    [[nodiscard]] std::optional<double> alternative_usd(double requests) const;
    [[nodiscard]] const OptionPlan& plan() const { return *m_plan; }

private:
    const OptionPlan* m_plan;
    const PriceTable* m_prices;
    const GpuOffer* m_offer = nullptr;
    const ServingProfile* m_serving = nullptr; ///< set only with m_offer: dedicated GPUs
    std::optional<double> m_per_request;       ///< tokens billed per use
    std::optional<double> m_alternative_per_request;
    std::optional<double> m_fine_tuning_usd; ///< monthly
    double m_generated_tokens = 0;
    double m_peak_to_average = 0;
    double m_utilization = 0;
};

struct CostPart {
    std::string id; ///< tokens, gpus, people, fine-tuning
    double monthly_usd = 0;
    std::string detail; ///< how it was worked out, in words
};

struct OptionCost {
    std::size_t option = 0; ///< index into RuleSet::options
    double monthly_usd = 0;
    std::vector<CostPart> parts;
    double setup_usd = 0;                  ///< one-time cost of getting it running
    std::optional<double> payback_months;  ///< setup / monthly saving against the reference
    double replicas = 0;                   ///< dedicated GPUs only
    double utilization = 0;                ///< achieved: average load / capacity
    double engineers = 0;                  ///< running it, for its fleet
    std::optional<double> alternative_usd; ///< the same open model bought per token
    std::string alternative_model;
    /// The form the ranking costs the option in: "own-gpus" (dedicated GPUs),
    /// "per-token" (the alternative model, cheaper and allowed), or "api".
    std::string form = "api";
    std::optional<double> ranked_usd; ///< what the ranking counts: alternative_usd when per-token
    std::string model;                ///< the API model or the served model it is costed with
    std::string tier;                 ///< that model's quality tier
    std::string alternative_tier;     ///< the per-token alternative's (the same, as the loader checks)
};

/// Where two options cost the same: above `requests_per_month`, `cheaper_above`
/// costs less. Crossings back and forth that stay close are one range: from
/// `requests_per_month` to `requests_to` the two cost within `within` (a
/// share of the cheaper one's cost) of each other, `cheaper_below` costs less
/// below it and `cheaper_above` above it (the same option when the two cross
/// an even number of times).
struct BreakEven {
    std::size_t cheaper_above = 0;
    std::size_t cheaper_below = 0;
    double requests_per_month = 0;
    double requests_to = 0;      ///< end of a range of crossings; 0 for a single crossing
    double within = 0;           ///< a range: the largest gap inside it over the cheaper cost
    double tokens_per_month = 0; ///< input plus output
    double reference_usd = 0;    ///< what the reference option would cost at that volume
};

/// Each option's monthly cost over a log-spaced sweep of volumes, the series
/// a chart draws; the answers' own volume is one of the points.
struct CostCurves {
    std::vector<double> requests_per_month; ///< increasing
    std::optional<std::size_t> current;     ///< index of the workload's own volume; none when 0
    struct Series {
        std::size_t option = 0;              ///< index into RuleSet::options
        std::vector<double> monthly_usd;     ///< the plan's cost at each volume
        std::vector<double> alternative_usd; ///< the per-token alternative's; empty without one
    };
    std::vector<Series> series; ///< parallel to CostReport::options
};

struct CostReport {
    std::string profile;
    std::string profile_text;
    std::string as_of;
    std::string oldest_price;            ///< date of the oldest price the profile uses (YYYY-MM-DD)
    std::optional<long> prices_age_days; ///< today minus oldest_price; set by the caller, who knows today
    std::size_t reference = 0;           ///< option index
    Workload workload;
    std::vector<OptionCost> options; ///< in the rules' option order; options without a plan left out
    std::vector<BreakEven> break_even;
    std::optional<double> small_model_discount; ///< reference cost / small-hosted cost per request
    CostCurves curves;
};

/// Errors (with where) when the answers name a profile the table lacks.
[[nodiscard]] const CostProfile& profile_for(const Answers& answers, const PriceTable& prices);
/// The workload from the answers: requests-per-month, tokens-in, tokens-out,
/// or (requests 0 or absent) requests worked out from monthly-spend; the
/// peak-to-average ratio of the `volume-pattern` answer and the target
/// utilization of the `latency` answer, where the table has one for it.
[[nodiscard]] Workload workload_for(const Answers& answers, const PriceTable& prices,
                                    const CostProfile& profile);
/// Monthly cost of one plan for the workload, without the parts (fast: for sweeps).
[[nodiscard]] double monthly_usd(const OptionPlan& plan, const Workload& workload, const PriceTable& prices);
/// Monthly cost of one plan for the workload, with its parts.
[[nodiscard]] OptionCost option_cost(const OptionPlan& plan, const Workload& workload,
                                     const PriceTable& prices);
/// Where each pair of plans (parallel to `report.options`) costs the same,
/// searched over 10^3 to 10^10 requests a month on a log grid (forty points a
/// decade; narrower windows can be missed), each crossing bisected; at most three crossings a pair.
/// Sorted by volume; a pair's crossings that stay within 10% of each other between them are merged.
[[nodiscard]] std::vector<BreakEven> break_even_points(const std::vector<const OptionPlan*>& plans,
                                                       const CostReport& report, const PriceTable& prices);
/// Each plan's (parallel to `report.options`) cost from 10^3 to 10^10
/// requests a month, four points a decade, with the workload's own volume added.
[[nodiscard]] CostCurves cost_curves(const std::vector<const OptionPlan*>& plans, const CostReport& report,
                                     const PriceTable& prices);
/// Every option's cost, the break-even volumes between each pair, payback.
[[nodiscard]] CostReport cost_report(const Answers& answers, const RuleSet& rules, const PriceTable& prices);

} // namespace makeorbuy
