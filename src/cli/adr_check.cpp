// makeorbuy adr check [PATH]...: re-score every decision record under the
// paths with today's rules and report where a decision no longer follows.

#include "adr_check_outputs.hpp"
#include "adr_records.hpp"
#include "common.hpp"

#include "makeorbuy/adr/adr.hpp"
#include "makeorbuy/adr/adr_check.hpp"
#include "makeorbuy/core/echo.hpp"
#include "makeorbuy/core/price_dates.hpp"
#include "makeorbuy/core/text.hpp"
#include "makeorbuy/io/file_io.hpp"
#include "makeorbuy/render/check_formats.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace makeorbuy::cli {

namespace {

struct AdrCheckOptions {
    std::vector<std::string> paths;
    std::vector<std::string> formats;
    std::string fail_on = "error";
    bool no_proposed = false;
    bool require_records = false;
    bool force = false;
    bool verbose = false;
    std::string rules_path; ///< read by run(); kept for --help
};

// --fail-on takes exactly its three words (no numbers, no CLI11 map).
adr::FailOn parse_fail_on(const std::string& text) {
    const std::map<std::string, adr::FailOn> words{
        {"error", adr::FailOn::error}, {"warning", adr::FailOn::warning}, {"never", adr::FailOn::never}};
    if (const auto found = words.find(to_lower(text)); found != words.end()) return found->second;
    throw Error(Location{"--fail-on"}, with_hint(fmt::format("unknown level '{}'", shown(text)),
                                                 to_lower(text), {"error", "warning", "never"}) +
                                           " (levels: error, warning, never)");
}

// A notice on each re-scored record when the price table its cost figures
// came from holds a price more than k_prices_stale_after_days old.
void notice_stale_prices(adr::CheckReport& report, const PriceTable* prices) {
    if (prices == nullptr) return;
    const std::string oldest = oldest_price(*prices);
    const std::optional<long> age = days_between(oldest, report.today);
    if (!age || !prices_stale(*age)) return;
    const std::string message =
        fmt::format("re-scored with a price table whose oldest price is from {}, {} days ago (more than {}); "
                    "see `makeorbuy prices show`",
                    oldest, *age, k_prices_stale_after_days);
    for (adr::RecordResult& r : report.records)
        if (r.state == adr::RecordState::checked && r.findings.size() < adr::k_max_findings_per_record)
            r.findings.push_back(adr::Finding{adr::FindingKind::prices_stale, Severity::note,
                                              Location{r.path, 1, 1}, message});
}

// GitHub's step summary is a regular file; anything else (a FIFO, a device)
// is not waited on or written. Failing to append is a warning: the check's
// own result stands.
void append_step_summary(const adr::CheckReport& report) {
    const char* path = std::getenv("GITHUB_STEP_SUMMARY");
    if (path == nullptr || *path == '\0') return;
    const auto warn = [path](const std::string& why) {
        print_diagnostic({Location{path}, "cannot append to GITHUB_STEP_SUMMARY: " + why, Severity::warning});
    };
    const int fd = ::open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0644);
    if (fd < 0) {
        warn(errno == ENXIO ? "it is a FIFO that nobody is reading (a step summary is a regular file)"
                            : std::strerror(errno));
        return;
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        warn("it is not a regular file");
        return;
    }
    const std::string text = adr::render_step_summary(report);
    std::string_view rest = text;
    while (!rest.empty()) {
        const ssize_t n = ::write(fd, rest.data(), rest.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int error = n < 0 ? errno : ENOSPC;
            ::close(fd);
            warn(std::strerror(error));
            return;
        }
        rest.remove_prefix(static_cast<std::size_t>(n));
    }
    if (::close(fd) != 0) warn(std::strerror(errno));
}

ExitCode run_adr_check(const AdrCheckOptions& options) {
    const std::vector<CheckOutput> outputs = parse_check_outputs(options.formats);
    const adr::FailOn fail_on = parse_fail_on(options.fail_on);

    // 1. What to read: the paths given, or the repository's record folders. A
    //    repository with none yet passes (CI on the first commit) unless told not to.
    const std::vector<std::string> paths = record_paths(options.paths);
    if (paths.empty() && options.require_records)
        throw Error(Location{},
                    "no decision-record folder here and --require-records is set (looked for "
                    ".adr-dir, the log4brains config and the usual folders such as docs/decisions, "
                    "docs/adr, doc/adr); name one: makeorbuy adr check PATH");
    Diagnostics problems;
    const std::vector<std::string> files = adr::collect_files(paths, problems);
    std::vector<std::string> inputs = paths;
    inputs.insert(inputs.end(), files.begin(), files.end());
    refuse_unsafe_outputs(outputs, inputs,
                          options.force ? ReplacePolicy::force : ReplacePolicy::earlier_report);

    // 2. Check every file; nothing is ever written to them.
    adr::CheckReport report;
    report.today = adr::today();
    adr::CheckOptions check{report.today,
                            options.no_proposed ? adr::ProposedPolicy::error : adr::ProposedPolicy::allowed};
    report.records = check_with_progress(files, check, problems);
    notice_stale_prices(report, active_rules().prices);
    adr::cap_findings(report.records);
    report.problems = problems.items();
    report.rules_label = active_rules().label();
    report.fail_on = fail_on;
    report.list_other = options.verbose || std::none_of(paths.begin(), paths.end(), [](const std::string& p) {
                            struct stat info {};
                            return ::stat(p.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
                        });
    stamp(report);
    if (no_records(report) && report.problems.empty()) {
        const std::string where = paths.empty() ? "no decision-record folder here"
                                                : fmt::format("none under {}", join(paths, ", "));
        if (options.require_records)
            throw Error(Location{}, fmt::format("no makeorbuy decision records found ({}) and "
                                                "--require-records is set; write one with makeorbuy adr new",
                                                where));
        print_diagnostic({Location{},
                          fmt::format("no makeorbuy decision records yet ({}); nothing to check", where),
                          Severity::note});
    }

    // 3. Render each format where it was asked to go, and the step summary on GitHub.
    for (const auto& output : outputs) {
        const std::string text = adr::render_check(report, output.format);
        if (output.path.empty())
            write_stdout(text);
        else
            write_file_atomic(output.path, text, Overwrite::allowed); // checked above: an earlier report
    }
    append_step_summary(report);
    return report.exit_code();
}

} // namespace

void setup_adr_check(CLI::App& adr, ExitCode& result) {
    auto options = std::make_shared<AdrCheckOptions>();
    CLI::App* sub =
        adr.add_subcommand("check", "Re-score every decision record under PATH with today's rules and "
                                    "report where a decision no longer follows; never modifies a file");
    sub->add_option("PATH", options->paths,
                    "Files or folders to check (default: the repository's record folders; see "
                    "'makeorbuy adr new --help')")
        ->type_name("PATH");
    const std::vector<std::string> names = format_names(adr::check_formats());
    sub->add_option("--format", options->formats,
                    fmt::format("Output format {} or {} (Code Quality); FMT=PATH writes it to a file, FMT=- "
                                "to stdout (repeatable)",
                                join({names.begin(), names.end() - 1}, ", "), names.back()))
        ->type_name("FMT[=PATH]")
        ->allow_extra_args(false); // one value per --format: the paths after it stay paths
    sub->add_option("--fail-on", options->fail_on,
                    "Exit 1 on findings of this severity or worse [default: error]")
        ->type_name("error|warning|never");
    sub->add_flag("--no-proposed", options->no_proposed,
                  "A record still proposed is an error (for a main-branch gate)");
    sub->add_flag(
        "--force", options->force,
        "Let --format FMT=PATH replace an existing file that is not an earlier report (never a file "
        "being checked)");
    sub->add_flag("--require-records", options->require_records,
                  "Exit 2 when there is no record folder or no makeorbuy record (default: a note, exit 0)");
    sub->add_flag("-v,--verbose", options->verbose, "Also list the files that are not makeorbuy records");
    sub->add_option("--rules", options->rules_path, "Check with this rules table instead of the built-in one")
        ->type_name("FILE");
    sub->footer(R"(Examples:
  makeorbuy adr check
  makeorbuy adr check docs/decisions --no-proposed
  makeorbuy adr check --format github --format sarif=makeorbuy.sarif
  makeorbuy adr check --format junit=makeorbuy-junit.xml --fail-on warning

Findings: malformed-block, invalid-answer, chosen-excluded, chosen-not-recommended,
successor-missing (errors); chosen-overridden, rules-changed, answers-edited,
review-overdue, chosen-not-robust, successor-no-backlink (warnings); review-due
(a note: review-by within 30 days); proposed (an error under --no-proposed).
Records whose status is superseded, deprecated or rejected are not re-scored, and
files without a makeorbuy block in their front matter are skipped. A superseded
record's successor (`superseded by ADR-0005`, `Superseded by [5. X](0005-x.md)`, or
a superseded-by key) must exist beside it and should link back (a supersedes key or
a "Supersedes ..." line naming it).
A file with a makeorbuy block the check cannot read (not in front matter on line 1,
UTF-16) is a malformed-block error, never skipped. With no record folder or no
makeorbuy record the check passes with a note (--require-records: exit 2), and the
report files are still written. FMT=PATH never writes over a file being checked, and
replaces an existing file only when it is an earlier report of that format (--force
for any other regular file).
When GITHUB_STEP_SUMMARY is set, a table of the results is appended to it.
MAKEORBUY_TODAY=YYYY-MM-DD sets today's date (for reproducible output).

Exit codes: 0 nothing at or above --fail-on; 1 a record fails; 2 bad flags or a path
that cannot be read.)");
    on_run(*sub, [options, &result] { result = run_adr_check(*options); });
}

} // namespace makeorbuy::cli
