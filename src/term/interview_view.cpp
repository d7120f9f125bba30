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

// The last line: which keys do what here.
std::string hint_line(const State& state, const TextStyle& style, std::size_t width) {
    const Glyphs g = glyphs(style);
    std::vector<std::string> parts;
    if (state.screen == Screen::summary) {
        parts = {"Enter score", fmt::format("1-{} change", state.plan.size()), "Esc back", "Ctrl-C quit"};
    } else {
        const Question& q = current_question(state);
        if (q.is_numeric()) {
            parts = {"Enter accept", "? help", "Esc back", "Ctrl-C quit"};
        } else {
            const std::size_t count = std::min<std::size_t>(q.values.size(), 9);
            parts.push_back(fmt::format("{} 1-{} move", g.up_down, count));
            if (q.type == QuestionType::multi) parts.emplace_back("Space tick");
            parts.emplace_back(q.type == QuestionType::multi ? "Enter accept" : "Enter choose");
            parts.emplace_back("? help");
            parts.push_back(fmt::format("{} Esc back", g.left));
            parts.emplace_back("Ctrl-C quit");
        }
    }
    return paint(style, Role::dim, fit(join(parts, g.separator), width, style.unicode));
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

void add_choices(Frame& frame, const State& state, const TextStyle& style, std::size_t width) {
    const Question& q = current_question(state);
    const Glyphs g = glyphs(style);
    const bool multi = q.type == QuestionType::multi;
    std::size_t name_width = 0;
    for (const auto& v : q.values)
        name_width = std::max(name_width, display_width(v.value));
    const std::string* default_choice =
        q.default_value ? std::get_if<std::string>(&*q.default_value) : nullptr;
    for (std::size_t i = 0; i < q.values.size(); ++i) {
        const ChoiceValue& v = q.values[i];
        const bool here = i == state.cursor;
        std::string lead = fmt::format("  {} ", here ? g.pointer : " ");
        if (multi) lead += state.checked[i] ? "[x] " : "[ ] ";
        lead += i < 9 ? fmt::format("{} ", i + 1) : "  ";
        const std::size_t text_column = display_width(lead) + name_width + 2;
        std::string text = v.text;
        if (default_choice != nullptr && *default_choice == v.value) text += " (default)";
        std::vector<std::string> text_lines{""};
        if (text_column + 10 < width) text_lines = wrapped(text, width - text_column, style.unicode);
        if (here) frame.cursor_row = frame.lines.size();
        const std::string name = v.value + spaces(name_width - display_width(v.value));
        frame.lines.push_back(paint(style, here ? Role::good : Role::dim, lead)
                                  .append(paint(style, here ? Role::good : Role::name, name) + "  " +
                                          (here ? text_lines[0] : paint(style, Role::dim, text_lines[0]))));
        for (std::size_t k = 1; k < text_lines.size(); ++k)
            frame.lines.push_back(spaces(text_column) +
                                  (here ? text_lines[k] : paint(style, Role::dim, text_lines[k])));
    }
    frame.cursor_column = 2;
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
        const std::string placeholder = fmt::format("Enter for {}", display_value(*preset));
        line += paint(style, Role::dim, fit(placeholder, width - display_width(lead), style.unicode));
    }
    frame.cursor_row = frame.lines.size();
    frame.cursor_column = display_width(lead) + display_width(input);
    frame.lines.push_back(line);
}

Frame render_summary(const State& state, const TextStyle& style, std::size_t width) {
    Frame frame;
    const RuleSet& rules = *state.rules;
    frame.lines.push_back(paint(style, Role::heading, fit("Your answers", width, style.unicode)));
    std::size_t key_width = 0;
    for (const auto& q : rules.questions)
        key_width = std::max(key_width, display_width(q.key));
    for (std::size_t i = 0; i < rules.questions.size(); ++i) {
        const Question& q = rules.questions[i];
        const auto planned = std::find(state.plan.begin(), state.plan.end(), i);
        std::string number = "   ";
        std::string note;
        const Value* value = nullptr;
        if (const Answer* given = state.given.find(q.key)) {
            value = &given->value;
            note = given->origin == Origin::flag ? "--" + q.key
                                                 : fmt::format("from {}", given->where.file.str());
        } else if (planned != state.plan.end()) {
            number = fmt::format("{:>2} ", planned - state.plan.begin() + 1);
            if (auto it = state.chosen.find(q.key); it != state.chosen.end()) value = &it->second;
        } else if (q.default_value) {
            value = &*q.default_value;
            note = "default, not asked";
        }
        const std::string shown = value ? shown_value(q, *value) : "(unanswered)";
        std::string line =
            fmt::format(" {}{}  {}", number, q.key + spaces(key_width - display_width(q.key)), shown);
        if (!note.empty()) line += fmt::format("  ({})", note);
        line = fit(line, width, style.unicode);
        frame.lines.push_back(planned != state.plan.end() ? line : paint(style, Role::dim, line));
    }
    const std::string ask = "Number to change, or Enter to score: ";
    frame.cursor_row = frame.lines.size();
    frame.cursor_column = std::min(display_width(ask) + state.input.size(), width - 1);
    frame.lines.push_back(paint(style, Role::heading, ask) + state.input);
    add_problem(frame, state, style, width);
    frame.lines.push_back(hint_line(state, style, width));
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
    return fmt::format("[{}/{}]", state.position + 1, state.plan.size());
}

Frame render(const State& state, const TextStyle& style, std::size_t width) {
    width = std::max<std::size_t>(width, 20) - 1; // the last column stays empty: no pending wrap
    if (state.screen != Screen::question) return render_summary(state, style, width);
    Frame frame;
    const Question& q = current_question(state);
    const std::string mark = progress(state) + " ";
    bool first = true;
    for (const auto& line : wrapped(q.prompt, width - display_width(mark), style.unicode)) {
        frame.lines.push_back((first ? paint(style, Role::dim, mark) : spaces(display_width(mark))) +
                              paint(style, Role::heading, line));
        first = false;
    }
    if (state.show_help)
        for (const auto& line : wrapped(q.help.empty() ? "No further help for this question." : q.help,
                                        width - 2, style.unicode))
            frame.lines.push_back("  " + line);
    if (q.is_numeric())
        add_number_field(frame, state, style, width);
    else
        add_choices(frame, state, style, width);
    add_problem(frame, state, style, width);
    frame.lines.push_back(hint_line(state, style, width));
    return frame;
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
