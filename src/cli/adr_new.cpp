// makeorbuy adr new TITLE: gather answers, score them, write the next
// numbered MADR 4 record with the answers and the choice in its front matter.

#include "common.hpp"

#include "makeorbuy/adr.hpp"
#include "makeorbuy/analysis.hpp"
#include "makeorbuy/report.hpp"
#include "makeorbuy/validate.hpp"

#include "makeorbuy/echo.hpp"

#include <fmt/format.h>

#include <sys/stat.h>
#include <unistd.h>

namespace makeorbuy::cli {

namespace {

struct AdrNewOptions {
    AnswerFlags answers;
    std::string title;
    std::string dir;
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

    // 3. Write the next numbered record where the repository keeps them; never replace a file.
    const std::string folder = options.dir.empty() ? adr::find_record_folder(".") : options.dir;
    write_stdout(adr::write_record(report, options.record, folder) + "\n");
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
           "Write into DIR (default: .adr-dir, else docs/adr or doc/adr if one exists, else docs/decisions, "
           "at the repository root)")
        ->type_name("DIR");
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
  makeorbuy adr new "Keep the frontier API" --config answers.toml \
      --chosen frontier-api --override-reason "Contract runs until 2027"

The record is docs/decisions/NNNN-title-with-dashes.md (or the folder the repository
already uses), numbered after the highest existing one. It never replaces a file.
`makeorbuy adr check` then re-scores it in CI. MAKEORBUY_TODAY=YYYY-MM-DD sets the date
written (for reproducible output).)");
    on_run(*sub, [options](Diagnostics& diagnostics) { run_adr_new(*options, diagnostics); });
}

} // namespace makeorbuy::cli
