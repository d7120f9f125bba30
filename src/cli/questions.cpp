// makeorbuy questions: every question with its allowed answers and help.

#include "common.hpp"

#include <unistd.h>

namespace makeorbuy::cli {

namespace {

struct QuestionsOptions {
    std::size_t format = 0; ///< row of questions_formats()
    ColorMode color = ColorMode::automatic;
    std::string rules_path; ///< consumed by run() before parsing; kept for --help
};

} // namespace

void setup_questions(CLI::App& app, ExitCode& /*result*/) {
    auto options = std::make_shared<QuestionsOptions>();
    CLI::App* sub =
        app.add_subcommand("questions", "List every question: key, allowed values or range, default, help");
    add_format_flag(*sub, questions_formats(), options->format);
    // Bound to the options, which outlive parsing (a local here would be written after it is gone).
    sub->add_option("--rules", options->rules_path, "List the questions of this rules table")
        ->type_name("FILE");
    add_color_flag(*sub, options->color);
    sub->footer(R"(Examples:
  makeorbuy questions
  makeorbuy questions --format json | jq '.questions[].key'
  makeorbuy questions --rules my-rules.json)");
    on_run(*sub, [options] {
        write_stdout(questions_formats()[options->format].render(active_rules(),
                                                                 text_style(options->color, STDOUT_FILENO)));
    });
}

} // namespace makeorbuy::cli
