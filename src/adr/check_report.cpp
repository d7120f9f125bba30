// The check's verdict, and the formats meant for people: text, JSON and the
// GitHub step summary.

#include "makeorbuy/adr_report.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace makeorbuy::adr {

namespace {

struct Counts {
    std::size_t errors = 0, warnings = 0, passed = 0, skipped = 0, other = 0;
};

Counts count(const CheckReport& report) {
    Counts c;
    for (const auto& r : report.records) {
        switch (outcome(r)) {
        case Outcome::error:
            ++c.errors;
            break;
        case Outcome::warning:
            ++c.warnings;
            break;
        case Outcome::passed:
            ++c.passed;
            break;
        case Outcome::skipped:
            ++c.skipped;
            break;
        case Outcome::other:
            ++c.other;
            break;
        }
    }
    return c;
}

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

std::string finding_line(const Finding& f) {
    return fmt::format("{}: {}: {} [{}]", f.where.to_string(), to_string(f.severity), f.message,
                       info(f.kind).id);
}

std::string cell(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '|')
            out += "\\|";
        else if (c == '\n' || c == '\r')
            out += ' ';
        else
            out += c;
    }
    return out;
}

} // namespace

Outcome outcome(const RecordResult& record) {
    switch (record.state) {
    case RecordState::other:
        return Outcome::other;
    case RecordState::skipped:
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
    return std::any_of(record.findings.begin(), record.findings.end(),
                       [this](const Finding& f) { return fails(f); });
}

int CheckReport::exit_code() const {
    if (std::any_of(problems.begin(), problems.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::error; }))
        return 2;
    return std::any_of(records.begin(), records.end(), [this](const RecordResult& r) { return fails(r); })
               ? 1
               : 0;
}

std::string summary_line(const CheckReport& report) {
    const Counts c = count(report);
    std::string line = fmt::format(
        "{} record{} checked: {} with errors, {} with warnings, {} passed", c.errors + c.warnings + c.passed,
        c.errors + c.warnings + c.passed == 1 ? "" : "s", c.errors, c.warnings, c.passed);
    line += fmt::format("; {} skipped by status; {} other file{} skipped (not makeorbuy records)", c.skipped,
                        c.other, c.other == 1 ? "" : "s");
    const auto unreadable = std::count_if(report.problems.begin(), report.problems.end(),
                                          [](const Diagnostic& d) { return d.severity == Severity::error; });
    if (unreadable > 0)
        line += fmt::format("; {} path{} could not be read", unreadable, unreadable == 1 ? "" : "s");
    return line;
}

std::string render_check_text(const CheckReport& report) {
    std::string out;
    for (const auto& r : report.records) {
        switch (outcome(r)) {
        case Outcome::passed:
            out += fmt::format("{}: ok (chosen {})\n", r.path, r.chosen);
            break;
        case Outcome::skipped:
            out += fmt::format("{}: skipped: {}\n", r.path, r.note);
            break;
        case Outcome::other:
            if (report.list_other) out += fmt::format("{}: skipped: {}\n", r.path, r.note);
            break;
        case Outcome::warning:
        case Outcome::error:
            for (const auto& f : r.findings)
                out += finding_line(f) + "\n";
            break;
        }
    }
    for (const auto& p : report.problems)
        out += fmt::format("{}: {}: {}\n", p.where.to_string(), to_string(p.severity), p.message);
    return out + summary_line(report) + "\n";
}

std::string render_check_json(const CheckReport& report) {
    using Json = nlohmann::ordered_json;
    const Counts c = count(report);
    Json records = Json::array();
    for (const auto& r : report.records) {
        Json record{{"file", r.path}, {"result", outcome_name(outcome(r))}};
        if (!r.status.empty()) record["status"] = r.status;
        if (!r.note.empty()) record["note"] = r.note;
        if (!r.chosen.empty()) record["chosen"] = r.chosen;
        if (!r.recommended_now.empty()) record["recommended_now"] = r.recommended_now;
        if (r.state == RecordState::checked) {
            Json findings = Json::array();
            for (const auto& f : r.findings)
                findings.push_back(Json{{"rule", info(f.kind).id},
                                        {"severity", to_string(f.severity)},
                                        {"fails", report.fails(f)},
                                        {"line", f.where.line},
                                        {"column", f.where.column},
                                        {"message", f.message}});
            record["findings"] = findings;
        }
        records.push_back(record);
    }
    Json problems = Json::array();
    for (const auto& p : report.problems)
        problems.push_back(
            Json{{"severity", to_string(p.severity)}, {"file", p.where.file.str()}, {"message", p.message}});
    Json doc{{"schema", "makeorbuy.adr-check/1"},
             {"tool", {{"name", "makeorbuy"}, {"version", MAKEORBUY_VERSION}}},
             {"rules", report.rules_label},
             {"today", report.today},
             {"fail_on", to_string(report.fail_on)},
             {"exit_code", report.exit_code()},
             {"summary",
              {{"checked", c.errors + c.warnings + c.passed},
               {"errors", c.errors},
               {"warnings", c.warnings},
               {"passed", c.passed},
               {"skipped", c.skipped},
               {"other", c.other}}},
             {"records", records},
             {"problems", problems}};
    // A record may hold invalid UTF-8, quoted in a message: replace it rather than throw (found by fuzz_adr).
    return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string render_step_summary(const CheckReport& report) {
    std::string out = "### makeorbuy adr check\n\n| Record | Result | Finding |\n|---|---|---|\n";
    for (const auto& r : report.records) {
        const Outcome o = outcome(r);
        if (o == Outcome::other) continue;
        const char* mark = o == Outcome::error     ? "❌ error"
                           : o == Outcome::warning ? "⚠️ warning"
                           : o == Outcome::skipped ? "⏭️ skipped"
                                                   : "✅ passed";
        if (r.findings.empty()) {
            out += fmt::format("| `{}` | {} | {} |\n", cell(r.path), mark, cell(r.note));
            continue;
        }
        // Each finding row carries its own severity: a warning beside an error stays a warning.
        for (const auto& f : r.findings)
            out += fmt::format("| `{}` | {} | line {}: {} (`{}`) |\n", cell(r.path),
                               f.severity == Severity::error ? "❌ error" : "⚠️ warning", f.where.line,
                               cell(f.message), info(f.kind).id);
    }
    return out + "\n" + summary_line(report) + "\n\n";
}

std::string render_check(const CheckReport& report, CheckFormat format) {
    switch (format) {
    case CheckFormat::text:
        return render_check_text(report);
    case CheckFormat::json:
        return render_check_json(report);
    case CheckFormat::junit:
        return render_check_junit(report);
    case CheckFormat::github:
        return render_check_github(report);
    case CheckFormat::sarif:
        return render_check_sarif(report);
    case CheckFormat::gitlab:
        return render_check_gitlab(report);
    }
    return {};
}

} // namespace makeorbuy::adr
