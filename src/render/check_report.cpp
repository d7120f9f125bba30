// The check's verdict, and the formats meant for people: text, JSON and the
// GitHub step summary.

#include "makeorbuy/render/check_formats.hpp"

#include "makeorbuy/core/echo.hpp"
#include "makeorbuy/core/text.hpp"

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

const char* severity_mark(Severity severity) {
    switch (severity) {
    case Severity::error:
        return "❌ error";
    case Severity::warning:
        return "⚠️ warning";
    case Severity::note:
        return "ℹ️ note";
    }
    return "⚠️ warning";
}

std::string finding_line(const Finding& f) {
    return fmt::format("{}: {}: {} [{}]", neutralise(f.where.to_string()), to_string(f.severity),
                       neutralise(f.message), info(f.kind).id);
}

std::string problem_line(const Diagnostic& p) {
    return fmt::format("{}: {}: {}", neutralise(p.where.to_string()), to_string(p.severity),
                       neutralise(p.message));
}

} // namespace

std::string omitted_findings_text(const RecordResult& record) {
    if (record.omitted_errors == 0 && record.omitted_warnings == 0) return {};
    return fmt::format(
        "{} in this record (makeorbuy keeps the first {} findings of a record and shows {} in all)",
        omitted_text(record.omitted_errors, record.omitted_warnings), k_max_findings_per_record,
        group_thousands(k_max_findings_per_check));
}

std::string markdown_code(std::string_view text) {
    std::string body;
    for (char c : neutralise(text)) {
        if (c == '|') body += '\\';
        body += c;
    }
    // The fence is one backtick longer than any run inside; a space keeps a
    // backtick at either end from joining it.
    std::size_t longest = 0;
    for (std::size_t i = 0, run = 0; i < body.size(); ++i) {
        run = body[i] == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const std::string fence(longest + 1, '`');
    const bool pad = !body.empty() && (body.front() == '`' || body.back() == '`' || body.front() == ' ');
    return pad ? fence + " " + body + " " + fence : fence + body + fence;
}

std::string markdown_text(std::string_view text) {
    std::string out;
    for (char c : neutralise(text)) {
        // Every mark that can start HTML, a link or image, emphasis, code,
        // an entity, math or a new cell, wherever it stands.
        if (std::string_view("\\`*_[]<>!|~&$").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
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
            out += fmt::format("{}: ok (chosen {})\n", neutralise(r.path), neutralise(r.chosen));
            for (const auto& f : r.findings) // notes, which fail nothing
                out += finding_line(f) + "\n";
            break;
        case Outcome::skipped:
            out += fmt::format("{}: skipped: {}\n", neutralise(r.path), neutralise(r.note));
            break;
        case Outcome::other:
            if (report.list_other)
                out += fmt::format("{}: skipped: {}\n", neutralise(r.path), neutralise(r.note));
            break;
        case Outcome::warning:
        case Outcome::error:
            for (const auto& f : r.findings)
                out += finding_line(f) + "\n";
            if (const std::string more = omitted_findings_text(r); !more.empty())
                out += fmt::format("{}: {}: {}\n", neutralise(r.path),
                                   r.omitted_errors > 0 ? "error" : "warning", more);
            break;
        }
    }
    for (const auto& p : report.problems)
        out += problem_line(p) + "\n";
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
        if (r.state == RecordState::checked || !r.findings.empty()) {
            Json findings = Json::array();
            for (const auto& f : r.findings)
                findings.push_back(Json{{"rule", info(f.kind).id},
                                        {"severity", to_string(f.severity)},
                                        {"fails", report.fails(f)},
                                        {"line", f.where.line},
                                        {"column", f.where.column},
                                        {"message", neutralise(f.message)}});
            record["findings"] = findings;
            if (r.omitted_errors > 0 || r.omitted_warnings > 0)
                record["omitted"] = Json{{"errors", r.omitted_errors}, {"warnings", r.omitted_warnings}};
        }
        records.push_back(record);
    }
    Json problems = Json::array();
    for (const auto& p : report.problems)
        problems.push_back(Json{{"severity", to_string(p.severity)},
                                {"file", p.where.file.str()},
                                {"message", neutralise(p.message)}});
    Json doc{{"schema", "makeorbuy.adr-check/1"},
             {"tool", {{"name", "makeorbuy"}, {"version", MAKEORBUY_VERSION}}},
             {"rules", report.rules_label},
             {"today", report.today},
             {"fail_on", to_string(report.fail_on)},
             {"exit_code", to_int(report.exit_code())},
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
        const std::string path = markdown_code(r.path);
        if (r.findings.empty()) {
            out += fmt::format("| {} | {} | {} |\n", path, mark, markdown_text(r.note));
            continue;
        }
        // Each finding row carries its own severity: a warning beside an error stays a warning.
        for (const auto& f : r.findings)
            out += fmt::format("| {} | {} | line {}: {} (`{}`) |\n", path, severity_mark(f.severity),
                               f.where.line, markdown_text(f.message), info(f.kind).id);
        if (const std::string more = omitted_findings_text(r); !more.empty())
            out += fmt::format("| {} | {} | {} |\n", path, mark, markdown_text(more));
    }
    return out + "\n" + summary_line(report) + "\n\n";
}

namespace {

// In the order of CheckFormat.
constexpr OutputFormat<CheckRenderer> k_check_formats[] = {
    {"text", render_check_text},     {"json", render_check_json},   {"junit", render_check_junit},
    {"github", render_check_github}, {"sarif", render_check_sarif}, {"gitlab", render_check_gitlab}};

} // namespace

std::span<const OutputFormat<CheckRenderer>> check_formats() {
    return k_check_formats;
}

std::string render_check(const CheckReport& report, CheckFormat format) {
    return k_check_formats[static_cast<std::size_t>(format)].render(report);
}

} // namespace makeorbuy::adr
