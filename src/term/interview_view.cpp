// Drawing the interview in terminal mode: a question with its values, or
// the summary, as lines that never wrap (so redrawing in place is exact).

#include "interview_view.hpp"

#include "makeorbuy/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace makeorbuy::interview {

namespace {

struct Glyphs {
    const char* pointer;
    const char* separator;
    const char* up_down;
    const char* left;
    const char* cross;
};

Glyphs glyphs(const TextStyle& style) {
    if (style.unicode) return {"❯", " · ", "↑↓", "← b", "✗"};
    return {">", " | ", "up/down", "left b", "x"};
}

// Lists longer than this name the '/' filter among their key hints.
constexpr std::size_t k_long_list = 4;

// `text` wrapped to `width`, as lines; each line cut to fit in case a word is longer.
std::vector<std::string> wrapped(std::string_view text, std::size_t width, bool unicode) {
    std::vector<std::string> lines;
    const std::string all = wrap(text, std::max<std::size_t>(width, 1), "");
    std::size_t start = 0;
    while (start <= all.size()) {
        std::size_t end = all.find('\n', start);
        if (end == std::string::npos) end = all.size();
        lines.push_back(fit(std::string_view(all).substr(start, end - start), width, unicode));
        start = end + 1;
    }
    return lines;
}

std::string spaces(std::size_t n) {
    return std::string(n, ' ');
}

// The last lines: which keys do what here; one line where it fits, more in
// a narrow window rather than losing the last hints (Ctrl-C among them).
void add_hints(Frame& frame, const State& state, const TextStyle& style, std::size_t width) {
    const Glyphs g = glyphs(style);
    std::vector<std::string> parts;
    if (state.screen == Screen::summary) {
        parts = {"Enter score", fmt::format("1-{} change", editable_questions(state).size()), "Esc back",
                 "Ctrl-C quit"};
    } else if (state.screen == Screen::refine) {
        parts = {"y yes", "n Enter no", fmt::format("{} Esc back", g.left), "Ctrl-C quit"};
    } else if (state.filtering) {
        parts = {"type to filter", fmt::format("{} move", g.up_down),
                 current_question(state).type == QuestionType::multi ? "Space tick" : "Enter choose",
                 "Esc drop filter", "Ctrl-C quit"};
    } else {
        const Question& q = current_question(state);
        if (q.is_numeric()) {
            parts = {"Enter accept", "? help", "Esc back", "Ctrl-C quit"};
        } else {
            const std::size_t count = std::min<std::size_t>(q.values.size(), 9);
            if (is_yes_no(q)) parts.emplace_back("y/n answer");
            parts.push_back(fmt::format("{} 1-{} move", g.up_down, count));
            if (q.type == QuestionType::multi) parts.emplace_back("Space tick");
            parts.emplace_back(q.type == QuestionType::multi ? "Enter accept" : "Enter choose");
            parts.emplace_back("? help");
            if (q.values.size() > k_long_list) parts.emplace_back("/ filter");
            parts.push_back(fmt::format("{} Esc back", g.left));
            parts.emplace_back("Ctrl-C quit");
        }
    }
    std::string line;
    for (const auto& part : parts) {
        if (!line.empty() && display_width(line) + display_width(g.separator) + display_width(part) > width) {
            frame.lines.push_back(paint(style, Role::dim, line));
            line.clear();
        }
        line += (line.empty() ? "" : g.separator) + fit(part, width, style.unicode);
    }
    frame.lines.push_back(paint(style, Role::dim, line));
}

void add_problem(Frame& frame, const State& state, const TextStyle& style, std::size_t width) {
    if (state.problem.empty()) return;
    const Glyphs g = glyphs(style);
    const std::string lead = fmt::format("  {} ", g.cross);
    bool first = true;
    for (const auto& line : wrapped(state.problem, width - display_width(lead), style.unicode)) {
        frame.lines.push_back((first ? paint(style, Role::bad, lead) : spaces(display_width(lead))) +
                              paint(style, Role::bad, line));
        first = false;
    }
}

void add_choices(Frame& frame, const State& state, const TextStyle& style, std::size_t width, bool compact) {
    const Question& q = current_question(state);
    const Glyphs g = glyphs(style);
    const bool multi = q.type == QuestionType::multi;
    std::size_t name_width = 0;
    for (const auto& v : q.values)
        name_width = std::max(name_width, display_width(v.value));
    const std::string* default_choice =
        q.default_value ? std::get_if<std::string>(&*q.default_value) : nullptr;
    const std::size_t filter_row = frame.lines.size();
    if (state.filtering) {
        frame.lines.push_back("  / " + fit(state.filter, width - 5, style.unicode));
        if (!state.picked)
            frame.lines.push_back(
                paint(style, Role::dim,
                      fit(fmt::format("    no value matches '{}'", state.filter), width, style.unicode)));
    }
    for (std::size_t i = 0; i < q.values.size(); ++i) {
        if (!shows_value(state, i)) continue;
        const ChoiceValue& v = q.values[i];
        const bool here = state.picked && i == state.cursor;
        std::string lead = fmt::format("  {} ", here ? g.pointer : " ");
        if (multi) lead += state.checked[i] ? "[x] " : "[ ] ";
        lead += i < 9 ? fmt::format("{} ", i + 1) : "  ";
        const std::size_t text_column = display_width(lead) + name_width + 2;
        std::string text = v.text;
        if (default_choice != nullptr && *default_choice == v.value) text += " (default)";
        std::vector<std::string> text_lines{""};
        if (text_column + 10 < width)
            text_lines = compact ? std::vector<std::string>{fit(text, width - text_column, style.unicode)}
                                 : wrapped(text, width - text_column, style.unicode);
        if (i == state.cursor) frame.cursor_row = frame.lines.size();
        const std::string name = v.value + spaces(name_width - display_width(v.value));
        frame.lines.push_back(paint(style, here ? Role::good : Role::dim, lead)
                                  .append(paint(style, here ? Role::good : Role::name, name) + "  " +
                                          (here ? text_lines[0] : paint(style, Role::dim, text_lines[0]))));
        for (std::size_t k = 1; k < text_lines.size(); ++k)
            frame.lines.push_back(spaces(text_column) +
                                  (here ? text_lines[k] : paint(style, Role::dim, text_lines[k])));
    }
    frame.cursor_column = 2;
    if (state.filtering) {
        // The cursor where the filter is typed.
        frame.cursor_row = filter_row;
        frame.cursor_column = std::min(4 + display_width(state.filter), width - 1);
    }
}

void add_number_field(Frame& frame, const State& state, const TextStyle& style, std::size_t width) {
    const Question& q = current_question(state);
    const Glyphs g = glyphs(style);
    std::string range = q.allowed_text();
    if (q.type == QuestionType::number) range += "; 50k, 1.2M and $30,000 work";
    for (const auto& line : wrapped(range, width - 4, style.unicode))
        frame.lines.push_back("  " + paint(style, Role::dim, line));
    const std::string lead = fmt::format("  {} ", g.pointer);
    const std::string input = fit(state.input, width - display_width(lead) - 1, style.unicode);
    std::string line = paint(style, Role::good, lead) + input;
    const Value* preset = preset_value(state, q);
    if (state.input.empty() && preset != nullptr) {
        const std::string placeholder = fmt::format("Enter for {}", preset_text(q, *preset));
        line += paint(style, Role::dim, fit(placeholder, width - display_width(lead), style.unicode));
    }
    frame.cursor_row = frame.lines.size();
    frame.cursor_column = display_width(lead) + display_width(input);
    frame.lines.push_back(line);
}

// `all_rows`: also the rows of questions not asked and not changeable (a
// short window leaves them out so that the prompt and key hints still show).
Frame render_summary(const State& state, const TextStyle& style, std::size_t width, bool all_rows) {
    Frame frame;
    const RuleSet& rules = *state.rules;
    frame.lines.push_back(paint(style, Role::heading, fit("Your answers", width, style.unicode)));
    std::size_t key_width = 0;
    for (const auto& q : rules.questions)
        key_width = std::max(key_width, display_width(q.key));
    const std::vector<std::size_t> editable = editable_questions(state);
    for (std::size_t i = 0; i < rules.questions.size(); ++i) {
        const Question& q = rules.questions[i];
        const auto planned = std::find(state.plan.begin(), state.plan.end(), i);
        const auto numbered = std::find(editable.begin(), editable.end(), i);
        std::string number = "   ";
        std::string note;
        const Value* value = nullptr;
        if (const Answer* given = state.given.find(q.key)) {
            value = &given->value;
            note = given->origin == Origin::flag ? "--" + q.key
                                                 : fmt::format("from {}", given->where.file.str());
        } else if (planned != state.plan.end()) {
            number = fmt::format("{:>2} ", numbered - editable.begin() + 1);
            if (auto it = state.chosen.find(q.key); it != state.chosen.end()) value = &it->second;
        } else if (numbered != editable.end() && q.default_value) {
            // A cost question not asked: its default stands until its number is typed.
            number = fmt::format("{:>2} ", numbered - editable.begin() + 1);
            value = &*q.default_value;
            note = "default";
        } else if (q.default_value) {
            if (!all_rows) continue;
            value = &*q.default_value;
            note = "default, not asked";
        }
        const std::string shown = value ? shown_value(q, *value) : "(unanswered)";
        std::string line =
            fmt::format(" {}{}  {}", number, q.key + spaces(key_width - display_width(q.key)), shown);
        if (!note.empty()) line += fmt::format("  ({})", note);
        line = fit(line, width, style.unicode);
        frame.lines.push_back(numbered != editable.end() && note.empty() ? line
                                                                         : paint(style, Role::dim, line));
    }
    const std::string ask = "Number to change, or Enter to score: ";
    frame.cursor_row = frame.lines.size();
    frame.cursor_column = std::min(display_width(ask) + state.input.size(), width - 1);
    frame.lines.push_back(paint(style, Role::heading, ask) + state.input);
    add_problem(frame, state, style, width);
    add_hints(frame, state, style, width);
    return frame;
}

Frame render_refine(const State& state, const TextStyle& style, std::size_t width) {
    Frame frame;
    const std::string offer = refine_offer() + " ";
    frame.lines.push_back(paint(style, Role::heading, fit(refine_offer(), width, style.unicode)) + " " +
                          paint(style, Role::dim, "(y/N)"));
    frame.cursor_column = std::min(display_width(offer) + 6, width - 1);
    for (const auto& line : wrapped(refine_explanation(state), width - 2, style.unicode))
        frame.lines.push_back("  " + paint(style, Role::dim, line));
    add_problem(frame, state, style, width);
    add_hints(frame, state, style, width);
    return frame;
}

} // namespace

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == 0x1b && i + 1 < text.size() && text[i + 1] == '[') {
            // Skip a CSI sequence: parameters, then one final byte.
            i += 2;
            while (i < text.size() && !(text[i] >= 0x40 && text[i] <= 0x7e))
                ++i;
            continue;
        }
        if ((byte & 0xc0) != 0x80) ++width;
    }
    return width;
}

std::string fit(std::string_view text, std::size_t width, bool unicode) {
    if (display_width(text) <= width) return std::string(text);
    const std::string_view ellipsis = unicode ? "…" : "...";
    const std::size_t keep = width > ellipsis.size() ? width - (unicode ? 1 : 3) : 0;
    std::string out;
    std::size_t columns = 0;
    for (const char c : text) {
        if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) {
            if (columns == keep) break;
            ++columns;
        }
        out += c;
    }
    return out + std::string(ellipsis);
}

std::string progress(const State& state) {
    return fmt::format("[{} of {}{}]", state.position + 1, plan_may_change(state) ? "about " : "",
                       state.plan.size());
}

std::string preset_text(const Question& question, const Value& value) {
    const std::string shown = shown_value(question, value);
    const std::string plain = display_value(value);
    return shown.rfind(plain, 0) == 0 ? plain : fmt::format("{}: {}", plain, shown);
}

std::string refine_offer() {
    return "Refine the cost estimate?";
}

std::string refine_explanation(const State& state) {
    std::vector<std::string> standing;
    for (const Question* q : optional_cost_questions(state))
        standing.push_back(fmt::format("{} {}", q->key, shown_value(*q, *q->default_value)));
    return fmt::format("{} more questions set the figures the cost estimate uses. Without them these "
                       "defaults stand: {}.",
                       standing.size(), join(standing, "; "));
}

namespace {

// The question on screen. `compact`: each value's description cut to one
// line; `help_rows`: at most this many lines of help, the last cut short.
Frame render_question(const State& state, const TextStyle& style, std::size_t width, bool compact,
                      std::size_t help_rows) {
    Frame frame;
    const Question& q = current_question(state);
    const std::string mark = progress(state) + " ";
    bool first = true;
    for (const auto& line : wrapped(q.prompt, width - display_width(mark), style.unicode)) {
        frame.lines.push_back((first ? paint(style, Role::dim, mark) : spaces(display_width(mark))) +
                              paint(style, Role::heading, line));
        first = false;
    }
    if (state.show_help) {
        std::vector<std::string> help =
            wrapped(q.help.empty() ? "No further help for this question." : q.help, width - 2, style.unicode);
        if (help.size() > help_rows) {
            help.resize(help_rows);
            help.back() = fit(help.back() + (style.unicode ? "…" : "..."), width - 2, style.unicode);
        }
        for (const auto& line : help)
            frame.lines.push_back("  " + line);
    }
    if (q.is_numeric())
        add_number_field(frame, state, style, width);
    else
        add_choices(frame, state, style, width, compact);
    add_problem(frame, state, style, width);
    add_hints(frame, state, style, width);
    return frame;
}

} // namespace

Frame render(const State& state, const TextStyle& style, std::size_t width, std::size_t height) {
    width = std::max<std::size_t>(width, 20) - 1; // the last column stays empty: no pending wrap
    if (state.screen == Screen::refine) return render_refine(state, style, width);
    constexpr auto all = static_cast<std::size_t>(-1);
    const std::size_t rows = height == 0 ? all : std::max<std::size_t>(height, 3) - 1;
    if (state.screen != Screen::question) {
        Frame summary = render_summary(state, style, width, true);
        return summary.lines.size() <= rows ? summary : render_summary(state, style, width, false);
    }
    Frame frame = render_question(state, style, width, false, all);
    // Too tall for the window: every value and the key hints must still show,
    // so descriptions go to one line each, then the help gives up lines.
    if (frame.lines.size() <= rows) return frame;
    frame = render_question(state, style, width, true, all);
    if (frame.lines.size() <= rows || !state.show_help) return frame;
    const Frame without_help = render_question(state, style, width, true, 0);
    const std::size_t room = rows > without_help.lines.size() ? rows - without_help.lines.size() : 0;
    return render_question(state, style, width, true, std::max<std::size_t>(room, 1));
}

std::string answered_line(std::string_view progress, const Question& question, const Value& value,
                          const TextStyle& style, std::size_t width) {
    width = std::max<std::size_t>(width, 20) - 1;
    const std::string shown = shown_value(question, value);
    const std::size_t fixed = display_width(progress) + 1 + 1 + display_width(shown);
    const std::string prompt = fixed + 8 < width ? fit(question.prompt, width - fixed, style.unicode) : "";
    std::string line = paint(style, Role::dim, std::string(progress)) + " ";
    if (!prompt.empty()) line += prompt + " ";
    return line + paint(style, Role::good, fit(shown, width - display_width(progress) - 1, style.unicode));
}

} // namespace makeorbuy::interview
