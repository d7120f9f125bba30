// libFuzzer target: a flags file (`--config FILE`). Whatever parses and
// validates must survive the --save-answers round trip: written back as a
// flags file and read again, it gives the same answers.

#include "fuzz_common.hpp"

#include "makeorbuy/core/validate.hpp"
#include "makeorbuy/input/answer_files.hpp"

#include <map>
#include <string>

using namespace makeorbuy;

namespace {

std::map<std::string, Value> values_of(const Answers& answers) {
    std::map<std::string, Value> out;
    for (const auto& [key, answer] : answers.all())
        out.emplace(key, answer.value);
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const RuleSet& rules = default_rules();
    try {
        Diagnostics diagnostics;
        const auto raw = parse_flags_file(SourceText("fuzz.toml", fuzz::text_of(data, size)), diagnostics);
        for (const auto& d : diagnostics.items())
            (void)d.where.to_string();
        if (diagnostics.has_errors()) return 0;
        Answers answers = validate_answers(raw, rules, diagnostics);
        if (diagnostics.has_errors()) return 0;

        const std::string saved = write_flags_file(answers, rules);
        Diagnostics again;
        const auto reread = parse_flags_file(SourceText("saved.toml", saved), again);
        const Answers replayed = validate_answers(reread, rules, again);
        if (again.has_errors()) fuzz::fail("a saved flags file does not read back");
        if (values_of(replayed) != values_of(answers))
            fuzz::fail("a saved flags file reads back to other answers");
    } catch (const Error&) {
    }
    return 0;
}
