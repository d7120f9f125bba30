#pragma once
// The interview as pure data: which questions it asks, where it stands, and
// how a key (terminal mode) or a typed line (plain mode) moves it on. No
// terminal here, so every step is unit-tested.

#include "keys.hpp"
#include "makeorbuy/core/answers.hpp"
#include "makeorbuy/core/rules.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace makeorbuy::interview {

/// question: one question; refine: the offer to ask the cost questions that
/// ask_if left out; summary: every answer, to accept or change.
enum class Screen { question, refine, summary, finished };

/// Whether the plan takes the cost questions (purpose "cost") only where
/// their ask_if holds, or always (the user chose to refine the cost estimate).
enum class CostQuestions { when_asked, all };

struct State {
    const RuleSet* rules = nullptr;
    Answers given;                       ///< from flags and files: never asked
    std::map<std::string, Value> chosen; ///< answered in this interview
    std::vector<std::size_t> plan;       ///< indices of the questions asked, in order
    Screen screen = Screen::question;
    std::size_t position = 0;    ///< the question on screen, as an index into plan
    bool from_summary = false;   ///< changing one answer picked at the summary
    bool refine_cost = false;    ///< the cost questions are asked even where ask_if leaves them out
    bool refine_offered = false; ///< the refine screen was shown and answered

    // The question (or summary) on screen.
    std::size_t cursor = 0;    ///< highlighted value of a choice or multi question
    bool picked = true;        ///< a value is highlighted; a required choice starts with none
    bool filtering = false;    ///< '/' was pressed: typed letters filter the values
    std::string filter;        ///< the filter typed; only values containing it show
    std::vector<bool> checked; ///< ticked values of a multi question
    std::string input;         ///< typed text: a number, or a summary entry
    std::string problem;       ///< why the last answer was refused
    bool show_help = false;    ///< the question's longer help is showing
};

/// What a key or line did, so the screen knows what to draw.
enum class Step {
    stay,     ///< same screen, redraw it
    answered, ///< the question was answered; another screen follows
    back,     ///< went back to an earlier screen
    finished, ///< the user accepted the summary
};

/// The questions to ask, in rules order: every one not given by a flag or
/// file whose ask_if holds over the answers so far (defaults standing in for
/// what is not yet answered).
/// With CostQuestions::all, every cost question not given (and with a default) is asked too.
[[nodiscard]] std::vector<std::size_t> plan_questions(const RuleSet& rules, const Answers& given,
                                                      const std::map<std::string, Value>& chosen,
                                                      CostQuestions cost = CostQuestions::when_asked);

/// The questions the summary numbers, in order: the plan plus the cost
/// questions it leaves out (picking one of those asks it).
[[nodiscard]] std::vector<std::size_t> editable_questions(const State& state);

/// The cost questions neither given nor planned: what the refine screen offers.
[[nodiscard]] std::vector<const Question*> optional_cost_questions(const State& state);

/// Whether the plan may still grow or shrink: a conditional question depends
/// on a planned question not answered yet. The progress count says "about".
[[nodiscard]] bool plan_may_change(const State& state);

/// A new interview at its first question; Screen::finished if there is nothing to ask.
[[nodiscard]] State start(const RuleSet& rules, Answers given);

[[nodiscard]] const Question& current_question(const State& state);

/// The value a question would take on Enter: its earlier answer, else its default.
[[nodiscard]] const Value* preset_value(const State& state, const Question& question);

/// Given answers plus the interview's (Origin::interview), only for
/// questions still asked; defaults are not filled in.
[[nodiscard]] Answers collected_answers(const State& state);

/// Planned questions not yet answered, in order.
[[nodiscard]] std::vector<const Question*> unanswered(const State& state);

/// Whether value `index` of the question on screen shows under the filter
/// typed (its name or description contains it, in any case).
[[nodiscard]] bool shows_value(const State& state, std::size_t index);

/// A choice between exactly the values yes and no: the keys y and n answer it.
[[nodiscard]] bool is_yes_no(const Question& question);

// The moves between screens (interview_state.cpp). apply_key and apply_line
// make them; each leaves the state ready to draw.

/// Answers the question on screen with `value` and moves to the next screen.
Step accept(State& state, Value value);
/// The preset value (Enter on an empty field), or a problem when there is none.
Step accept_preset(State& state);
/// The typed items (a number, value names), parsed for the question on
/// screen; a problem when they are not one of its answers.
Step accept_typed(State& state, const std::vector<std::string>& items);
/// The refine screen's answer: ask the cost questions, or go to the summary.
Step answer_refine(State& state, bool refine);
/// Back one screen: the previous question, the refine offer, or from an
/// answer picked at the summary back to the summary.
Step go_back(State& state);
/// At the summary: "" finishes, a number opens that answer to change it.
Step edit_from_summary(State& state, const std::string& text);
/// "3" as an index into `count` items (2), or nullopt if it is not 1 to `count`.
[[nodiscard]] std::optional<std::size_t> parse_index(const std::string& text, std::size_t count);

// What keys and lines do on each screen (interview_input.cpp).

/// Terminal mode: arrows, j/k, digits, space, Enter, ?, back keys; y and n
/// on yes/no questions and on the refine screen; / then letters to filter a list.
Step apply_key(State& state, const term::Key& key);

/// Plain mode: a number or value name, "" for the preset value, "?" for
/// help, "<" or "b" to go back; at the summary "" to finish or a number;
/// at the refine screen y, n or "" (no).
Step apply_line(State& state, const std::string& line);

/// The value as the summary and the collapsed line show it: "30000 USD per
/// month", or the question's default_text when the value is its default.
[[nodiscard]] std::string shown_value(const Question& question, const Value& value);

} // namespace makeorbuy::interview
