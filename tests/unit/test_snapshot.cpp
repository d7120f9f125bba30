#include "makeorbuy/core/prices_loader.hpp"
#include "makeorbuy/core/rules_loader.hpp"
#include "makeorbuy/core/snapshot.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace makeorbuy;

namespace {

RuleSet embedded_rules_from_json() {
    const JsonDocument document =
        JsonDocument::parse(SourceText("rules/default.json", std::string(embedded_file("default.json"))));
    Diagnostics diagnostics;
    RuleSet rules = load_rules(document, diagnostics, RuleChecks::full);
    diagnostics.throw_if_errors();
    rules.origin = "embedded";
    return rules;
}

PriceTable embedded_prices_from_json() {
    const JsonDocument document =
        JsonDocument::parse(SourceText("rules/prices.json", std::string(embedded_file("prices.json"))));
    Diagnostics diagnostics;
    PriceTable prices = load_prices(document, diagnostics);
    diagnostics.throw_if_errors();
    prices.origin = "embedded";
    return prices;
}

} // namespace

// Start-up reads the tables from the snapshots the build made; they must be
// the very tables the JSON loads to, member by member (defaulted operator==),
// so a member the snapshot forgot shows up here.
TEST_CASE("the embedded snapshots are the tables the JSON files load to", "[snapshot]") {
    // default_rules() comes bound to the built-in prices, which a snapshot does not hold.
    RuleSet loaded = embedded_rules_from_json();
    CHECK(loaded.prices == nullptr);
    loaded.prices = &default_prices();
    CHECK(default_rules() == loaded);
    CHECK(default_prices() == embedded_prices_from_json());
}

TEST_CASE("a snapshot reads back to an equal table", "[snapshot]") {
    const RuleSet rules = embedded_rules_from_json();
    CHECK(rules_from_snapshot(snapshot_of(rules), "t") == rules);
    const PriceTable prices = embedded_prices_from_json();
    CHECK(prices_from_snapshot(snapshot_of(prices), "t") == prices);

    // Every kind of member takes part in the comparison, so a change to any
    // of them is seen.
    RuleSet changed = rules;
    changed.rules.back().when.children.emplace_back();
    CHECK_FALSE(rules_from_snapshot(snapshot_of(changed), "t") == rules);
    changed = rules;
    changed.questions.front().values.front().aliases.emplace_back("x");
    CHECK_FALSE(rules_from_snapshot(snapshot_of(changed), "t") == rules);
    PriceTable other = prices;
    other.profiles.front().plans.front().fte += 1;
    CHECK_FALSE(prices_from_snapshot(snapshot_of(other), "t") == prices);
    // The LiteLLM key `prices import litellm` matches on travels in the snapshot.
    other = prices;
    other.api_models.front().litellm_key = "vendor/model";
    const PriceTable back = prices_from_snapshot(snapshot_of(other), "t");
    CHECK(back.api_models.front().litellm_key == "vendor/model");
    CHECK_FALSE(back == prices);
}

TEST_CASE("a damaged snapshot is refused with the table's name", "[snapshot]") {
    const std::string bytes = snapshot_of(embedded_rules_from_json());
    auto refused = [](const std::string& damaged, const std::string& needle) {
        try {
            (void)rules_from_snapshot(damaged, "rules/default.json (embedded)");
        } catch (const Error& e) {
            INFO(e.what());
            CHECK(e.diagnostics().front().where.to_string() == "rules/default.json (embedded)");
            CHECK(e.diagnostics().front().message.find(needle) != std::string::npos);
            return true;
        }
        return false;
    };
    CHECK(refused(bytes.substr(0, bytes.size() / 2), "damaged table snapshot"));
    CHECK(refused(bytes + "x", "bytes left over"));
    CHECK(refused("not a snapshot", "not a makeorbuy-rules-snapshot/4"));
    CHECK(refused(snapshot_of(embedded_prices_from_json()), "not a makeorbuy-rules-snapshot/4"));
    // A string that claims more bytes than there are.
    std::string lying = std::string(bytes.substr(0, 27)) + "\xff\xff\x03";
    CHECK(refused(lying, "a count larger than the snapshot"));
}

TEST_CASE("a snapshot with an impossible value is refused", "[snapshot]") {
    RuleSet rules = default_rules();
    rules.rules.front().effects.front().option = rules.options.size(); // past the last option
    try {
        (void)rules_from_snapshot(snapshot_of(rules), "t");
        FAIL("an option index past the table was read back");
    } catch (const Error& e) {
        CHECK(std::string(e.what()).find("option index out of range") != std::string::npos);
    }
    rules = default_rules();
    rules.rules.front().when.kind = static_cast<ConditionKind>(42);
    CHECK_THROWS_AS(rules_from_snapshot(snapshot_of(rules), "t"), Error);
}
