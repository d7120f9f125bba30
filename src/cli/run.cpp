// The entry point: argv in, exit code out. The only place that decides exit
// codes and prints errors.

#include "analysis_flags.hpp"
#include "common.hpp"
#include "parse_errors.hpp"

#include "makeorbuy/core/echo.hpp"
#include "makeorbuy/core/prices_loader.hpp"
#include "makeorbuy/core/rules_loader.hpp"
#include "makeorbuy/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <memory>
#include <sstream>

namespace makeorbuy::cli {

namespace {

// Every command, in the order the help lists them: one table feeds the
// dispatch, the help and the unknown-command hint (ninja's kTools).
enum class Listing { shown, hidden };
struct Command {
    const char* name;
    void (*setup)(CLI::App& app, ExitCode& result);
    Listing listing;
};

void setup_help(CLI::App& app, ExitCode& result);

constexpr Command k_commands[] = {
    {"recommend", setup_recommend, Listing::shown},
    {"questions", setup_questions, Listing::shown},
    {"rules", setup_rules, Listing::shown},
    {"cost", setup_cost, Listing::shown},
    {"prices", setup_prices, Listing::shown},
    {"adr", setup_adr, Listing::shown},
    // The build runs these two to make the installed completions and man page.
    {"completions", setup_completions, Listing::hidden},
    {"manpage", setup_manpage, Listing::hidden},
    {"help", setup_help, Listing::shown},
};

const Command* find_command(std::string_view name) {
    for (const Command& command : k_commands)
        if (name == command.name) return &command;
    return nullptr;
}

// The commands a user is told about.
std::vector<std::string> listed_commands() {
    std::vector<std::string> names;
    for (const Command& command : k_commands)
        if (command.listing == Listing::shown) names.emplace_back(command.name);
    return names;
}

// `makeorbuy help [COMMAND]`: the help of the whole tool or of one command.
void setup_help(CLI::App& app, ExitCode& /*result*/) {
    auto topic = std::make_shared<std::vector<std::string>>();
    CLI::App* help =
        app.add_subcommand("help", "Show the help of a command: makeorbuy help COMMAND [SUBCOMMAND]");
    help->add_option("COMMAND", *topic, "The command, and its subcommand if it has them (help adr check)")
        ->type_name("COMMAND");
    on_run(*help, [&app, topic] {
        const CLI::App* shown_app = &app;
        std::string path = "makeorbuy";
        for (const auto& word : *topic) {
            std::vector<std::string> names;
            const CLI::App* next = nullptr;
            for (const CLI::App* sub : shown_app->get_subcommands({})) {
                const Command* listed = shown_app == &app ? find_command(sub->get_name()) : nullptr;
                if (sub->get_name() == "help" || (listed != nullptr && listed->listing == Listing::hidden))
                    continue;
                names.push_back(sub->get_name());
                if (sub->get_name() == word) next = sub;
            }
            if (next == nullptr)
                throw Error(Location{},
                            names.empty()
                                ? fmt::format("'{}' has no subcommand '{}'; see 'makeorbuy help{}'", path,
                                              shown(word), path.substr(9))
                                : with_hint(fmt::format("{} has no command '{}'", path, shown(word)), word,
                                            names, "; commands: " + join(names, ", ")));
            shown_app = next;
            path += " " + word;
        }
        // CLI11 names a subcommand after the path before it: "Usage: makeorbuy adr check", not "check".
        // The root's help is asked of its formatter: app.help() shows the running command's, this one's.
        write_stdout(topic->empty()
                         ? app.get_formatter()->make_help(&app, "makeorbuy", CLI::AppFormatMode::Normal)
                         : shown_app->help(path.substr(0, path.rfind(' '))));
    });
}

// The value of --rules (or --prices) wherever it appears: the rules decide
// which questions, and so which flags, exist, and the prices the cost figures
// the rules read, so both are read before the command line is parsed.
std::optional<std::string> file_flag(const std::vector<std::string>& args, const std::string& flag) {
    std::optional<std::string> path;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--") break;
        if (args[i] == flag && i + 1 < args.size())
            path = args[i + 1];
        else if (args[i].rfind(flag + "=", 0) == 0)
            path = args[i].substr(flag.size() + 1);
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

// The root of the command line, before any command is set up.
// CLI11's help with its descriptions wrapped to the output's width (COLUMNS,
// the terminal's, else 80), each later line indented under the first.
class WrappingFormatter : public CLI::Formatter {
public:
    explicit WrappingFormatter(std::size_t width)
        : width_(width) {}

    std::string make_option_desc(const CLI::Option* option) const override {
        return wrapped(CLI::Formatter::make_option_desc(option));
    }

    std::string make_subcommand(const CLI::App* sub) const override {
        std::stringstream out;
        CLI::detail::format_help(out, sub->get_display_name(true), wrapped(sub->get_description()),
                                 get_column_width());
        return out.str();
    }

    std::string make_description(const CLI::App* app) const override {
        return reflowed(CLI::Formatter::make_description(app));
    }

    std::string make_footer(const CLI::App* app) const override {
        return reflowed(CLI::Formatter::make_footer(app));
    }

private:
    // Prose re-wrapped to the width, paragraph by paragraph; indented lines
    // (examples to copy) and blank lines kept as they are.
    std::string reflowed(const std::string& text) const {
        std::string out;
        std::string paragraph;
        const auto flush = [&] {
            if (!paragraph.empty()) out += wrap(paragraph, width_, "") + "\n";
            paragraph.clear();
        };
        for (std::size_t start = 0; start < text.size();) {
            std::size_t end = text.find('\n', start);
            if (end == std::string::npos) end = text.size();
            const std::string line = text.substr(start, end - start);
            start = end + 1;
            if (line.empty() || line.front() == ' ') {
                flush();
                out += line + "\n";
            } else {
                paragraph += paragraph.empty() ? line : " " + line;
            }
        }
        flush();
        if (!text.empty() && text.back() != '\n' && !out.empty()) out.pop_back();
        return out;
    }

    std::string wrapped(const std::string& description) const {
        const std::size_t room = width_ > get_column_width() + 24 ? width_ - get_column_width() : 24;
        return wrap(description, room, "");
    }

    std::size_t width_;
};

std::unique_ptr<CLI::App> make_app() {
    auto app = std::make_unique<CLI::App>(
        "makeorbuy: advice on the AI make-or-buy decision. Answer a few questions about your product;\n"
        "it ranks a frontier API, a smaller hosted model, a self-hosted open model and a fine-tuned\n"
        "model, and says why.",
        "makeorbuy");
    app->set_version_flag("--version", version_text(), "Print the version and the rules version");
    app->require_subcommand(1);
    app->formatter(std::make_shared<WrappingFormatter>(text_style(ColorMode::never, 1).width));
    return app;
}

void collect_flags(const CLI::App& app, std::vector<std::string>& flags) {
    for (const CLI::Option* option : app.get_options())
        for (const auto& name : option->get_lnames())
            if (std::find(flags.begin(), flags.end(), name) == flags.end()) flags.push_back(name);
    for (const CLI::App* sub : app.get_subcommands({}))
        collect_flags(*sub, flags);
}

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
    return to_int(ExitCode::usage);
}

int run_parsed(std::vector<std::string> args) {
    // 1. A --rules file replaces the built-in table before anything is set up.
    //    Its cost figures read the built-in prices, or a --prices file's.
    std::unique_ptr<RuleSet> custom;
    if (auto path = file_flag(args, "--rules")) {
        custom = std::make_unique<RuleSet>(load_rules_file(*path, command_flags()));
        custom->prices = &default_prices();
    }
    std::unique_ptr<PriceTable> prices;
    if (auto path = file_flag(args, "--prices")) {
        prices = std::make_unique<PriceTable>(load_prices_file(*path));
        if (!custom) custom = std::make_unique<RuleSet>(default_rules());
        custom->prices = prices.get();
    }
    if (custom) set_active_rules(custom.get());

    // 2. `makeorbuy [flags]` is `makeorbuy recommend [flags]`.
    const bool top_level_flag =
        !args.empty() && (args[0] == "--help" || args[0] == "-h" || args[0] == "--version");
    if (args.empty() || (args[0].rfind('-', 0) == 0 && !top_level_flag))
        args.insert(args.begin(), "recommend");
    const Command* command = top_level_flag ? nullptr : find_command(args[0]);
    if (!top_level_flag && command == nullptr)
        throw Error(Location{}, with_hint(fmt::format("unknown command '{}'", args[0]), args[0],
                                          listed_commands(), "; commands: " + join(listed_commands(), ", ")));

    // 3. Parse; the chosen command runs from its callback.
    const std::unique_ptr<CLI::App> root = make_app();
    CLI::App& app = *root;
    // Only the command that runs is set up: setting up the others took a
    // quarter of a `recommend` run. The top-level help and version, `help` and
    // the hidden commands that describe every command (completions, the man
    // page) set up all of them, in the order the help lists them.
    ExitCode result = ExitCode::ok;
    const bool every_command = command == nullptr || command->listing == Listing::hidden ||
                               std::string_view(command->name) == "help";
    const bool asks_help = std::any_of(args.begin(), args.end(), [](const std::string& arg) {
        return arg == "--help" || arg == "-h" || arg == "--help-all";
    });
    if (every_command || asks_help) {
        name_answer_flags(std::nullopt);
    } else {
        std::vector<std::string> named;
        std::copy_if(args.begin(), args.end(), std::back_inserter(named),
                     [](const std::string& arg) { return arg.rfind("--", 0) == 0; });
        name_answer_flags(std::move(named));
    }
    for (const Command& each : k_commands)
        if (every_command || &each == command || std::string_view(each.name) == "help")
            each.setup(app, result);
    // Set after the commands: CLI11 copies a footer into every subcommand
    // added later, and `makeorbuy adr --help` should not end with the
    // overview's examples.
    app.footer(k_overview_footer);

    const std::vector<std::string> in_order = args;
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
        std::string usage;
        print_diagnostic({Location{}, parse_error_message(app, in_order, e, usage), Severity::error});
        write_stderr(fmt::format("makeorbuy: {}\n", usage));
        return to_int(ExitCode::usage);
    }
    return to_int(result);
}

} // namespace

const std::vector<std::string>& command_flags() {
    // Every command set up once on a scratch root, with a table that has no
    // questions, so that only the command line's own flags are there.
    static const std::vector<std::string> flags = [] {
        static const RuleSet no_questions;
        const RuleSet& before = active_rules();
        set_active_rules(&no_questions);
        const std::unique_ptr<CLI::App> app = make_app();
        ExitCode unused = ExitCode::ok;
        for (const Command& command : k_commands)
            command.setup(*app, unused);
        std::vector<std::string> names;
        collect_flags(*app, names);
        set_active_rules(&before);
        return names;
    }();
    return flags;
}

namespace {

int run_guarded(int argc, char** argv) noexcept {
    try {
        std::vector<std::string> args(argv + 1, argv + argc);
        return run_parsed(std::move(args));
    } catch (const Interrupted& e) {
        if (e.written().empty())
            write_stderr("\nmakeorbuy: interrupted; nothing was written.\n");
        else
            write_stderr(fmt::format("\nmakeorbuy: interrupted after writing {}; nothing else was written.\n",
                                     join(e.written(), " and ")));
        return to_int(ExitCode::interrupted);
    } catch (const Error& e) {
        return report_error(e.diagnostics());
    } catch (const std::exception& e) {
        print_diagnostic({Location{}, e.what(), Severity::error});
        return to_int(ExitCode::usage);
    } catch (...) {
        write_stderr("makeorbuy: error: an unexpected failure\n");
        return to_int(ExitCode::usage);
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
