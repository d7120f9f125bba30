#pragma once
// Checking answers against the questions of a rules table.

#include "makeorbuy/core/answers.hpp"
#include "makeorbuy/core/rules.hpp"

#include <string>
#include <variant>
#include <vector>

namespace makeorbuy {

/// One typed answer checked against its question: the value, or a message
/// saying what is wrong and what is allowed (without a location).
struct ParsedAnswer {
    std::optional<Value> value;
    std::string problem;
};
[[nodiscard]] ParsedAnswer parse_answer(const Question& question, const std::vector<std::string>& items);

/// Checks every raw answer; reports each unknown key or invalid value in
/// `diagnostics`. Raw answers come lowest precedence first: for a key given
/// twice, the later one wins.
[[nodiscard]] Answers validate_answers(const std::vector<RawAnswer>& raw, const RuleSet& rules,
                                       Diagnostics& diagnostics);

/// Gives every unanswered question with a default its default.
void fill_defaults(Answers& answers, const RuleSet& rules);

/// Required questions (no default) still unanswered, in questionnaire order.
[[nodiscard]] std::vector<const Question*> missing_required(const Answers& answers, const RuleSet& rules);

/// What a flag of `question` takes: "INTEGER", "NUMBER", or its values
/// ("prototype|pre-pmf|growth|scale"; a list question's joined with commas).
[[nodiscard]] std::string flag_value_name(const Question& question);
/// "--stage prototype|pre-pmf|growth|scale" or "--monthly-spend NUMBER".
[[nodiscard]] std::string flag_usage(const Question& question);
/// The message for a required question nobody answered, naming the flag
/// that answers it; the same from the command line and the interview.
[[nodiscard]] std::string missing_answer_message(const Question& question);

/// Whether the interview would ask `question` given the answers so far.
[[nodiscard]] bool is_asked(const Question& question, const Answers& answers);

} // namespace makeorbuy
