// wins_whole_band and loses_whole_band: the exact shortcuts `adr check` takes
// before sampling must agree with the sampler: whenever they say an option
// wins (loses) every weighting, the Monte Carlo gives that option every (no)
// first place.

#include "makeorbuy/analysis/analysis.hpp"
#include "makeorbuy/analysis/robustness_detail.hpp"
#include "makeorbuy/core/json_document.hpp"
#include "makeorbuy/core/validate.hpp"
#include "makeorbuy/input/answer_files.hpp"

#include "analysis/random.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cstdlib>

using namespace makeorbuy;
using makeorbuy::detail::choice_share;
using makeorbuy::detail::ChoiceShare;
using makeorbuy::detail::loses_whole_band;
using makeorbuy::detail::sample_first_places;
using makeorbuy::detail::wins_at_least_half;
using makeorbuy::detail::wins_whole_band;

namespace {

struct GuideProfile {
    std::string name;
    Evaluation evaluation;
};

/// Every profile of tests/data/guide_profiles.json, answered and evaluated
/// with the default rules.
const std::vector<GuideProfile>& guide_profiles() {
    static const std::vector<GuideProfile> profiles = [] {
        const RuleSet& rules = default_rules();
        const auto json =
            JsonDocument::parse(read_source(std::string(MAKEORBUY_TEST_DATA) + "/guide_profiles.json"))
                .root();
        std::vector<GuideProfile> out;
        for (const auto& profile : json) {
            Diagnostics diagnostics;
            const auto raw =
                parse_answers_json(SourceText("profile", profile["answers"].dump()), diagnostics);
            Answers answers = validate_answers(raw, rules, diagnostics);
            fill_defaults(answers, rules);
            diagnostics.throw_if_errors();
            out.push_back({profile["name"].get<std::string>(), evaluate(answers, rules)});
        }
        return out;
    }();
    return profiles;
}

} // namespace

TEST_CASE("wins_whole_band and loses_whole_band agree with sampling on every guide profile",
          "[analysis][robustness]") {
    const RuleSet& rules = default_rules();
    std::size_t shortcut_taken = 0;
    std::size_t never_first = 0;
    for (const auto& [name, evaluation] : guide_profiles()) {
        const Robustness sampled =
            sample_first_places(evaluation, rules, RobustnessSettings{2000, 7, k_weight_band, std::nullopt});
        for (std::size_t option = 0; option < rules.options.size(); ++option) {
            if (!wins_whole_band(evaluation, rules, option, k_weight_band)) continue;
            INFO(name << ": " << rules.options[option].id);
            CHECK(sampled.first_place_share[option] == 1.0);
            ++shortcut_taken;
        }
        for (std::size_t option = 0; option < rules.options.size(); ++option) {
            if (!loses_whole_band(evaluation, rules, option, k_weight_band)) continue;
            INFO(name << ": " << rules.options[option].id << " never first");
            CHECK(sampled.first_place_share[option] == 0.0);
            CHECK_FALSE(wins_whole_band(evaluation, rules, option, k_weight_band));
            ++never_first;
        }
    }
    // Most options lose every weighting in most profiles: the losing shortcut
    // spares `adr check` the sampling for records that chose against the rules.
    CHECK(never_first >= guide_profiles().size());
    // The shortcut must apply to a good share of the profiles, or it saves nothing
    // (20 of the 42 when written; 10 of 46 since issue 13, whose smooth
    // bands and cost figures leave fewer results unbeaten at every corner).
    CHECK(shortcut_taken >= guide_profiles().size() / 5);
}

TEST_CASE("wins_whole_band is false for a contested table and for an excluded option",
          "[analysis][robustness]") {
    const RuleSet rules = test::rules_ok(R"({"id": "r", "version": "1",
      "questions": [{"key": "q", "prompt": "p", "type": "choice", "values": [{"value": "x", "text": "t"}], "default": "x"}],
      "options": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
      "rules": [{"id": "a-up", "effects": {"a": 1}, "weight": 1, "rationale": "r"},
                {"id": "b-up", "effects": {"b": 1}, "weight": 1, "rationale": "r"},
                {"id": "c-far", "effects": {"c": 3}, "weight": 1, "rationale": "r"}],
      "constraints": [{"id": "no-c", "when": {"q": "x"}, "exclude": ["c"], "rationale": "r"}]})");
    const Evaluation evaluation = evaluate(test::answers_of({{"q", std::string("x")}}), rules);
    CHECK_FALSE(wins_whole_band(evaluation, rules, 0, 0.5));    // a and b are level
    CHECK_FALSE(wins_whole_band(evaluation, rules, 2, 0.5));    // c is ruled out, whatever its score
    CHECK(wins_whole_band(evaluation, rules, 0, 0.0) == false); // a tie even with fixed weights
    CHECK_FALSE(loses_whole_band(evaluation, rules, 0, 0.5));   // a level with b can still win
    CHECK(loses_whole_band(evaluation, rules, 2, 0.5));         // c is ruled out while a and b are not
}

TEST_CASE("loses_whole_band needs a rival ahead at the option's best corner", "[analysis][robustness]") {
    auto table = [](const char* b_points) {
        return test::rules_ok(std::string(R"({"id": "r", "version": "1",
          "questions": [{"key": "q", "prompt": "p", "type": "choice", "values": [{"value": "x", "text": "t"}], "default": "x"}],
          "options": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
          "rules": [{"id": "a-up", "effects": {"a": 1}, "weight": 1, "rationale": "r"},
                    {"id": "b-up", "effects": {"b": )") +
                              b_points + R"(}, "weight": 1, "rationale": "r"}]})");
    };
    const Answers answers = test::answers_of({{"q", std::string("x")}});
    // b at 2.5: a at best 1.5, b at worst 1.25, so a can still win.
    const RuleSet near = table("2.5");
    CHECK_FALSE(loses_whole_band(evaluate(answers, near), near, 0, 0.5));
    CHECK(sample_first_places(evaluate(answers, near), near, {}).first_place_share[0] > 0.0);
    // b at 3.5: a at best 1.5, b at worst 1.75, so a never wins.
    const RuleSet far = table("3.5");
    CHECK(loses_whole_band(evaluate(answers, far), far, 0, 0.5));
    CHECK(sample_first_places(evaluate(answers, far), far, {}).first_place_share[0] == 0.0);
}

TEST_CASE("robustness stops early only once under-half is decided", "[analysis][robustness]") {
    auto table = [](const char* c_points) {
        return test::rules_ok(std::string(R"({"id": "r", "version": "1",
          "questions": [{"key": "q", "prompt": "p", "type": "choice", "values": [{"value": "x", "text": "t"}], "default": "x"}],
          "options": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
          "rules": [{"id": "a-up", "effects": {"a": 1}, "weight": 1, "rationale": "r"},
                    {"id": "b-up", "effects": {"b": 1}, "weight": 1, "rationale": "r"},
                    {"id": "c-up", "effects": {"c": )") +
                              c_points + R"(}, "weight": 1, "rationale": "r"}]})");
    };
    const Answers answers = test::answers_of({{"q", std::string("x")}});
    RobustnessSettings settings;
    settings.decide_half_for = 0;

    // Three level options: a wins about a third of the draws, clearly under half.
    const RuleSet three = table("1");
    const Robustness quick = sample_first_places(evaluate(answers, three), three, settings);
    CHECK(quick.samples < k_default_samples);
    CHECK(quick.samples % 100 == 0);
    CHECK(quick.first_place_share[0] < 0.5);
    CHECK(quick.first_place_share[0] ==
          sample_first_places(evaluate(answers, three), three, settings).first_place_share[0]);

    // a and b level, c far behind: a's share hovers at one half, so every draw is made.
    const RuleSet two = table("0.1");
    const Robustness full = sample_first_places(evaluate(answers, two), two, settings);
    CHECK(full.samples == k_default_samples);
}

TEST_CASE("choice_share counts the same first places as robustness", "[analysis][robustness]") {
    const RuleSet& rules = default_rules();
    std::size_t settled_early = 0;
    for (const auto& [name, evaluation] : guide_profiles()) {
        INFO(name);
        for (std::size_t option = 0; option < rules.options.size(); ++option) {
            INFO("option " << rules.options[option].id);
            RobustnessSettings all;
            all.samples = 2000;
            const Robustness full = sample_first_places(evaluation, rules, all);
            const ChoiceShare one = choice_share(evaluation, rules, option, all);
            CHECK(one.samples == full.samples);
            CHECK(one.share == full.first_place_share[option]);
            RobustnessSettings deciding;
            deciding.decide_half_for = option;
            const Robustness decided = sample_first_places(evaluation, rules, deciding);
            const ChoiceShare quick = choice_share(evaluation, rules, option, deciding);
            CHECK(quick.samples == decided.samples);
            CHECK(quick.share == decided.first_place_share[option]);
            settled_early += quick.samples < k_default_samples ? 1 : 0;
        }
    }
    CHECK(settled_early > 0);
}

TEST_CASE("the weights' numbers are splitmix64's stream, read at any position", "[analysis][robustness]") {
    constexpr std::uint64_t k_seed = 20261129;
    std::uint64_t state = k_seed;
    bool same = true;
    for (std::uint64_t i = 0; i < 1000; ++i) // number i is the stream's (i + 1)th output
        same = same && detail::uniform_at(k_seed, i) ==
                           static_cast<double>(detail::splitmix64(state) >> 11U) * 0x1.0p-53;
    CHECK(same);
    // Uniform over [0, 1): 100,000 numbers give each tenth 10,000, give or take
    // 4 standard errors (sqrt(100000 * 0.1 * 0.9) = 95), however far in.
    for (const std::uint64_t start : {std::uint64_t{0}, std::uint64_t{1} << 40U}) {
        std::array<int, 10> tenths{};
        for (std::uint64_t i = 0; i < 100000; ++i) {
            const double u = detail::uniform_at(k_seed, start + i);
            REQUIRE(u >= 0.0);
            REQUIRE(u < 1.0);
            ++tenths[static_cast<std::size_t>(u * 10.0)];
        }
        for (const int count : tenths)
            CHECK(std::abs(count - 10000) < 380);
    }
}

TEST_CASE("wins_at_least_half is never wrong about a sampled share", "[analysis][robustness]") {
    const RuleSet& rules = default_rules();
    std::size_t shown = 0;
    std::size_t not_shown = 0;
    for (const auto& [name, evaluation] : guide_profiles()) {
        const Robustness sampled = sample_first_places(evaluation, rules, RobustnessSettings{});
        INFO(name);
        for (std::size_t option = 0; option < rules.options.size(); ++option) {
            INFO("option " << rules.options[option].id);
            if (wins_at_least_half(evaluation, rules, option, k_weight_band)) {
                ++shown;
                CHECK(sampled.first_place_share[option] >= 0.5);
                CHECK_FALSE(loses_whole_band(evaluation, rules, option, k_weight_band));
            } else {
                ++not_shown;
            }
        }
    }
    // Some recommendations are shown to hold; every option that is not the
    // recommendation (three per profile) is not.
    CHECK(shown > 0);
    CHECK(not_shown >= 3 * guide_profiles().size());
}

TEST_CASE("robustness answers 'at least half?' as the proofs and the sampler do", "[analysis][robustness]") {
    const RuleSet& rules = default_rules();
    std::size_t proved = 0;
    std::size_t sampled = 0;
    for (const auto& [name, evaluation] : guide_profiles()) {
        INFO(name);
        const Robustness all = robustness(evaluation, rules);
        CHECK(all.subject == all.recommendation);
        CHECK(all.share == all.first_place_share[all.recommendation]);
        if (all.established == Established::every_draw) CHECK(all.share == 1.0);
        for (std::size_t option = 0; option < rules.options.size(); ++option) {
            INFO("option " << rules.options[option].id);
            RobustnessSettings deciding;
            deciding.decide_half_for = option;
            const Robustness r = robustness(evaluation, rules, deciding);
            CHECK(r.subject == option);
            const Robustness full = sample_first_places(evaluation, rules, RobustnessSettings{});
            switch (r.established) {
            case Established::every_draw:
                ++proved;
                CHECK(r.samples == 0);
                CHECK(full.first_place_share[option] == 1.0);
                break;
            case Established::half_bound:
                ++proved;
                CHECK(full.first_place_share[option] >= 0.5);
                break;
            case Established::no_draw:
                ++proved;
                CHECK(full.first_place_share[option] == 0.0);
                break;
            case Established::sampled: {
                ++sampled;
                const ChoiceShare quick = choice_share(evaluation, rules, option, deciding);
                CHECK(r.share == quick.share);
                CHECK(r.samples == quick.samples);
                break;
            }
            }
        }
    }
    CHECK(proved > 0);
    CHECK(sampled > 0);
}
