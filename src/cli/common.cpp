#include "common.hpp"

#include "makeorbuy/core/echo.hpp"
#include "makeorbuy/core/text.hpp"
#include "makeorbuy/core/validate.hpp"
#include "makeorbuy/input/answer_files.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdint>

namespace makeorbuy::cli {

namespace {
const RuleSet* g_rules = nullptr;
std::optional<std::vector<std::string>> g_named_flags; // sorted: "--stage", …
} // namespace

const RuleSet& active_rules() {
    return g_rules ? *g_rules : default_rules();
}
void set_active_rules(const RuleSet* rules) {
    g_rules = rules;
}

void name_answer_flags(std::optional<std::vector<std::string>> named) {
    if (named) {
        for (auto& arg : *named)
            arg = arg.substr(0, arg.find('=')); // --stage=growth names --stage
        std::sort(named->begin(), named->end());
    }
    g_named_flags = std::move(named);
}

void add_answer_flags(CLI::App& app, AnswerFlags& flags) {
    const RuleSet& rules = active_rules();
    app.add_option("--config", flags.configs,
                   "Read answers from FILE: TOML `key = value` lines, or a .json object (repeatable; later "
                   "files win)")
        ->type_name("FILE")
        ->allow_extra_args(false) // one file per --config: a title or path after it stays one
        ->group("Answers");
    app.add_option("--rules", flags.rules_path, "Score with this rules table instead of the built-in one")
        ->type_name("FILE");
    for (const auto& q : rules.questions) {
        if (g_named_flags && !std::binary_search(g_named_flags->begin(), g_named_flags->end(), "--" + q.key))
            continue;
        std::string help = q.prompt;
        if (q.default_value) help += fmt::format(" [default: {}]", display_value(*q.default_value));
        CLI::Option* option = app.add_option("--" + q.key, flags.values[q.key], help)
                                  ->type_name(flag_value_name(q))
                                  ->group("Answers");
        // A scalar given twice: the last one counts, as with later flags files.
        // One value per flag: a word after it is not a second value that wins.
        if (q.type != QuestionType::multi)
            option->multi_option_policy(CLI::MultiOptionPolicy::TakeLast)->allow_extra_args(false);
        flags.options[q.key] = option;
    }
}

Answers gather_answers(const AnswerFlags& flags, const RuleSet& rules, Diagnostics& diagnostics) {
    std::vector<RawAnswer> raw;
    for (const auto& path : flags.configs) {
        auto from_file = read_answers_file(path, diagnostics);
        raw.insert(raw.end(), from_file.begin(), from_file.end());
    }
    for (const auto& q : rules.questions) {
        auto option = flags.options.find(q.key);
        if (option == flags.options.end() || option->second->count() == 0) continue;
        RawAnswer answer;
        answer.key = q.key;
        answer.values = flags.values.at(q.key);
        // A scalar flag given twice: the last one counts. (CLI11's TakeLast keeps
        // every value of an option bound to a vector, so it is done here.)
        if (q.type != QuestionType::multi && answer.values.size() > 1) answer.values = {answer.values.back()};
        answer.is_list = q.type == QuestionType::multi;
        answer.origin = Origin::flag;
        answer.where = Location{"--" + q.key};
        raw.push_back(std::move(answer));
    }
    return validate_answers(raw, rules, diagnostics);
}

void report_missing(const Answers& answers, const RuleSet& rules, Diagnostics& diagnostics) {
    for (const Question* q : missing_required(answers, rules))
        diagnostics.error({}, missing_answer_message(*q));
}

CLI::Validator one_of(std::vector<std::string> words, std::string what) {
    std::string name = what; // the validator's name; `what` moves into the check
    return CLI::Validator(
        [words = std::move(words), what = std::move(what)](std::string& value) -> std::string {
            for (std::size_t i = 0; i < words.size(); ++i)
                if (equals_ignoring_case(value, words[i])) {
                    value = std::to_string(i);
                    return {};
                }
            return with_hint(fmt::format("unknown {} '{}'", what, value), to_lower(value), words) +
                   fmt::format(" ({}s: {})", what, join(words, ", "));
        },
        "", std::move(name));
}

CLI::Validator whole_number(std::uint64_t low, std::uint64_t high) {
    return CLI::Validator(
        [low, high](const std::string& value) -> std::string {
            const std::string_view text = trim_view(value);
            std::uint64_t number = 0;
            const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
            if (text.empty() || error != std::errc() || end != text.data() + text.size() || number < low ||
                number > high)
                return fmt::format("'{}' is not a whole number from {} to {}", value, low, high);
            return {};
        },
        "", "whole number");
}

void add_format_flag(CLI::App& app, const std::vector<std::string>& formats, std::size_t& index) {
    std::string names = formats.empty() ? "" : formats.front();
    for (std::size_t i = 1; i < formats.size(); ++i)
        names += (i + 1 == formats.size() ? " or " : ", ") + formats[i];
    app.add_option("--format", index, "Output format: " + names)
        ->transform(one_of(formats, "format"))
        ->type_name(join(formats, "|")); // the words as the type: the help and the completions show them
}

void add_color_flag(CLI::App& app, ColorMode& mode) {
    // In ColorMode's order.
    app.add_option("--color", mode,
                   "Colour the text output: auto (on a terminal, unless NO_COLOR is set), always, never")
        ->transform(one_of({"auto", "always", "never"}, "colour mode"))
        ->type_name("auto|always|never");
}

TextStyle text_style(ColorMode mode, int fd) {
    TextStyle style;
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    const bool dumb = term != nullptr && std::strcmp(term, "dumb") == 0;
    switch (mode) {
    case ColorMode::always:
        style.color = true;
        break;
    case ColorMode::never:
        style.color = false;
        break;
    case ColorMode::automatic:
        style.color = ::isatty(fd) == 1 && !dumb && (no_color == nullptr || *no_color == '\0');
        break;
    }
    // Block characters only where the locale says UTF-8.
    const char* locale = std::getenv("LC_ALL");
    if (locale == nullptr || *locale == '\0') locale = std::getenv("LC_CTYPE");
    if (locale == nullptr || *locale == '\0') locale = std::getenv("LANG");
    const std::string lower = to_lower(locale ? locale : "");
    style.unicode = lower.find("utf-8") != std::string::npos || lower.find("utf8") != std::string::npos;
    // COLUMNS when set (as ls and man read it, piped or not), else the
    // terminal's width, else 80; within 60 (the tables' least) to 100 columns.
    std::size_t columns = 0;
    if (const char* env = std::getenv("COLUMNS"); env != nullptr && *env != '\0') {
        const std::string_view text(env);
        unsigned long value = 0;
        if (auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
            error == std::errc{} && end == text.data() + text.size())
            columns = value;
    }
    struct winsize size {};
    if (columns == 0 && ::isatty(fd) == 1 && ::ioctl(fd, TIOCGWINSZ, &size) == 0) columns = size.ws_col;
    if (columns > 0) style.width = std::clamp<std::size_t>(columns, 60, 100);
    return style;
}

namespace {

// "adr check": the command's full name below makeorbuy, for "see 'makeorbuy adr check --help'".
std::string command_path(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::App* a = &app; a != nullptr && a->get_parent() != nullptr; a = a->get_parent())
        names.push_back(a->get_name());
    std::reverse(names.begin(), names.end());
    return join(names, " ");
}

// Unknown flags and stray arguments left over by CLI11, with a did-you-mean.
void report_extras(const CLI::App& app, Diagnostics& diagnostics) {
    const std::vector<std::string> extras = app.remaining();
    std::vector<std::string> names;
    for (const CLI::Option* option : app.get_options())
        for (const auto& name : option->get_lnames())
            names.push_back("--" + name);
    // Answer flags are set up only when named (name_answer_flags()); a
    // mistyped one is still matched against every question.
    if (g_named_flags && app.get_option_no_throw("--config") != nullptr)
        for (const auto& q : active_rules().questions)
            if (!std::binary_search(g_named_flags->begin(), g_named_flags->end(), "--" + q.key))
                names.push_back("--" + q.key);
    bool after_unknown_flag = false;
    for (const auto& extra : extras) {
        if (extra == "--") continue; // CLI11 keeps the end-of-flags mark; what follows are paths
        if (extra.rfind('-', 0) != 0) {
            // The value of an unknown flag is not a second problem.
            if (!after_unknown_flag)
                diagnostics.error(
                    {}, fmt::format("unexpected argument '{}'; 'makeorbuy {}' takes {}", shown(extra),
                                    command_path(app),
                                    app.get_option_no_throw("--config") != nullptr
                                        ? "flags only (an answers file goes after --config)"
                                        : fmt::format("no other arguments; see 'makeorbuy {} --help'",
                                                      command_path(app))));
            after_unknown_flag = false;
            continue;
        }
        const std::string flag = extra.substr(0, extra.find('='));
        after_unknown_flag = extra.find('=') == std::string::npos;
        diagnostics.error({}, with_hint(fmt::format("unknown flag '{}'", shown(flag)), flag, names,
                                        fmt::format("; see 'makeorbuy {} --help'", command_path(app))));
    }
}

} // namespace

void on_run(CLI::App& sub, std::function<void()> action) {
    on_run(sub, [action = std::move(action)](Diagnostics& diagnostics) {
        diagnostics.throw_if_errors();
        action();
    });
}

void on_run(CLI::App& sub, std::function<void(Diagnostics&)> action) {
    sub.allow_extras();
    CLI::App* app = &sub;
    sub.callback([app, action = std::move(action)] {
        Diagnostics diagnostics;
        report_extras(*app, diagnostics);
        action(diagnostics);
    });
}

} // namespace makeorbuy::cli
