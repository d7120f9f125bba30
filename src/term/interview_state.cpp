// The interview's flow: plan, answer, go back, summary. Pure functions over
// interview::State; interview_input.cpp turns keys and lines into these
// moves, and the terminal and plain drivers only feed it input.

#include "interview_state.hpp"

#include "makeorbuy/core/condition.hpp"
#include "makeorbuy/core/text.hpp"
#include "makeorbuy/core/validate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <optional>

namespace makeorbuy::interview {

namespace {

bool is_given(const State& state, const Question& q) {
    return state.given.has(q.key);
}

std::size_t plan_index_of(const State& state, const std::string& key) {
    for (std::size_t i = 0; i < state.plan.size(); ++i)
        if (state.rules->questions[state.plan[i]].key == key) return i;
    return state.plan.size();
}

// Sets up the question at state.position: highlight and ticks from its
// earlier answer or its default.
void begin_question(State& state) {
    state.screen = Screen::question;
    state.problem.clear();
    state.input.clear();
    state.show_help = false;
    state.cursor = 0;
    state.filtering = false;
    state.filter.clear();
    const Question& q = current_question(state);
    state.checked.assign(q.values.size(), false);
    const Value* preset = preset_value(state, q);
    // A required choice starts with nothing highlighted, so that Enter cannot
    // take a value the user never picked (plain mode refuses an empty line too).
    state.picked = preset != nullptr || q.type != QuestionType::choice;
    if (preset == nullptr) return;
    if (const auto* choice = std::get_if<std::string>(preset)) {
        for (std::size_t i = 0; i < q.values.size(); ++i)
            if (q.values[i].value == *choice) state.cursor = i;
    } else if (const auto* list = std::get_if<std::vector<std::string>>(preset)) {
        for (std::size_t i = 0; i < q.values.size(); ++i)
            state.checked[i] = std::find(list->begin(), list->end(), q.values[i].value) != list->end();
    } else if (state.chosen.count(q.key) != 0) {
        // A number answered before: typed in again, ready to keep or edit.
        state.input = display_value(*preset);
    }
}

void open_summary(State& state) {
    state.screen = Screen::summary;
    state.from_summary = false;
    state.problem.clear();
    state.input.clear();
    state.show_help = false;
}

void replan(State& state) {
    state.plan = plan_questions(*state.rules, state.given, state.chosen,
                                state.refine_cost ? CostQuestions::all : CostQuestions::when_asked);
}

enum class Optional { ask, skip };

// The first planned question still unanswered, else the summary. With
// Optional::skip, cost questions that only the refine choice put in the plan
// are left to their defaults (one picked at the summary does not bring the
// others with it).
Step first_unanswered(State& state, Optional optional) {
    const std::vector<std::size_t> relevant =
        optional == Optional::skip ? plan_questions(*state.rules, state.given, state.chosen) : state.plan;
    for (std::size_t i = 0; i < state.plan.size(); ++i) {
        if (std::find(relevant.begin(), relevant.end(), state.plan[i]) == relevant.end()) continue;
        if (state.chosen.count(state.rules->questions[state.plan[i]].key) == 0) {
            state.position = i;
            begin_question(state);
            return Step::answered;
        }
    }
    open_summary(state);
    return Step::answered;
}

// After the last planned question: the offer to refine the cost estimate
// (once, and only when there is something to refine), else the summary.
Step after_last(State& state) {
    if (!state.refine_offered && !state.refine_cost && !optional_cost_questions(state).empty()) {
        state.screen = Screen::refine;
        state.problem.clear();
        state.input.clear();
        state.show_help = false;
        return Step::answered;
    }
    open_summary(state);
    return Step::answered;
}

// The question after `key` (or, after a change from the summary, the first
// newly relevant question still unanswered), else the summary.
Step advance(State& state, const std::string& key) {
    replan(state);
    if (state.from_summary) return first_unanswered(state, Optional::skip);
    const std::size_t next = plan_index_of(state, key) + 1;
    if (next >= state.plan.size()) return after_last(state);
    state.position = next;
    begin_question(state);
    return Step::answered;
}

bool refine_declined(const State& state) {
    return state.refine_offered && !state.refine_cost && !optional_cost_questions(state).empty();
}

} // namespace

Step accept(State& state, Value value) {
    const Question& q = current_question(state);
    const std::string key = q.key;
    // An answered cost question stays asked, whatever monthly-spend becomes.
    if (q.purpose == "cost") state.refine_cost = true;
    state.chosen[key] = std::move(value);
    return advance(state, key);
}

Step answer_refine(State& state, bool refine) {
    state.refine_offered = true;
    if (!refine) {
        open_summary(state);
        return Step::answered;
    }
    state.refine_cost = true;
    replan(state);
    return first_unanswered(state, Optional::ask);
}

Step go_back(State& state) {
    if (state.screen == Screen::summary && refine_declined(state)) {
        state.refine_offered = false;
        state.screen = Screen::refine;
        state.problem.clear();
        state.input.clear();
        return Step::back;
    }
    if (state.screen == Screen::summary || state.screen == Screen::refine) {
        if (state.plan.empty()) return Step::stay;
        state.refine_offered = false;
        state.position = state.plan.size() - 1;
        begin_question(state);
        return Step::back;
    }
    if (state.from_summary) {
        open_summary(state);
        return Step::back;
    }
    if (state.position == 0) {
        state.problem = "This is the first question; there is nothing before it.";
        return Step::stay;
    }
    --state.position;
    begin_question(state);
    return Step::back;
}

// Enter on an empty number field, or an empty line in plain mode.
Step accept_preset(State& state) {
    const Question& q = current_question(state);
    if (const Value* preset = preset_value(state, q)) return accept(state, *preset);
    state.problem = fmt::format("{} needs an answer: {}", q.key, q.allowed_text());
    return Step::stay;
}

Step accept_typed(State& state, const std::vector<std::string>& items) {
    ParsedAnswer parsed = parse_answer(current_question(state), items);
    if (!parsed.value) {
        state.problem = parsed.problem;
        return Step::stay;
    }
    return accept(state, std::move(*parsed.value));
}

std::optional<std::size_t> parse_index(const std::string& text, std::size_t count) {
    std::size_t number = 0;
    const char* end = text.data() + text.size();
    auto [last, error] = std::from_chars(text.data(), end, number);
    if (error != std::errc() || last != end || number < 1 || number > count) return std::nullopt;
    return number - 1;
}

Step edit_from_summary(State& state, const std::string& text) {
    if (text.empty()) {
        state.screen = Screen::finished;
        return Step::finished;
    }
    const std::vector<std::size_t> editable = editable_questions(state);
    const auto index = parse_index(text, editable.size());
    if (!index) {
        state.problem = fmt::format("There is no answer numbered '{}'; type 1 to {}, or just Enter to score.",
                                    text, editable.size());
        state.input.clear();
        return Step::stay;
    }
    const std::string& key = state.rules->questions[editable[*index]].key;
    if (plan_index_of(state, key) == state.plan.size()) {
        // A cost question the plan left out: asking it refines the estimate.
        state.refine_cost = true;
        replan(state);
    }
    state.position = plan_index_of(state, key);
    begin_question(state);
    state.from_summary = true;
    return Step::back;
}

std::vector<std::size_t> plan_questions(const RuleSet& rules, const Answers& given,
                                        const std::map<std::string, Value>& chosen, CostQuestions cost) {
    std::vector<std::size_t> plan;
    Answers so_far = given;
    for (std::size_t i = 0; i < rules.questions.size(); ++i) {
        const Question& q = rules.questions[i];
        if (given.has(q.key)) continue;
        Answers with_defaults = so_far;
        fill_defaults(with_defaults, rules);
        if (!is_asked(q, with_defaults) &&
            !(cost == CostQuestions::all && q.purpose == "cost" && q.default_value))
            continue;
        plan.push_back(i);
        if (auto it = chosen.find(q.key); it != chosen.end())
            so_far.set(q.key, Answer{it->second, Origin::interview, {}});
    }
    return plan;
}

bool shows_value(const State& state, std::size_t index) {
    if (state.filter.empty()) return true;
    const ChoiceValue& v = current_question(state).values.at(index);
    const std::string wanted = to_lower(state.filter);
    return to_lower(v.value).find(wanted) != std::string::npos ||
           to_lower(v.text).find(wanted) != std::string::npos;
}

bool is_yes_no(const Question& q) {
    return q.type == QuestionType::choice && q.values.size() == 2 && q.find_value("yes") != nullptr &&
           q.find_value("no") != nullptr;
}

std::vector<std::size_t> editable_questions(const State& state) {
    return plan_questions(*state.rules, state.given, state.chosen, CostQuestions::all);
}

std::vector<const Question*> optional_cost_questions(const State& state) {
    std::vector<const Question*> out;
    for (std::size_t index : editable_questions(state)) {
        const Question& q = state.rules->questions[index];
        if (q.purpose == "cost" && plan_index_of(state, q.key) == state.plan.size()) out.push_back(&q);
    }
    return out;
}

bool plan_may_change(const State& state) {
    for (const Question& q : state.rules->questions) {
        if (!q.ask_if || is_given(state, q) || (state.refine_cost && q.purpose == "cost")) continue;
        std::vector<std::string> keys;
        collect_keys(*q.ask_if, keys);
        for (const auto& key : keys)
            if (state.chosen.count(key) == 0 && plan_index_of(state, key) < state.plan.size()) return true;
    }
    return false;
}

State start(const RuleSet& rules, Answers given) {
    State state;
    state.rules = &rules;
    state.given = std::move(given);
    state.plan = plan_questions(rules, state.given, state.chosen);
    if (state.plan.empty()) {
        state.screen = Screen::finished;
        return state;
    }
    begin_question(state);
    return state;
}

const Question& current_question(const State& state) {
    return state.rules->questions[state.plan.at(state.position)];
}

const Value* preset_value(const State& state, const Question& question) {
    if (auto it = state.chosen.find(question.key); it != state.chosen.end()) return &it->second;
    return question.default_value ? &*question.default_value : nullptr;
}

Answers collected_answers(const State& state) {
    Answers answers = state.given;
    for (std::size_t index : state.plan) {
        const Question& q = state.rules->questions[index];
        if (auto it = state.chosen.find(q.key); it != state.chosen.end())
            answers.set(q.key, Answer{it->second, Origin::interview, Location{"<interview>"}});
    }
    return answers;
}

std::vector<const Question*> unanswered(const State& state) {
    std::vector<const Question*> out;
    for (std::size_t index : state.plan) {
        const Question& q = state.rules->questions[index];
        if (state.chosen.count(q.key) == 0 && !is_given(state, q)) out.push_back(&q);
    }
    return out;
}

std::string shown_value(const Question& question, const Value& value) {
    std::string text = question.shown(value);
    if (!question.default_text.empty() && text == question.default_text) return text;
    if (question.is_numeric() && !question.unit.empty()) text += " " + question.unit;
    return text;
}

} // namespace makeorbuy::interview
