#pragma once
// What the interview shows: pure functions from interview::State to text,
// so the screen is unit-tested without a terminal.

#include "interview_state.hpp"
#include "makeorbuy/core/style.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace makeorbuy::interview {

/// Lines to draw in terminal mode, none wider than `width` - 1 columns, and
/// where the cursor goes: on the highlighted choice (screen readers follow
/// it) or at the end of the typed text.
struct Frame {
    std::vector<std::string> lines;
    std::size_t cursor_row = 0;
    std::size_t cursor_column = 0;
};

/// The question or summary on screen in terminal mode. With a `height`
/// (rows of the window), a question too tall for it keeps every value and
/// the key hints: descriptions shrink to one line, then the help is cut; a
/// summary too tall leaves out the questions neither asked nor changeable.
[[nodiscard]] Frame render(const State& state, const TextStyle& style, std::size_t width,
                           std::size_t height = 0);

/// "[3 of 15]", or "[3 of about 15]" while an answer may still add or drop
/// a question: the place of the question on screen among those asked.
[[nodiscard]] std::string progress(const State& state);

/// The value Enter takes, as a prompt offers it: "30000", or "0: derived
/// from monthly spend" when the question says what its default means.
[[nodiscard]] std::string preset_text(const Question& question, const Value& value);

/// The refine screen: its question, and what stands without the cost questions.
[[nodiscard]] std::string refine_offer();
[[nodiscard]] std::string refine_explanation(const State& state);
/// Plain mode: the refine screen's prompt line.
[[nodiscard]] std::string plain_refine(const State& state, std::size_t width);

/// The one line an answered question leaves behind: "[1/15] Where …? pre-pmf".
[[nodiscard]] std::string answered_line(std::string_view progress, const Question& question,
                                        const Value& value, const TextStyle& style, std::size_t width);

/// Plain mode: the question with its numbered values (or range), and its help when asked for.
[[nodiscard]] std::string plain_question(const State& state, std::size_t width);
/// Plain mode: the line the answer is typed on, "Your answer (Enter for pre-pmf): ".
[[nodiscard]] std::string plain_prompt(const State& state);
/// Plain mode: the numbered list of answers.
[[nodiscard]] std::string plain_summary(const State& state);

/// Columns `text` takes: code points, escape sequences not counted.
[[nodiscard]] std::size_t display_width(std::string_view text);
/// `text` cut to `width` columns, ending in an ellipsis when cut.
[[nodiscard]] std::string fit(std::string_view text, std::size_t width, bool unicode);

} // namespace makeorbuy::interview
