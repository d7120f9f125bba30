// Plain mode: the terminal left as it is (line editing by the terminal
// itself), a question printed once, the prompt repeated with the reason
// when an answer is refused.

#include "drivers.hpp"

#include "interview_view.hpp"
#include "makeorbuy/core/text.hpp"

namespace makeorbuy::interview {

void ask_plain(term::Terminal& terminal, State& state) {
    terminal.write(wrap("Answer with a number or a name, then Enter. Enter alone takes the answer offered; "
                        "? shows help; < goes back; Ctrl-C quits.",
                        terminal.width() - 1, "") +
                   "\n");
    bool show_question = true;
    for (;;) {
        if (show_question)
            terminal.write(state.screen == Screen::summary  ? plain_summary(state)
                           : state.screen == Screen::refine ? plain_refine(state, terminal.width() - 1)
                                                            : plain_question(state, terminal.width() - 1));
        if (!state.problem.empty()) terminal.write(wrap(state.problem, terminal.width() - 1, "  ") + "\n");
        terminal.write(plain_prompt(state));
        const std::optional<std::string> line = terminal.read_line();
        if (!line) {
            terminal.write("\n");
            throw_input_ended(state);
        }
        const Step step = apply_line(state, *line);
        if (step == Step::finished) return;
        show_question = step != Step::stay || state.show_help;
    }
}

} // namespace makeorbuy::interview
