#pragma once
// The exit codes of makeorbuy, in one place (README, interface.md). A check
// reports the code its result calls for; the command line returns it.

namespace makeorbuy {

enum class ExitCode : int {
    ok = 0,           ///< success; `adr check` found nothing at or above --fail-on
    findings = 1,     ///< `adr check` found a record that fails
    usage = 2,        ///< bad flags, answers, rules or files
    interrupted = 130 ///< the interview was interrupted; nothing was written
};

/// The number a process exits with.
[[nodiscard]] constexpr int to_int(ExitCode code) {
    return static_cast<int>(code);
}

} // namespace makeorbuy
