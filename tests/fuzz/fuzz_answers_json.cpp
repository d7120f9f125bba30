// libFuzzer target: a JSON answers file (`--config FILE.json`), parsed and
// validated against the default rules, then saved as a flags file and read
// back to the same answers.

#include "fuzz_common.hpp"

#include "makeorbuy/core/validate.hpp"
#include "makeorbuy/input/answer_files.hpp"

using namespace makeorbuy;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const RuleSet& rules = default_rules();
    try {
        Diagnostics diagnostics;
        const auto raw = parse_answers_json(SourceText("fuzz.json", fuzz::text_of(data, size)), diagnostics);
        for (const auto& d : diagnostics.items())
            (void)d.where.to_string();
        if (diagnostics.has_errors()) return 0;
        Answers answers = validate_answers(raw, rules, diagnostics);
        if (diagnostics.has_errors()) return 0;

        Diagnostics again;
        const auto reread =
            parse_flags_file(SourceText("saved.toml", write_flags_file(answers, rules)), again);
        const Answers replayed = validate_answers(reread, rules, again);
        if (again.has_errors()) fuzz::fail("answers from JSON do not survive --save-answers");
        for (const auto& [key, answer] : answers.all()) {
            const Value* value = replayed.value(key);
            if (value == nullptr || *value != answer.value)
                fuzz::fail("answers from JSON change on --save-answers");
        }
    } catch (const Error&) {
    }
    return 0;
}
