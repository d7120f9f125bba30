// makeorbuy adr list [PATH]...: the decisions portfolio, one row per
// makeorbuy record, each re-scored with today's rules as `adr check` does.

#include "adr_records.hpp"
#include "common.hpp"

#include "makeorbuy/adr/adr.hpp"
#include "makeorbuy/adr/adr_check.hpp"
#include "makeorbuy/core/text.hpp"
#include "makeorbuy/render/list_formats.hpp"

#include <fmt/format.h>

#include <memory>

namespace makeorbuy::cli {

namespace {

struct AdrListOptions {
    std::vector<std::string> paths;
    std::size_t format = 0; ///< row of adr::list_formats()
    std::string rules_path; ///< read by run(); kept for --help
};

ExitCode run_adr_list(const AdrListOptions& options) {
    // 1. The records: the paths given, or the repository's record folders (as adr check).
    const std::vector<std::string> paths = record_paths(options.paths);
    Diagnostics problems;
    const std::vector<std::string> files = adr::collect_files(paths, problems);

    // 2. Re-score each with today's rules; nothing is written to them.
    adr::CheckReport report;
    report.today = adr::today();
    const adr::CheckOptions check{report.today, adr::ProposedPolicy::allowed};
    report.records = check_with_progress(files, check, problems);
    adr::cap_findings(report.records);
    report.problems = problems.items();
    report.rules_label = active_rules().label();
    stamp(report);
    if (no_records(report) && report.problems.empty())
        print_diagnostic(
            {Location{},
             paths.empty()
                 ? "no decision-record folder here; nothing to list"
                 : fmt::format("no makeorbuy decision records under {}; nothing to list", join(paths, ", ")),
             Severity::note});

    // 3. The portfolio. A listing fails only when a path cannot be read.
    write_stdout(adr::list_formats()[options.format].render(report));
    return report.exit_code() == ExitCode::usage ? ExitCode::usage : ExitCode::ok;
}

} // namespace

void setup_adr_list(CLI::App& adr, ExitCode& result) {
    auto options = std::make_shared<AdrListOptions>();
    CLI::App* sub = adr.add_subcommand(
        "list", "List the decision records under PATH, each re-scored with today's rules: a decision log");
    sub->add_option("PATH", options->paths,
                    "Files or folders to list (default: the repository's record folders, as for adr check)")
        ->type_name("PATH");
    add_format_flag(*sub, adr::list_formats(), options->format);
    sub->add_option("--rules", options->rules_path,
                    "Re-score with this rules table instead of the built-in one")
        ->type_name("FILE");
    sub->footer(R"(Examples:
  makeorbuy adr list
  makeorbuy adr list docs/decisions --format markdown > decision-log.md
  makeorbuy adr list --format json | jq '.records[] | select(.verdict != "passed")'

One row per makeorbuy record (files without a makeorbuy block are left out):
path, title, status, date, chosen, recommended now (today's rules), verdict
(passed, warning, error, or skipped by its status, as adr check finds it),
review-by and the number of findings; `makeorbuy adr check` shows the findings.
MAKEORBUY_TODAY=YYYY-MM-DD sets today's date (for reproducible output).

Exit codes: 0 listed (whatever the verdicts); 2 bad flags or a path that cannot be
read.)");
    on_run(*sub, [options, &result] { result = run_adr_list(*options); });
}

} // namespace makeorbuy::cli
