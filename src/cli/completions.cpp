// makeorbuy completions bash|zsh|fish, makeorbuy manpage: hidden commands
// that print shell completions and the man page from the command tree as
// CLI11 holds it, so both follow the commands, the flags and the allowed
// values of every answer (which come from the active rules). The build runs
// them to make the files `cmake --install` puts in place.

#include "common.hpp"

#include "makeorbuy/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace makeorbuy::cli {

namespace {

struct FlagInfo {
    std::string name; ///< "--stage"
    std::string help; ///< one line
    std::vector<std::string> values;
    bool takes_value = false;
    bool file = false;
    bool multi = false; ///< a comma list
};

struct CommandInfo {
    std::string path; ///< "" for makeorbuy itself, "/adr/check" below it
    std::string name;
    std::string help;
    std::vector<FlagInfo> flags;
    std::vector<CommandInfo> commands;
    bool file_arguments = false; ///< takes paths as positional arguments
};

std::string first_line(std::string text) {
    text.resize(std::min(text.size(), text.find('\n')));
    if (text.size() > 72) {
        text.resize(std::min<std::size_t>(69, text.rfind(' ', 69)));
        text += "...";
    }
    return text;
}

std::vector<std::string> split(std::string_view text, char separator) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t at = text.find(separator); at != std::string_view::npos;
         at = text.find(separator, start)) {
        out.emplace_back(text.substr(start, at - start));
        start = at + 1;
    }
    out.emplace_back(text.substr(start));
    return out;
}

bool is_file_type(const std::string& type) {
    return type == "FILE" || type == "DIR" || type == "PATH" || type == "FOLDER" || type.ends_with("FILE");
}

FlagInfo flag_info(const CLI::Option& option) {
    FlagInfo flag;
    flag.name = "--" + option.get_lnames().front();
    flag.help = first_line(option.get_description());
    flag.takes_value = option.get_items_expected_max() > 0;
    if (!flag.takes_value) return flag;
    // CLI11's type name is "TYPE" or "TYPE:{a->x,b->y}" with a transformer; the
    // answer flags name their values as the type: "a|b|c", or "a,b,c" for a list.
    const std::vector<std::string> parts = split(option.get_type_name(), ':');
    const std::string& type = parts.front();
    flag.file = is_file_type(type);
    if (type.find('|') != std::string::npos)
        flag.values = split(type, '|');
    else if (type.find(',') != std::string::npos && to_lower(type) == type) {
        flag.values = split(type, ',');
        flag.multi = true;
    }
    for (const auto& part : parts) { // "value in {json->1,text->0} OR {1,0}": the names before "->"
        const std::size_t open = part.find('{');
        const std::size_t close = part.find('}', open);
        if (open == std::string::npos || close == std::string::npos || part.find("->") > close) continue;
        for (const auto& item : split(std::string_view(part).substr(open + 1, close - open - 1), ','))
            flag.values.push_back(item.substr(0, item.find("->")));
    }
    return flag;
}

bool hidden(const CLI::App* app) {
    return app->get_group().empty();
}

CommandInfo command_info(const CLI::App& app, const std::string& path) {
    CommandInfo info;
    info.path = path;
    info.name = app.get_name();
    info.help = first_line(app.get_description());
    for (const CLI::Option* option : app.get_options()) {
        if (option->get_lnames().empty()) {
            if (option->get_positional())
                info.file_arguments = info.file_arguments || is_file_type(option->get_type_name());
            continue;
        }
        info.flags.push_back(flag_info(*option));
    }
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App* a) { return !hidden(a); }))
        info.commands.push_back(command_info(*sub, path + "/" + sub->get_name()));
    return info;
}

void flatten(const CommandInfo& command, std::vector<const CommandInfo*>& out) {
    out.push_back(&command);
    for (const auto& sub : command.commands)
        flatten(sub, out);
}

// Single-quoted for a shell; for help texts only.
std::string shell_quoted(std::string_view text) {
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::vector<std::string> words_of(const CommandInfo& command) {
    std::vector<std::string> words;
    for (const auto& sub : command.commands)
        words.push_back(sub.name);
    for (const auto& flag : command.flags)
        words.push_back(flag.name);
    return words;
}

// Which command path the words typed so far select, as a `case` over "$path/$word".
std::string path_patterns(const std::vector<const CommandInfo*>& all, const char* open, const char* close) {
    std::vector<std::string> patterns;
    for (const CommandInfo* c : all)
        if (!c->path.empty()) patterns.push_back(c->path);
    return fmt::format("{}{}{}", open, join(patterns, "|"), close);
}

/// How a shell completes the value after a flag: a file, a comma list of the
/// allowed values, one allowed value, or anything ({} is the values, spaced).
struct ValueSyntax {
    const char* open; ///< what opens a `case` pattern
    const char* file;
    const char* list;
    const char* choice;
    const char* free;
};

/// One `case` arm per flag that takes a value, matched on "PATH FLAG".
std::string value_cases(const std::vector<const CommandInfo*>& all, const ValueSyntax& syntax) {
    std::string out;
    for (const CommandInfo* c : all)
        for (const auto& f : c->flags) {
            if (!f.takes_value) continue;
            const std::string values = join(f.values, " ");
            const std::string action = f.file              ? std::string(syntax.file)
                                       : f.multi           ? fmt::format(fmt::runtime(syntax.list), values)
                                       : !f.values.empty() ? fmt::format(fmt::runtime(syntax.choice), values)
                                                           : std::string(syntax.free);
            out += fmt::format("        {}{} {}\") {}; return ;;\n", syntax.open, c->path, f.name, action);
        }
    return out;
}

std::string bash(const CommandInfo& root, const std::string& recommend_path) {
    std::vector<const CommandInfo*> all;
    flatten(root, all);
    std::string out = fmt::format("# bash completion for makeorbuy (rules {}).\n"
                                  "# Generated by `makeorbuy completions bash`; do not edit.\n\n",
                                  active_rules().label());
    out += "_makeorbuy_list() { # completes the last item of a comma list\n"
           "    local head=\"\" tail=$cur\n"
           "    [[ $cur == *,* ]] && head=${cur%,*}, && tail=${cur##*,}\n"
           "    COMPREPLY=($(compgen -P \"$head\" -W \"$1\" -- \"$tail\"))\n"
           "}\n\n"
           "_makeorbuy() {\n"
           "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} path=\"\" word i\n"
           "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
           "        word=${COMP_WORDS[i]}\n";
    out += "        case \"$path/$word\" in\n" +
           path_patterns(all, "            ", ") path=\"$path/$word\" ;;\n");
    out += "        esac\n    done\n";
    // Without a command, makeorbuy is `makeorbuy recommend`.
    out += fmt::format("    local vpath=${{path:-{}}}\n", recommend_path);
    out += "    case \"$vpath $prev\" in\n";
    out += value_cases(all, {.open = "\"",
                             .file = R"(COMPREPLY=($(compgen -f -- "$cur")))",
                             .list = R"(_makeorbuy_list "{}")",
                             .choice = R"(COMPREPLY=($(compgen -W "{}" -- "$cur")))",
                             .free = "COMPREPLY=()"});
    out += "    esac\n    local words\n    case \"$path\" in\n";
    for (const CommandInfo* c : all) {
        std::vector<std::string> words = words_of(*c);
        if (c->path.empty())
            for (const CommandInfo* r : all)
                if (r->path == recommend_path)
                    for (const auto& f : r->flags)
                        words.push_back(f.name);
        out += fmt::format("        \"{}\") words=\"{}\" ;;\n", c->path, join(words, " "));
    }
    out += "    esac\n"
           "    COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n"
           "}\n"
           "complete -o default -F _makeorbuy makeorbuy\n";
    return out;
}

std::string zsh_describe(const std::string& text) {
    std::string out;
    for (char c : text)
        out += (c == ':' ? std::string("\\:") : std::string(1, c));
    return out;
}

std::string zsh(const CommandInfo& root, const std::string& recommend_path) {
    std::vector<const CommandInfo*> all;
    flatten(root, all);
    std::string out = fmt::format("#compdef makeorbuy\n# zsh completion for makeorbuy (rules {}).\n"
                                  "# Generated by `makeorbuy completions zsh`; do not edit.\n\n",
                                  active_rules().label());
    out += "_makeorbuy() {\n"
           "    local cur=${words[CURRENT]} prev=${words[CURRENT-1]} path=\"\" word i\n"
           "    local -a entries\n"
           "    for ((i = 2; i < CURRENT; i++)); do\n"
           "        word=${words[i]}\n";
    out += "        case \"$path/$word\" in\n" +
           path_patterns(all, "            (", ") path=\"$path/$word\" ;;\n");
    out += "        esac\n    done\n";
    out += fmt::format("    local vpath=${{path:-{}}}\n", recommend_path);
    out += "    case \"$vpath $prev\" in\n";
    out += value_cases(all, {.open = "(\"",
                             .file = "_files",
                             .list = "_sequence compadd - {}",
                             .choice = "compadd - {}",
                             .free = "_message 'a value'"});
    out += "    esac\n    case \"$path\" in\n";
    for (const CommandInfo* c : all) {
        std::vector<std::string> entries;
        for (const auto& sub : c->commands)
            entries.push_back(shell_quoted(sub.name + ":" + zsh_describe(sub.help)));
        std::vector<const FlagInfo*> flags;
        for (const auto& f : c->flags)
            flags.push_back(&f);
        if (c->path.empty())
            for (const CommandInfo* r : all)
                if (r->path == recommend_path)
                    for (const auto& f : r->flags)
                        flags.push_back(&f);
        for (const FlagInfo* f : flags)
            entries.push_back(shell_quoted(f->name + ":" + zsh_describe(f->help)));
        out += fmt::format("        (\"{}\") entries=({}){} ;;\n", c->path, join(entries, " "),
                           c->file_arguments ? "; [[ $cur != -* ]] && _files" : "");
    }
    out += "    esac\n"
           "    _describe -t commands 'makeorbuy' entries\n"
           "}\n\n"
           "_makeorbuy \"$@\"\n";
    return out;
}

std::string fish(const CommandInfo& root, const std::string& recommend_path) {
    std::vector<const CommandInfo*> all;
    flatten(root, all);
    std::string out = fmt::format("# fish completion for makeorbuy (rules {}).\n"
                                  "# Generated by `makeorbuy completions fish`; do not edit.\n\n",
                                  active_rules().label());
    out += "function __makeorbuy_path\n"
           "    set -l path ''\n"
           "    for word in (commandline -opc)[2..-1]\n"
           "        switch \"$path/$word\"\n";
    for (const CommandInfo* c : all)
        if (!c->path.empty())
            out += fmt::format("            case {}\n                set path \"$path/$word\"\n", c->path);
    out += "        end\n    end\n    echo $path\nend\n\n"
           "complete -c makeorbuy -f\n";
    for (const CommandInfo* c : all) {
        const std::string when = c->path.empty() ? "test -z (__makeorbuy_path)"
                                                 : fmt::format("test (__makeorbuy_path) = {}", c->path);
        for (const auto& sub : c->commands)
            out += fmt::format("complete -c makeorbuy -n '{}' -a {} -d {}\n", when, sub.name,
                               shell_quoted(sub.help));
        std::string flag_when = when;
        if (c->path == recommend_path)
            flag_when = fmt::format("contains -- (__makeorbuy_path) '' {}", c->path);
        for (const auto& f : c->flags) {
            std::string line =
                fmt::format("complete -c makeorbuy -n \"{}\" -l {}", flag_when, f.name.substr(2));
            if (f.file)
                line += " -r -F";
            else if (!f.values.empty())
                line += fmt::format(" -x -a {}", shell_quoted(join(f.values, " ")));
            else if (f.takes_value)
                line += " -x";
            out += line + " -d " + shell_quoted(f.help) + "\n";
        }
        if (c->file_arguments) out += fmt::format("complete -c makeorbuy -n '{}' -F\n", when);
    }
    return out;
}

// roff: a backslash is \e; a line starting with . or ' would be a request.
std::string roff_lines(const std::string& text) {
    std::string out;
    for (const auto& line : split(text, '\n')) {
        // A line starting with . or ' would be a roff request: \& makes it text.
        if (!line.empty() && (line.front() == '.' || line.front() == '\'')) out += "\\&";
        for (char c : line) {
            if (c == '\\')
                out += "\\e";
            else
                out += c;
        }
        out += '\n';
    }
    return out;
}

void man_sections(const CLI::App& app, const std::string& command, std::string& out) {
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App* a) { return !hidden(a); })) {
        const std::string name = command + " " + sub->get_name();
        // The same text as `makeorbuy ... --help`.
        out += fmt::format(".SS \"{}\"\n.nf\n{}.fi\n", name, roff_lines(sub->help(command)));
        man_sections(*sub, name, out);
    }
}

std::string man_page(const CLI::App& root) {
    std::string out =
        fmt::format(".TH MAKEORBUY 1 \"\" \"makeorbuy {}\" \"User Commands\"\n", MAKEORBUY_VERSION);
    out += ".\\\" Generated by `makeorbuy manpage` from the --help of every command; do not edit.\n";
    out += ".SH NAME\nmakeorbuy \\- advice on the AI make-or-buy decision\n";
    out += ".SH SYNOPSIS\n.B makeorbuy\n[\\fICOMMAND\\fR] [\\fIFLAGS\\fR]\n";
    // Not root.help(): while `manpage` runs, that is the help of `manpage`.
    const std::string help = root.get_formatter()->make_help(&root, "makeorbuy", CLI::AppFormatMode::Normal);
    out += ".SH DESCRIPTION\n.nf\n" + roff_lines(help) + ".fi\n";
    out += ".SH COMMANDS\n";
    man_sections(root, "makeorbuy", out);
    out += fmt::format(".SH FILES\n.TP\n.I share/makeorbuy/default.json\nThe built-in rules table "
                       "({}), for reference; the binary embeds its own copy.\n"
                       ".TP\n.I share/makeorbuy/schema.json\nThe JSON Schema of a rules file.\n",
                       active_rules().label());
    out += ".SH SEE ALSO\nThe README, and \\fBmakeorbuy rules show\\fR for the rules in full.\n";
    return out;
}

} // namespace

void setup_completions(CLI::App& app, ExitCode& /*result*/) {
    auto shell = std::make_shared<std::string>();
    CLI::App* sub = app.add_subcommand("completions", "Print shell completions: bash, zsh or fish");
    sub->group(""); // hidden: the build uses it, users get the installed files
    sub->add_option("SHELL", *shell, "bash, zsh or fish")
        ->required()
        ->check(CLI::IsMember({"bash", "zsh", "fish"}));
    // Read by run() before parsing: the completions then offer that table's questions and values.
    auto rules_path = std::make_shared<std::string>();
    sub->add_option("--rules", *rules_path, "Complete the questions of this rules table")->type_name("FILE");
    on_run(*sub, [&app, shell, rules_path] {
        const CommandInfo root = command_info(app, "");
        if (*shell == "bash")
            write_stdout(bash(root, "/recommend"));
        else if (*shell == "zsh")
            write_stdout(zsh(root, "/recommend"));
        else
            write_stdout(fish(root, "/recommend"));
    });
}

void setup_manpage(CLI::App& app, ExitCode& /*result*/) {
    CLI::App* man = app.add_subcommand("manpage", "Print the man page, makeorbuy.1");
    man->group("");
    on_run(*man, [&app] { write_stdout(man_page(app)); });
}

} // namespace makeorbuy::cli
