#pragma once
// Shared by the interview tests: a small rules table with each kind of
// question (one conditional) and a scripted Terminal.

#include "makeorbuy/core/json_document.hpp"
#include "makeorbuy/core/rules.hpp"
#include "makeorbuy/core/rules_loader.hpp"
#include "term/terminal.hpp"

#include <deque>
#include <optional>
#include <string>

namespace makeorbuy::test {

/// stage (choice, required), spend (number, required), volume (choice,
/// asked only when spend >= 20000), drivers (multi), team (integer, default 3).
inline const RuleSet& interview_rules() {
    static const RuleSet rules = [] {
        const char* text = R"({
  "id": "interview-test", "version": "1",
  "questions": [
    {"key": "stage", "prompt": "Where is the product?", "help": "Stage help.", "type": "choice",
     "values": [{"value": "prototype", "text": "A demo"}, {"value": "pre-pmf", "text": "Real users"},
                {"value": "growth", "text": "Climbing"}, {"value": "scale", "text": "Settled"}]},
    {"key": "spend", "prompt": "Monthly spend?", "help": "Spend help.", "type": "number",
     "min": 0, "max": 1000000, "unit": "USD per month"},
    {"key": "volume", "prompt": "How predictable is volume?", "help": "Volume help.", "type": "choice",
     "values": [{"value": "steady", "text": "Forecastable"}, {"value": "spiky", "text": "Bursts"},
                {"value": "unknown", "text": "Not measured"}],
     "default": "unknown", "ask_if": {"spend": {"gte": 20000}}},
    {"key": "drivers", "prompt": "Which reasons apply?", "help": "Drivers help.", "type": "multi",
     "values": [{"value": "format", "text": "Output format"}, {"value": "cost", "text": "Cost wall"},
                {"value": "voice", "text": "Brand voice"}], "default": []},
    {"key": "team", "prompt": "How many engineers?", "help": "Team help.", "type": "integer",
     "min": 1, "max": 1000, "unit": "engineers", "default": 3}
  ],
  "options": [{"id": "api", "name": "API", "summary": "s"}, {"id": "own", "name": "Own", "summary": "s"}],
  "rules": [{"id": "r1", "when": {"stage": "growth"}, "effects": {"api": 1}, "weight": 1, "rationale": "r",
             "guide": "g"},
            {"id": "r2", "when": {"volume": "steady"}, "effects": {"own": 1}, "weight": 1, "rationale": "r",
             "guide": "g"},
            {"id": "r3", "when": {"drivers": {"contains": "cost"}}, "effects": {"own": 1}, "weight": 1,
             "rationale": "r", "guide": "g"},
            {"id": "r4", "when": {"team": {"gte": 5}}, "effects": {"own": 1}, "weight": 1, "rationale": "r",
             "guide": "g"}],
  "constraints": [], "advice": []
})";
        Diagnostics diagnostics;
        RuleSet loaded = load_rules(JsonDocument::parse(SourceText("interview.json", text)), diagnostics,
                                    RuleChecks::structure);
        diagnostics.throw_if_errors();
        return loaded;
    }();
    return rules;
}

/// stage (choice, required), spend (number, required), hosted (yes/no,
/// default no), and two cost questions asked only when spend >= 50000:
/// requests (0 means "derived from spend") and profile.
inline const RuleSet& interview_cost_rules() {
    static const RuleSet rules = [] {
        const char* text = R"({
  "id": "interview-cost-test", "version": "1",
  "questions": [
    {"key": "stage", "prompt": "Where is the product?", "type": "choice",
     "values": [{"value": "prototype", "text": "A demo"}, {"value": "pre-pmf", "text": "Real users"},
                {"value": "growth", "text": "Climbing"}]},
    {"key": "spend", "prompt": "Monthly spend?", "type": "number", "min": 0, "max": 1000000,
     "unit": "USD per month"},
    {"key": "hosted", "prompt": "Hosted?", "type": "choice",
     "values": [{"value": "yes", "text": "Yes"}, {"value": "no", "text": "No"}], "default": "no"},
    {"key": "requests", "prompt": "Requests a month?", "type": "number", "min": 0, "max": 1e12,
     "unit": "requests per month", "default": 0, "default_text": "derived from spend", "purpose": "cost",
     "ask_if": {"spend": {"gte": 50000}}},
    {"key": "profile", "prompt": "Price profile?", "type": "choice", "purpose": "cost",
     "values": [{"value": "lean", "text": "Lean"}, {"value": "typical", "text": "Typical"}],
     "default": "typical", "ask_if": {"spend": {"gte": 50000}}}
  ],
  "options": [{"id": "api", "name": "API", "summary": "s"}, {"id": "own", "name": "Own", "summary": "s"}],
  "rules": [{"id": "r1", "when": {"stage": "growth"}, "effects": {"api": 1}, "weight": 1, "rationale": "r",
             "guide": "g"},
            {"id": "r2", "when": {"hosted": "yes"}, "effects": {"own": 1}, "weight": 1, "rationale": "r",
             "guide": "g"},
            {"id": "r3", "when": {"spend": {"gte": 1}}, "effects": {"own": 1}, "weight": 1, "rationale": "r",
             "guide": "g"}],
  "constraints": [], "advice": []
})";
        Diagnostics diagnostics;
        RuleSet loaded = load_rules(JsonDocument::parse(SourceText("interview-cost.json", text)), diagnostics,
                                    RuleChecks::structure);
        diagnostics.throw_if_errors();
        return loaded;
    }();
    return rules;
}

/// A terminal that plays back scripted events and lines and records what
/// was written and whether it is in raw mode.
class ScriptedTerminal final : public term::Terminal {
public:
    std::deque<term::Event> events;
    std::deque<std::optional<std::string>> lines;
    std::string written;
    bool raw = false;
    int raw_entries = 0;

    void keys(std::initializer_list<term::Key> list) {
        for (const auto& k : list)
            events.push_back(term::Event{term::EventKind::key, k});
    }
    void write(std::string_view text) override { written += text; }
    term::Event read_event() override {
        if (events.empty()) return term::Event{term::EventKind::key, term::key(term::KeyCode::end_of_input)};
        term::Event e = events.front();
        events.pop_front();
        return e;
    }
    std::optional<std::string> read_line() override {
        if (lines.empty()) return std::nullopt;
        auto line = lines.front();
        lines.pop_front();
        return line;
    }
    std::size_t width() override { return 80; }
    std::size_t height() override { return 24; }
    void set_raw(bool on) override {
        if (on && !raw) ++raw_entries;
        raw = on;
    }
    void suspend() override {}
};

} // namespace makeorbuy::test
