// The verdict of `adr check`: what each record came to and the exit code.

#include "makeorbuy/report/check_report.hpp"

#include <algorithm>

namespace makeorbuy::adr {

const char* outcome_name(Outcome o) {
    switch (o) {
    case Outcome::passed:
        return "passed";
    case Outcome::warning:
        return "warning";
    case Outcome::error:
        return "error";
    case Outcome::skipped:
        return "skipped";
    case Outcome::other:
        return "other";
    }
    return "other";
}

Outcome outcome(const RecordResult& record) {
    switch (record.state) {
    case RecordState::other:
        return Outcome::other;
    case RecordState::skipped:
        // A retired record is not re-scored, but its successor link is checked.
        if (record.has(Severity::error)) return Outcome::error;
        if (record.has(Severity::warning)) return Outcome::warning;
        return Outcome::skipped;
    case RecordState::checked:
        break;
    }
    if (record.has(Severity::error)) return Outcome::error;
    if (record.has(Severity::warning)) return Outcome::warning;
    return Outcome::passed;
}

const char* to_string(FailOn fail_on) {
    switch (fail_on) {
    case FailOn::error:
        return "error";
    case FailOn::warning:
        return "warning";
    case FailOn::never:
        return "never";
    }
    return "error";
}

bool CheckReport::fails(const Finding& finding) const {
    switch (fail_on) {
    case FailOn::error:
        return finding.severity == Severity::error;
    case FailOn::warning:
        return finding.severity != Severity::note;
    case FailOn::never:
        return false;
    }
    return false;
}

bool CheckReport::fails(const RecordResult& record) const {
    // Findings past the caps count as much as those kept.
    if (fail_on != FailOn::never && record.omitted_errors > 0) return true;
    if (fail_on == FailOn::warning && record.omitted_warnings > 0) return true;
    return std::any_of(record.findings.begin(), record.findings.end(),
                       [this](const Finding& f) { return fails(f); });
}

ExitCode CheckReport::exit_code() const {
    if (std::any_of(problems.begin(), problems.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::error; }))
        return ExitCode::usage;
    return std::any_of(records.begin(), records.end(), [this](const RecordResult& r) { return fails(r); })
               ? ExitCode::findings
               : ExitCode::ok;
}

} // namespace makeorbuy::adr
