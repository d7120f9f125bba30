// The one way out of the program: stdout for results, stderr for messages.
// Nothing here throws past run(): a result that cannot be written is an
// Error (exit 2); a message that cannot be written is remembered, and turns
// a successful exit into 2. A closed pipe on stdout ends the program by
// SIGPIPE, quietly, as for any Unix filter (the shell reports 141).

#include "common.hpp"

#include "makeorbuy/core/echo.hpp"
#include "makeorbuy/io/file_io.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace makeorbuy::cli {

namespace {
bool g_stderr_failed = false;
} // namespace

void write_stdout(const std::string& text) {
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
        const int error = errno;
        std::clearerr(stdout);
        throw Error(Location{"<stdout>"}, fmt::format("cannot write the output: {}", std::strerror(error)));
    }
}

void add_output_flag(CLI::App& app, OutputTarget& output) {
    output.flag =
        app.add_option("--output", output.path,
                       "Write the result to FILE instead of stdout (never over a file without --force)")
            ->type_name("FILE");
}

void check_new_file(const std::string& path, std::string_view flag, bool force, Diagnostics& diagnostics) {
    struct stat info {};
    if (path.empty())
        diagnostics.error(Location{std::string(flag)}, fmt::format("names no file; write {} FILE", flag));
    else if (::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode))
        diagnostics.error(Location{path}, fmt::format("is a folder; name a file for {}", flag));
    else if (!force && ::lstat(path.c_str(), &info) == 0)
        diagnostics.error(
            Location{path},
            fmt::format("already exists; choose another name for {}, or add --force to replace it", flag));
}

void write_result(const OutputTarget& output, const std::string& text, bool force) {
    if (output.flag == nullptr || output.flag->count() == 0)
        write_stdout(text);
    else
        write_file_atomic(output.path, text, force ? Overwrite::allowed : Overwrite::never);
}

void write_stderr(std::string_view text) noexcept {
    while (!text.empty()) {
        const ssize_t n = ::write(STDERR_FILENO, text.data(), text.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            g_stderr_failed = true;
            return;
        }
        text.remove_prefix(static_cast<std::size_t>(n));
    }
}

bool stderr_failed() noexcept {
    return g_stderr_failed;
}

std::string diagnostic_line(const Diagnostic& d) {
    const std::string where = neutralise(d.where.to_string());
    return fmt::format("makeorbuy: {}: {}{}\n", to_string(d.severity), where.empty() ? "" : where + ": ",
                       neutralise(d.message));
}

void print_diagnostic(const Diagnostic& d) noexcept {
    try {
        write_stderr(diagnostic_line(d));
    } catch (...) { // formatting ran out of memory: say the least
        write_stderr("makeorbuy: error\n");
    }
}

} // namespace makeorbuy::cli
