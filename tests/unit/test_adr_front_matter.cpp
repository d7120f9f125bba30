#include "adr/front_matter.hpp"

#include <catch2/catch.hpp>

using namespace makeorbuy::adr;

TEST_CASE("front matter is found between --- fences, with LF or CRLF", "[adr]") {
    auto fm = find_front_matter("---\nstatus: accepted\n---\n# Title\n");
    REQUIRE(fm);
    CHECK(fm->closed);
    CHECK(fm->yaml == "status: accepted\n");
    CHECK(fm->first_line == 2);

    auto crlf = find_front_matter("---\r\nstatus: accepted\r\n---\r\n# Title\r\n");
    REQUIRE(crlf);
    CHECK(crlf->closed);
    CHECK(crlf->yaml == "status: accepted\r\n");

    auto jekyll_end = find_front_matter("---\na: 1\n...\nbody\n");
    REQUIRE(jekyll_end);
    CHECK(jekyll_end->closed);
}

TEST_CASE("no or unclosed front matter", "[adr]") {
    CHECK_FALSE(find_front_matter("# 1. Title\n\n## Status\n"));
    CHECK_FALSE(find_front_matter("----\nnot: fm\n----\n"));
    auto open = find_front_matter("---\nstatus: accepted\n# Title\n");
    REQUIRE(open);
    CHECK_FALSE(open->closed);
}

TEST_CASE("a byte-order mark is stripped before the fence", "[adr]") {
    CHECK(opens_front_matter("\xEF\xBB\xBF---\nx: 1\n---\n"));
    CHECK(strip_bom("\xEF\xBB\xBF"
                    "abc") == "abc");
    CHECK_FALSE(opens_front_matter("# Title\n"));
}

TEST_CASE("the pre-scan sees only a top-level makeorbuy key", "[adr]") {
    CHECK(mentions_makeorbuy("status: accepted\nmakeorbuy:\n  schema: 1\n"));
    CHECK(mentions_makeorbuy("makeorbuy :\n  schema: 1\n"));
    CHECK(mentions_makeorbuy("\"makeorbuy\":\n  schema: 1\n"));
    CHECK_FALSE(mentions_makeorbuy("tools:\n  makeorbuy: yes\n"));
    CHECK_FALSE(mentions_makeorbuy("title: we use makeorbuy: a lot\n"));
    CHECK_FALSE(mentions_makeorbuy("makeorbuy-notes: x\n"));
}

TEST_CASE("body statuses: MADR 2 and log4brains bullets, Nygard section", "[adr]") {
    auto madr2 = find_body_status("# T\n\n* Status: accepted\n* Date: 2024-01-01\n");
    REQUIRE(madr2);
    CHECK(madr2->value == "accepted");
    CHECK(madr2->line == 3);
    CHECK(madr2->column == 11);

    auto template_form = find_body_status("* Status: [proposed | accepted]\n");
    REQUIRE(template_form);
    CHECK(template_form->value == "proposed | accepted");

    auto log4brains = find_body_status("# T\n\n- Status: proposed\n");
    REQUIRE(log4brains);
    CHECK(log4brains->value == "proposed");

    auto nygard =
        find_body_status("# 1. T\n\nDate: 2024-01-01\n\n## Status\n\nSuperceded by [2. X](0002-x.md)\n");
    REQUIRE(nygard);
    CHECK(nygard->value == "Superceded by [2. X](0002-x.md)");
    CHECK(nygard->line == 7);

    CHECK_FALSE(find_body_status("# T\n\n## Context\n\nNo status here.\n"));
}

TEST_CASE("statuses are classified case-insensitively", "[adr]") {
    CHECK(classify_status("superseded by ADR-0005") == StatusKind::retired);
    CHECK(classify_status("Superceded by [2. X](0002-x.md)") == StatusKind::retired);
    CHECK(classify_status("Deprecated") == StatusKind::retired);
    CHECK(classify_status("rejected") == StatusKind::retired);
    CHECK(classify_status("proposed") == StatusKind::proposed);
    CHECK(classify_status("Draft") == StatusKind::proposed);
    CHECK(classify_status("accepted") == StatusKind::accepted);
    CHECK(classify_status("Accepted 2026-01-05") == StatusKind::accepted);
    CHECK(classify_status("") == StatusKind::other);
    CHECK(classify_status("pending") == StatusKind::other);
    CHECK(classify_status("in review") == StatusKind::other);
    CHECK(classify_status("~") == StatusKind::other);
    CHECK(classify_status("null") == StatusKind::other);
    CHECK(classify_status("acceptedx") == StatusKind::other);
    CHECK(classify_status("accepted\xCC\x81") == StatusKind::other); // a combining acute accent
    CHECK(classify_status("pro\xCC\x81posed") == StatusKind::other);
}

TEST_CASE("body statuses as teams write them: headings with a colon, bold, tables", "[adr]") {
    auto value = [](std::string_view text) {
        auto status = find_body_status(text);
        return status ? status->value : std::string("(none)");
    };
    CHECK(value("# T\n\n## Status: Deprecated\n") == "Deprecated");
    CHECK(value("# T\n\n### Status\n\n**Accepted**\n") == "Accepted");
    CHECK(value("**Status:** Superseded\n") == "Superseded");
    CHECK(value("**Status**: accepted\n") == "accepted");
    CHECK(value("* **Status**: proposed\n") == "proposed");
    CHECK(value("| Field | Value |\n|---|---|\n| Status | Rejected |\n") == "Rejected");
    CHECK(value("| Status | Date |\n|:--|--|\n| Accepted | 2024-01-01 |\n") == "Accepted");
    CHECK(value("## Statuses of the services\n\nAll green.\n") == "(none)");
    CHECK(value("Status:\n") == "(none)");
    const auto located = find_body_status("# T\n\n**Status:** Proposed\n");
    REQUIRE(located);
    CHECK(located->line == 3);
    CHECK(located->column == 13);
}

TEST_CASE("a retired word anywhere in a status retires the record", "[adr]") {
    CHECK(classify_status("~~Accepted~~ Superseded") == StatusKind::retired);
    CHECK(classify_status("**Deprecated**") == StatusKind::retired);
    CHECK(classify_status("Accepted, later rejected") == StatusKind::retired);
    CHECK(classify_status("supersedes ADR-3") == StatusKind::other);
    CHECK(classify_status("Accepted 2026-01-05") == StatusKind::accepted);
}

TEST_CASE("a makeorbuy block outside line-1 front matter is found; examples are not", "[adr]") {
    auto late = find_stray_block("\n\n---\nstatus: x\nmakeorbuy:\n  schema: 1\n---\n");
    REQUIRE(late);
    CHECK(late->line == 5);
    CHECK(late->why.find("opens on line 3") != std::string::npos);
    auto bare = find_stray_block("# T\n\nmakeorbuy:\n  schema: 1\n");
    REQUIRE(bare);
    CHECK(bare->line == 3);
    CHECK_FALSE(find_stray_block("# T\n\n```yaml\nmakeorbuy:\n```\n"));
    CHECK_FALSE(find_stray_block("# T\n\n<!--\nmakeorbuy: off\n-->\n"));
    CHECK_FALSE(find_stray_block("# T\n\nWe use makeorbuy: it helps.\n"));
    // The word is searched from its 'k': at the very start and end of the text too.
    REQUIRE(find_stray_block("makeorbuy:\n  schema: 1\n"));
    CHECK(find_stray_block("makeorbuy:\n  schema: 1\n")->line == 1);
    REQUIRE(find_stray_block("# T\nkk makemakeorbuy\nmakeorbuy:"));
    CHECK(find_stray_block("# T\nkk makemakeorbuy\nmakeorbuy:")->line == 3);
    CHECK_FALSE(find_stray_block("k"));
    CHECK_FALSE(find_stray_block("makeorbu"));
    CHECK_FALSE(find_stray_block("# T\n\nmakeorb:\nkeorbuy:\n"));
    const std::string utf16("\xFF\xFE-\0-\0-\0\n\0m\0a\0k\0e\0o\0r\0b\0u\0y\0:\0\n\0", 32);
    auto wide = find_stray_block(utf16);
    REQUIRE(wide);
    CHECK(wide->line == 2);
    CHECK(wide->why.find("UTF-16") != std::string::npos);
}
