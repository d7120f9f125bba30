#pragma once

namespace makeorbuy::cli {

/// Every exit code makeorbuy uses (see the README and interface.md).
enum class ExitCode : int {
    ok = 0,           ///< success; `adr check` found nothing at or above --fail-on
    findings = 1,     ///< `adr check` found a record that fails
    usage = 2,        ///< bad flags, answers, rules or files
    interrupted = 130 ///< the interview was interrupted; nothing was written
};

/// The whole program: parses argv, runs the command, maps errors to exit codes.
int run(int argc, char** argv);

} // namespace makeorbuy::cli
