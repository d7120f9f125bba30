#pragma once
// Internal to cli/: what the subcommands share.

#include "makeorbuy/answers.hpp"
#include "makeorbuy/cli.hpp"
#include "makeorbuy/render.hpp"
#include "makeorbuy/rules.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <map>
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

/// Adds --KEY for every question of the active rules, --config and --rules.
void add_answer_flags(CLI::App& app, AnswerFlags& flags);

/// Answers from flags files (in order, later files winning) and flags (which
/// win over files). Every problem goes to `diagnostics`.
[[nodiscard]] Answers gather_answers(const AnswerFlags& flags, const RuleSet& rules,
                                     Diagnostics& diagnostics);

/// One located diagnostic per required question still unanswered, naming
/// the flag that supplies it.
void report_missing(const Answers& answers, const RuleSet& rules, Diagnostics& diagnostics);

/// "--stage prototype|pre-pmf|growth|scale" or "--monthly-spend NUMBER".
[[nodiscard]] std::string flag_usage(const Question& question);

/// Adds --color and returns where the mode is stored.
void add_color_flag(CLI::App& app, ColorMode& mode);
/// Style for text written to `stream` (stdout or stderr).
[[nodiscard]] TextStyle text_style(ColorMode mode, int fd);

/// Writes to stdout; throws Error if stdout cannot be written (a full disk,
/// a closed descriptor). A closed pipe ends the program by SIGPIPE.
void write_stdout(const std::string& text);

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

/// Registers each subcommand (one file each).
void setup_recommend(CLI::App& app);
void setup_questions(CLI::App& app);
void setup_rules(CLI::App& app);
void setup_adr(CLI::App& app);
void setup_adr_new(CLI::App& adr);
void setup_adr_check(CLI::App& adr);

/// The exit code a command ends with when nothing was thrown (`adr check`
/// findings); ExitCode::ok unless a command sets it.
void set_exit_code(ExitCode code);
[[nodiscard]] ExitCode exit_code();

} // namespace makeorbuy::cli
