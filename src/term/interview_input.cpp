// The interview's input: what a key (terminal mode) or a typed line (plain
// mode) does on each screen. Editing, moving and filtering happen here; every
// move to another screen is one of interview_state.cpp's.

#include "interview_state.hpp"

#include "makeorbuy/core/text.hpp"

#include <fmt/format.h>

#include <optional>

namespace makeorbuy::interview {

using term::Key;
using term::KeyCode;

namespace {

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

} // namespace makeorbuy::interview
