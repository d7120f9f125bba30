#include "common.hpp"

#include "makeorbuy/answer_files.hpp"
#include "makeorbuy/echo.hpp"
#include "makeorbuy/text.hpp"
#include "makeorbuy/validate.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>

namespace makeorbuy::cli {

namespace {
const RuleSet* g_rules = nullptr;
ExitCode g_exit_code = ExitCode::ok;
} // namespace

void set_exit_code(ExitCode code) {
    g_exit_code = code;
}
ExitCode exit_code() {
    return g_exit_code;
}

const RuleSet& active_rules() {
    return g_rules ? *g_rules : default_rules();
}
void set_active_rules(const RuleSet* rules) {
    g_rules = rules;
}

std::string flag_usage(const Question& q) {
    if (q.is_numeric())
        return fmt::format("--{} {}", q.key, q.type == QuestionType::integer ? "INTEGER" : "NUMBER");
    std::vector<std::string> names;
    for (const auto& v : q.values)
        names.push_back(v.value);
    return fmt::format("--{} {}", q.key, join(names, q.type == QuestionType::multi ? "," : "|"));
}

void add_answer_flags(CLI::App& app, AnswerFlags& flags) {
    const RuleSet& rules = active_rules();
    app.add_option("--config", flags.configs,
                   "Read answers from FILE: TOML `key = value` lines, or a .json object (repeatable; later "
                   "files win)")
        ->type_name("FILE")
        ->group("Answers");
    app.add_option("--rules", flags.rules_path, "Score with this rules table instead of the built-in one")
        ->type_name("FILE");
    for (const auto& q : rules.questions) {
        std::string help = q.prompt;
        if (q.default_value) help += fmt::format(" [default: {}]", display_value(*q.default_value));
        std::string type_name;
        if (q.is_numeric())
            type_name = q.type == QuestionType::integer ? "INTEGER" : "NUMBER";
        else {
            std::vector<std::string> names;
            for (const auto& v : q.values)
                names.push_back(v.value);
            type_name = join(names, q.type == QuestionType::multi ? "," : "|");
        }
        CLI::Option* option =
            app.add_option("--" + q.key, flags.values[q.key], help)->type_name(type_name)->group("Answers");
        // A scalar given twice: the last one counts, as with later flags files.
        if (q.type != QuestionType::multi) option->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
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
        diagnostics.error({}, fmt::format("missing answer to '{}' ({}); give {} or set it in a --config file",
                                          q->key, q->prompt, flag_usage(*q)));
}

void add_color_flag(CLI::App& app, ColorMode& mode) {
    const std::map<std::string, ColorMode> modes{
        {"auto", ColorMode::automatic}, {"always", ColorMode::always}, {"never", ColorMode::never}};
    app.add_option("--color", mode,
                   "Colour the text output: auto (on a terminal, unless NO_COLOR is set), always, never")
        ->transform(CLI::CheckedTransformer(modes, CLI::ignore_case))
        ->type_name("WHEN");
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
    // Follow the terminal's width within reason; 80 columns elsewhere.
    struct winsize size {};
    if (::isatty(fd) == 1 && ::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        style.width = std::clamp<std::size_t>(size.ws_col, 50, 100);
    return style;
}

namespace {

// Unknown flags and stray arguments left over by CLI11, with a did-you-mean.
void report_extras(const CLI::App& app, Diagnostics& diagnostics) {
    const std::vector<std::string> extras = app.remaining();
    std::vector<std::string> names;
    for (const CLI::Option* option : app.get_options())
        for (const auto& name : option->get_lnames())
            names.push_back("--" + name);
    bool after_unknown_flag = false;
    for (const auto& extra : extras) {
        if (extra.rfind('-', 0) != 0) {
            // The value of an unknown flag is not a second problem.
            if (!after_unknown_flag)
                diagnostics.error({}, fmt::format("unexpected argument '{}'", shown(extra)));
            after_unknown_flag = false;
            continue;
        }
        const std::string flag = extra.substr(0, extra.find('='));
        after_unknown_flag = extra.find('=') == std::string::npos;
        std::string message = fmt::format("unknown flag '{}'", shown(flag));
        if (auto hint = did_you_mean(flag, names))
            message += fmt::format("; did you mean '{}'?", *hint);
        else
            message += fmt::format("; see 'makeorbuy {} --help'", app.get_name());
        diagnostics.error({}, message);
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
