#pragma once
// Internal to term/: the two ways of running an interview over a Terminal.

#include "interview_state.hpp"
#include "makeorbuy/core/style.hpp"
#include "terminal.hpp"

namespace makeorbuy::interview {

/// Keys one by one, the question redrawn in place; returns at the accepted summary.
void ask_in_terminal(term::Terminal& terminal, State& state, const TextStyle& style);

/// Line by line with numbered values; returns at the accepted summary.
void ask_plain(term::Terminal& terminal, State& state);

/// Input ended before the summary was accepted: Error listing what is
/// still missing (exit 2), so nothing ever loops or waits.
[[noreturn]] void throw_input_ended(const State& state);

} // namespace makeorbuy::interview
