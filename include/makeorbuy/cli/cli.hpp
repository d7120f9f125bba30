#pragma once

#include "makeorbuy/core/exit_code.hpp"

namespace makeorbuy::cli {

using makeorbuy::ExitCode;

/// The whole program: parses argv, runs the command, maps errors to exit codes.
int run(int argc, char** argv);

} // namespace makeorbuy::cli
