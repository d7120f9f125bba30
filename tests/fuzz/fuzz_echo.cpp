// libFuzzer target: echoing hostile text. Whatever the bytes, neutralise()
// gives valid UTF-8 with no control, BiDi or line-breaking character, and
// changes nothing twice; shown() stays short; every output format of
// `adr check` keeps a hostile file name and message on their own line (no
// smuggled workflow command), and its JUnit holds only characters XML allows.
// The same bytes as a source text: the location index agrees with a plain
// count of lines and characters at every offset tried.

#include "fuzz_common.hpp"

#include "makeorbuy/core/echo.hpp"
#include "makeorbuy/core/source_text.hpp"
#include "makeorbuy/render/check_formats.hpp"

#include <algorithm>
#include <utility>

using namespace makeorbuy;

namespace {

// Whether `text` (valid UTF-8) holds a character that acts on a display.
bool has_actor(std::string_view text, bool allow_newline) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && !(allow_newline && c == '\n')) || c == 0x7F) return true;
        const std::string_view rest = text.substr(i);
        for (std::string_view bad :
             {"\xC2\x80", "\xC2\x85", "\xC2\x9B", "\xC2\x9D", "\xE2\x80\xAE", "\xE2\x80\xA8", "\xE2\x80\xA9",
              "\xE2\x81\xA6", "\xEF\xBF\xBE", "\xEF\xBF\xBF"})
            if (rest.rfind(bad, 0) == 0) return true;
    }
    return false;
}

void check_lines_are_ours(const std::string& out, std::string_view format, std::string_view prefix_a,
                          std::string_view prefix_b) {
    std::size_t start = 0;
    while (start < out.size()) {
        std::size_t end = out.find('\n', start);
        if (end == std::string::npos) end = out.size();
        const std::string_view line = std::string_view(out).substr(start, end - start);
        if (line.rfind("::", 0) == 0 && line.rfind(prefix_a, 0) != 0 && line.rfind(prefix_b, 0) != 0) {
            std::fprintf(stderr, "format %.*s, line: %.*s\n", static_cast<int>(format.size()), format.data(),
                         static_cast<int>(line.size()), line.data());
            fuzz::fail("a line starts a workflow command that is not ours");
        }
        start = end + 1;
    }
}

void check_location(const std::string& text, std::size_t offset) {
    const SourceText source("f", text);
    const Location at = source.location(offset);
    offset = std::min(offset, text.size());
    int line = 1;
    std::size_t start = 0;
    for (std::size_t i = 0; i < offset; ++i)
        if (text[i] == '\n') {
            ++line;
            start = i + 1;
        }
    if (start == 0 && offset >= 3 && text.rfind("\xEF\xBB\xBF", 0) == 0) start = 3;
    int column = 1;
    for (std::size_t i = start; i < offset; ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) ++column;
    if (at.line != line || at.column != column) fuzz::fail("the location index disagrees with a plain count");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = fuzz::text_of(data, size);

    // 1. neutralise and shown.
    const std::string safe = neutralise(text);
    if (!fuzz::valid_utf8(safe)) fuzz::fail("neutralise gave invalid UTF-8");
    if (has_actor(safe, false)) fuzz::fail("neutralise left a character that acts");
    if (neutralise(safe) != safe) fuzz::fail("neutralise is not idempotent");
    if (needs_neutralising(safe)) fuzz::fail("needs_neutralising disagrees with neutralise");
    const std::string quoted = shown(text);
    if (quoted.size() > 64 * 10 + 40 || has_actor(quoted, false) || !fuzz::valid_utf8(quoted))
        fuzz::fail("shown is too long or left a character that acts");
    const std::string code = adr::markdown_code(text);
    if (has_actor(code, false)) fuzz::fail("markdown_code left a character that acts");

    // 2. The location index, at a few offsets the input picks.
    for (std::size_t k = 0; k < std::min<std::size_t>(size, 4); ++k)
        check_location(text, static_cast<std::size_t>(data[k]) * (size / 256 + 1));
    check_location(text, size);

    // 3. Every format of adr check, with the input as a file name and a message
    //    (a walk's paths start with the folder it was given).
    adr::CheckReport report;
    report.today = "2026-11-29";
    report.timestamp = "2026-11-29T00:00:00";
    report.hostname = text;
    report.rules_label = "default@1";
    adr::RecordResult record;
    record.path = "docs/" + text;
    record.state = adr::RecordState::checked;
    record.chosen = text;
    record.findings.push_back(
        {adr::FindingKind::chosen_overridden, Severity::warning, Location{record.path, 1, 1}, text});
    record.omitted_errors = size;
    report.records.push_back(record);
    report.problems.push_back({Location{record.path}, text, Severity::error});
    const std::pair<adr::CheckFormat, std::string_view> formats[] = {
        {adr::CheckFormat::text, "text"},   {adr::CheckFormat::github, "github"},
        {adr::CheckFormat::junit, "junit"}, {adr::CheckFormat::json, "json"},
        {adr::CheckFormat::sarif, "sarif"}, {adr::CheckFormat::gitlab, "gitlab"}};
    for (const auto& [format, name] : formats) {
        const std::string out = adr::render_check(report, format);
        if (!fuzz::valid_utf8(out)) fuzz::fail("an adr check format is not valid UTF-8");
        if (format != adr::CheckFormat::json && format != adr::CheckFormat::sarif &&
            format != adr::CheckFormat::gitlab && has_actor(out, true))
            fuzz::fail("an adr check format holds a character that acts");
        check_lines_are_ours(out, name, "::error file=", "::warning file=");
    }
    const std::string summary = adr::render_step_summary(report);
    if (has_actor(summary, true)) fuzz::fail("the step summary holds a character that acts");
    return 0;
}
