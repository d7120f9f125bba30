// Properties of the default rules' economics over a generated grid of
// profiles (issue 13): the ranking never contradicts the cost model's own
// figures, and no single nudge of an answer flips a "clear" result. Each
// property is also run on a deliberately broken copy of the table, to show
// that it can fail.

#include "makeorbuy/analysis/analysis.hpp"
#include "makeorbuy/core/cost.hpp"
#include "makeorbuy/core/figures.hpp"
#include "makeorbuy/core/score.hpp"
#include "makeorbuy/core/text.hpp"
#include "makeorbuy/core/validate.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

using namespace makeorbuy;

namespace {

// splitmix64: a fixed sequence, the same on every platform.
struct Sequence {
    std::uint64_t state = 0x5eed2026;
    std::size_t pick(std::size_t n) {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
        return static_cast<std::size_t>((z ^ (z >> 31U)) % n);
    }
};

struct Profile {
    Answers answers;
    std::string text;
};

Answers defaulted(Answers answers, const RuleSet& rules) {
    fill_defaults(answers, rules);
    return answers;
}

void put(Answers& answers, std::string& text, const std::string& key, Value value) {
    text += " --" + key + " " + display_value(value);
    answers.set(key, Answer{std::move(value), Origin::flag, {}});
}

// One profile of the grid: every question the rules read, drawn from its values.
Profile profile(Sequence& seq, const RuleSet& rules) {
    static const std::array<double, 10> spends = {5000,  12000,  19999,  25000,  50000,
                                                  90000, 150000, 300000, 700000, 2e6};
    static const std::array<double, 6> teams = {2, 3, 4, 8, 12, 30};
    auto choice = [&](std::initializer_list<const char*> values) {
        const std::size_t i = seq.pick(values.size());
        return std::string(*(values.begin() + i));
    };
    Profile p;
    put(p.answers, p.text, "stage", choice({"pre-pmf", "growth", "scale", "scale"}));
    put(p.answers, p.text, "monthly-spend", spends[seq.pick(spends.size())]);
    put(p.answers, p.text, "latency", choice({"batch", "interactive", "realtime"}));
    put(p.answers, p.text, "compliance", choice({"none", "vendor-dpa", "in-house-only"}));
    put(p.answers, p.text, "team-size", teams[seq.pick(teams.size())]);
    put(p.answers, p.text, "ml-ops", choice({"none", "some", "dedicated"}));
    put(p.answers, p.text, "task", choice({"narrow", "general", "complex"}));
    put(p.answers, p.text, "volume-pattern", choice({"steady", "spiky", "unknown"}));
    put(p.answers, p.text, "quality-is-product", choice({"no", "no", "yes"}));
    put(p.answers, p.text, "cost-pressure", choice({"no", "no", "yes"}));
    put(p.answers, p.text, "pipeline", choice({"no", "no", "yes"}));
    put(p.answers, p.text, "weights-control", choice({"no", "no", "no", "yes"}));
    put(p.answers, p.text, "lock-in", choice({"low", "medium", "high"}));
    const std::size_t drivers = seq.pick(4);
    std::vector<std::string> list;
    if (drivers == 1) list = {"cost-wall"};
    if (drivers == 2) list = {"output-format"};
    if (drivers == 3) list = {"cost-wall", "brand-voice"};
    put(p.answers, p.text, "fine-tune-drivers", list);
    put(p.answers, p.text, "tried-cheaper", choice({"no", "yes"}));
    put(p.answers, p.text, "cost-profile", choice({"minimal", "lean", "typical", "enterprise"}));
    p.answers = defaulted(std::move(p.answers), rules);
    return p;
}

std::vector<Profile> grid(const RuleSet& rules, std::size_t n) {
    Sequence seq;
    std::vector<Profile> profiles;
    profiles.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        profiles.push_back(profile(seq, rules));
    return profiles;
}

std::string text_of(const Value* value) {
    return value ? display_value(*value) : "";
}

struct Findings {
    std::size_t checked = 0;
    std::size_t violations = 0;
    std::string first;
};

// (a) A self-hosted recommendation made without an in-house-only data rule
// or a need for the weights never costs more a month than the frontier API.
Findings self_hosting_pays(const RuleSet& rules, const std::vector<Profile>& profiles) {
    Findings f;
    const std::size_t self = *rules.find_option("self-hosted");
    const std::size_t frontier = *rules.find_option("frontier-api");
    for (const Profile& p : profiles) {
        if (text_of(p.answers.value("compliance")) == "in-house-only" ||
            text_of(p.answers.value("weights-control")) == "yes")
            continue;
        if (score(p.answers, rules).winner().option != self) continue;
        ++f.checked;
        const CostFigures figures = figures_for(p.answers, rules);
        const double self_usd = figures.option(self)->monthly_usd;
        const double frontier_usd = figures.option(frontier)->monthly_usd;
        if (self_usd > frontier_usd) {
            if (f.violations++ == 0)
                f.first = p.text + ": self-hosted " + format_money(self_usd) + " > frontier " +
                          format_money(frontier_usd);
        }
    }
    return f;
}

// (b) A fine-tune recommended only for the cost wall costs less than every
// option not ruled out.
Findings cost_wall_fine_tune_is_cheapest(const RuleSet& rules, const std::vector<Profile>& profiles) {
    Findings f;
    const std::size_t tuned = *rules.find_option("fine-tuned");
    for (const Profile& p : profiles) {
        const Value* drivers = p.answers.value("fine-tune-drivers");
        if (drivers == nullptr || display_value(*drivers) != "cost-wall" ||
            text_of(p.answers.value("weights-control")) == "yes")
            continue;
        const Ranking ranking = score(p.answers, rules);
        if (ranking.winner().option != tuned) continue;
        ++f.checked;
        const CostFigures figures = figures_for(p.answers, rules);
        const double tuned_usd = figures.option(tuned)->monthly_usd;
        for (const OptionResult& r : ranking.ranked) {
            if (r.option == tuned || r.excluded) continue;
            const double usd = figures.option(r.option)->monthly_usd;
            if (tuned_usd >= usd) {
                if (f.violations++ == 0)
                    f.first = p.text + ": fine-tuned " + format_money(tuned_usd) +
                              " >= " + rules.options[r.option].id + " " + format_money(usd);
                break;
            }
        }
    }
    return f;
}

bool clear(const Answers& answers, const RuleSet& rules) {
    RobustnessSettings settings;
    settings.samples = 2000;
    return robustness(evaluate(answers, rules), rules, settings).verdict == Verdict::clear;
}

// (c) Along a sweep of one numeric answer, where the top choice changes, the
// two neighbours are not both "clear".
Findings no_clear_cliffs(const RuleSet& rules, const std::vector<Profile>& profiles, const std::string& key,
                         const std::vector<double>& points) {
    Findings f;
    for (const Profile& p : profiles) {
        Answers answers = p.answers;
        std::size_t previous = 0;
        for (std::size_t i = 0; i < points.size(); ++i) {
            answers.set(key, Answer{points[i], Origin::flag, {}});
            const std::size_t winner = score(answers, rules).winner().option;
            if (i > 0 && winner != previous) {
                ++f.checked;
                Answers before = answers;
                before.set(key, Answer{points[i - 1], Origin::flag, {}});
                if (clear(before, rules) && clear(answers, rules)) {
                    if (f.violations++ == 0)
                        f.first = p.text + ": " + key + " " + format_number(points[i - 1], 0) + " -> " +
                                  format_number(points[i], 0) + " flips " + rules.options[previous].id +
                                  " -> " + rules.options[winner].id + ", both clear";
                }
            }
            previous = winner;
        }
    }
    return f;
}

std::vector<double> spend_sweep() {
    std::vector<double> points;
    for (double s = 3000; s <= 3e6; s *= 1.12)
        points.push_back(s);
    return points;
}

std::vector<double> team_sweep() {
    std::vector<double> points;
    for (double t = 1; t <= 30; t += 1)
        points.push_back(t);
    return points;
}

Rule& rule_named(RuleSet& rules, const std::string& id) {
    for (Rule& r : rules.rules)
        if (r.id == id) return r;
    FAIL("no rule " << id);
    return rules.rules.front();
}

} // namespace

TEST_CASE("economics (a): a self-hosted pick for cost never costs more than the frontier API",
          "[economics]") {
    const RuleSet& rules = default_rules();
    const auto profiles = grid(rules, 6000);
    const Findings f = self_hosting_pays(rules, profiles);
    INFO(f.first);
    CHECK(f.checked > 50);
    CHECK(f.violations == 0);

    SECTION("a table that counts the band without the cost figures fails it") {
        // The table before issue 13: the band a fixed $50K-$200K, the open
        // model costed only on its own GPUs, no rule on its cost.
        RuleSet broken = rules;
        rule_named(broken, "open-model-costs-more-than-it-replaces").weight = 0;
        for (const char* id : {"open-model-saving", "steady-volume-suits-dedicated-gpus"}) {
            Rule& saving = rule_named(broken, id);
            saving.scale = Scale{"monthly-spend", std::nullopt, 50000, 200000, Curve::log};
            saving.more_scales.clear();
        }
        Constraint own_gpus_only;
        own_gpus_only.id = "own-gpus-only";
        own_gpus_only.exclude_per_token = true;
        broken.constraints.push_back(own_gpus_only);
        const Findings b = self_hosting_pays(broken, profiles);
        INFO(b.first);
        CHECK(b.violations > 0);
    }
}

TEST_CASE("economics (b): a fine-tune for the cost wall alone is the cheapest option left", "[economics]") {
    const RuleSet& rules = default_rules();
    const auto profiles = grid(rules, 6000);
    const Findings f = cost_wall_fine_tune_is_cheapest(rules, profiles);
    INFO(f.first);
    CHECK(f.checked > 5);
    CHECK(f.violations == 0);

    SECTION("a table whose cost-wall rule ignores the figures fails it") {
        RuleSet broken = rules;
        Rule& wall = rule_named(broken, "cost-wall-distil");
        std::vector<Condition> kept;
        for (const Condition& c : wall.when.children)
            if (!c.figure) kept.push_back(c);
        wall.when.children = kept;
        wall.scale.reset();
        wall.more_scales.clear();
        const Findings b = cost_wall_fine_tune_is_cheapest(broken, profiles);
        INFO(b.first);
        CHECK(b.violations > 0);
    }
}

TEST_CASE("economics (c): no sweep of spend or team size flips one clear result into another",
          "[economics]") {
    const RuleSet& rules = default_rules();
    const auto profiles = grid(rules, 400);
    const Findings spend = no_clear_cliffs(rules, profiles, "monthly-spend", spend_sweep());
    INFO(spend.first);
    CHECK(spend.checked > 20);
    CHECK(spend.violations == 0);
    const Findings team = no_clear_cliffs(rules, profiles, "team-size", team_sweep());
    INFO(team.first);
    CHECK(team.checked > 5);
    CHECK(team.violations == 0);

    SECTION("a table with the old $20K step fails it") {
        RuleSet broken = rules;
        for (const char* id : {"low-spend-not-worth-optimising", "low-spend-self-hosting-saves-nothing"}) {
            Rule& step = rule_named(broken, id);
            Condition under;
            under.kind = ConditionKind::test;
            under.key = "monthly-spend";
            under.op = TestOp::lt;
            under.numeric = true;
            under.number = 20000;
            step.when = under;
            step.scale.reset();
            step.weight = 3;
        }
        const Findings b = no_clear_cliffs(broken, profiles, "monthly-spend", spend_sweep());
        INFO(b.first);
        CHECK(b.violations > 0);
    }
}
