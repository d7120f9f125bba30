// The entry point: argv in, exit code out. The only place that decides exit
// codes and prints errors.

#include "analysis_flags.hpp"
#include "common.hpp"

#include "makeorbuy/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <sstream>

namespace makeorbuy::cli {

void setup_completions(CLI::App& app);

namespace {

const std::vector<std::string> k_commands = {"recommend", "questions", "rules", "adr", "cost", "help"};
// Hidden: the build runs them to make the installed completions and man page (completions.cpp).
const std::vector<std::string> k_hidden_commands = {"completions", "manpage"};

// The value of --rules wherever it appears: it decides which questions, and
// so which flags, exist, so it is read before the command line is parsed.
std::optional<std::string> rules_flag(const std::vector<std::string>& args) {
    std::optional<std::string> path;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--") break;
        if (args[i] == "--rules" && i + 1 < args.size())
            path = args[i + 1];
        else if (args[i].rfind("--rules=", 0) == 0)
            path = args[i].substr(8);
    }
    return path;
}

std::string version_text() {
    return fmt::format("makeorbuy {} (rules {})", MAKEORBUY_VERSION, default_rules().label());
}

const char* k_overview_footer = R"(Commands run `makeorbuy COMMAND --help` for their flags and examples.
With no command, makeorbuy runs `recommend`: on a terminal it asks for what
the flags have not answered.

Examples:
  makeorbuy
  makeorbuy recommend --stage growth --monthly-spend 120k --latency interactive \
      --compliance vendor-dpa --team-size 12 --volume-pattern steady --ml-ops some
  makeorbuy recommend --config answers.toml --format json
  makeorbuy questions
  makeorbuy rules validate my-rules.json

Exit codes: 0 success; 1 `adr check` found a failing record; 2 bad input
(flags, answers, rules or files); 130 interrupted.)";

// Help and version go through write_stdout like any result, so that a full
// or closed stdout is an error rather than a silent success.
int print_help(CLI::App& app, const CLI::ParseError& e) {
    std::ostringstream out;
    std::ostringstream err;
    const int code = app.exit(e, out, err);
    write_stdout(out.str());
    write_stderr(err.str());
    return code;
}

int report_error(const std::vector<Diagnostic>& diagnostics) {
    for (const auto& d : diagnostics)
        print_diagnostic(d);
    return static_cast<int>(ExitCode::usage);
}

int run_parsed(std::vector<std::string> args) {
    // 1. A --rules file replaces the built-in table before anything is set up.
    std::unique_ptr<RuleSet> custom;
    if (auto path = rules_flag(args)) {
        custom = std::make_unique<RuleSet>(load_rules_file(*path));
        set_active_rules(custom.get());
    }

    // 2. `makeorbuy [flags]` is `makeorbuy recommend [flags]`.
    const bool top_level_flag =
        !args.empty() && (args[0] == "--help" || args[0] == "-h" || args[0] == "--version");
    if (args.empty() || (args[0].rfind('-', 0) == 0 && !top_level_flag))
        args.insert(args.begin(), "recommend");
    if (std::find(k_commands.begin(), k_commands.end(), args[0]) == k_commands.end() && !top_level_flag &&
        std::find(k_hidden_commands.begin(), k_hidden_commands.end(), args[0]) == k_hidden_commands.end()) {
        std::string message = fmt::format("unknown command '{}'", args[0]);
        if (auto hint = did_you_mean(args[0], k_commands))
            message += fmt::format("; did you mean '{}'?", *hint);
        else
            message += "; commands: " + join(k_commands, ", ");
        throw Error(Location{}, message);
    }

    // 3. Parse; the chosen command runs from its callback.
    CLI::App app{
        "makeorbuy: advice on the AI make-or-buy decision. Answer a few questions about your product;\n"
        "it ranks a frontier API, a smaller hosted model, a self-hosted open model and a fine-tuned\n"
        "model, and says why.",
        "makeorbuy"};
    app.set_version_flag("--version", version_text(), "Print the version and the rules version");
    app.require_subcommand(1);
    app.footer(k_overview_footer);
    // Only the command that runs is set up: setting up the others took a
    // quarter of a `recommend` run. The top-level help and version, `help` and
    // the hidden commands that describe every command (completions, the man
    // page) set up all of them, in the order the help lists them.
    const bool every_command =
        top_level_flag || args[0] == "help" ||
        std::find(k_hidden_commands.begin(), k_hidden_commands.end(), args[0]) != k_hidden_commands.end();
    const std::pair<const char*, void (*)(CLI::App&)> setups[] = {{"recommend", setup_recommend},
                                                                  {"questions", setup_questions},
                                                                  {"rules", setup_rules},
                                                                  {"cost", setup_cost},
                                                                  {"adr", setup_adr},
                                                                  {"completions", setup_completions}};
    for (const auto& [name, setup] : setups)
        if (every_command || args[0] == name) setup(app);
    auto topic = std::make_shared<std::string>();
    CLI::App* help = app.add_subcommand("help", "Show the help of a command: makeorbuy help COMMAND");
    help->add_option("COMMAND", *topic, "The command")->type_name("COMMAND");
    on_run(*help, [&app, topic] {
        if (topic->empty()) {
            write_stdout(app.help());
            return;
        }
        CLI::App* sub = nullptr;
        try {
            sub = app.get_subcommand(*topic);
        } catch (const CLI::OptionNotFound&) {
        }
        if (sub == nullptr || *topic == "help")
            throw Error(Location{},
                        fmt::format("no command '{}'; commands: {}", *topic, join(k_commands, ", ")));
        write_stdout(sub->help());
    });

    std::reverse(args.begin(), args.end()); // CLI11 takes them last first
    try {
        app.parse(args);
    } catch (const CLI::CallForHelp& e) {
        return print_help(app, e);
    } catch (const CLI::CallForAllHelp& e) {
        return print_help(app, e);
    } catch (const CLI::CallForVersion& e) {
        return print_help(app, e);
    } catch (const CLI::ParseError& e) {
        // CLI11's message may quote an argument: neutralised like any echo.
        print_diagnostic({Location{}, e.what(), Severity::error});
        write_stderr("Run 'makeorbuy --help' or 'makeorbuy help COMMAND' for usage.\n");
        return static_cast<int>(ExitCode::usage);
    }
    return static_cast<int>(exit_code());
}

} // namespace

namespace {

int run_guarded(int argc, char** argv) noexcept {
    try {
        std::vector<std::string> args(argv + 1, argv + argc);
        return run_parsed(std::move(args));
    } catch (const Interrupted&) {
        write_stderr("\nmakeorbuy: interrupted; nothing was written.\n");
        return static_cast<int>(ExitCode::interrupted);
    } catch (const Error& e) {
        return report_error(e.diagnostics());
    } catch (const std::exception& e) {
        print_diagnostic({Location{}, e.what(), Severity::error});
        return static_cast<int>(ExitCode::usage);
    } catch (...) {
        write_stderr("makeorbuy: error: an unexpected failure\n");
        return static_cast<int>(ExitCode::usage);
    }
}

} // namespace

int run(int argc, char** argv) {
    const int code = run_guarded(argc, argv);
    // A message that could not be written is a failure like a file that could
    // not be: never a silent success.
    if (stderr_failed() &&
        (code == static_cast<int>(ExitCode::ok) || code == static_cast<int>(ExitCode::findings)))
        return static_cast<int>(ExitCode::usage);
    return code;
}

} // namespace makeorbuy::cli
