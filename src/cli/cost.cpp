// makeorbuy cost: what each option would cost a month at your volume, and
// where the cheapest option changes.

#include "analysis_flags.hpp"
#include "common.hpp"

#include "makeorbuy/core/validate.hpp"
#include "makeorbuy/render/render_analysis.hpp"

#include <unistd.h>

namespace makeorbuy::cli {

namespace {

struct CostOptions {
    AnswerFlags answers;
    std::size_t format = 0; ///< row of cost_formats()
    ColorMode color = ColorMode::automatic;
    std::string prices_path;
    OutputTarget output;
    bool force = false;
};

void run_cost(const CostOptions& options, Diagnostics& diagnostics) {
    const RuleSet& rules = active_rules();

    // 1. Read the answers; only the volume is needed, every other answer may default.
    Answers answers = gather_answers(options.answers, rules, diagnostics);
    if (!answers.has("monthly-spend") && !answers.has("requests-per-month"))
        diagnostics.error(
            Location{"--monthly-spend"},
            "the cost model needs a volume: give --monthly-spend USD or --requests-per-month N");
    if (options.output.flag->count() > 0)
        check_new_file(options.output.path, "--output", options.force, diagnostics);
    diagnostics.throw_if_errors();
    fill_defaults(answers, rules);

    // 2. Price the options with the price table in force.
    CostReport cost = cost_report(answers, rules, active_prices(options.prices_path));
    date_prices(cost);

    // 3. Render to stdout or the --output file.
    const int fd = options.output.flag->count() > 0 ? -1 : STDOUT_FILENO; // a file is never a terminal
    write_result(options.output,
                 cost_formats()[options.format].render(cost, rules, answers, text_style(options.color, fd)),
                 options.force);
}

} // namespace

void setup_cost(CLI::App& app, ExitCode& /*result*/) {
    auto options = std::make_shared<CostOptions>();
    CLI::App* sub = app.add_subcommand(
        "cost", "Estimate each option's monthly cost at your volume, with break-even points");
    add_answer_flags(*sub, options->answers);
    add_format_flag(*sub, cost_formats(), options->format);
    add_color_flag(*sub, options->color);
    add_prices_flag(*sub, options->prices_path);
    add_output_flag(*sub, options->output);
    sub->add_flag("--force", options->force, "Let --output replace an existing file");
    sub->footer(R"(Examples:
  makeorbuy cost --monthly-spend 120k
  makeorbuy cost --requests-per-month 30M --tokens-in 2000 --tokens-out 400 --cost-profile lean
  makeorbuy cost --monthly-spend 80k --prices my-prices.json --format json
  makeorbuy cost --monthly-spend 120k --format html --output cost.html

Only the volume is needed: --monthly-spend (converted to requests at the
frontier model's price) or --requests-per-month. --cost-profile picks the
models, GPU prices and staffing of rules/prices.json (see rules/PRICES.md).)");
    on_run(*sub, [options](Diagnostics& diagnostics) { run_cost(*options, diagnostics); });
}

} // namespace makeorbuy::cli
