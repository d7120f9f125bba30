#pragma once
// Internal to cli/: what the subcommands share.

#include "makeorbuy/cli/cli.hpp"
#include "makeorbuy/core/answers.hpp"
#include "makeorbuy/core/rules.hpp"
#include "makeorbuy/core/style.hpp"
#include "makeorbuy/render/formats.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace makeorbuy::cli {

enum class ColorMode { automatic, always, never };

/// The rules in force for this run: --rules FILE, or the embedded table.
/// Set once by run() before any subcommand is set up.
const RuleSet& active_rules();
void set_active_rules(const RuleSet* rules);

/// Flags that supply answers: one per question, plus --config and --rules.
struct AnswerFlags {
    std::vector<std::string> configs;
    std::string rules_path; ///< read by run() before parsing; kept for --help
    std::map<std::string, std::vector<std::string>> values;
    std::map<std::string, CLI::Option*> options;
};

/// Every long flag of every command ("help", "format", "no-input"…), read
/// from the commands as they are set up; a question's key may not be one.
[[nodiscard]] const std::vector<std::string>& command_flags();

/// Adds --KEY for every question of the active rules (or only those named,
/// see name_answer_flags()), --config and --rules.
void add_answer_flags(CLI::App& app, AnswerFlags& flags);

/// Limits add_answer_flags() to the questions whose flags the command line
/// names; std::nullopt (the default) sets up every question's flag, as help,
/// completions and the man page need. CLI11 checks each new option against
/// all before it, so 10,000 questions took it seconds; a run needs only the
/// flags it was given. Unknown flags are still suggested from every question.
void name_answer_flags(std::optional<std::vector<std::string>> named);

/// Answers from flags files (in order, later files winning) and flags (which
/// win over files). Every problem goes to `diagnostics`.
[[nodiscard]] Answers gather_answers(const AnswerFlags& flags, const RuleSet& rules,
                                     Diagnostics& diagnostics);

/// One located diagnostic per required question still unanswered, naming
/// the flag that supplies it.
void report_missing(const Answers& answers, const RuleSet& rules, Diagnostics& diagnostics);

/// A flag's value must be one of `words` (ignoring case); it becomes the
/// word's index. Anything else is refused in makeorbuy's words, with a
/// did-you-mean and the words allowed ("unknown format 'yaml' (formats: …)").
[[nodiscard]] CLI::Validator one_of(std::vector<std::string> words, std::string what);
/// A flag's value must be a whole number from `low` to `high`, written in
/// digits ("--seed -1" and "--seed abc" are refused in makeorbuy's words).
[[nodiscard]] CLI::Validator whole_number(std::uint64_t low, std::uint64_t high);

/// Adds --format with the names of `formats` (ignoring case); `index`
/// receives the row chosen, 0 (the first) by default.
void add_format_flag(CLI::App& app, const std::vector<std::string>& formats, std::size_t& index);
template <class Renderer>
void add_format_flag(CLI::App& app, std::span<const OutputFormat<Renderer>> formats, std::size_t& index) {
    add_format_flag(app, format_names(formats), index);
}

/// Adds --color and returns where the mode is stored.
void add_color_flag(CLI::App& app, ColorMode& mode);
/// Style for text written to `stream` (stdout or stderr).
[[nodiscard]] TextStyle text_style(ColorMode mode, int fd);

/// Writes to stdout; throws Error if stdout cannot be written (a full disk,
/// a closed descriptor). A closed pipe ends the program by SIGPIPE.
void write_stdout(const std::string& text);

/// Where a command's result goes: stdout, or --output FILE.
struct OutputTarget {
    std::string path; ///< empty: stdout
    CLI::Option* flag = nullptr;
};
/// Adds --output FILE (the result to FILE instead of stdout); the command's
/// --force lets it replace an existing file.
void add_output_flag(CLI::App& app, OutputTarget& output);
/// Reports (into `diagnostics`, before any work) why `path`, named by
/// `flag`, cannot be written as a new file: it names nothing, is a folder,
/// or already exists (a device or pipe too) and `force` is off.
void check_new_file(const std::string& path, std::string_view flag, bool force, Diagnostics& diagnostics);
/// Writes `text` to stdout, or whole to the --output file (write_file_atomic:
/// nothing is left half-written; never over a file without `force`).
void write_result(const OutputTarget& output, const std::string& text, bool force);

/// Writes to stderr; never throws. A failure is remembered (stderr_failed).
void write_stderr(std::string_view text) noexcept;
[[nodiscard]] bool stderr_failed() noexcept;

/// "makeorbuy: error: WHERE: WHAT\n", with WHERE and WHAT neutralised (echo.hpp).
[[nodiscard]] std::string diagnostic_line(const Diagnostic& diagnostic);
/// Prints diagnostic_line() to stderr; never throws.
void print_diagnostic(const Diagnostic& diagnostic) noexcept;

/// Runs `action` when `sub` is chosen, after refusing unknown flags with a
/// did-you-mean.
void on_run(CLI::App& sub, std::function<void()> action);
/// The same, but hands the unknown-flag problems to `action`, which adds its
/// own and reports them all at once.
void on_run(CLI::App& sub, std::function<void(Diagnostics&)> action);

/// Registers each command (one file each; run.cpp's table lists them). A
/// command that ends with another code than ExitCode::ok when nothing was
/// thrown (`adr check` with findings) writes it to `result`.
void setup_recommend(CLI::App& app, ExitCode& result);
void setup_questions(CLI::App& app, ExitCode& result);
void setup_rules(CLI::App& app, ExitCode& result);
void setup_cost(CLI::App& app, ExitCode& result);
void setup_prices(CLI::App& app, ExitCode& result);
void setup_adr(CLI::App& app, ExitCode& result);
void setup_adr_new(CLI::App& adr);
void setup_adr_check(CLI::App& adr, ExitCode& result);
void setup_adr_list(CLI::App& adr, ExitCode& result);
/// The hidden commands the build runs: `completions` and `manpage`.
void setup_completions(CLI::App& app, ExitCode& result);
void setup_manpage(CLI::App& app, ExitCode& result);

} // namespace makeorbuy::cli
