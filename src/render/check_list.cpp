// `adr list`: the decisions portfolio drawn from a check, one row per
// makeorbuy record.

#include "makeorbuy/render/check_formats.hpp"
#include "makeorbuy/render/list_formats.hpp"

#include "makeorbuy/core/echo.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>

namespace makeorbuy::adr {

namespace {

constexpr std::size_t k_columns = 9;

std::size_t findings_count(const RecordResult& r) {
    return r.findings.size() + r.omitted_errors + r.omitted_warnings;
}

bool listed(const RecordResult& r) {
    return r.state != RecordState::other;
}

// Characters, not bytes: a UTF-8 continuation byte adds no width.
std::size_t width(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

std::string or_dash(const std::string& value) {
    return value.empty() ? "-" : neutralise(value);
}

std::array<std::string, k_columns> text_row(const RecordResult& r) {
    return {neutralise(r.path),
            or_dash(r.status),
            or_dash(r.date),
            or_dash(r.chosen),
            or_dash(r.recommended_now),
            outcome_name(outcome(r)),
            or_dash(r.review_by),
            std::to_string(findings_count(r)),
            or_dash(r.title)};
}

} // namespace

std::string render_list_text(const CheckReport& report) {
    std::vector<std::array<std::string, k_columns>> rows;
    rows.push_back({"PATH", "STATUS", "DATE", "CHOSEN", "NOW", "VERDICT", "REVIEW-BY", "FINDINGS", "TITLE"});
    for (const auto& r : report.records)
        if (listed(r)) rows.push_back(text_row(r));
    std::array<std::size_t, k_columns> widths{};
    for (const auto& row : rows)
        for (std::size_t c = 0; c < k_columns; ++c)
            widths[c] = std::max(widths[c], width(row[c]));
    std::string out;
    if (rows.size() > 1) {
        for (const auto& row : rows) {
            std::string line;
            for (std::size_t c = 0; c < k_columns; ++c) {
                line += row[c];
                if (c + 1 < k_columns) line += std::string(widths[c] - width(row[c]) + 2, ' ');
            }
            while (!line.empty() && line.back() == ' ')
                line.pop_back();
            out += line + "\n";
        }
    }
    for (const auto& p : report.problems)
        out += fmt::format("{}: {}: {}\n", neutralise(p.where.to_string()), to_string(p.severity),
                           neutralise(p.message));
    return out + summary_line(report) + "\n";
}

std::string render_list_json(const CheckReport& report) {
    using Json = nlohmann::ordered_json;
    Json records = Json::array();
    auto value = [](const std::string& text) { return text.empty() ? Json() : Json(neutralise(text)); };
    for (const auto& r : report.records) {
        if (!listed(r)) continue;
        records.push_back(Json{{"path", neutralise(r.path)},
                               {"title", value(r.title)},
                               {"status", value(r.status)},
                               {"date", value(r.date)},
                               {"chosen", value(r.chosen)},
                               {"recommended_now", value(r.recommended_now)},
                               {"verdict", outcome_name(outcome(r))},
                               {"review_by", value(r.review_by)},
                               {"findings", findings_count(r)}});
    }
    Json problems = Json::array();
    for (const auto& p : report.problems)
        problems.push_back(Json{{"severity", to_string(p.severity)},
                                {"file", neutralise(p.where.file.str())},
                                {"message", neutralise(p.message)}});
    Json doc{{"schema", "makeorbuy.adr-list/1"},
             {"tool", {{"name", "makeorbuy"}, {"version", MAKEORBUY_VERSION}}},
             {"rules", report.rules_label},
             {"today", report.today},
             {"records", records},
             {"problems", problems}};
    return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string render_list_markdown(const CheckReport& report) {
    auto cell = [](const std::string& text) { return text.empty() ? std::string("-") : markdown_text(text); };
    auto code = [](const std::string& text) { return text.empty() ? std::string("-") : markdown_code(text); };
    std::string out = "# Decision log\n\n";
    out += fmt::format("Re-scored on {} with the rules {}.\n\n", report.today,
                       markdown_text(report.rules_label));
    if (std::any_of(report.records.begin(), report.records.end(), listed)) {
        out +=
            "| Decision | Record | Status | Date | Chosen | Recommended now | Verdict | Review by | Findings "
            "|\n|---|---|---|---|---|---|---|---|---|\n";
        for (const auto& r : report.records) {
            if (!listed(r)) continue;
            out +=
                fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", cell(r.title), code(r.path),
                            cell(r.status), cell(r.date), code(r.chosen), code(r.recommended_now),
                            outcome_name(outcome(r)), cell(r.review_by), findings_count(r));
        }
        out += "\n";
    }
    for (const auto& p : report.problems)
        out += fmt::format("- {} {}: {}\n", to_string(p.severity), code(p.where.to_string()),
                           markdown_text(p.message));
    if (!report.problems.empty()) out += "\n";
    return out + markdown_text(summary_line(report)) + "\n";
}

namespace {

constexpr OutputFormat<ListRenderer> k_list_formats[] = {
    {"text", render_list_text}, {"json", render_list_json}, {"markdown", render_list_markdown}};

} // namespace

std::span<const OutputFormat<ListRenderer>> list_formats() {
    return k_list_formats;
}

} // namespace makeorbuy::adr
