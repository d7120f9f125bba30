// libFuzzer target: a decision record as `adr check` reads it: the `---`
// front matter found by scanning, the YAML read (by the fast reader, or by
// libyaml when the fast reader gives up) into the makeorbuy block, the
// Markdown body scanned for a MADR 2 or Nygard status, then re-scored.
// check_text promises never to throw for anything in the text; each report
// format is rendered from the result. The front matter (or, without one,
// the whole input) is also read as YAML both ways: wherever the fast reader
// answers, libyaml must agree.

#include "fuzz_common.hpp"

#include "adr/front_matter.hpp"
#include "adr/yaml_document.hpp"

#include "makeorbuy/adr/adr_check.hpp"
#include "makeorbuy/render/check_formats.hpp"

using namespace makeorbuy;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = fuzz::text_of(data, size);
    const auto front_matter = adr::find_front_matter(adr::strip_bom(text));
    const std::string_view yaml = front_matter ? front_matter->yaml : std::string_view(text);
    adr::Document fast;
    if (adr::parse_simple_yaml(yaml, fast)) {
        adr::Document full;
        adr::YamlError error;
        if (!adr::parse_yaml(yaml, full, error))
            fuzz::fail("the fast YAML reader accepts what libyaml refuses");
        if (!adr::same_document(fast, full)) fuzz::fail("the fast YAML reader and libyaml disagree");
    }
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
    for (const auto& format : adr::check_formats())
        (void)format.render(report);
    (void)adr::render_step_summary(report);
    return 0;
}
