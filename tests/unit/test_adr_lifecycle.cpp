// The lifecycle of makeorbuy records: review dates measured from today (the
// MAKEORBUY_TODAY clock override), and a superseded record's successor.

#include "adr/lifecycle.hpp"

#include "makeorbuy/adr/adr.hpp"
#include "makeorbuy/adr/adr_check.hpp"
#include "makeorbuy/core/text.hpp"
#include "makeorbuy/core/validate.hpp"
#include "makeorbuy/report/report.hpp"

#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace makeorbuy;
namespace fs = std::filesystem;

namespace {

using test::TempDir;

// MAKEORBUY_TODAY set for the life of the object.
struct PinnedToday {
    explicit PinnedToday(const char* date) { ::setenv("MAKEORBUY_TODAY", date, 1); }
    ~PinnedToday() { ::unsetenv("MAKEORBUY_TODAY"); }
};

std::string record_text(const std::string& status, const std::string& review_by = "",
                        const std::string& extra = "") {
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
    const Report report = make_report(rules, std::move(answers));
    adr::NewRecord record;
    record.title = "Model for support triage";
    record.date = "2026-11-29";
    record.status = status;
    record.review_by = review_by;
    adr::settle_choice(record, report);
    std::string text = adr::render_record(report, record);
    if (!extra.empty()) text.insert(4, extra); // after the opening "---\n"
    return text;
}

adr::RecordResult check_with_today(const std::string& text) {
    const adr::CheckOptions options{adr::today(), adr::ProposedPolicy::allowed};
    return adr::check_text("r.md", text, default_rules(), options);
}

std::vector<adr::RecordResult> check_folder(const std::vector<std::string>& files) {
    const adr::CheckOptions options{"2026-11-29", adr::ProposedPolicy::allowed};
    Diagnostics problems;
    std::atomic<std::size_t> done{0};
    auto results = adr::check_files(files, default_rules(), options, problems, done);
    REQUIRE(problems.empty());
    return results;
}

} // namespace

TEST_CASE("days between ISO dates cross months, leap days and years", "[adr][lifecycle]") {
    CHECK(adr::days_between("2026-11-29", "2026-12-29") == 30);
    CHECK(adr::days_between("2026-11-29", "2026-11-29") == 0);
    CHECK(adr::days_between("2026-11-29", "2026-11-28") == -1);
    CHECK(adr::days_between("2024-02-28", "2024-03-01") == 2);
    CHECK(adr::days_between("2025-12-31", "2026-01-01") == 1);
    CHECK(adr::days_between("2000-01-01", "2026-11-29") == 9829);
}

TEST_CASE("review-by within 30 days of MAKEORBUY_TODAY is a note; past it, a warning", "[adr][lifecycle]") {
    const std::string text = record_text("accepted", "2026-12-29");
    {
        const PinnedToday today("2026-11-29"); // 30 days before: due
        const auto result = check_with_today(text);
        REQUIRE(result.findings.size() == 1);
        CHECK(result.findings[0].kind == adr::FindingKind::review_due);
        CHECK(result.findings[0].severity == Severity::note);
        CHECK(result.findings[0].message.find("in 30 days (today is 2026-11-29)") != std::string::npos);
        CHECK(result.findings[0].where.column == 3);
        CHECK(adr::outcome(result) == adr::Outcome::passed); // a note fails nothing
    }
    {
        const PinnedToday today("2026-11-28"); // 31 days before: nothing yet
        CHECK(check_with_today(text).findings.empty());
    }
    {
        const PinnedToday today("2026-12-29"); // the day itself: due today
        const auto result = check_with_today(text);
        REQUIRE(result.findings.size() == 1);
        CHECK(result.findings[0].kind == adr::FindingKind::review_due);
        CHECK(result.findings[0].message.find("is today") != std::string::npos);
    }
    {
        const PinnedToday today("2026-12-30"); // a day late: overdue
        const auto result = check_with_today(text);
        REQUIRE(result.findings.size() == 1);
        CHECK(result.findings[0].kind == adr::FindingKind::review_overdue);
        CHECK(result.findings[0].severity == Severity::warning);
    }
}

TEST_CASE("the successor a status names", "[adr][lifecycle]") {
    CHECK(adr::successor_in_status("superseded by ADR-0005") == "ADR-0005");
    CHECK(adr::successor_in_status("Superceded by [6. Something newer](0006-something-newer.md)") ==
          "0006-something-newer.md");
    CHECK(adr::successor_in_status("superseded by [ADR-0005](0005-x.md#decision)") == "0005-x.md");
    CHECK(adr::successor_in_status("Superseded by `ADR-12`.") == "ADR-12");
    CHECK_FALSE(adr::successor_in_status("Superseded").has_value());
    CHECK_FALSE(adr::successor_in_status("deprecated").has_value());
    CHECK(adr::is_superseded("~~Accepted~~ Superseded"));
    CHECK_FALSE(adr::is_superseded("rejected"));
    CHECK(adr::record_number("ADR-0005") == 5);
    CHECK(adr::record_number("0005-x.md") == 5);
    CHECK(adr::record_number("8-x.md") == 8);
    CHECK_FALSE(adr::record_number("use-x.md").has_value());
    CHECK_FALSE(adr::record_number("0005x.md").has_value());
}

TEST_CASE("a successor links back by a supersedes key, a Supersedes line, name or number",
          "[adr][lifecycle]") {
    CHECK(adr::links_back("---\nsupersedes: 0001-old.md\n---\n", "docs/0001-old.md"));
    CHECK(adr::links_back("---\nsupersedes:\n  - ADR-0001\n---\n", "docs/0001-old.md"));
    CHECK(adr::links_back("---\nsupersedes: [ADR-0001, ADR-0003]\n---\n", "docs/0003-old.md"));
    CHECK(adr::links_back("## Status\n\nAccepted\n\nSupercedes [1. Old](0001-old.md)\n", "docs/0001-old.md"));
    CHECK(adr::links_back("* Status: accepted, supersedes 0001-old\n", "0001-old.md"));
    CHECK_FALSE(adr::links_back("## Status\n\nAccepted\n\nSee [1. Old](0001-old.md)\n", "docs/0001-old.md"));
    CHECK_FALSE(adr::links_back("Supersedes [2. Other](0002-other.md)\n", "docs/0001-old.md"));
    CHECK_FALSE(adr::links_back("---\nsupersedes:\n  - ADR-0002\ntitle: x\n---\nADR-0001\n", "0001-old.md"));
}

TEST_CASE("a superseded record's successor must exist and should link back", "[adr][lifecycle]") {
    TempDir dir;
    const std::string old = dir.write("0001-old.md", record_text("superseded by ADR-0002"));

    SECTION("missing: an error at the status") {
        const auto results = check_folder({old});
        REQUIRE(results.size() == 1);
        REQUIRE(results[0].findings.size() == 1);
        const auto& f = results[0].findings[0];
        CHECK(f.kind == adr::FindingKind::successor_missing);
        CHECK(f.severity == Severity::error);
        CHECK(f.where.line == 2);
        CHECK(to_lower(f.message).find("superseded by 'adr-0002', but ") != std::string::npos);
        CHECK(f.message.find("holds no record named or numbered like it") != std::string::npos);
        CHECK(adr::outcome(results[0]) == adr::Outcome::error);
    }
    SECTION("present, without a link back: a warning") {
        const std::string next = dir.write("0002-new.md", record_text("accepted"));
        const auto results = check_folder({old, next});
        REQUIRE(results[0].findings.size() == 1);
        CHECK(results[0].findings[0].kind == adr::FindingKind::successor_no_backlink);
        CHECK(results[0].findings[0].severity == Severity::warning);
        CHECK(adr::outcome(results[0]) == adr::Outcome::warning);
        CHECK(results[1].findings.empty());
    }
    SECTION("present, linking back: nothing, and the record stays skipped") {
        const std::string next =
            dir.write("0002-new.md", record_text("accepted", "", "supersedes: [ADR-0001]\n"));
        const auto results = check_folder({old, next});
        CHECK(results[0].findings.empty());
        CHECK(adr::outcome(results[0]) == adr::Outcome::skipped);
    }
    SECTION("a superseded-by key, as a path; a web address is not checked") {
        const std::string keyed =
            dir.write("0003-keyed.md",
                      record_text("superseded", "",
                                  "superseded-by:\n  - 0009-gone.md\n  - https://example.com/adr/9\n"));
        const auto results = check_folder({keyed});
        REQUIRE(results[0].findings.size() == 1);
        CHECK(results[0].findings[0].kind == adr::FindingKind::successor_missing);
        CHECK(results[0].findings[0].where.line == 3);
        CHECK(results[0].findings[0].message.find("'0009-gone.md', but there is no file ") !=
              std::string::npos);
    }
    SECTION("of a long superseded-by list, the first 16 are looked for") {
        std::string list = "superseded-by:\n";
        for (int i = 100; i < 140; ++i)
            list += "  - " + std::to_string(i) + "-gone.md\n";
        const std::string many = dir.write("0005-many.md", record_text("superseded", "", list));
        const auto results = check_folder({many});
        CHECK(results[0].findings.size() == 16);
        CHECK(results[0].findings.back().message.find("'115-gone.md'") != std::string::npos);
    }
    SECTION("a bare Superseded names no successor and is not a finding") {
        const std::string bare = dir.write("0004-bare.md", record_text("Superseded"));
        const auto results = check_folder({bare});
        CHECK(results[0].findings.empty());
        CHECK(adr::outcome(results[0]) == adr::Outcome::skipped);
    }
}

TEST_CASE("a record carries its title, date and review-by for the decision log", "[adr][lifecycle]") {
    const PinnedToday today("2026-11-29");
    const auto result = check_with_today(record_text("accepted", "2027-05-29"));
    CHECK(result.title == "Model for support triage");
    CHECK(result.date == "2026-11-29");
    CHECK(result.review_by == "2027-05-29");
}
