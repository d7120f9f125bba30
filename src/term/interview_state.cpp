// The interview's flow: plan, answer, go back, summary. Pure functions over
// interview::State; the terminal and plain drivers only feed them input.

#include "interview_state.hpp"

#include "makeorbuy/core/condition.hpp"
#include "makeorbuy/core/text.hpp"
#include "makeorbuy/core/validate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <optional>

namespace makeorbuy::interview {

using term::Key;
using term::KeyCode;

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

bool refine_declined(const State& state) {
    return state.refine_offered && !state.refine_cost && !optional_cost_questions(state).empty();
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

void erase_last_character(std::string& text) {
    if (text.empty()) return;
    std::size_t cut = text.size() - 1;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xc0) == 0x80)
        --cut;
    text.erase(cut);
}

void erase_last_word(std::string& text) {
    while (!text.empty() && text.back() == ' ')
        text.pop_back();
    while (!text.empty() && text.back() != ' ')
        text.pop_back();
}

bool is_back_key(const Key& key) {
    return key.code == KeyCode::escape || key.code == KeyCode::back_tab;
}

Step summary_key(State& state, const Key& key) {
    if (is_back_key(key) || key.code == KeyCode::left || key.is('b')) return go_back(state);
    if (key.code == KeyCode::enter) return edit_from_summary(state, state.input);
    if (key.code == KeyCode::backspace)
        erase_last_character(state.input);
    else if (key.code == KeyCode::kill_line)
        state.input.clear();
    else if (key.code == KeyCode::character && key.text.size() == 1 && key.text[0] >= '0' &&
             key.text[0] <= '9') {
        if (state.input.size() < 3) state.input += key.text;
    } else if (key.code == KeyCode::character) {
        state.problem =
            fmt::format("'{}' does nothing here: type the number of an answer (1 to {}) and Enter "
                        "to change it, Enter alone to score, Esc to go back.",
                        key.text, editable_questions(state).size());
        return Step::stay;
    }
    state.problem.clear();
    return Step::stay;
}

Step refine_key(State& state, const Key& key) {
    if (is_back_key(key) || key.code == KeyCode::left || key.is('b')) return go_back(state);
    if (key.is('y') || key.is('Y')) return answer_refine(state, true);
    if (key.is('n') || key.is('N') || key.code == KeyCode::enter) return answer_refine(state, false);
    if (key.code == KeyCode::character)
        state.problem = "Press y to answer the cost questions, n or Enter to skip them.";
    return Step::stay;
}

Step number_key(State& state, const Key& key) {
    if (is_back_key(key)) return go_back(state);
    if (key.is('?')) {
        state.show_help = !state.show_help;
        return Step::stay;
    }
    if (key.code == KeyCode::enter) {
        if (trim(state.input).empty()) return accept_preset(state);
        return accept_typed(state, {state.input});
    }
    if (key.code == KeyCode::backspace)
        erase_last_character(state.input);
    else if (key.code == KeyCode::kill_line)
        state.input.clear();
    else if (key.code == KeyCode::kill_word)
        erase_last_word(state.input);
    else if ((key.code == KeyCode::character && state.input.size() < 64) ||
             (key.code == KeyCode::paste && state.input.size() + key.text.size() <= 64))
        state.input += key.text; // a paste is one line: its line break does not accept the number
    else
        return Step::stay;
    state.problem.clear();
    return Step::stay;
}

// The next value shown under the filter from the cursor, `forward` or back; the cursor if none.
std::size_t next_shown(const State& state, std::size_t count, bool forward) {
    for (std::size_t step = 1; step <= count; ++step) {
        const std::size_t i = forward ? (state.cursor + step) % count : (state.cursor + count - step) % count;
        if (shows_value(state, i)) return i;
    }
    return state.cursor;
}

void highlight_first_shown(State& state, std::size_t count) {
    state.picked = false;
    for (std::size_t i = 0; i < count; ++i) {
        if (shows_value(state, i)) {
            state.cursor = i;
            state.picked = true;
            return;
        }
    }
}

Step accept_highlighted(State& state);

// Keys while filtering: letters narrow the list, arrows move among what
// shows, Enter chooses, Esc drops the filter. Anything else: not handled.
std::optional<Step> filter_key(State& state, const Key& key) {
    const std::size_t count = current_question(state).values.size();
    const bool multi = current_question(state).type == QuestionType::multi;
    if (key.code == KeyCode::escape || (key.code == KeyCode::backspace && state.filter.empty())) {
        state.filtering = false;
        state.filter.clear();
        state.problem.clear();
        return Step::stay;
    }
    if (key.code == KeyCode::backspace || key.code == KeyCode::kill_line || key.code == KeyCode::kill_word) {
        if (key.code == KeyCode::backspace)
            erase_last_character(state.filter);
        else
            state.filter.clear();
    } else if (key.code == KeyCode::character && !(multi && key.is(' ')) && state.filter.size() < 40) {
        state.filter += key.text;
    } else if (key.code == KeyCode::up || key.code == KeyCode::down || key.code == KeyCode::tab) {
        state.cursor = next_shown(state, count, key.code != KeyCode::up);
        return Step::stay;
    } else if (key.code == KeyCode::enter) {
        if (!state.picked) {
            state.problem =
                fmt::format("No value matches '{}'; Backspace edits the filter, Esc drops it.", state.filter);
            return Step::stay;
        }
        state.filtering = false;
        state.filter.clear();
        return accept_highlighted(state);
    } else {
        return std::nullopt;
    }
    state.problem.clear();
    highlight_first_shown(state, count);
    return Step::stay;
}

Step choice_key(State& state, const Key& key) {
    const Question& q = current_question(state);
    const std::size_t count = q.values.size();
    if (count == 0) return Step::stay;
    if (state.filtering) {
        if (auto step = filter_key(state, key)) return *step;
    } else if (key.is('/')) {
        state.filtering = true;
        state.problem.clear();
        return Step::stay;
    }
    if (is_back_key(key) || key.code == KeyCode::left || key.is('b')) return go_back(state);
    state.problem.clear();
    if (is_yes_no(q) && (key.is('y') || key.is('Y') || key.is('n') || key.is('N')))
        return accept(state, Value{q.find_value(key.is('y') || key.is('Y') ? "yes" : "no")->value});
    const bool moving = key.code == KeyCode::up || key.is('k') || key.code == KeyCode::down || key.is('j') ||
                        key.code == KeyCode::tab || key.code == KeyCode::home ||
                        key.code == KeyCode::page_up || key.code == KeyCode::end ||
                        key.code == KeyCode::page_down;
    if (!state.picked && moving) {
        // The first move highlights an end of the list rather than stepping past the first value.
        const bool up = key.code == KeyCode::up || key.is('k') || key.code == KeyCode::end ||
                        key.code == KeyCode::page_down;
        state.cursor = up ? count - 1 : 0;
        state.picked = true;
        return Step::stay;
    }
    if (key.is('?'))
        state.show_help = !state.show_help;
    else if (key.code == KeyCode::up || key.is('k'))
        state.cursor = (state.cursor + count - 1) % count;
    else if (key.code == KeyCode::down || key.is('j') || key.code == KeyCode::tab)
        state.cursor = (state.cursor + 1) % count;
    else if (key.code == KeyCode::home || key.code == KeyCode::page_up)
        state.cursor = 0;
    else if (key.code == KeyCode::end || key.code == KeyCode::page_down)
        state.cursor = count - 1;
    else if (key.code == KeyCode::character && key.text.size() == 1 && key.text[0] >= '1' &&
             key.text[0] <= '9') {
        const auto index = static_cast<std::size_t>(key.text[0] - '1');
        if (index < count) {
            state.cursor = index;
            state.picked = true;
        }
    } else if (q.type == QuestionType::multi && (key.is(' ') || key.code == KeyCode::right)) {
        state.checked[state.cursor] = !state.checked[state.cursor];
    } else if (key.code == KeyCode::enter) {
        if (!state.picked) {
            state.problem =
                fmt::format("{} needs an answer: move to one with the arrow keys or type its number, "
                            "then press Enter.",
                            q.key);
            return Step::stay;
        }
        return accept_highlighted(state);
    }
    return Step::stay;
}

// Enter on a list: the highlighted value of a choice, the ticks of a multi question.
Step accept_highlighted(State& state) {
    const Question& q = current_question(state);
    if (q.type == QuestionType::choice) return accept(state, Value{q.values[state.cursor].value});
    std::vector<std::string> ticked;
    for (std::size_t i = 0; i < q.values.size(); ++i)
        if (state.checked[i]) ticked.push_back(q.values[i].value);
    return accept(state, Value{ticked});
}

// "2", "pre-pmf"; for a multi question "1,3" or "output-format, 4".
std::vector<std::string> line_items(const Question& q, const std::string& line) {
    std::vector<std::string> items;
    std::string current;
    auto flush = [&] {
        const std::string item = trim(current);
        current.clear();
        if (item.empty()) return;
        if (auto index = parse_index(item, q.values.size()))
            items.push_back(q.values[*index].value);
        else
            items.push_back(item);
    };
    for (char c : line) {
        if (c == ',' || (q.type == QuestionType::multi && c == ' '))
            flush();
        else
            current += c;
    }
    flush();
    if (q.type == QuestionType::multi && items.empty()) items.emplace_back("none");
    return items;
}

} // namespace

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

Step apply_key(State& state, const term::Key& key) {
    switch (state.screen) {
    case Screen::finished:
        return Step::finished;
    case Screen::summary:
        return summary_key(state, key);
    case Screen::refine:
        return refine_key(state, key);
    case Screen::question:
        break;
    }
    return current_question(state).is_numeric() ? number_key(state, key) : choice_key(state, key);
}

Step apply_line(State& state, const std::string& line) {
    const std::string text = trim(line);
    if (state.screen == Screen::finished) return Step::finished;
    if (state.screen == Screen::summary) {
        state.problem.clear();
        if (text == "<" || to_lower(text) == "b" || to_lower(text) == "back") return go_back(state);
        return edit_from_summary(state, text);
    }
    if (state.screen == Screen::refine) {
        state.problem.clear();
        const std::string answer = to_lower(text);
        if (text == "<" || answer == "b" || answer == "back") return go_back(state);
        if (answer == "y" || answer == "yes") return answer_refine(state, true);
        if (answer.empty() || answer == "n" || answer == "no") return answer_refine(state, false);
        state.problem = "Please answer y or n.";
        return Step::stay;
    }
    const Question& q = current_question(state);
    state.problem.clear();
    if (text == "?") {
        state.show_help = true;
        return Step::stay;
    }
    state.show_help = false;
    const bool is_value = q.find_value(text) != nullptr;
    if (!is_value && (text == "<" || to_lower(text) == "b" || to_lower(text) == "back"))
        return go_back(state);
    if (text.empty()) return accept_preset(state);
    if (q.is_numeric()) return accept_typed(state, {text});
    if (is_yes_no(q) && (to_lower(text) == "y" || to_lower(text) == "n"))
        return accept(state, Value{q.find_value(to_lower(text) == "y" ? "yes" : "no")->value});
    return accept_typed(state, line_items(q, text));
}

std::string shown_value(const Question& question, const Value& value) {
    std::string text = question.shown(value);
    if (!question.default_text.empty() && text == question.default_text) return text;
    if (question.is_numeric() && !question.unit.empty()) text += " " + question.unit;
    return text;
}

} // namespace makeorbuy::interview
