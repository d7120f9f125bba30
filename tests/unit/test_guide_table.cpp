// The guide table: every profile in tests/data/guide_profiles.json, scored
// with the embedded default rules, puts the guide's option first.

#include "makeorbuy/core/rules_loader.hpp"
#include "makeorbuy/core/score.hpp"
#include "makeorbuy/core/validate.hpp"
#include "makeorbuy/input/answer_files.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace makeorbuy;
using nlohmann::json;

namespace {

json load_profiles() {
    const SourceText source = read_source(std::string(MAKEORBUY_TEST_DATA) + "/guide_profiles.json");
    return JsonDocument::parse(source).root();
}

// The answers of a profile as the JSON answers reader takes them, validated and defaulted.
Answers answers_of_profile(const json& answers, Diagnostics& diagnostics) {
    const auto raw = parse_answers_json(SourceText("profile", answers.dump()), diagnostics);
    Answers validated = validate_answers(raw, default_rules(), diagnostics);
    for (const Question* q : missing_required(validated, default_rules()))
        diagnostics.error({}, "the profile does not answer '" + q->key + "'");
    fill_defaults(validated, default_rules());
    return validated;
}

std::string ranking_text(const Ranking& ranking, const RuleSet& rules) {
    std::string out;
    for (const auto& r : ranking.ranked)
        out += "  " + rules.options[r.option].id + " " + std::to_string(round_score(r.score)) +
               (r.excluded ? " (excluded)" : "") + "\n";
    return out;
}

} // namespace

TEST_CASE("guide table: every profile puts the guide's option first", "[guide]") {
    const json profiles = load_profiles();
    REQUIRE(profiles.is_array());
    CHECK(profiles.size() >= 25);
    const RuleSet& rules = default_rules();
    for (const json& profile : profiles) {
        const std::string name = profile.at("name").get<std::string>();
        DYNAMIC_SECTION("profile: " << name) {
            INFO("guide: " << profile.value("guide", std::string("(none)")));
            INFO("answers: " << profile.at("answers").dump());
            Diagnostics diagnostics;
            const Answers answers = answers_of_profile(profile.at("answers"), diagnostics);
            INFO(test::dump(diagnostics));
            REQUIRE_FALSE(diagnostics.has_errors());
            const Ranking ranking = score(answers, rules);
            INFO("ranking:\n" << ranking_text(ranking, rules));
            CHECK(rules.options[ranking.winner().option].id == profile.at("expect").get<std::string>());
            if (profile.contains("excluded")) {
                std::vector<std::string> excluded;
                for (const auto& r : ranking.ranked)
                    if (r.excluded) excluded.push_back(rules.options[r.option].id);
                std::vector<std::string> expected = profile.at("excluded").get<std::vector<std::string>>();
                std::sort(excluded.begin(), excluded.end());
                std::sort(expected.begin(), expected.end());
                CHECK(excluded == expected);
            }
        }
    }
}

TEST_CASE("guide table: profiles have names, passages and known options", "[guide]") {
    const json profiles = load_profiles();
    std::vector<std::string> names;
    for (const json& profile : profiles) {
        const std::string name = profile.value("name", std::string());
        INFO("profile: " << name);
        CHECK_FALSE(name.empty());
        CHECK(std::find(names.begin(), names.end(), name) == names.end());
        names.push_back(name);
        CHECK_FALSE(profile.value("guide", std::string()).empty());
        CHECK(default_rules().find_option(profile.value("expect", std::string())).has_value());
    }
}

TEST_CASE("embedded default rules pass the full checks", "[guide]") {
    const std::string_view text = embedded_file("default.json");
    REQUIRE_FALSE(text.empty());
    const JsonDocument document = JsonDocument::parse(SourceText("rules/default.json", std::string(text)));
    Diagnostics diagnostics;
    const RuleSet rules = load_rules(document, diagnostics, RuleChecks::full);
    INFO(test::dump(diagnostics));
    CHECK_FALSE(diagnostics.has_errors());
    CHECK(rules.fingerprint == default_rules().fingerprint);
    CHECK(default_rules().origin == "embedded");
    CHECK_FALSE(embedded_file("schema.json").empty());
    CHECK(embedded_file("no-such-file.json").empty());
}

TEST_CASE("default rules: the questions, options and texts interface.md promises", "[guide]") {
    const RuleSet& rules = default_rules();
    std::vector<std::string> keys;
    for (const auto& q : rules.questions) {
        INFO("question: " << q.key);
        keys.push_back(q.key);
        CHECK_FALSE(q.prompt.empty());
        CHECK_FALSE(q.help.empty());
        for (const auto& v : q.values) {
            INFO("value: " << v.value);
            CHECK_FALSE(v.text.empty());
        }
    }
    for (const char* key : {"stage", "monthly-spend", "volume-pattern", "latency", "compliance", "team-size",
                            "ml-ops", "task", "quality-is-product", "cost-pressure", "pipeline",
                            "weights-control", "lock-in", "tried-cheaper", "fine-tune-drivers"})
        CHECK(std::find(keys.begin(), keys.end(), key) != keys.end());
    std::vector<std::string> options;
    for (const auto& o : rules.options)
        options.push_back(o.id);
    CHECK(options == std::vector<std::string>{"frontier-api", "small-hosted", "self-hosted", "fine-tuned"});
    for (const auto& r : rules.rules) {
        INFO("rule: " << r.id);
        CHECK_FALSE(r.rationale.empty());
        CHECK_FALSE(r.guide.empty());
    }
    for (const auto& c : rules.constraints) {
        INFO("constraint: " << c.id);
        CHECK_FALSE(c.rationale.empty());
    }
    // Yes/no answers also take true/false.
    for (const auto& q : rules.questions)
        if (q.find_value("yes") != nullptr && q.find_value("no") != nullptr) {
            INFO("question: " << q.key);
            CHECK(q.find_value("TRUE") == q.find_value("yes"));
            CHECK(q.find_value("false") == q.find_value("no"));
        }
}
