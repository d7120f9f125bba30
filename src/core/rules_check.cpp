// Checks of a rules table that need the whole table: conditions that can
// never hold (found by trying every distinct case of the questions they
// test) and questions that nothing uses.

#include "rules_reader.hpp"

#include "makeorbuy/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace makeorbuy::detail {

namespace {

constexpr std::size_t k_max_cases = 200000;

void thresholds_of(const Condition& c, const std::string& key, std::vector<double>& out) {
    if (c.kind == ConditionKind::test) {
        if (c.key == key && c.numeric) out.push_back(c.number);
        return;
    }
    for (const auto& child : c.children)
        thresholds_of(child, key, out);
}

// The values of one question that can make a difference to `condition`.
std::vector<Value> cases_for(const Question& q, const Condition& condition) {
    std::vector<Value> cases;
    if (q.is_numeric()) {
        std::vector<double> points{q.min, q.max};
        std::vector<double> thresholds;
        thresholds_of(condition, q.key, thresholds);
        for (double t : thresholds) {
            const double step = q.type == QuestionType::integer ? 1.0 : std::max(std::fabs(t) * 1e-9, 1e-9);
            points.insert(points.end(), {t - step, t, t + step});
        }
        for (double p : points) {
            if (q.type == QuestionType::integer) p = std::round(p);
            if (p >= q.min && p <= q.max) cases.emplace_back(p);
        }
        return cases;
    }
    if (q.type == QuestionType::choice) {
        for (const auto& v : q.values)
            cases.emplace_back(v.value);
        return cases;
    }
    // Multi: every subset when small, else none, each one alone, and all.
    const std::size_t n = q.values.size();
    if (n <= 10) {
        for (std::size_t mask = 0; mask < (std::size_t{1} << n); ++mask) {
            std::vector<std::string> subset;
            for (std::size_t i = 0; i < n; ++i)
                if ((mask & (std::size_t{1} << i)) != 0) subset.push_back(q.values[i].value);
            cases.emplace_back(subset);
        }
        return cases;
    }
    cases.emplace_back(std::vector<std::string>{});
    std::vector<std::string> all;
    for (const auto& v : q.values) {
        cases.emplace_back(std::vector<std::string>{v.value});
        all.push_back(v.value);
    }
    cases.emplace_back(all);
    return cases;
}

enum class Satisfiable { yes, no, unknown };

Satisfiable satisfiable(const Condition& condition, const QuestionIndex& questions) {
    std::vector<std::string> keys;
    collect_keys(condition, keys);
    std::vector<std::vector<Value>> domains;
    std::size_t total = 1;
    for (const auto& key : keys) {
        const Question* q = questions.find(key);
        if (q == nullptr) return Satisfiable::unknown;
        domains.push_back(cases_for(*q, condition));
        if (domains.back().empty()) return Satisfiable::no;
        total *= domains.back().size();
        if (total > k_max_cases) return Satisfiable::unknown;
    }
    std::vector<std::size_t> index(keys.size(), 0);
    Answers answers;
    for (std::size_t n = 0; n < total; ++n) {
        for (std::size_t k = 0; k < keys.size(); ++k)
            answers.set(keys[k], Answer{domains[k][index[k]], Origin::default_value, {}});
        if (holds(condition, answers)) return Satisfiable::yes;
        for (std::size_t k = 0; k < keys.size(); ++k) {
            if (++index[k] < domains[k].size()) break;
            index[k] = 0;
        }
    }
    return Satisfiable::no;
}

void check_condition(const Condition& condition, const QuestionIndex& questions, const JsonDocument& document,
                     Diagnostics& diagnostics, const std::string& owner) {
    if (condition.kind == ConditionKind::always) return;
    if (satisfiable(condition, questions) == Satisfiable::no)
        diagnostics.error(
            document.value_location(condition.pointer),
            fmt::format("the condition of '{}' can never hold ({})", owner, describe(condition)));
}

} // namespace

void check_semantics(const RuleSet& rules, const JsonDocument& document, Diagnostics& diagnostics) {
    const QuestionIndex questions(rules.questions);
    std::vector<std::string> used;
    for (const auto& q : rules.questions) {
        if (q.ask_if) {
            check_condition(*q.ask_if, questions, document, diagnostics, q.key);
            collect_keys(*q.ask_if, used);
        }
    }
    for (const auto& r : rules.rules) {
        check_condition(r.when, questions, document, diagnostics, r.id);
        collect_keys(r.when, used);
        if (r.scale) used.push_back(r.scale->question);
        if (std::all_of(r.effects.begin(), r.effects.end(), [](const Effect& e) { return e.points == 0; }))
            diagnostics.warning(document.value_location(pointer_append(r.pointer, "effects")),
                                fmt::format("rule '{}' moves no option's score", r.id));
    }
    for (const auto& c : rules.constraints) {
        check_condition(c.when, questions, document, diagnostics, c.id);
        collect_keys(c.when, used);
        if (c.when.kind == ConditionKind::always && c.exclude.size() >= rules.options.size())
            diagnostics.error(document.value_location(c.pointer),
                              fmt::format("constraint '{}' always excludes every option", c.id));
    }
    for (const auto& a : rules.advice) {
        check_condition(a.when, questions, document, diagnostics, a.id);
        collect_keys(a.when, used);
    }
    std::sort(used.begin(), used.end());
    for (std::size_t i = 0; i < rules.questions.size(); ++i) {
        const Question& q = rules.questions[i];
        // A cost question feeds the cost model, not the rules.
        if (q.purpose != "cost" && !std::binary_search(used.begin(), used.end(), q.key))
            diagnostics.warning(document.key_location(pointer_append(pointer_append("/questions", i), "key")),
                                fmt::format("no rule, constraint or advice uses the answer to '{}'", q.key));
    }
}

} // namespace makeorbuy::detail
