// The check's formats meant for CI systems: JUnit XML, GitHub workflow
// commands and SARIF 2.1.0.

#include "makeorbuy/render/check_formats.hpp"
#include "makeorbuy/render/svg_chart.hpp"

#include "makeorbuy/core/echo.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace makeorbuy::adr {

namespace {

// An attribute value: one line whatever the input, so that a JUnit file shown
// in a CI log never starts a line with text from a record (a workflow command).
std::string xml_attribute(std::string_view raw) {
    return svg::escape(neutralise(raw));
}

// Element text made of our own lines: each line is neutralised on its own so
// that the line breaks between them stay.
std::string xml_lines(std::string_view raw) {
    std::string text;
    for (std::size_t start = 0; start <= raw.size();) {
        std::size_t end = raw.find('\n', start);
        if (end == std::string_view::npos) end = raw.size();
        text += neutralise(raw.substr(start, end - start));
        if (end < raw.size()) text += '\n';
        start = end + 1;
    }
    return svg::escape(text);
}

// GitHub workflow commands: % CR LF in data; also : and , in properties.
std::string github_data(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '%')
            out += "%25";
        else if (c == '\r')
            out += "%0D";
        else if (c == '\n')
            out += "%0A";
        else
            out += c;
    }
    return out;
}

std::string github_property(std::string_view text) {
    std::string out;
    for (char c : github_data(text)) {
        if (c == ':')
            out += "%3A";
        else if (c == ',')
            out += "%2C";
        else
            out += c;
    }
    return out;
}

// GitHub's workflow commands: ::error, ::warning and ::notice.
const char* github_command(Severity severity) {
    switch (severity) {
    case Severity::error:
        return "error";
    case Severity::warning:
        return "warning";
    case Severity::note:
        return "notice";
    }
    return "error";
}

// A SARIF artifact URI: relative paths stay relative (to the repository
// root, which is where CI runs the check), with unsafe bytes percent-encoded.
std::string artifact_uri(std::string_view path) {
    while (path.rfind("./", 0) == 0)
        path.remove_prefix(2);
    std::string out = !path.empty() && path.front() == '/' ? "file://" : "";
    for (char c : path) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) != 0 || std::string_view("-._~/").find(c) != std::string_view::npos)
            out += c;
        else
            out += fmt::format("%{:02X}", u);
    }
    return out;
}

// SARIF's levels are makeorbuy's severity names.
const char* sarif_level(Severity severity) {
    return to_string(severity);
}

Severity default_severity(FindingKind kind) {
    switch (kind) {
    case FindingKind::chosen_overridden:
    case FindingKind::rules_changed:
    case FindingKind::answers_edited:
    case FindingKind::review_overdue:
    case FindingKind::chosen_not_robust:
    case FindingKind::successor_no_backlink:
        return Severity::warning;
    case FindingKind::review_due:
    case FindingKind::prices_stale:
        return Severity::note;
    default:
        return Severity::error;
    }
}

std::string finding_text(const Finding& f) {
    return fmt::format("{}: {}: {} [{}]", neutralise(f.where.to_string()), to_string(f.severity),
                       neutralise(f.message), info(f.kind).id);
}

std::string omitted_lines(const RecordResult& r) {
    const std::string more = omitted_findings_text(r);
    return more.empty() ? more
                        : fmt::format("{}: {}: {}\n", neutralise(r.path),
                                      r.omitted_errors > 0 ? "error" : "warning", more);
}

} // namespace

std::string render_check_junit(const CheckReport& report) {
    std::string cases;
    std::string out_text;
    std::size_t tests = 0, failures = 0, skipped = 0;
    for (const auto& r : report.records) {
        if (r.state == RecordState::other) continue;
        ++tests;
        cases += fmt::format(R"(    <testcase name="{}" classname="makeorbuy.adr" time="0")",
                             xml_attribute(r.path));
        if (outcome(r) == Outcome::skipped) {
            ++skipped;
            cases +=
                fmt::format(">\n      <skipped message=\"{}\"/>\n    </testcase>\n", xml_attribute(r.note));
            continue;
        }
        const auto first = std::find_if(r.findings.begin(), r.findings.end(),
                                        [&](const Finding& f) { return report.fails(f); });
        if (first == r.findings.end() && !report.fails(r)) {
            cases += "/>\n";
            for (const auto& f : r.findings)
                out_text += finding_text(f) + "\n";
            out_text += omitted_lines(r);
            continue;
        }
        ++failures;
        std::string body;
        for (const auto& f : r.findings)
            body += finding_text(f) + "\n";
        body += omitted_lines(r);
        // Every failing finding may be past the caps: the record still fails.
        const std::string type = first != r.findings.end() ? info(first->kind).id : "omitted";
        const std::string message = first != r.findings.end() ? first->message : omitted_findings_text(r);
        cases += fmt::format(">\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    </testcase>\n",
                             type, xml_attribute(message), xml_lines(body));
    }
    out_text += summary_line(report) + "\n";
    std::string err_text;
    for (const auto& p : report.problems)
        err_text += fmt::format("{}: {}: {}\n", neutralise(p.where.to_string()), to_string(p.severity),
                                neutralise(p.message));

    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n";
    out += fmt::format(
        "  <testsuite name=\"makeorbuy adr check\" package=\"makeorbuy.adr\" id=\"0\" timestamp=\"{}\" "
        "hostname=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\" time=\"0\">\n",
        report.timestamp, xml_attribute(report.hostname), tests, failures, skipped);
    out += "    <properties>\n";
    out += fmt::format("      <property name=\"rules\" value=\"{}\"/>\n", xml_attribute(report.rules_label));
    out += fmt::format("      <property name=\"today\" value=\"{}\"/>\n", report.today);
    out += fmt::format("      <property name=\"fail-on\" value=\"{}\"/>\n", to_string(report.fail_on));
    out += "    </properties>\n";
    out += cases;
    out += fmt::format("    <system-out>{}</system-out>\n", xml_lines(out_text));
    out += fmt::format("    <system-err>{}</system-err>\n", xml_lines(err_text));
    return out + "  </testsuite>\n</testsuites>\n";
}

std::string render_check_github(const CheckReport& report) {
    std::string out;
    for (const auto& r : report.records) {
        for (const auto& f : r.findings) {
            out += fmt::format("::{} file={},line={},col={},title={}::{}\n", github_command(f.severity),
                               github_property(neutralise(f.where.file.str())), f.where.line, f.where.column,
                               github_property(fmt::format("makeorbuy {}", info(f.kind).id)),
                               github_data(neutralise(f.message)));
        }
        if (const std::string more = omitted_findings_text(r); !more.empty())
            out += fmt::format("::{} file={}::{}\n", r.omitted_errors > 0 ? "error" : "warning",
                               github_property(neutralise(r.path)), github_data(more));
    }
    for (const auto& p : report.problems)
        out +=
            fmt::format("::{} file={}::{}\n", github_command(p.severity),
                        github_property(neutralise(p.where.file.str())), github_data(neutralise(p.message)));
    return out + summary_line(report) + "\n";
}

std::string render_check_sarif(const CheckReport& report) {
    using Json = nlohmann::ordered_json;
    Json rules = Json::array();
    const auto& infos = finding_infos();
    for (const auto& i : infos)
        rules.push_back(Json{{"id", i.id},
                             {"shortDescription", {{"text", i.summary}}},
                             {"fullDescription", {{"text", i.description}}},
                             {"help", {{"text", i.description}}},
                             {"defaultConfiguration", {{"level", sarif_level(default_severity(i.kind))}}}});
    Json results = Json::array();
    for (const auto& r : report.records) {
        for (const auto& f : r.findings) {
            const auto index = std::find_if(infos.begin(), infos.end(),
                                            [&](const FindingInfo& i) { return i.kind == f.kind; }) -
                               infos.begin();
            Json region{{"startLine", std::max(1, f.where.line)}};
            if (f.where.column > 0) region["startColumn"] = f.where.column;
            results.push_back(
                Json{{"ruleId", info(f.kind).id},
                     {"ruleIndex", index},
                     {"level", sarif_level(f.severity)},
                     {"message", {{"text", neutralise(f.message)}}},
                     {"locations",
                      Json::array({Json{{"physicalLocation",
                                         {{"artifactLocation", {{"uri", artifact_uri(f.where.file.str())}}},
                                          {"region", region}}}}})}});
        }
    }
    Json notifications = Json::array();
    for (const auto& r : report.records)
        if (const std::string more = omitted_findings_text(r); !more.empty())
            notifications.push_back(
                Json{{"level", r.omitted_errors > 0 ? "error" : "warning"},
                     {"message", {{"text", more}}},
                     {"locations",
                      Json::array({Json{
                          {"physicalLocation", {{"artifactLocation", {{"uri", artifact_uri(r.path)}}}}}}})}});
    for (const auto& p : report.problems)
        notifications.push_back(Json{
            {"level", sarif_level(p.severity)},
            {"message", {{"text", neutralise(p.message)}}},
            {"locations",
             Json::array({Json{{"physicalLocation",
                                {{"artifactLocation", {{"uri", artifact_uri(p.where.file.str())}}}}}}})}});
    const ExitCode exit_code = report.exit_code();
    Json invocation{{"executionSuccessful", exit_code != ExitCode::usage}, {"exitCode", to_int(exit_code)}};
    if (!notifications.empty()) invocation["toolExecutionNotifications"] = notifications;
    Json doc{
        {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
        {"version", "2.1.0"},
        {"runs", Json::array({Json{{"tool",
                                    {{"driver",
                                      {{"name", "makeorbuy"},
                                       {"version", MAKEORBUY_VERSION},
                                       {"semanticVersion", MAKEORBUY_VERSION},
                                       {"rules", rules}}}}},
                                   {"automationDetails", {{"id", "makeorbuy/adr-check/"}}},
                                   {"invocations", Json::array({invocation})},
                                   {"properties", {{"rules", report.rules_label}, {"today", report.today}}},
                                   {"results", results}}})}};
    // A record may hold invalid UTF-8, quoted in a message: replace it rather than throw (found by fuzz_adr).
    return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

} // namespace makeorbuy::adr
