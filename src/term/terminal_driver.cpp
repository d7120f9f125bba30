// Terminal mode: raw keys in, the frame redrawn in place. Each answered
// question leaves one line behind, so the scrollback reads as a transcript.

#include "drivers.hpp"
#include "inline_screen.hpp"

#include "interview_view.hpp"
#include "makeorbuy/core/diagnostics.hpp"

namespace makeorbuy::interview {

namespace {
// Tags the line the refine screen leaves (no question key can hold a space).
constexpr const char* k_refine_tag = "refine cost";
} // namespace

void ask_in_terminal(term::Terminal& terminal, State& state, const TextStyle& style) {
    using term::KeyCode;
    const term::RawMode raw(terminal);
    InlineScreen screen(terminal);
    for (;;) {
        const std::size_t width = terminal.width();
        screen.draw(render(state, style, width, terminal.height()));
        const term::Event event = terminal.read_event();
        if (event.kind != term::EventKind::key) {
            // A resize reflows what is on screen in ways we cannot track: start clean.
            screen.clear();
            continue;
        }
        switch (event.key.code) {
        case KeyCode::interrupt:
            screen.erase();
            throw Interrupted();
        case KeyCode::end_of_input:
            screen.erase();
            throw_input_ended(state);
        case KeyCode::suspend:
            screen.erase();
            terminal.suspend();
            screen.clear();
            continue;
        case KeyCode::redraw:
            screen.clear();
            continue;
        default:
            break;
        }
        const bool on_question = state.screen == Screen::question;
        const bool on_refine = state.screen == Screen::refine;
        const std::string mark = on_question ? progress(state) : std::string();
        const Question* asked = on_question ? &current_question(state) : nullptr;
        const Step step = apply_key(state, event.key);
        if (step == Step::answered && asked != nullptr) {
            screen.commit(answered_line(mark, *asked, state.chosen.at(asked->key), style, width), asked->key);
        } else if (step == Step::answered && on_refine) {
            screen.commit(refine_offer() + " " + paint(style, Role::good, state.refine_cost ? "yes" : "no"),
                          k_refine_tag);
        } else if (step == Step::back && state.screen == Screen::refine) {
            screen.uncommit(k_refine_tag);
        } else if (step == Step::back && state.screen == Screen::question && !state.from_summary) {
            screen.uncommit(current_question(state).key);
        } else if (step == Step::finished) {
            screen.erase();
            return;
        }
    }
}

} // namespace makeorbuy::interview
