#include "parse_errors.hpp"

#include "makeorbuy/core/echo.hpp"
#include "makeorbuy/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace makeorbuy::cli {

namespace {

// The deepest command the arguments name ("makeorbuy rules validate") and
// the word after it that names no command, if any.
struct NamedCommand {
    const CLI::App* app;
    std::string path;
    std::string stray;
};

std::vector<std::string> visible_commands(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands({}))
        if (!sub->get_group().empty() && sub->get_name() != "help") names.push_back(sub->get_name());
    return names;
}

NamedCommand named_command(const CLI::App& root, const std::vector<std::string>& args) {
    NamedCommand named{&root, "makeorbuy", {}};
    for (const std::string& arg : args) {
        if (arg.rfind('-', 0) == 0) break; // the command is named before its flags
        const std::vector<const CLI::App*> subs = named.app->get_subcommands({});
        const auto sub =
            std::find_if(subs.begin(), subs.end(), [&](const CLI::App* s) { return s->get_name() == arg; });
        if (sub == subs.end()) {
            named.stray = arg;
            break;
        }
        named.app = *sub;
        named.path += " " + arg;
    }
    return named;
}

// "makeorbuy rules validate FILE": the command and its positional arguments.
std::string usage_line(const NamedCommand& named) {
    std::string line = named.path;
    for (const CLI::Option* option : named.app->get_options())
        if (option->get_positional()) line += " " + option->get_name();
    return line;
}

// "a|b|c" (CLI11's type name for a choice) as "a, b or c".
std::string alternatives(const std::string& type) {
    std::vector<std::string> words;
    for (std::size_t start = 0; start <= type.size();) {
        std::size_t bar = type.find('|', start);
        if (bar == std::string::npos) bar = type.size();
        words.push_back(type.substr(start, bar - start));
        start = bar + 1;
    }
    if (words.size() < 2) return type;
    const std::string last = words.back();
    words.pop_back();
    return join(words, ", ") + " or " + last;
}

} // namespace

std::string parse_error_message(const CLI::App& root, const std::vector<std::string>& args,
                                const CLI::ParseError& error, std::string& usage) {
    const NamedCommand named = named_command(root, args);
    const std::string help_path = named.path.substr(std::string_view("makeorbuy").size());
    usage = fmt::format("see 'makeorbuy help{}' for its usage", help_path);
    std::string what = error.what(); // not const: returned as it is when no rewording applies

    // A command with subcommands given none, or a word that names none.
    if (what == "A subcommand is required") {
        const std::vector<std::string> commands = visible_commands(*named.app);
        const std::string list = "; commands: " + join(commands, ", ");
        if (!named.stray.empty())
            return with_hint(fmt::format("{} has no command '{}'", named.path, shown(named.stray)),
                             named.stray, commands, list);
        return fmt::format("{} needs a command{}", named.path, list);
    }
    // A required flag or argument left out: "FILE is required", "--output is required".
    if (const auto at = what.rfind(" is required");
        at != std::string::npos && std::string_view(what).ends_with(" is required")) {
        const std::string name = what.substr(0, at);
        if (name.starts_with("--")) {
            const CLI::Option* option = named.app->get_option_no_throw(name);
            const std::string type = option != nullptr ? option->get_type_name() : std::string();
            return fmt::format("{} needs {}{}{}", named.path, name, type.empty() ? "" : " ", type);
        }
        return fmt::format("{} needs {} ({})", named.path, name, usage_line(named));
    }
    // A flag given without its value: "--stage: 1 required prototype|pre-pmf|growth|scale missing".
    if (const auto colon = what.find(": "); colon != std::string::npos && what.starts_with("--") &&
                                            what.ends_with(" missing") &&
                                            what.find(" required ") != std::string::npos) {
        const std::string flag = what.substr(0, colon);
        const CLI::Option* option = named.app->get_option_no_throw(flag);
        const std::string type = option != nullptr ? option->get_type_name() : std::string();
        return type.empty() ? fmt::format("{} needs a value", flag)
                            : fmt::format("{} needs a value: {}", flag, alternatives(type));
    }
    // "--no-input excludes --interactive".
    if (const auto at = what.find(" excludes "); at != std::string::npos && what.starts_with("--"))
        return fmt::format("{} and {} cannot be given together; choose one", what.substr(0, at),
                           what.substr(at + std::string_view(" excludes ").size()));
    return what;
}

} // namespace makeorbuy::cli
