// Plain mode's text: numbered values and prompts read line by line, with
// nothing but plain characters (it also suits screen readers).

#include "interview_view.hpp"

#include "makeorbuy/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace makeorbuy::interview {

std::string plain_question(const State& state, std::size_t width) {
    const Question& q = current_question(state);
    std::string out = fmt::format("\n{} {}\n", progress(state), q.prompt);
    if (state.show_help)
        out += wrap(q.help.empty() ? "No further help for this question." : q.help, width, "  ") + "\n";
    if (q.is_numeric()) {
        std::string range = q.allowed_text();
        if (q.type == QuestionType::number) range += "; 50k, 1.2M and $30,000 work";
        return out + wrap(range, width, "  ") + "\n";
    }
    std::size_t name_width = 0;
    for (const auto& v : q.values)
        name_width = std::max(name_width, v.value.size());
    // Descriptions wrap under themselves, so the numbers stay easy to scan.
    const std::size_t text_column = 6 + name_width + 2;
    for (std::size_t i = 0; i < q.values.size(); ++i) {
        const ChoiceValue& v = q.values[i];
        const std::string head = fmt::format("  {:>2}. {:<{}}  ", i + 1, v.value, name_width);
        if (text_column + 20 > width) {
            out += head + v.text + "\n";
            continue;
        }
        const std::string body = wrap(v.text, width, std::string(text_column, ' '));
        out += head + body.substr(text_column) + "\n";
    }
    if (q.type == QuestionType::multi)
        out +=
            wrap("Type the numbers or names that apply, separated by commas, or none.", width, "  ") + "\n";
    return out;
}

std::string plain_refine(const State& state, std::size_t width) {
    return "\n" + wrap(refine_explanation(state), width, "") + "\n";
}

std::string plain_prompt(const State& state) {
    if (state.screen == Screen::summary)
        return "Type a number to change that answer, or press Enter to score: ";
    if (state.screen == Screen::refine) return refine_offer() + " (y/N): ";
    const Question& q = current_question(state);
    const char* ask = q.is_numeric() ? "Amount" : "Your answer";
    if (const Value* preset = preset_value(state, q)) {
        const auto* list = std::get_if<std::vector<std::string>>(preset);
        return fmt::format("{} (Enter for {}): ", ask,
                           list && list->empty() ? "none" : preset_text(q, *preset));
    }
    return fmt::format("{}: ", ask);
}

std::string plain_summary(const State& state) {
    std::string out = "\nYour answers:\n";
    const RuleSet& rules = *state.rules;
    const std::vector<std::size_t> editable = editable_questions(state);
    for (std::size_t i = 0; i < rules.questions.size(); ++i) {
        const Question& q = rules.questions[i];
        const auto planned = std::find(state.plan.begin(), state.plan.end(), i);
        const auto numbered = std::find(editable.begin(), editable.end(), i);
        std::string line;
        if (const Answer* given = state.given.find(q.key)) {
            const std::string from = given->origin == Origin::flag
                                         ? "--" + q.key
                                         : fmt::format("from {}", given->where.file.str());
            line = fmt::format("      {}: {} (given as {})", q.key, shown_value(q, given->value), from);
        } else if (planned != state.plan.end()) {
            auto it = state.chosen.find(q.key);
            line = fmt::format("  {:>2}. {}: {}", numbered - editable.begin() + 1, q.key,
                               it == state.chosen.end() ? "(unanswered)" : shown_value(q, it->second));
        } else if (numbered != editable.end() && q.default_value) {
            line = fmt::format("  {:>2}. {}: {} (default)", numbered - editable.begin() + 1, q.key,
                               shown_value(q, *q.default_value));
        } else if (q.default_value) {
            line = fmt::format("      {}: {} (default, not asked)", q.key, shown_value(q, *q.default_value));
        }
        if (!line.empty()) out += line + "\n";
    }
    return out;
}

} // namespace makeorbuy::interview
