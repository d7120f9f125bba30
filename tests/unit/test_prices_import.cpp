// The age of prices (days between dates, the 180-day notice, the oldest
// price a profile uses) and `prices import litellm` (which model maps to
// which LiteLLM key, what it changes, and what it reports).

#include "makeorbuy/core/litellm_import.hpp"
#include "makeorbuy/core/price_dates.hpp"
#include "makeorbuy/core/prices_loader.hpp"

#include <catch2/catch.hpp>

using namespace makeorbuy;

namespace {

// A price table with three API models: one under its own id, one under a
// LiteLLM key, one LiteLLM lacks. Lines are kept stable.
const char* k_prices = R"({
  "schema_version": 1,
  "as_of": "2026-06-01",
  "default_profile": "p",
  "api_models": {
    "gpt-5": {"input_cost_per_token": 1.25e-6, "output_cost_per_token": 1.0e-5, "source": "s", "retrieved_on": "2026-05-01", "tier": "frontier"},
    "haiku": {"litellm_key": "claude-3-haiku-20240307", "input_cost_per_token": 2.5e-7, "output_cost_per_token": 1.25e-6, "source": "s", "retrieved_on": "2026-04-01", "tier": "small"},
    "gone": {"input_cost_per_token": 1.0e-7, "output_cost_per_token": 2.0e-7, "source": "s", "tier": "small"}
  },
  "gpu_offers": {
    "h100": {"usd_per_gpu_hour": 3, "source": "s", "retrieved_on": "2026-03-01"}
  },
  "serving_profiles": {
    "srv": {"gpus_per_replica": 1, "output_tokens_per_s": 1000, "source": "s", "retrieved_on": "2025-01-01", "tier": "small"}
  },
  "profiles": {
    "p": {"reference_option": "a", "options": {"a": {"api_model": "gpt-5"}, "b": {"api_model": "haiku"}}}
  }
})";

const char* k_litellm = R"({
  "sample_spec": {"input_cost_per_token": 0.0, "output_cost_per_token": 0.0},
  "gpt-5": {"input_cost_per_token": 1.5e-06, "output_cost_per_token": 1.0e-05, "mode": "chat"},
  "claude-3-haiku-20240307": {"input_cost_per_token": 2.5e-07, "output_cost_per_token": 1.25e-06},
  "haiku": {"input_cost_per_token": 9.0e-06, "output_cost_per_token": 9.0e-06},
  "gpt-4o": {"input_cost_per_token": 2.5e-06, "output_cost_per_token": 1.0e-05}
})";

struct Loaded {
    JsonDocument document;
    PriceTable table;
};

Loaded load(const char* text) {
    JsonDocument document = JsonDocument::parse(SourceText("p.json", text));
    Diagnostics diagnostics;
    PriceTable table = load_prices(document, diagnostics);
    diagnostics.throw_if_errors();
    return {std::move(document), std::move(table)};
}

} // namespace

TEST_CASE("days between two dates count leap days and refuse non-dates", "[prices]") {
    CHECK(days_between("2026-11-29", "2026-11-29") == 0);
    CHECK(days_between("2026-11-29", "2027-05-28") == 180); // 1 + 31 + 31 + 28 + 31 + 30 + 28
    CHECK(days_between("2028-02-28", "2028-03-01") == 2);   // 2028 is a leap year
    CHECK(days_between("2026-12-01", "2026-11-29") == -2);
    CHECK_FALSE(days_between("2026-02-29", "2026-03-01").has_value());
    CHECK_FALSE(days_between("29/11/2026", "2026-11-29").has_value());
    CHECK_FALSE(days_between("", "2026-11-29").has_value());
}

TEST_CASE("a price is stale after 180 days, not at 179 or 180", "[prices]") {
    // The table's oldest price is 2026-05-01; 2026-10-28 is 179 days later
    // (30 left in May, 30 + 31 + 31 + 30 = 122 through September, 27 in October).
    for (const auto& [today, days, stale] :
         {std::tuple{"2026-10-27", 179L, false}, std::tuple{"2026-10-28", 180L, false},
          std::tuple{"2026-10-29", 181L, true}}) {
        const auto age = days_between("2026-05-01", today);
        REQUIRE(age.has_value());
        CHECK(*age == days);
        CHECK(prices_stale(*age) == stale);
    }
}

TEST_CASE("the oldest price a profile uses counts its API models and GPU offers", "[prices]") {
    const Loaded p = load(k_prices);
    // Profile p uses gpt-5 (2026-05-01) and haiku (2026-04-01); the older GPU
    // offer and serving figure are not used by it.
    CHECK(oldest_price(p.table, p.table.profiles.front()) == "2026-04-01");
    CHECK(oldest_price(p.table) == "2026-03-01");
    PriceTable undated = p.table;
    for (auto& m : undated.api_models)
        m.retrieved_on.clear();
    CHECK(oldest_price(undated, undated.profiles.front()) == "2026-06-01"); // falls back to as_of
}

TEST_CASE("prices show lists every row oldest first, undated rows last", "[prices]") {
    const Loaded p = load(k_prices);
    const std::vector<PriceFigure> rows = price_figures(p.document.root());
    REQUIRE(rows.size() == 5);
    CHECK(rows[0].id == "srv");
    CHECK(rows[1].id == "h100");
    CHECK(rows[2].id == "haiku");
    CHECK(rows[3].id == "gpt-5");
    CHECK(rows[4].id == "gone");
    CHECK(rows[4].date.empty());
    CHECK(rows[1].values == std::vector<std::pair<std::string, double>>{{"usd_per_gpu_hour", 3}});
}

TEST_CASE("litellm_key maps a model to LiteLLM's name; the id when absent", "[prices]") {
    const Loaded p = load(k_prices);
    CHECK(litellm_key(*p.table.find_api_model("gpt-5")) == "gpt-5");
    CHECK(litellm_key(*p.table.find_api_model("haiku")) == "claude-3-haiku-20240307");
}

TEST_CASE("import updates the models found, dates them, ignores the rest and reports each", "[prices]") {
    const Loaded p = load(k_prices);
    const JsonDocument litellm = JsonDocument::parse(SourceText("l.json", k_litellm));
    Diagnostics diagnostics;
    const LitellmImport result =
        import_litellm(p.document, p.table, litellm, "l.json", "2026-12-01", diagnostics);
    REQUIRE_FALSE(diagnostics.has_errors());

    REQUIRE(result.found.size() == 2);
    CHECK(result.found[0].model == "gpt-5");
    CHECK(result.found[0].new_input == 1.5e-6);
    CHECK(result.found[0].price_changed());
    // haiku is matched by its litellm_key, not by the entry named "haiku".
    CHECK(result.found[1].model == "haiku");
    CHECK(result.found[1].key == "claude-3-haiku-20240307");
    CHECK(result.found[1].new_input == 2.5e-7);
    CHECK_FALSE(result.found[1].price_changed());
    REQUIRE(result.missing.size() == 1);
    CHECK(result.missing[0].model == "gone");
    CHECK(result.ignored == 3); // sample_spec, haiku, gpt-4o

    // The new file loads, with the new prices, today's date and the rest kept.
    Diagnostics reload;
    const PriceTable updated =
        load_prices(JsonDocument::parse(SourceText("new.json", result.prices_json)), reload);
    REQUIRE_FALSE(reload.has_errors());
    CHECK(updated.as_of == "2026-12-01");
    CHECK(updated.find_api_model("gpt-5")->input_per_token == 1.5e-6);
    CHECK(updated.find_api_model("gpt-5")->retrieved_on == "2026-12-01");
    CHECK(updated.find_api_model("gpt-5")->source.find("l.json") != std::string::npos);
    CHECK(updated.find_api_model("haiku")->retrieved_on == "2026-12-01");
    CHECK(updated.find_api_model("haiku")->litellm_key == "claude-3-haiku-20240307");
    CHECK(*updated.find_api_model("gone") == *p.table.find_api_model("gone"));
    CHECK(updated.gpu_offers == p.table.gpu_offers);
    CHECK(updated.profiles == p.table.profiles);
    CHECK(result.prices_json.find("\"gpt-5\"") < result.prices_json.find("\"haiku\"")); // order kept

    const std::string report = describe_import(result, "2026-12-01");
    CHECK(report.find(
              "2 API models found: 1 with new prices, 1 confirmed; 1 not found; 3 other entries ignored") !=
          std::string::npos);
    CHECK(report.find(
              "gpt-5: input $1.25 → $1.5, output $10 (unchanged) per million tokens; dated 2026-05-01 → "
              "2026-12-01") != std::string::npos);
    CHECK(report.find("haiku (LiteLLM claude-3-haiku-20240307): input $0.25 (unchanged)") !=
          std::string::npos);
    CHECK(report.find("gone: not in the file (LiteLLM key gone); kept at input $0.1, output $0.2 per million "
                      "tokens, dated never") != std::string::npos);
}

TEST_CASE("a matched LiteLLM entry without valid prices is located; others are not read", "[prices]") {
    const Loaded p = load(k_prices);
    const JsonDocument litellm = JsonDocument::parse(SourceText("l.json", R"({
  "gpt-4o": "not even an object",
  "gpt-5": {"input_cost_per_token": "1.5e-06",
            "output_cost_per_token": -1},
  "claude-3-haiku-20240307": {"input_cost_per_token": 2.5e-07}
})"));
    Diagnostics diagnostics;
    (void)import_litellm(p.document, p.table, litellm, "l.json", "2026-12-01", diagnostics);
    REQUIRE(diagnostics.items().size() == 3);
    const auto& d = diagnostics.items();
    CHECK(d[0].where.to_string() == "l.json:3:37");
    CHECK(d[0].message.find("input_cost_per_token") != std::string::npos);
    CHECK(d[1].where.to_string() == "l.json:4:38");
    CHECK(d[2].where.to_string() == "l.json:5:3");
    CHECK(d[2].message.find("has no 'output_cost_per_token'") != std::string::npos);
}
