// Tipping points: change one answer, hold the rest, and see whether another
// option comes first. Numeric answers are searched over the rules' own
// breakpoints, since the rules are piecewise: constant between the operands of
// their conditions, smooth only inside scale bands, where we bisect.

#include "makeorbuy/analysis/analysis.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <unordered_map>
#include <unordered_set>

namespace makeorbuy {

const char* to_string(TipDirection direction) {
    switch (direction) {
    case TipDirection::instead:
        return "instead";
    case TipDirection::add:
        return "add";
    case TipDirection::remove:
        return "remove";
    case TipDirection::above:
        return "above";
    case TipDirection::below:
        return "below";
    }
    return "instead";
}

namespace {

constexpr int k_band_probes = 32;     // probes inside a scale band before bisecting
constexpr int k_bisection_steps = 64; // enough for a double's precision

// Scores the answers with the rules' own weights; reuses its buffers.
class Scorer {
public:
    Scorer(const RuleSet& rules, Answers answers)
        : m_rules(rules)
        , m_answers(std::move(answers))
        , m_weights(rules.rules.size())
        , m_scores(rules.options.size()) {
        for (std::size_t r = 0; r < rules.rules.size(); ++r)
            m_weights[r] = rules.rules[r].weight;
    }

    std::size_t winner() {
        m_work += m_rules.rules.size() + m_rules.constraints.size() + 1;
        return winner_with_weights(evaluate(m_answers, m_rules, Evaluate::scoring), m_rules, m_weights,
                                   m_scores);
    }

    /// The winner with `key` answered `value` instead (`key` is answered).
    std::size_t winner_with(const std::string& key, Value value) {
        Value saved = m_answers.exchange(key, std::move(value));
        const std::size_t w = winner();
        m_answers.exchange(key, std::move(saved));
        return w;
    }

    /// Rule and constraint tests done so far.
    [[nodiscard]] std::size_t work() const { return m_work; }

private:
    std::size_t m_work = 0;
    const RuleSet& m_rules;
    Answers m_answers;
    std::vector<double> m_weights;
    std::vector<double> m_scores;
};

struct Band {
    double low = 0;
    double high = 0;
    bool log = false;
};

// Where the winner can change as `question` moves: condition operands and
// the ends of scale bands, sorted; and the bands, inside which it can change
// anywhere.
struct Breaks {
    std::vector<double> points;
    std::vector<Band> bands;
};

// Every question's breaks in one pass over the rules (one pass per question
// made the search quadratic in the size of the rules).
std::unordered_map<std::string, Breaks> all_breaks(const RuleSet& rules) {
    std::unordered_map<std::string, Breaks> all;
    std::function<void(const Condition&)> collect = [&](const Condition& condition) {
        if (condition.kind == ConditionKind::test) {
            if (condition.numeric) all[condition.key].points.push_back(condition.number);
            return;
        }
        for (const auto& child : condition.children)
            collect(child);
    };
    for (const Rule& rule : rules.rules) {
        collect(rule.when);
        if (rule.scale) {
            Breaks& breaks = all[rule.scale->question];
            const double low = std::min(rule.scale->from, rule.scale->to);
            const double high = std::max(rule.scale->from, rule.scale->to);
            breaks.points.push_back(low);
            breaks.points.push_back(high);
            breaks.bands.push_back({low, high, rule.scale->curve == Curve::log && low > 0});
        }
    }
    for (const Constraint& constraint : rules.constraints)
        collect(constraint.when);
    for (auto& [key, breaks] : all) {
        std::sort(breaks.points.begin(), breaks.points.end());
        breaks.points.erase(std::unique(breaks.points.begin(), breaks.points.end()), breaks.points.end());
    }
    return all;
}

// Searches one direction from `start` for the first value whose winner is
// not `base`. `sign` is +1 (upwards) or -1.
class NumericSearch {
public:
    NumericSearch(Scorer& scorer, const Question& question, const Breaks& breaks, std::size_t base,
                  std::size_t budget)
        : m_scorer(scorer)
        , m_question(question)
        , m_breaks(breaks)
        , m_base(base)
        , m_budget(budget)
        , m_integer(question.type == QuestionType::integer) {}

    std::optional<TippingPoint> run(double start, int sign) {
        const double limit = sign > 0 ? m_question.max : m_question.min;
        std::vector<double> stops;
        for (double p : m_breaks.points)
            if ((sign > 0 && p > start && p < limit) || (sign < 0 && p < start && p > limit))
                stops.push_back(p);
        if (sign < 0) std::reverse(stops.begin(), stops.end());
        stops.push_back(limit);
        double from = start;
        for (double stop : stops) {
            if (m_scorer.work() >= m_budget) return std::nullopt; // the caller says the search stopped
            if (auto found = inside(from, stop, sign)) return found;
            const double at = m_integer ? (sign > 0 ? std::floor(stop) : std::ceil(stop)) : stop;
            if ((sign > 0 ? at > from : at < from)) {
                const std::size_t w = winner_at(at);
                if (w != m_base) return make(at, true, w, sign);
            }
            from = stop;
        }
        return std::nullopt;
    }

private:
    std::size_t winner_at(double x) { return m_scorer.winner_with(m_question.key, Value{x}); }

    TippingPoint make(double x, bool inclusive, std::size_t winner, int sign) const {
        TippingPoint point;
        point.question = m_question.key;
        point.direction = sign > 0 ? TipDirection::above : TipDirection::below;
        point.threshold = x;
        point.inclusive = inclusive;
        point.recommendation = winner;
        return point;
    }

    bool in_band(double a, double b, bool& log) const {
        const double low = std::min(a, b);
        const double high = std::max(a, b);
        bool any = false;
        log = false;
        for (const Band& band : m_breaks.bands) {
            if (band.high <= low || band.low >= high) continue;
            any = true;
            log = log || band.log;
        }
        return any;
    }

    // The open stretch between two breakpoints: constant unless a scale band
    // covers it, so one probe will do outside bands and many inside.
    std::optional<TippingPoint> inside(double from, double to, int sign) {
        bool log = false;
        const bool banded = in_band(from, to, log);
        log = log && from > 0 && to > 0;
        const int probes = banded ? k_band_probes : 1;
        double previous = from;
        for (int i = 1; i <= probes; ++i) {
            const double t = static_cast<double>(i) / (probes + 1);
            double x =
                log ? std::exp(std::log(from) + t * (std::log(to) - std::log(from))) : from + t * (to - from);
            if (m_integer) x = sign > 0 ? std::ceil(x) : std::floor(x);
            if (sign > 0 ? (x <= from || x >= to) : (x >= from || x <= to)) continue;
            const std::size_t w = winner_at(x);
            if (w != m_base) return bisect(previous, x, sign);
            previous = x;
        }
        return std::nullopt;
    }

    // `good` keeps the old winner (or is the breakpoint just passed), `bad`
    // does not; narrow down to where it changes.
    TippingPoint bisect(double good, double bad, int sign) {
        std::size_t bad_winner = winner_at(bad);
        for (int step = 0; step < k_bisection_steps; ++step) {
            if (m_integer ? std::fabs(bad - good) <= 1
                          : std::fabs(bad - good) <= 1e-9 * std::max(1.0, std::fabs(bad)))
                break;
            double mid = good + (bad - good) / 2;
            if (m_integer) mid = sign > 0 ? std::floor(mid) : std::ceil(mid);
            if (mid == good || mid == bad) break;
            const std::size_t w = winner_at(mid);
            if (w == m_base) {
                good = mid;
            } else {
                bad = mid;
                bad_winner = w;
            }
        }
        if (m_integer) return make(bad, true, bad_winner, sign);
        return make(good, false, bad_winner, sign);
    }

    Scorer& m_scorer;
    const Question& m_question;
    const Breaks& m_breaks;
    std::size_t m_base;
    std::size_t m_budget;
    bool m_integer;
};

// How far an answer moves from `from` to `to`: the log of the ratio, so that
// halving and doubling are as far; from or to zero (or across it), the move
// over the larger of the two and one.
double relative_move(double from, double to) {
    if (from > 0 && to > 0) return std::fabs(std::log(to / from));
    return std::fabs(to - from) / std::max({1.0, std::fabs(from), std::fabs(to)});
}

// The keys the rules and constraints read, once for all questions.
std::unordered_set<std::string> keys_used_by_scoring(const RuleSet& rules) {
    std::vector<std::string> keys;
    for (const Rule& rule : rules.rules) {
        collect_keys(rule.when, keys);
        if (rule.scale) keys.push_back(rule.scale->question);
    }
    for (const Constraint& constraint : rules.constraints)
        collect_keys(constraint.when, keys);
    return {keys.begin(), keys.end()};
}

} // namespace

TippingSearch search_tipping_points(const Answers& answers, const RuleSet& rules, std::size_t budget) {
    TippingSearch search;
    std::vector<TippingPoint>& points = search.points;
    Scorer scorer(rules, answers);
    const std::size_t base = scorer.winner();
    const std::unordered_set<std::string> used = keys_used_by_scoring(rules);
    const std::unordered_map<std::string, Breaks> breaks = all_breaks(rules);
    const Breaks no_breaks;
    for (const Question& question : rules.questions) {
        const Value* current = answers.value(question.key);
        if (current == nullptr || used.count(question.key) == 0) continue;
        ++search.questions;
        // Past the budget, the rest is counted, not searched.
        if (scorer.work() >= budget) continue;
        if (const auto* number = std::get_if<double>(current)) {
            const auto found_breaks = breaks.find(question.key);
            NumericSearch numeric(scorer, question,
                                  found_breaks == breaks.end() ? no_breaks : found_breaks->second, base,
                                  budget);
            for (const int sign : {-1, +1}) {
                auto found = numeric.run(*number, sign);
                if (!found) continue;
                found->distance = relative_move(*number, found->threshold);
                points.push_back(*found);
            }
        } else if (const auto* choice = std::get_if<std::string>(current)) {
            for (const ChoiceValue& value : question.values) {
                if (value.value == *choice) continue;
                if (scorer.work() >= budget) break;
                const std::size_t w = scorer.winner_with(question.key, Value{value.value});
                if (w != base)
                    points.push_back(
                        {question.key, TipDirection::instead, value.value, 0, false, w, false, 1.0});
            }
        } else if (const auto* items = std::get_if<std::vector<std::string>>(current)) {
            for (const ChoiceValue& value : question.values) {
                if (scorer.work() >= budget) break;
                std::vector<std::string> changed = *items;
                const auto it = std::find(changed.begin(), changed.end(), value.value);
                const bool present = it != changed.end();
                if (present)
                    changed.erase(it);
                else
                    changed.push_back(value.value);
                const std::size_t w = scorer.winner_with(question.key, Value{std::move(changed)});
                if (w != base)
                    points.push_back({question.key, present ? TipDirection::remove : TipDirection::add,
                                      value.value, 0, false, w, false, 1.0});
            }
        }
        // A question is searched when the budget held to its end.
        if (scorer.work() < budget) ++search.questions_searched;
    }
    for (TippingPoint& point : points)
        if (const Question* question = rules.find_question(point.question))
            point.actionable = question->actionable;
    std::stable_sort(points.begin(), points.end(), [](const TippingPoint& a, const TippingPoint& b) {
        if (a.actionable != b.actionable) return a.actionable;
        return a.distance < b.distance;
    });
    search.complete = search.questions_searched == search.questions;
    return search;
}

std::vector<TippingPoint> tipping_points(const Answers& answers, const RuleSet& rules) {
    return search_tipping_points(answers, rules).points;
}

} // namespace makeorbuy
