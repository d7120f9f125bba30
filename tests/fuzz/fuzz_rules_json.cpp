// libFuzzer target: a rules file (`--rules FILE`, `rules validate FILE`), from
// the JSON parser through every check; a table that passes is then scored
// with its defaults and rendered, as `recommend` would.

#include "fuzz_common.hpp"

#include "makeorbuy/core/json_document.hpp"
#include "makeorbuy/core/rules.hpp"
#include "makeorbuy/core/rules_loader.hpp"
#include "makeorbuy/core/validate.hpp"
#include "makeorbuy/render/render.hpp"
#include "makeorbuy/report/report.hpp"

using namespace makeorbuy;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const JsonDocument document = JsonDocument::parse(SourceText("fuzz.json", fuzz::text_of(data, size)));
        Diagnostics diagnostics;
        RuleSet rules = load_rules(document, diagnostics, RuleChecks::full);
        for (const auto& d : diagnostics.items())
            (void)d.where.to_string();
        if (diagnostics.has_errors()) return 0;

        Answers answers;
        fill_defaults(answers, rules);
        if (!missing_required(answers, rules).empty()) return 0;
        const Report report = make_report(rules, std::move(answers));
        (void)render_json(report);
        (void)render_markdown(report);
        (void)render_text(report, TextStyle{});
    } catch (const Error&) {
        // Rejected with a located message: what a user sees, exit 2.
    }
    return 0;
}
