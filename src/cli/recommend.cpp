// makeorbuy recommend: gather answers, score the options, print the ranking.

#include "analysis_flags.hpp"
#include "common.hpp"

#include "makeorbuy/adr/adr.hpp"
#include "makeorbuy/analysis/analysis.hpp"
#include "makeorbuy/core/validate.hpp"
#include "makeorbuy/input/answer_files.hpp"
#include "makeorbuy/io/file_io.hpp"
#include "makeorbuy/report/report.hpp"
#include "makeorbuy/term/interview.hpp"

#include <sys/stat.h>
#include <unistd.h>

namespace makeorbuy::cli {

namespace {

struct RecommendOptions {
    AnswerFlags answers;
    std::size_t format = 0; ///< row of report_formats()
    ColorMode color = ColorMode::automatic;
    bool no_input = false;
    bool interactive = false;
    bool plain = false;
    std::string save_answers;
    CLI::Option* save_answers_flag = nullptr;
    bool force = false;
    OutputTarget output;
    AnalysisFlags analysis;
};

// A decision record from the interview's offer, as `adr new` writes it.
std::string write_decision_record(const Report& report, const std::string& title) {
    adr::NewRecord record;
    record.title = title;
    record.date = adr::today();
    record.revisit_if = revisit_triggers(report.answers, *report.rules);
    adr::settle_choice(record, report);
    return adr::write_record(report, record, adr::find_record_folder("."));
}

void run_recommend(const RecommendOptions& options, Diagnostics& diagnostics) {
    const RuleSet& rules = active_rules();

    // 1. Read the answers given as flags and in flags files; report every problem,
    //    including a --save-answers file that is already there (before any work).
    Answers answers = gather_answers(options.answers, rules, diagnostics);
    if (options.save_answers_flag != nullptr && options.save_answers_flag->count() > 0 &&
        options.save_answers.empty())
        diagnostics.error(Location{"--save-answers"}, "names no file; write --save-answers FILE");
    if (!options.save_answers.empty())
        check_new_file(options.save_answers, "--save-answers", options.force, diagnostics);
    if (options.output.flag->count() > 0)
        check_new_file(options.output.path, "--output", options.force, diagnostics);
    diagnostics.throw_if_errors();

    // 2. On a terminal, ask for what is still open; without one nothing may
    //    block: list what is missing.
    const auto prompting = options.no_input      ? interview::Prompting::never
                           : options.interactive ? interview::Prompting::insist
                                                 : interview::Prompting::automatic;
    std::optional<interview::Session> session;
    if (const auto mode = interview::choose_mode(prompting, options.plain)) {
        session.emplace(*mode, text_style(options.color, STDERR_FILENO));
        answers = session->ask(rules, answers);
    }
    report_missing(answers, rules, diagnostics);
    diagnostics.throw_if_errors();

    // 3. Score, with the defaults standing in for what nobody answered.
    fill_defaults(answers, rules);
    Report report = make_report(rules, std::move(answers));
    attach_analysis(report, options.analysis);

    // 4. Render to stdout or the --output file.
    const int fd = options.output.flag->count() > 0 ? -1 : STDOUT_FILENO; // a file is never a terminal
    write_result(options.output,
                 report_formats()[options.format].render(report, text_style(options.color, fd)),
                 options.force);

    // 5. Keep the answers for a replay with --config. A Ctrl-C at an offer
    //    from here on names what is already on disk.
    std::vector<std::string> written;
    try {
        if (!options.save_answers.empty()) {
            write_file_atomic(options.save_answers, write_flags_file(report.answers, rules),
                              options.force ? Overwrite::allowed : Overwrite::never);
            written.push_back(options.save_answers);
        } else if (session && session->asked_anything()) {
            if (auto path = interview::offer_save_answers(*session, report.answers, rules))
                written.push_back(std::move(*path));
        }

        // 6. Offer to record the decision, when a person is there to answer.
        if (session && session->asked_anything())
            interview::offer_decision_record(*session, [&report](const std::string& title) {
                return write_decision_record(report, title);
            });
    } catch (const Interrupted&) {
        throw Interrupted(std::move(written));
    }
}

} // namespace

void setup_recommend(CLI::App& app, ExitCode& /*result*/) {
    auto options = std::make_shared<RecommendOptions>();
    CLI::App* sub =
        app.add_subcommand("recommend", "Score the four options for your answers and explain the ranking");
    add_answer_flags(*sub, options->answers);
    add_format_flag(*sub, report_formats(), options->format);
    add_color_flag(*sub, options->color);
    CLI::Option* no_input = sub->add_flag("--no-input", options->no_input,
                                          "Never ask questions; fail listing any missing answer");
    sub->add_flag("--interactive", options->interactive,
                  "Insist on the interview (even with CI set); fail if stdin or stderr is not a terminal")
        ->excludes(no_input);
    sub->add_flag("--plain", options->plain,
                  "Interview line by line with numbered choices (also with TERM=dumb or ACCESSIBLE set); "
                  "suits screen readers");
    options->save_answers_flag = sub->add_option("--save-answers", options->save_answers,
                                                 "Write the answers to FILE as a flags file for --config")
                                     ->type_name("FILE");
    add_output_flag(*sub, options->output);
    sub->add_flag("--force", options->force, "Let --save-answers and --output replace an existing file");
    add_analysis_flags(*sub, options->analysis);
    sub->footer(R"(Examples:
  makeorbuy recommend --stage pre-pmf --monthly-spend 8000 --latency interactive \
      --compliance none --team-size 3
  makeorbuy recommend --config answers.toml --format json
  makeorbuy recommend --config answers.toml --monthly-spend 150k --format markdown > decision.md
  makeorbuy recommend --config base.toml --config team.json --save-answers replay.toml
  makeorbuy recommend --config answers.toml --format html --output decision.html

Answers come from flags first, then --config files (later files win), then the
interview, then the defaults. On a terminal (stdin and stderr) makeorbuy asks for
every answer still open; --no-input never asks. Values ignore case; numbers take 50k, 1.2M or $30,000.
`makeorbuy questions` lists every question and its allowed values.)");
    on_run(*sub, [options](Diagnostics& diagnostics) { run_recommend(*options, diagnostics); });
}

} // namespace makeorbuy::cli
