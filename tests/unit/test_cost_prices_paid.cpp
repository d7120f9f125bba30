// Token prices as teams pay them (issue 18, item 2): batch prices at batch
// latency, a cached share of input, reasoning tokens on complex tasks, and a
// chosen reference model for the frontier option; and quality tiers (item 3).
// Each worked example is checked against the hand calculation in its comments.

#include "makeorbuy/core/cost.hpp"
#include "makeorbuy/core/figures.hpp"
#include "makeorbuy/core/prices_loader.hpp"

#include "cost_fixtures.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>

using namespace makeorbuy;

namespace {

// GPT-5 at litellm's list prices, with OpenAI's batch prices (half) and its
// cached-input price (a tenth); an open 70B model per token with neither.
PriceTable table() {
    PriceTable t;
    ApiModel gpt5 = test::api_model("gpt-5", 1.25e-6, 1.0e-5, "frontier");
    gpt5.cached_input_per_token = 1.25e-7;
    gpt5.batch_input_per_token = 6.25e-7;
    gpt5.batch_output_per_token = 5.0e-6;
    t.api_models = {gpt5, test::api_model("open-70b", 1.0e-7, 3.2e-7, "mid")};
    t.gpu_offers = {{"h100-2.69", "H100", 2.69, "s", ""}};
    t.serving = {test::serving_profile("70b-4xh100", "Llama 3.1 70B", 4, 3701, "mid")};
    return t;
}

Workload reference_workload(double requests) {
    Workload w;
    w.requests_per_month = requests;
    w.tokens_in = 1000;
    w.tokens_out = 300;
    return w;
}

OptionPlan api_plan(const std::string& model, const std::string& option = "frontier-api") {
    OptionPlan plan;
    plan.option = option;
    plan.api_model = model;
    return plan;
}

const OptionCost& option(const CostReport& report, const RuleSet& rules, const std::string& id) {
    for (const auto& c : report.options)
        if (rules.options[c.option].id == id) return c;
    FAIL("no option " << id);
    return report.options.front();
}

PriceTable prices_from(const std::string& text, Diagnostics& diagnostics) {
    return load_prices(JsonDocument::parse(SourceText("p.json", text)), diagnostics);
}

std::string embedded_prices_with(const std::function<void(nlohmann::ordered_json&)>& edit) {
    auto doc = nlohmann::ordered_json::parse(std::string(embedded_file("prices.json")));
    edit(doc);
    return doc.dump(2);
}

} // namespace

TEST_CASE("prices paid: a batch workload pays batch prices", "[cost]") {
    const PriceTable t = table();
    Workload w = reference_workload(1e6);
    // List: 1M x (1,000 x $1.25/M + 300 x $10/M) = 1M x $0.00425 = $4,250.
    CHECK(monthly_usd(api_plan("gpt-5"), w, t) == Approx(4250));
    // Batch: 1M x (1,000 x $0.625/M + 300 x $5/M) = 1M x $0.002125 = $2,125.
    w.batch_prices = true;
    CHECK(monthly_usd(api_plan("gpt-5"), w, t) == Approx(2125));
    const OptionCost cost = option_cost(api_plan("gpt-5"), w, t);
    CHECK(cost.monthly_usd == Approx(2125));
    CHECK(cost.parts.at(0).detail.find("batch prices") != std::string::npos);
    // A model without batch prices keeps its list price: 1M x (1,000 x $0.10/M + 300 x $0.32/M) = $196.
    CHECK(monthly_usd(api_plan("open-70b"), w, t) == Approx(196));

    // From the answers, with the built-in table: latency batch halves GPT-5, and
    // monthly spend converts to requests at the batch price ($2,125 -> 1M requests).
    const RuleSet& rules = default_rules();
    const CostReport batch =
        cost_report(test::answers_of({{"requests-per-month", 1e6}, {"latency", std::string("batch")}}), rules,
                    default_prices());
    CHECK(option(batch, rules, "frontier-api").monthly_usd == Approx(2125));
    // GPT-5-mini: 1M x (1,000 x $0.125/M + 300 x $1/M) = $425.
    CHECK(option(batch, rules, "small-hosted").monthly_usd == Approx(425));
    const CostReport from_spend =
        cost_report(test::answers_of({{"monthly-spend", 2125.0}, {"latency", std::string("batch")}}), rules,
                    default_prices());
    CHECK(from_spend.workload.requests_per_month == Approx(1e6));
}

TEST_CASE("prices paid: a cached share of input is billed at the cached-input price", "[cost]") {
    const PriceTable t = table();
    Workload w = reference_workload(1e6);
    w.cached_share = 0.4;
    // Input: 1,000 x (60% x $1.25/M + 40% x $0.125/M) = 1,000 x $0.80/M = $0.0008;
    // output: 300 x $10/M = $0.003; 1M requests x $0.0038 = $3,800.
    CHECK(cost_per_request(t.api_models[0], w) == Approx(0.0038));
    CHECK(monthly_usd(api_plan("gpt-5"), w, t) == Approx(3800));
    // Without a cached-input price the share is billed as input: $196, as without caching.
    CHECK(monthly_usd(api_plan("open-70b"), w, t) == Approx(196));
    // With batch prices too the uncached input and the output are halved, the
    // cached share stays at its price: 1,000 x (60% x $0.625/M + 40% x $0.125/M)
    // = $0.000425, + 300 x $5/M = $0.0015 -> $1,925.
    w.batch_prices = true;
    CHECK(monthly_usd(api_plan("gpt-5"), w, t) == Approx(1925));

    // The answer is a percentage: cached-input-percent 40 with the built-in table.
    const RuleSet& rules = default_rules();
    const CostReport report =
        cost_report(test::answers_of({{"requests-per-month", 1e6}, {"cached-input-percent", 40.0}}), rules,
                    default_prices());
    CHECK(report.workload.cached_share == Approx(0.4));
    CHECK(option(report, rules, "frontier-api").monthly_usd == Approx(3800));
}

TEST_CASE("prices paid: complex tasks generate reasoning tokens on every option", "[cost]") {
    const PriceTable t = table();
    Workload w = reference_workload(1e6);
    w.reasoning_factor = 2;
    // 1M x (1,000 x $1.25/M + 2 x 300 x $10/M) = 1M x ($0.00125 + $0.006) = $7,250.
    CHECK(monthly_usd(api_plan("gpt-5"), w, t) == Approx(7250));
    // Own GPUs generate them too. 100M requests x 600 tokens / (730 h x 3,600 s)
    // = 22,831 tok/s on average; a 4x peak is 91,324 tok/s; a replica carries
    // 50% x 3,701 = 1,850.5 tok/s: 49.35 -> 50 replicas (25 without reasoning).
    OptionPlan own;
    own.gpu_offer = "h100-2.69";
    own.serving = "70b-4xh100";
    Workload busy = reference_workload(1e8);
    busy.peak_to_average = 4;
    busy.utilization = 0.5;
    CHECK(option_cost(own, busy, t).replicas == 25);
    busy.reasoning_factor = 2;
    CHECK(option_cost(own, busy, t).replicas == 50);

    // The built-in table's factor for task complex is 2 (an assumption it labels so).
    const ServingFactor* complex = default_prices().find_task_kind("complex");
    REQUIRE(complex != nullptr);
    CHECK(complex->value == 2);
    CHECK(complex->source.rfind("assumption", 0) == 0);
    const RuleSet& rules = default_rules();
    const CostReport report =
        cost_report(test::answers_of({{"requests-per-month", 1e6}, {"task", std::string("complex")}}), rules,
                    default_prices());
    CHECK(report.workload.reasoning_factor == 2);
    CHECK(option(report, rules, "frontier-api").monthly_usd == Approx(7250));
    // A narrow task has no factor in the table: list prices, $4,250.
    const CostReport narrow =
        cost_report(test::answers_of({{"requests-per-month", 1e6}, {"task", std::string("narrow")}}), rules,
                    default_prices());
    CHECK(option(narrow, rules, "frontier-api").monthly_usd == Approx(4250));
}

TEST_CASE("prices paid: the reference model prices the frontier option everywhere", "[cost]") {
    const RuleSet& rules = default_rules();
    const PriceTable& prices = default_prices();
    auto answers = [](const std::string& model, double spend) {
        return test::answers_of({{"monthly-spend", spend},
                                 {"reference-model", model},
                                 {"volume-pattern", std::string("steady")},
                                 {"latency", std::string("interactive")}});
    };
    // Claude Opus 4.5: 1,000 x $5/M + 300 x $25/M = $0.0125 a request, so
    // $125,000 of monthly spend is 10M requests (at GPT-5's $0.00425 it is 29.4M).
    const CostReport opus = cost_report(answers("claude-opus-4-5", 125000), rules, prices);
    CHECK(opus.workload.requests_per_month == Approx(1e7));
    CHECK(opus.workload.reference_model == "claude-opus-4-5");
    const OptionCost& frontier = option(opus, rules, "frontier-api");
    CHECK(frontier.monthly_usd == Approx(125000));
    CHECK(frontier.model == "claude-opus-4-5");
    CHECK(frontier.parts.at(0).detail.find("claude-opus-4-5") != std::string::npos);
    const CostReport gpt5 = cost_report(answers("profile", 125000), rules, prices);
    CHECK(gpt5.workload.requests_per_month == Approx(125000 / 0.00425));
    CHECK(option(gpt5, rules, "frontier-api").model == "gpt-5");
    // The smaller model is compared with the chosen one: $0.0125 / GPT-5-mini's
    // (1,000 x $0.25/M + 300 x $2/M = $0.00085) = 14.7x.
    REQUIRE(opus.small_model_discount.has_value());
    CHECK(*opus.small_model_discount == Approx(0.0125 / 0.00085));
    // The curves and the ranking's figures price it the same way.
    REQUIRE(opus.curves.current.has_value());
    for (const auto& series : opus.curves.series)
        if (rules.options[series.option].id == "frontier-api")
            CHECK(series.monthly_usd[*opus.curves.current] == Approx(125000));
    const CostFigures figures(answers("claude-opus-4-5", 125000), rules, prices, true);
    const auto frontier_index = *rules.find_option("frontier-api");
    CHECK(figures.option(frontier_index)->monthly_usd == Approx(125000));
    // Fewer requests for the same spend: self-hosting's break-even spend moves.
    const auto self = *rules.find_option("self-hosted");
    const auto at_opus = figures.value({FigureKind::break_even_spend, self, 0});
    const auto at_gpt5 = CostFigures(answers("profile", 125000), rules, prices, true)
                             .value({FigureKind::break_even_spend, self, 0});
    REQUIRE(at_opus.has_value());
    REQUIRE(at_gpt5.has_value());
    CHECK(*at_opus != Approx(*at_gpt5));

    // A model the table lacks, or one below the frontier tier, is an error at the answer.
    CHECK_THROWS_WITH(cost_report(answers("gpt-6", 1000), rules, prices),
                      Catch::Contains("no API model 'gpt-6'") && Catch::Contains("did you mean 'gpt-5'?"));
    CHECK_THROWS_WITH(cost_report(answers("gpt-5-mini", 1000), rules, prices),
                      Catch::Contains("'gpt-5-mini' is a mid-tier model"));
}

TEST_CASE("tiers: every model and serving profile has one; the choices are the frontier models", "[cost]") {
    const PriceTable& prices = default_prices();
    const auto& tiers = quality_tiers();
    std::vector<std::string> frontier;
    for (const ApiModel& m : prices.api_models) {
        INFO(m.id);
        CHECK(std::find(tiers.begin(), tiers.end(), m.tier) != tiers.end());
        if (m.tier == "frontier") frontier.push_back(m.id);
    }
    for (const ServingProfile& s : prices.serving) {
        INFO(s.id);
        CHECK(std::find(tiers.begin(), tiers.end(), s.tier) != tiers.end());
    }
    // The reference-model question offers exactly the table's frontier models (and "profile").
    const Question* question = default_rules().find_question("reference-model");
    REQUIRE(question != nullptr);
    std::vector<std::string> offered;
    for (const ChoiceValue& v : question->values)
        if (v.value != "profile") offered.push_back(v.value);
    std::sort(offered.begin(), offered.end());
    std::sort(frontier.begin(), frontier.end());
    CHECK(offered == frontier);
}

TEST_CASE("tiers: the cost section names each option's tier and the unlike comparisons", "[cost]") {
    const RuleSet& rules = default_rules();
    const CostReport report =
        cost_report(test::answers_of({{"requests-per-month", 1e7}}), rules, default_prices());
    CHECK(option(report, rules, "frontier-api").tier == "frontier");
    CHECK(option(report, rules, "small-hosted").tier == "mid");
    const OptionCost& self = option(report, rules, "self-hosted");
    CHECK(self.tier == "mid");
    CHECK(self.alternative_tier == "mid"); // the per-token form is the same tier as the model served
    CHECK(option(report, rules, "fine-tuned").tier == "small");
}

TEST_CASE("tiers: the loader checks tiers and discount prices where they are written", "[cost]") {
    struct Case {
        const char* what;
        std::function<void(nlohmann::ordered_json&)> edit;
        const char* message;
    };
    const Case cases[] = {
        {"unknown tier", [](auto& d) { d["api_models"]["gpt-5"]["tier"] = "frontir"; },
         "unknown tier 'frontir'; did you mean 'frontier'?"},
        {"serving without tier",
         [](auto& d) { d["serving_profiles"]["open-70b-class-vllm-8xh100"].erase("tier"); }, "'tier'"},
        {"negative cached price",
         [](auto& d) { d["api_models"]["gpt-5"]["cache_read_input_token_cost"] = -1e-7; },
         "cache_read_input_token_cost"},
        {"cached price without source", [](auto& d) { d["api_models"]["gpt-5"].erase("cache_source"); },
         "'cache_source'"},
        {"batch price without date", [](auto& d) { d["api_models"]["gpt-5"].erase("batch_retrieved_on"); },
         "'batch_retrieved_on'"},
        {"batch date that is not a date",
         [](auto& d) { d["api_models"]["gpt-5"]["batch_retrieved_on"] = "Dec 7"; }, "YYYY-MM-DD"},
        {"half a batch pair",
         [](auto& d) { d["api_models"]["gpt-5"].erase("output_cost_per_token_batches"); },
         "batch prices come in pairs"},
        {"reasoning factor below 1", [](auto& d) { d["task_kinds"]["complex"]["reasoning_factor"] = 0.5; },
         "reasoning_factor"},
        {"unknown task",
         [](auto& d) {
             d["task_kinds"]["complx"] = {{"reasoning_factor", 2}, {"source", "s"}};
         },
         "unknown task 'complx'; did you mean 'complex'?"},
        {"a per-token form of another tier",
         [](auto& d) {
             d["profiles"]["typical"]["options"]["self-hosted"]["alternative_api_model"] = "gpt-5-nano";
         },
         "the per-token form must be of the same tier"},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        Diagnostics diagnostics;
        (void)prices_from(embedded_prices_with(c.edit), diagnostics);
        const Diagnostic* found = test::find_message(diagnostics, c.message);
        INFO(test::dump(diagnostics));
        REQUIRE(found != nullptr);
        CHECK(found->where.to_string().rfind("p.json:", 0) == 0); // FILE:LINE:COLUMN
        CHECK(found->where.line > 1);
    }
}
