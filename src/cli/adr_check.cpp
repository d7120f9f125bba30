// makeorbuy adr check [PATH]...: re-score every decision record under the
// paths with today's rules and report where a decision no longer follows.

#include "common.hpp"

#include "makeorbuy/adr.hpp"
#include "makeorbuy/adr_report.hpp"
#include "makeorbuy/echo.hpp"
#include "makeorbuy/file_io.hpp"
#include "makeorbuy/text.hpp"

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
    adr::FailOn fail_on = adr::FailOn::error;
    bool no_proposed = false;
    bool verbose = false;
    std::string rules_path; ///< read by run(); kept for --help
};

struct Output {
    adr::CheckFormat format;
    std::string path; ///< empty: stdout
};

const std::map<std::string, adr::CheckFormat> k_formats{{"text", adr::CheckFormat::text},
                                                        {"json", adr::CheckFormat::json},
                                                        {"junit", adr::CheckFormat::junit},
                                                        {"github", adr::CheckFormat::github},
                                                        {"sarif", adr::CheckFormat::sarif}};

// "--format github --format sarif=results.sarif": at most one goes to stdout.
std::vector<Output> parse_outputs(const std::vector<std::string>& specs) {
    std::vector<Output> outputs;
    Diagnostics problems;
    std::vector<std::string> names;
    names.reserve(k_formats.size());
    for (const auto& [name, format] : k_formats)
        names.push_back(name);
    for (const auto& spec : specs) {
        const auto equals = spec.find('=');
        const std::string name = to_lower(spec.substr(0, equals));
        const auto found = k_formats.find(name);
        if (found == k_formats.end()) {
            std::string message = fmt::format("unknown format '{}'", shown(name));
            if (auto hint = did_you_mean(name, names)) message += fmt::format("; did you mean '{}'?", *hint);
            problems.error(Location{"--format"}, message + fmt::format(" (formats: {})", join(names, ", ")));
            continue;
        }
        Output output{found->second, equals == std::string::npos ? "" : spec.substr(equals + 1)};
        if (equals != std::string::npos && output.path.empty())
            problems.error(Location{"--format"},
                           fmt::format("'{}' names no file; write {}=PATH", shown(spec), name));
        if (output.path == "-") output.path.clear(); // FMT=- is stdout, as FMT alone
        outputs.push_back(output);
    }
    if (std::count_if(outputs.begin(), outputs.end(), [](const Output& o) { return o.path.empty(); }) > 1)
        problems.error(Location{"--format"},
                       "more than one format goes to stdout; send the others to files with "
                       "--format FMT=PATH");
    problems.throw_if_errors();
    if (outputs.empty()) outputs.push_back(Output{adr::CheckFormat::text, ""});
    return outputs;
}

// A progress line on a terminal while a large tree is checked.
std::vector<adr::RecordResult> check_with_progress(const std::vector<std::string>& files,
                                                   const adr::CheckOptions& check, Diagnostics& problems) {
    std::atomic<std::size_t> done{0};
    if (files.size() < 500 || ::isatty(STDERR_FILENO) != 1)
        return adr::check_files(files, active_rules(), check, problems, done);
    std::vector<adr::RecordResult> results;
    std::atomic<bool> finished{false};
    std::thread worker([&] {
        results = adr::check_files(files, active_rules(), check, problems, done);
        finished = true;
    });
    while (!finished) {
        std::fprintf(stderr, "\rmakeorbuy: checked %zu of %zu files", done.load(), files.size());
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    worker.join();
    std::fputs("\r\033[K", stderr);
    return results;
}

void stamp(adr::CheckReport& report) {
    if (const char* pinned = std::getenv("MAKEORBUY_TODAY"); pinned != nullptr && *pinned != '\0') {
        report.timestamp = report.today + "T00:00:00";
        report.hostname = "localhost";
        return;
    }
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    ::localtime_r(&now, &local);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &local);
    report.timestamp = buffer;
    char host[256] = {};
    report.hostname = ::gethostname(host, sizeof host - 1) == 0 && host[0] != '\0' ? host : "localhost";
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

int run_adr_check(const AdrCheckOptions& options) {
    const std::vector<Output> outputs = parse_outputs(options.formats);

    // 1. What to read: the paths given, or the repository's record folders.
    std::vector<std::string> paths = options.paths;
    if (paths.empty()) {
        paths = adr::existing_record_folders(".");
        if (paths.empty())
            throw Error(Location{},
                        "no decision-record folder here (looked for .adr-dir, docs/decisions, docs/adr "
                        "and doc/adr at the repository root); name one: makeorbuy adr check PATH");
    }
    Diagnostics problems;
    const std::vector<std::string> files = adr::collect_files(paths, problems);

    // 2. Check every file; nothing is ever written to them.
    adr::CheckReport report;
    report.today = adr::today();
    adr::CheckOptions check{report.today,
                            options.no_proposed ? adr::ProposedPolicy::error : adr::ProposedPolicy::allowed};
    report.records = check_with_progress(files, check, problems);
    adr::cap_findings(report.records);
    report.problems = problems.items();
    report.rules_label = active_rules().label();
    report.fail_on = options.fail_on;
    report.list_other = options.verbose || std::none_of(paths.begin(), paths.end(), [](const std::string& p) {
                            struct stat info {};
                            return ::stat(p.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
                        });
    stamp(report);

    // 3. Render each format where it was asked to go, and the step summary on GitHub.
    for (const auto& output : outputs) {
        const std::string text = adr::render_check(report, output.format);
        if (output.path.empty())
            write_stdout(text);
        else
            write_file_atomic(output.path, text, Overwrite::allowed);
    }
    append_step_summary(report);
    return report.exit_code();
}

} // namespace

void setup_adr_check(CLI::App& adr) {
    auto options = std::make_shared<AdrCheckOptions>();
    CLI::App* sub =
        adr.add_subcommand("check", "Re-score every decision record under PATH with today's rules and "
                                    "report where a decision no longer follows; never modifies a file");
    sub->add_option("PATH", options->paths,
                    "Files or folders to check (default: the repository's .adr-dir, docs/decisions, "
                    "docs/adr, doc/adr)")
        ->type_name("PATH");
    sub->add_option(
           "--format", options->formats,
           "Output format text, json, junit, github or sarif; FMT=PATH writes it to a file, FMT=- to "
           "stdout (repeatable)")
        ->type_name("FMT[=PATH]");
    const std::map<std::string, adr::FailOn> fail_on{
        {"error", adr::FailOn::error}, {"warning", adr::FailOn::warning}, {"never", adr::FailOn::never}};
    sub->add_option("--fail-on", options->fail_on,
                    "Exit 1 on findings of this severity or worse [default: error]")
        ->transform(CLI::CheckedTransformer(fail_on, CLI::ignore_case))
        ->type_name("error|warning|never");
    sub->add_flag("--no-proposed", options->no_proposed,
                  "A record still proposed is an error (for a main-branch gate)");
    sub->add_flag("-v,--verbose", options->verbose, "Also list the files that are not makeorbuy records");
    sub->add_option("--rules", options->rules_path, "Check with this rules table instead of the built-in one")
        ->type_name("FILE");
    sub->footer(R"(Examples:
  makeorbuy adr check
  makeorbuy adr check docs/decisions --no-proposed
  makeorbuy adr check --format github --format sarif=makeorbuy.sarif
  makeorbuy adr check --format junit=makeorbuy-junit.xml --fail-on warning

Findings: malformed-block, invalid-answer, chosen-excluded, chosen-not-recommended
(errors); chosen-overridden, rules-changed, review-overdue (warnings); proposed (an
error under --no-proposed). Records whose status is superseded, deprecated or rejected
are skipped, and so are files without a makeorbuy block in their front matter.
When GITHUB_STEP_SUMMARY is set, a table of the results is appended to it.
MAKEORBUY_TODAY=YYYY-MM-DD sets today's date (for reproducible output).

Exit codes: 0 nothing at or above --fail-on; 1 a record fails; 2 bad flags or a path
that cannot be read.)");
    on_run(*sub, [options] { set_exit_code(static_cast<ExitCode>(run_adr_check(*options))); });
}

} // namespace makeorbuy::cli
