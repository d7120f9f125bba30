#include "makeorbuy/adr/adr.hpp"
#include "makeorbuy/adr/adr_check.hpp"
#include "makeorbuy/core/validate.hpp"
#include "makeorbuy/report/report.hpp"

#include <catch2/catch.hpp>

using namespace makeorbuy;

namespace {

Report growth_report() {
    const RuleSet& rules = default_rules();
    std::vector<RawAnswer> raw;
    for (const auto& [key, value] :
         std::vector<std::pair<std::string, std::string>>{{"stage", "growth"},
                                                          {"monthly-spend", "120000"},
                                                          {"latency", "interactive"},
                                                          {"compliance", "vendor-dpa"},
                                                          {"team-size", "12"}})
        raw.push_back(RawAnswer{key, {value}, false, Origin::flag, {}});
    Diagnostics diagnostics;
    Answers answers = validate_answers(raw, rules, diagnostics);
    diagnostics.throw_if_errors();
    fill_defaults(answers, rules);
    return make_report(rules, std::move(answers));
}

adr::NewRecord record_for(const Report& report) {
    adr::NewRecord record;
    record.title = "Model for support triage";
    record.date = "2026-11-29";
    adr::settle_choice(record, report);
    return record;
}

int line_of(const std::string& text, const std::string& prefix) {
    int line = 1;
    for (std::size_t pos = 0; pos < text.size(); ++line) {
        if (text.compare(pos, prefix.size(), prefix) == 0) return line;
        pos = text.find('\n', pos);
        if (pos == std::string::npos) break;
        ++pos;
    }
    return 0;
}

const adr::CheckOptions k_today{"2026-11-29", adr::ProposedPolicy::allowed};

} // namespace

TEST_CASE("slugs are lower case with dashes", "[adr]") {
    CHECK(adr::slugify("Use a Frontier API for Support Triage") == "use-a-frontier-api-for-support-triage");
    CHECK(adr::slugify("  GPUs: buy or rent?! ") == "gpus-buy-or-rent");
    CHECK(adr::slugify("Modèle 🤖 choice") == "modele-choice");
    // Accented Latin letters keep their letter (as adr-tools' and log4brains' slugs do).
    CHECK(adr::slugify("Über naïve café: model?") == "uber-naive-cafe-model");
    CHECK(adr::slugify("Straße, Œuvre, Łódź, 2×3") == "strasse-oeuvre-lodz-2-3");
    CHECK(adr::slugify("Ünï\xFF\xC3") == "uni"); // stray bytes are left out
    CHECK(adr::slugify("🤖") == "decision");
}

TEST_CASE("ISO dates are checked for real", "[adr]") {
    CHECK(adr::is_iso_date("2026-11-29"));
    CHECK(adr::is_iso_date("2024-02-29"));
    CHECK_FALSE(adr::is_iso_date("2026-02-29"));
    CHECK_FALSE(adr::is_iso_date("2026-13-01"));
    CHECK_FALSE(adr::is_iso_date("29/11/2026"));
}

TEST_CASE("a new record passes its own check", "[adr]") {
    const Report report = growth_report();
    const std::string text = adr::render_record(report, record_for(report));
    const adr::RecordResult result = adr::check_text("r.md", text, default_rules(), k_today);
    CHECK(result.state == adr::RecordState::checked);
    CHECK(result.findings.empty());
    CHECK(result.chosen == result.recommended_now);
    CHECK(result.status == "proposed");
}

TEST_CASE("editing chosen fails on the line of chosen", "[adr]") {
    const Report report = growth_report();
    std::string text = adr::render_record(report, record_for(report));
    const std::string chosen = "  chosen: " + default_rules().options[report.ranking.winner().option].id;
    text.replace(text.find(chosen), chosen.size(), "  chosen: fine-tuned");
    const adr::RecordResult result = adr::check_text("r.md", text, default_rules(), k_today);
    // The error, then the robustness warning: fine-tuned wins under no weighting of these answers.
    REQUIRE(result.findings.size() == 2);
    CHECK(result.findings[1].kind == adr::FindingKind::chosen_not_robust);
    CHECK(result.findings[1].where.line == line_of(text, "  chosen:"));
    CHECK(result.findings[0].kind == adr::FindingKind::chosen_not_recommended);
    CHECK(result.findings[0].severity == Severity::error);
    CHECK(result.findings[0].where.line == line_of(text, "  chosen:"));
    CHECK(result.findings[0].where.column == 3);
}

TEST_CASE("an override reason with quotes and colons survives the round trip", "[adr]") {
    const Report report = growth_report();
    adr::NewRecord record;
    record.title = "Fine-tune";
    record.date = "2026-11-29";
    record.chosen = "fine-tuned";
    record.override_reason = "Contract: \"GPU credits\" \\ until 2027";
    adr::settle_choice(record, report);
    const std::string text = adr::render_record(report, record);
    const adr::RecordResult result = adr::check_text("r.md", text, default_rules(), k_today);
    REQUIRE(result.findings.size() == 2);
    CHECK(result.findings[1].kind == adr::FindingKind::chosen_not_robust);
    CHECK(result.findings[0].kind == adr::FindingKind::chosen_overridden);
    CHECK(result.findings[0].message.find("Contract: \"GPU credits\" \\ until 2027") != std::string::npos);
}

TEST_CASE("settle_choice wants a reason for a choice other than the recommendation", "[adr]") {
    const Report report = growth_report();
    adr::NewRecord record;
    record.title = "T";
    record.chosen = "fine-tuned";
    CHECK_THROWS_AS(adr::settle_choice(record, report), Error);
    record.chosen = "no-such-option";
    record.override_reason = "x";
    CHECK_THROWS_AS(adr::settle_choice(record, report), Error);
}

TEST_CASE("a revisit section is added only when there are conditions", "[adr]") {
    CHECK(adr::render_revisit_section({}).empty());
    CHECK(adr::render_revisit_section({"Monthly spend passes $200K."}) ==
          "\n### Revisit if\n\n* Monthly spend passes $200K.\n");
    const Report report = growth_report();
    adr::NewRecord record = record_for(report);
    record.revisit_if = {"Monthly spend passes $200K."};
    CHECK(adr::render_record(report, record).find("### Revisit if") != std::string::npos);
}

TEST_CASE("review-by in the past warns at its line; a proposed record fails under --no-proposed", "[adr]") {
    const Report report = growth_report();
    adr::NewRecord record = record_for(report);
    record.review_by = "2026-01-01";
    const std::string text = adr::render_record(report, record);
    auto result = adr::check_text("r.md", text, default_rules(), k_today);
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].kind == adr::FindingKind::review_overdue);
    CHECK(result.findings[0].where.line == line_of(text, "  review-by:"));

    result = adr::check_text("r.md", text, default_rules(), {"2025-01-01", adr::ProposedPolicy::error});
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].kind == adr::FindingKind::proposed);
    CHECK(result.findings[0].where.line == 2);
}

TEST_CASE("files that are not makeorbuy records are skipped, never failed", "[adr]") {
    for (const char* text :
         {"", "# Title\n", "---\nlayout: page\n---\n# x\n",
          "---\nstatus: \"{proposed | rejected\ndate: {YYYY-MM-DD}\n---\n", "---\n", "\xEF\xBB\xBF"}) {
        const adr::RecordResult result = adr::check_text("x.md", text, default_rules(), k_today);
        CHECK(result.state == adr::RecordState::other);
        CHECK(result.findings.empty());
    }
}

TEST_CASE("broken YAML in a makeorbuy record is an error at its place", "[adr]") {
    const std::string text = "---\nmakeorbuy:\n  answers: {stage: growth\n---\n";
    const adr::RecordResult result = adr::check_text("x.md", text, default_rules(), k_today);
    CHECK(result.state == adr::RecordState::checked);
    REQUIRE_FALSE(result.findings.empty());
    CHECK(result.findings[0].kind == adr::FindingKind::malformed);
    CHECK(result.findings[0].where.line >= 2);
}
