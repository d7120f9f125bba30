// Serving that follows the answers (issue 18, item 1): the peak-to-average
// ratio of the volume pattern, the target utilization of the latency class,
// engineers by fleet size; and the cost curves of the JSON cost section
// (item 5). Each worked example is checked against the hand calculation in
// its comments.

#include "makeorbuy/core/cost.hpp"
#include "makeorbuy/core/prices_loader.hpp"

#include "cost_fixtures.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

using namespace makeorbuy;

namespace {

PriceTable table() {
    PriceTable t;
    t.api_models = {test::api_model("gpt-5", 1.25e-6, 1.0e-5), test::api_model("open-70b", 1.0e-7, 3.2e-7)};
    t.gpu_offers = {{"h100-2.69", "H100", 2.69, "s", ""}, {"h100-aws", "H100", 6.88, "s", ""}};
    t.serving = {test::serving_profile("70b-4xh100", "Llama 3.1 70B", 4, 3701),
                 test::serving_profile("node-8xh100", "70B class", 8, 7402)};
    return t;
}

Workload workload(double requests, double peak_to_average, double utilization) {
    Workload w;
    w.requests_per_month = requests;
    w.tokens_in = 1000;
    w.tokens_out = 300;
    w.peak_to_average = peak_to_average;
    w.utilization = utilization;
    return w;
}

double part(const OptionCost& cost, const std::string& id) {
    for (const auto& p : cost.parts)
        if (p.id == id) return p.monthly_usd;
    return -1;
}

// The typical profile's self-hosted staffing (rules/prices.json): 2 engineers
// up to 4 replicas, 3 up to 8, 4 up to 16, 6 up to 32, 8 beyond.
OptionPlan typical_self_hosted() {
    OptionPlan plan;
    plan.gpu_offer = "h100-aws";
    plan.serving = "node-8xh100";
    plan.staffing = {{4, 2}, {8, 3}, {16, 4}, {32, 6}, {0, 8}};
    return plan;
}

PriceTable prices_from(const std::string& text, Diagnostics& diagnostics) {
    return load_prices(JsonDocument::parse(SourceText("p.json", text)), diagnostics);
}

// rules/prices.json with one edit.
std::string embedded_prices_with(const std::function<void(nlohmann::ordered_json&)>& edit) {
    auto doc = nlohmann::ordered_json::parse(std::string(embedded_file("prices.json")));
    edit(doc);
    return doc.dump(2);
}

} // namespace

TEST_CASE("serving: a spiky load is sized for its peak", "[cost]") {
    const PriceTable t = table();
    OptionPlan plan;
    plan.gpu_offer = "h100-2.69";
    plan.serving = "70b-4xh100";
    // 100M requests x 300 output tokens over 730 h x 3600 s = 11,415.5 tok/s on average.
    // Spiky (peak 4x): 45,662 tok/s at the peak; interactive (50%): a replica
    // carries 0.5 x 3,701 = 1,850.5 tok/s, so 45,662 / 1,850.5 = 24.7 -> 25 replicas;
    // 25 x 4 GPUs x $2.69 x 730 h = $196,370 a month.
    const OptionCost spiky = option_cost(plan, workload(1e8, 4, 0.5), t);
    CHECK(spiky.replicas == 25);
    CHECK(part(spiky, "gpus") == Approx(25 * 4 * 2.69 * 730));
    CHECK(part(spiky, "gpus") == Approx(196370).margin(1));
    // Achieved: 11,415.5 / (25 x 3,701) = 12.3% average utilization.
    CHECK(spiky.utilization == Approx(11415.5 / (25 * 3701.0)).epsilon(1e-4));
    // Steady (peak 2x): 22,831 / 1,850.5 = 12.3 -> 13 replicas, $102,112.
    const OptionCost steady = option_cost(plan, workload(1e8, 2, 0.5), t);
    CHECK(steady.replicas == 13);
    CHECK(part(steady, "gpus") == Approx(102112).margin(1));
    // Batch (85%) and steady: 22,831 / 3,145.85 = 7.26 -> 8 replicas.
    CHECK(option_cost(plan, workload(1e8, 2, 0.85), t).replicas == 8);
    // Realtime (30%) and spiky: 45,662 / 1,110.3 = 41.1 -> 42 replicas.
    CHECK(option_cost(plan, workload(1e8, 4, 0.3), t).replicas == 42);
    // The fast path gives the same total.
    CHECK(monthly_usd(plan, workload(1e8, 4, 0.5), t) == spiky.monthly_usd);
}

TEST_CASE("serving: the answers choose the peak and the utilization from the price table", "[cost]") {
    const PriceTable& prices = default_prices();
    const CostProfile& profile = *prices.find_profile("typical");
    auto sized = [&](const char* pattern, const char* latency) {
        return workload_for(test::answers_of({{"requests-per-month", 1e8},
                                              {"volume-pattern", std::string(pattern)},
                                              {"latency", std::string(latency)}}),
                            prices, profile);
    };
    CHECK(sized("steady", "batch").peak_to_average == 2);
    CHECK(sized("spiky", "interactive").peak_to_average == 4);
    CHECK(sized("unknown", "realtime").peak_to_average == 3);
    CHECK(sized("steady", "batch").utilization == 0.85);
    CHECK(sized("steady", "interactive").utilization == 0.5);
    CHECK(sized("steady", "realtime").utilization == 0.3);
    CHECK(sized("spiky", "realtime").volume_pattern == "spiky");
    // Without the answers (a rules table without those questions): the defaults.
    const Workload plain = workload_for(test::answers_of({{"requests-per-month", 1e8}}), prices, profile);
    CHECK(plain.peak_to_average == prices.peak_to_average);
    CHECK(plain.utilization == prices.target_utilization);
    CHECK(plain.volume_pattern.empty());
    // The same volume costs more on own GPUs when it is spiky than when it is steady.
    const OptionPlan& self = *profile.find_plan("self-hosted");
    CHECK(monthly_usd(self, sized("spiky", "interactive"), prices) >
          monthly_usd(self, sized("steady", "interactive"), prices));
}

TEST_CASE("serving: people cost grows with the fleet (2, 10 and 50 replicas)", "[cost]") {
    const PriceTable t = table();
    const OptionPlan plan = typical_self_hosted();
    const double engineer_month = 200000.0 / 12; // $16,666.67
    // 1M requests: 411 tok/s on average, 822 at a 2x peak, well under one
    // 8xH100 node at 50% (3,701 tok/s): the HA minimum, 2 replicas -> 2 engineers, $33,333.
    const OptionCost two = option_cost(plan, workload(1e6, 2, 0.5), t);
    CHECK(two.replicas == 2);
    CHECK(two.engineers == 2);
    CHECK(part(two, "people") == Approx(33333.33).margin(0.01));
    // 150M requests: 17,123 tok/s on average, 34,247 at the peak; / 3,701 = 9.25 -> 10
    // replicas, in the band from 9 to 16 -> 4 engineers, $66,667.
    const OptionCost ten = option_cost(plan, workload(1.5e8, 2, 0.5), t);
    CHECK(ten.replicas == 10);
    CHECK(ten.engineers == 4);
    CHECK(part(ten, "people") == Approx(4 * engineer_month));
    CHECK(part(ten, "people") == Approx(66666.67).margin(0.01));
    // 800M requests: 91,324 tok/s on average, 182,648 at the peak; / 3,701 = 49.35 -> 50
    // replicas, past the last bound (32) -> 8 engineers, $133,333.
    const OptionCost fifty = option_cost(plan, workload(8e8, 2, 0.5), t);
    CHECK(fifty.replicas == 50);
    CHECK(fifty.engineers == 8);
    CHECK(part(fifty, "people") == Approx(133333.33).margin(0.01));
    // 50 nodes of 8 GPUs at $6.88 x 730 h = $2,008,960 of GPUs, plus the people.
    CHECK(fifty.monthly_usd == Approx(50 * 8 * 6.88 * 730 + 8 * engineer_month));
    CHECK(monthly_usd(plan, workload(8e8, 2, 0.5), t) == fifty.monthly_usd);
    // Band edges: 4 replicas are still the first band, 5 the second; 32 the fourth, 33 the last.
    CHECK(plan.engineers(4) == 2);
    CHECK(plan.engineers(5) == 3);
    CHECK(plan.engineers(16) == 4);
    CHECK(plan.engineers(17) == 6);
    CHECK(plan.engineers(32) == 6);
    CHECK(plan.engineers(33) == 8);
    // A plan without bands keeps its fte at any size.
    OptionPlan flat;
    flat.fte = 1.5;
    CHECK(flat.engineers(2) == 1.5);
    CHECK(flat.engineers(500) == 1.5);
}

TEST_CASE("serving: the built-in profiles keep their floors and grow their staff", "[cost]") {
    const PriceTable& prices = default_prices();
    // At two replicas each profile staffs what it did before the bands.
    const std::pair<const char*, double> floors[] = {
        {"minimal", 0.5}, {"lean", 1}, {"typical", 2}, {"enterprise", 3}};
    for (const auto& [id, fte] : floors) {
        INFO(id);
        const OptionPlan& self = *prices.find_profile(id)->find_plan("self-hosted");
        CHECK(self.engineers(2) == fte);
        CHECK(self.engineers(1000) == 8);
    }
}

TEST_CASE("curves: each option's cost over the sweep, monotone, through the answers' own volume", "[cost]") {
    const RuleSet& rules = default_rules();
    const Answers answers = test::answers_of({{"monthly-spend", 120000.0},
                                              {"volume-pattern", std::string("steady")},
                                              {"latency", std::string("interactive")}});
    const CostReport report = cost_report(answers, rules, default_prices());
    const CostCurves& curves = report.curves;
    // 10^3 to 10^10 at four points a decade is 29 volumes, plus the answers' own:
    // $120,000 / $0.00425 a request = 28,235,294 requests, between 10^7.25 and 10^7.5.
    REQUIRE(curves.requests_per_month.size() == 30);
    CHECK(curves.requests_per_month.front() == Approx(1e3));
    CHECK(curves.requests_per_month.back() == Approx(1e10));
    REQUIRE(curves.current.has_value());
    CHECK(*curves.current == 18); // 10^3 .. 10^7.25 are the 18 points before it
    CHECK(curves.requests_per_month[*curves.current] == Approx(28235294).margin(1));
    for (std::size_t k = 1; k < curves.requests_per_month.size(); ++k)
        CHECK(curves.requests_per_month[k] > curves.requests_per_month[k - 1]);
    REQUIRE(curves.series.size() == report.options.size());
    for (std::size_t i = 0; i < curves.series.size(); ++i) {
        const CostCurves::Series& s = curves.series[i];
        INFO(rules.options[s.option].id);
        CHECK(s.option == report.options[i].option);
        REQUIRE(s.monthly_usd.size() == curves.requests_per_month.size());
        for (std::size_t k = 1; k < s.monthly_usd.size(); ++k)
            CHECK(s.monthly_usd[k] >= s.monthly_usd[k - 1]);
        // The single-volume figure of the cost section, to the bit.
        CHECK(s.monthly_usd[*curves.current] == report.options[i].monthly_usd);
        if (report.options[i].alternative_usd) {
            REQUIRE(s.alternative_usd.size() == curves.requests_per_month.size());
            CHECK(s.alternative_usd[*curves.current] == *report.options[i].alternative_usd);
        } else {
            CHECK(s.alternative_usd.empty());
        }
    }
    // The frontier API is a straight line: $0.00425 a request, $4.25 at 1,000 requests.
    CHECK(curves.series.front().monthly_usd.front() == Approx(4.25));
    // A volume on the grid is not listed twice.
    const CostReport on_grid =
        cost_report(test::answers_of({{"requests-per-month", 1e6}}), rules, default_prices());
    CHECK(on_grid.curves.requests_per_month.size() == 29);
    CHECK(on_grid.curves.requests_per_month[*on_grid.curves.current] == Approx(1e6));
}

TEST_CASE("prices: the serving figures are checked where they are written", "[cost]") {
    struct Case {
        const char* what;
        std::function<void(nlohmann::ordered_json&)> edit;
        const char* message;
    };
    const Case cases[] = {
        {"negative peak", [](auto& d) { d["volume_patterns"]["spiky"]["peak_to_average"] = -4; },
         "peak_to_average"},
        {"utilization over 1", [](auto& d) { d["latency_classes"]["batch"]["target_utilization"] = 1.5; },
         "target_utilization"},
        {"missing source", [](auto& d) { d["latency_classes"]["realtime"].erase("source"); }, "'source'"},
        {"unknown pattern",
         [](auto& d) {
             d["volume_patterns"]["spikey"] = {{"peak_to_average", 4}, {"source", "s"}};
         },
         "unknown volume pattern 'spikey'; did you mean 'spiky'?"},
        {"unknown latency",
         [](auto& d) {
             d["latency_classes"]["real-time"] = {{"target_utilization", 0.3}, {"source", "s"}};
         },
         "unknown latency class 'real-time'"},
        {"staffing without source",
         [](auto& d) { d["profiles"]["typical"]["options"]["self-hosted"]["staffing"].erase("source"); },
         "'source'"},
        {"negative engineers",
         [](auto& d) {
             d["profiles"]["typical"]["options"]["self-hosted"]["staffing"]["bands"][0]["fte"] = -1;
         },
         "fte"},
        {"bands that shrink",
         [](auto& d) {
             d["profiles"]["typical"]["options"]["self-hosted"]["staffing"]["bands"][1]["up_to_replicas"] = 3;
         },
         "staffing bands must grow"},
        {"fewer engineers for a larger fleet",
         [](auto& d) {
             d["profiles"]["typical"]["options"]["self-hosted"]["staffing"]["bands"][2]["fte"] = 1;
         }, // below 3
         "a larger fleet needs no fewer engineers"},
        {"an upper bound on the last band",
         [](auto& d) {
             d["profiles"]["typical"]["options"]["self-hosted"]["staffing"]["bands"]
                 .back()["up_to_replicas"] = 99;
         },
         "the last staffing band covers any larger fleet"},
        {"fte beside staffing",
         [](auto& d) { d["profiles"]["typical"]["options"]["self-hosted"]["fte"] = 2; },
         "either 'fte' or 'staffing'"},
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
    // The table as shipped loads clean.
    Diagnostics clean;
    const PriceTable loaded = prices_from(std::string(embedded_file("prices.json")), clean);
    INFO(test::dump(clean));
    CHECK_FALSE(clean.has_errors());
    CHECK(loaded.volume_patterns.size() == 3);
    CHECK(loaded.latency_classes.size() == 3);
}
