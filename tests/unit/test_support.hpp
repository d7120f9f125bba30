#pragma once
// Helpers the unit tests share: rules tables from JSON text, answers from
// literals, and finding a diagnostic by its message.

#include "makeorbuy/core/answers.hpp"
#include "makeorbuy/core/diagnostics.hpp"
#include "makeorbuy/core/json_document.hpp"
#include "makeorbuy/core/rules.hpp"
#include "makeorbuy/core/rules_loader.hpp"

#include <string>
#include <utility>
#include <vector>

namespace makeorbuy::test {

/// Loads a rules table from JSON text named "t.json".
inline RuleSet rules_from(const std::string& text, Diagnostics& diagnostics,
                          RuleChecks checks = RuleChecks::full,
                          const std::vector<std::string>& reserved_keys = {}) {
    const JsonDocument document = JsonDocument::parse(SourceText("t.json", text));
    return load_rules(document, diagnostics, checks, reserved_keys);
}

/// Loads a rules table that must have no errors.
inline RuleSet rules_ok(const std::string& text) {
    Diagnostics diagnostics;
    RuleSet rules = rules_from(text, diagnostics);
    diagnostics.throw_if_errors();
    return rules;
}

/// Answers from (key, value) pairs.
inline Answers answers_of(std::vector<std::pair<std::string, Value>> values) {
    Answers answers;
    for (auto& [key, value] : values)
        answers.set(key, Answer{std::move(value), Origin::flag, {}});
    return answers;
}

/// The first diagnostic whose message contains `needle`, or nullptr.
inline const Diagnostic* find_message(const Diagnostics& diagnostics, const std::string& needle) {
    for (const auto& d : diagnostics.items())
        if (d.message.find(needle) != std::string::npos) return &d;
    return nullptr;
}

/// Every diagnostic as "LINE:COL: message", one a line, for failure messages.
inline std::string dump(const Diagnostics& diagnostics) {
    std::string out;
    for (const auto& d : diagnostics.items())
        out += d.where.to_string() + ": " + d.message + "\n";
    return out;
}

/// A small, valid rules table used as the base of loader and scoring tests.
/// Lines are kept stable: tests refer to them by number.
inline const char* k_small_rules = R"({
  "id": "small",
  "version": "1",
  "questions": [
    {"key": "stage", "prompt": "Stage?", "help": "h", "type": "choice",
     "values": [{"value": "early", "text": "e"}, {"value": "late", "text": "l"},
                {"value": "yes", "text": "y", "aliases": ["true"]}]},
    {"key": "spend", "prompt": "Spend?", "help": "h", "type": "number", "min": 0, "max": 1000000, "default": 0},
    {"key": "drivers", "prompt": "Why?", "help": "h", "type": "multi",
     "values": [{"value": "format", "text": "f"}, {"value": "voice", "text": "v"}], "default": []}
  ],
  "options": [{"id": "api", "name": "API"}, {"id": "own", "name": "Own"}, {"id": "tuned", "name": "Tuned"}],
  "rules": [
    {"id": "early-api", "when": {"stage": "early"}, "effects": {"api": 2, "own": -1}, "weight": 1.5, "rationale": "r"},
    {"id": "spend-own", "effects": {"own": 2}, "weight": 1,
     "scale": {"question": "spend", "from": 50000, "to": 200000, "curve": "log"}, "rationale": "r"},
    {"id": "voice", "when": {"drivers": {"contains": "voice"}}, "effects": {"tuned": 3}, "weight": 1, "rationale": "r"}
  ],
  "constraints": [{"id": "late-no-api", "when": {"stage": "late"}, "exclude": ["api"], "rationale": "r"}],
  "advice": []
}
)";

} // namespace makeorbuy::test
