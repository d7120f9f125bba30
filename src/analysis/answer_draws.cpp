// Robustness over the answers as well as the weights: the numeric answers the
// rules declare uncertain are drawn within their range, and each drawn set
// of answers is scored afresh before the weights are drawn for it.

#include "makeorbuy/analysis/robustness_detail.hpp"

#include "linear.hpp"
#include "random.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace makeorbuy::detail {

namespace {

/// Drawn sets of answers per run: the answers move only a few questions, so a
/// few hundred sets cover them, and each evaluate() is paid once per set, not
/// once per sample.
constexpr std::uint64_t k_answer_sets = 125;
/// The answers' generator is apart from the weights' numbers, so that those
/// are the same whether or not answers are drawn.
constexpr std::uint64_t k_answer_stream = 0x616e7377657273ULL; // "answers"

} // namespace

double drawn_answer(const Question& question, double x, double u) {
    if (!question.uncertainty) return x;
    const Uncertainty& uncertainty = *question.uncertainty;
    double y = x;
    if (uncertainty.factor > 1) {
        y = x * std::exp((2.0 * u - 1.0) * std::log(uncertainty.factor));
        if (question.type == QuestionType::integer) y = std::round(y);
    } else if (question.type == QuestionType::integer) {
        const double p = std::floor(uncertainty.plus_minus);
        y = x + std::min(std::floor(u * (2.0 * p + 1.0)), 2.0 * p) - p; // each whole step alike
    } else {
        y = x + (2.0 * u - 1.0) * uncertainty.plus_minus;
    }
    return std::clamp(y, question.min, question.max);
}

Robustness sample_with_answers(const Answers& answers, const RuleSet& rules,
                               const RobustnessSettings& settings) {
    const std::size_t n_options = rules.options.size();
    const std::size_t n_rules = rules.rules.size();
    Robustness result;
    result.samples = std::max<std::uint64_t>(settings.samples, 1);
    result.seed = settings.seed;
    result.band = std::clamp(settings.band, 0.0, 1.0);

    // The recommendation: the answers as given, the table's own weights.
    std::vector<double> weights(n_rules);
    for (std::size_t r = 0; r < n_rules; ++r)
        weights[r] = rules.rules[r].weight;
    std::vector<double> scores(n_options);
    if (n_options > 0)
        result.recommendation =
            winner_with_weights(evaluate(answers, rules, Evaluate::scoring), rules, weights, scores);

    struct Drawn {
        const Question* question;
        double given;
    };
    std::vector<Drawn> drawn;
    for (std::size_t q = 0; q < rules.questions.size(); ++q) {
        const Question& question = rules.questions[q];
        const Value* value = question.uncertainty ? answers.value(question.key) : nullptr;
        const double* number = value ? std::get_if<double>(value) : nullptr;
        if (number == nullptr) continue;
        drawn.push_back({&question, *number});
        result.answers_drawn.push_back(q);
    }
    std::vector<std::uint64_t> wins(n_options, 0);
    if (drawn.empty() || n_options == 0) return result;

    Answers varied = answers;
    Xoshiro256 answer_random(settings.seed ^ k_answer_stream);
    std::vector<double> u(n_rules);
    const std::uint64_t sets = std::min(result.samples, k_answer_sets);
    std::uint64_t sample = 0; // the weights of sample s are those robustness draws without answers
    for (std::uint64_t set = 0; set < sets; ++set) {
        const std::uint64_t count = result.samples / sets + (set < result.samples % sets ? 1 : 0);
        for (const Drawn& d : drawn)
            (void)varied.exchange(d.question->key,
                                  Value{drawn_answer(*d.question, d.given, answer_random.uniform())});
        // Scored afresh: everything the rules work out from the answers.
        const Evaluation evaluation = evaluate(varied, rules, Evaluate::scoring);
        const Linear lin = linearise(evaluation, rules, result.band);
        const std::size_t at_table = winner_with_weights(evaluation, rules, weights, scores);
        // Most draws are settled by the winner's lead over the few rivals that
        // can come near it; the rest are scored in full.
        const std::optional<Leads> leads =
            lin.allowed[at_table] ? std::optional<Leads>(std::in_place, lin, at_table) : std::nullopt;
        if (leads && leads->none()) { // first at every corner of the weight box
            wins[at_table] += count;
            sample += count;
            continue;
        }
        for (std::uint64_t k = 0; k < count; ++k, ++sample) {
            for (const std::size_t r : lin.rule) // only the rules these answers fire matter
                u[r] = uniform_at(settings.seed, sample * n_rules + r);
            const Leads::Settled settled = leads ? leads->settle(u.data()) : Leads::Settled::open;
            if (settled == Leads::Settled::first)
                ++wins[at_table];
            else
                ++wins[sampled_winner(lin, u.data(), scores)];
        }
    }
    tally(result, wins);
    return result;
}

} // namespace makeorbuy::detail
