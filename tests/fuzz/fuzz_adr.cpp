// libFuzzer target: a decision record as `adr check` reads it: the `---`
// front matter found by scanning, the YAML read by libyaml into the
// makeorbuy block, the Markdown body scanned for a MADR 2 or Nygard status,
// then re-scored. check_text promises never to throw for anything in the
// text; each report format is rendered from the result.

#include "fuzz_common.hpp"

#include "makeorbuy/adr_report.hpp"

using namespace makeorbuy;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = fuzz::text_of(data, size);
    const adr::CheckOptions options{"2026-11-29", adr::ProposedPolicy::error};
    adr::RecordResult result = adr::check_text("docs/decisions/0001-fuzz.md", text, default_rules(), options);
    for (const auto& finding : result.findings) {
        if (finding.where.file != "docs/decisions/0001-fuzz.md") fuzz::fail("a finding names another file");
        if (finding.where.line < 0 || finding.where.column < 0)
            fuzz::fail("a finding at a negative position");
    }

    adr::CheckReport report;
    report.records.push_back(std::move(result));
    report.rules_label = default_rules().label();
    report.today = options.today;
    report.timestamp = "2026-11-29T00:00:00";
    report.hostname = "fuzz";
    for (auto format : {adr::CheckFormat::text, adr::CheckFormat::json, adr::CheckFormat::junit,
                        adr::CheckFormat::github, adr::CheckFormat::sarif})
        (void)adr::render_check(report, format);
    (void)adr::render_step_summary(report);
    return 0;
}
