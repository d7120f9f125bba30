// makeorbuy adr new TITLE: gather answers, score them, write the next
// numbered MADR 4 record with the answers and the choice in its front matter.

#include "analysis_flags.hpp"
#include "common.hpp"

#include "makeorbuy/adr/adr.hpp"
#include "makeorbuy/analysis/analysis.hpp"
#include "makeorbuy/core/validate.hpp"
#include "makeorbuy/report/report.hpp"

#include "makeorbuy/core/echo.hpp"
#include "makeorbuy/render/render.hpp"

#include <fmt/format.h>

#include <sys/stat.h>
#include <unistd.h>

namespace makeorbuy::cli {

namespace {

struct AdrNewOptions {
    AnswerFlags answers;
    std::string title;
    std::string dir;
    std::string name_style; ///< empty: the folder's own
    bool no_input = false;  ///< accepted for scripts shared with recommend: adr new never asks
    bool html = false;      ///< write the HTML report beside the record
    adr::NewRecord record;
};

// --dir must name a folder or a place to make one: a symbolic link to nothing
// would otherwise fail with "File exists".
void check_dir(const std::string& dir, Diagnostics& diagnostics) {
    struct stat entry {};
    struct stat target {};
    if (dir.empty() || ::lstat(dir.c_str(), &entry) != 0) return;
    if (S_ISLNK(entry.st_mode) && ::stat(dir.c_str(), &target) != 0) {
        std::string points_to(4096, '\0');
        const ssize_t n = ::readlink(dir.c_str(), points_to.data(), points_to.size());
        points_to.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
        diagnostics.error(Location{dir},
                          fmt::format("is a symbolic link to '{}', which does not exist; create "
                                      "that folder, or name another with --dir",
                                      shown(points_to, 200)));
    } else if (::stat(dir.c_str(), &target) == 0 && !S_ISDIR(target.st_mode)) {
        diagnostics.error(Location{dir}, "is not a folder; name a folder (or a new one) with --dir");
    }
}

void run_adr_new(AdrNewOptions options, Diagnostics& diagnostics) {
    const RuleSet& rules = active_rules();
    check_dir(options.dir, diagnostics);

    // 1. Answers from flags and flags files; without a person to ask, every required one must be there.
    Answers answers = gather_answers(options.answers, rules, diagnostics);
    report_missing(answers, rules, diagnostics);
    diagnostics.throw_if_errors();

    // 2. Score, then settle what the team chose against what the rules recommend.
    fill_defaults(answers, rules);
    const Report report = make_report(rules, std::move(answers));
    options.record.title = options.title;
    options.record.date = adr::today();
    options.record.revisit_if = revisit_triggers(report.answers, rules);
    adr::settle_choice(options.record, report);
    if (options.html) { // the report as `recommend --format html` prints it, with its analyses and cost
        Report full = report;
        attach_analysis(full, AnalysisFlags{});
        options.record.report_html = render_html(full);
    }

    // 3. Write the next numbered record where the repository keeps them; never replace a file.
    //    Say what was detected, so a surprise is seen at once; --dir and --name-style override.
    const adr::RecordFolder folder =
        options.dir.empty() ? adr::locate_record_folder(".") : adr::RecordFolder{options.dir, "--dir"};
    std::string detected;
    adr::NameStyle style = adr::detect_name_style(folder.path, detected);
    if (!options.name_style.empty()) {
        style = adr::parse_name_style(options.name_style);
        detected = "--name-style";
    }
    print_diagnostic(
        {Location{},
         fmt::format("writing to {} ({}) as {} ({})", folder.path, folder.how, style.example(), detected),
         Severity::note});
    write_stdout(adr::write_record(report, options.record, folder.path, style) + "\n");
}

} // namespace

void setup_adr_new(CLI::App& adr) {
    auto options = std::make_shared<AdrNewOptions>();
    CLI::App* sub =
        adr.add_subcommand("new", "Write the next numbered decision record (MADR 4) with the answers and "
                                  "the recommendation in its front matter; print its path");
    sub->add_option("TITLE", options->title,
                    "The decision's title, e.g. \"Use a frontier API for support triage\"")
        ->required()
        ->type_name("TITLE");
    add_answer_flags(*sub, options->answers);
    sub->add_option(
           "--dir", options->dir,
           "Write into DIR (default: the folder named by .adr-dir or .log4brains.yml, else the usual folder "
           "holding records such as docs/decisions, docs/adr, doc/adr, docs/adrs, adr, decision-records, "
           "else the folder holding most numbered records, else docs/decisions)")
        ->type_name("DIR");
    sub->add_option("--name-style", options->name_style,
                    "Name the record like this sample instead of the folder's own style: 0001, 001, 1, "
                    "ADR-001, YYYYMMDD or YYYY-MM-DD")
        ->type_name("SAMPLE");
    sub->add_flag("--no-input", options->no_input,
                  "Never ask (adr new never does; accepted so scripts can pass it as to recommend)");
    sub->add_flag("--html", options->html,
                  "Also write the HTML report (as recommend --format html) beside the record, named like it "
                  "with .html, and link it from the record");
    sub->add_option("--status", options->record.status, "The record's status [default: proposed]")
        ->type_name("STATUS");
    sub->add_option("--chosen", options->record.chosen,
                    "The option the team chose, if not the recommendation (needs --override-reason)")
        ->type_name("OPTION");
    sub->add_option("--override-reason", options->record.override_reason,
                    "Why the team chose otherwise than the recommendation")
        ->type_name("TEXT");
    sub->add_option("--review-by", options->record.review_by,
                    "Date by which to review the decision (YYYY-MM-DD)")
        ->type_name("DATE");
    sub->footer(R"(Examples:
  makeorbuy adr new "Model for support triage" --config answers.toml
  makeorbuy adr new "Model for support triage" --config answers.toml --review-by 2027-05-29
  makeorbuy adr new "Model for support triage" --config answers.toml --html
  makeorbuy adr new "Keep the frontier API" --config answers.toml \
      --chosen frontier-api --override-reason "Contract runs until 2027"

The record goes where the repository keeps its records and is named like them
(ADR-064-…, 027-…, 9-…, 20260601-… or 2026-06-01-…), numbered after the highest
existing one; a note on stderr says what was detected. A number is claimed with an
exclusive lock file, so concurrent runs never share one. It never replaces a file.
`makeorbuy adr check` then re-scores it in CI. MAKEORBUY_TODAY=YYYY-MM-DD sets the date
written (for reproducible output).)");
    on_run(*sub, [options](Diagnostics& diagnostics) { run_adr_new(*options, diagnostics); });
}

} // namespace makeorbuy::cli
