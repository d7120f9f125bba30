#pragma once
// The rules table: questions, options, weighted rules, constraints and
// advice, as loaded from rules/default.json or a --rules file.

#include "makeorbuy/core/answers.hpp"
#include "makeorbuy/core/condition.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace makeorbuy {

enum class QuestionType { choice, multi, number, integer };

[[nodiscard]] const char* to_string(QuestionType type);

struct ChoiceValue {
    std::string value;
    std::string text;
    std::vector<std::string> aliases;

    bool operator==(const ChoiceValue&) const = default;
};

/// How far a numeric answer may plausibly be off, for the robustness
/// analysis: exactly one of the two is set.
struct Uncertainty {
    double factor = 0;     ///< above 1: off by up to this factor either way (drawn log-uniform)
    double plus_minus = 0; ///< above 0: off by up to this much either way (integers: whole steps)

    bool operator==(const Uncertainty&) const = default;
};

struct Question {
    std::string key;
    std::string prompt;
    std::string help;
    QuestionType type = QuestionType::choice;
    std::vector<ChoiceValue> values;
    double min = 0;
    double max = 0;
    std::string unit;
    std::optional<Value> default_value;
    /// What the default means, shown in its place where it stands ("derived
    /// from monthly spend" for a 0 that asks the cost model to work it out).
    std::string default_text;
    std::optional<Condition> ask_if;
    /// "score" (the rules use it) or "cost" (only the cost model reads it).
    std::string purpose = "score";
    /// Numeric questions: how far the answer may be off ("How sure is this"
    /// draws it within that range too).
    std::optional<Uncertainty> uncertainty;
    /// A team can change the answer by what it does (hire, build experience,
    /// try and document); its tipping points are listed first.
    bool actionable = false;

    [[nodiscard]] bool is_numeric() const {
        return type == QuestionType::number || type == QuestionType::integer;
    }
    [[nodiscard]] bool required() const { return !default_value.has_value(); }
    /// The canonical value for `text` (case-insensitive, aliases allowed).
    [[nodiscard]] const ChoiceValue* find_value(std::string_view text) const;
    /// "prototype, pre-pmf, growth, scale" or "a number from 0 to 1e9 (USD per month)".
    [[nodiscard]] std::string allowed_text() const;
    /// `value` as a reader should see it: default_text when the value is the
    /// default and the question says what that means, else display_value().
    [[nodiscard]] std::string shown(const Value& value) const;

    bool operator==(const Question&) const = default;
};

struct Option {
    std::string id;
    std::string name;
    std::string summary;
    std::string examples;

    bool operator==(const Option&) const = default;
};

struct PriceTable;

enum class Curve { linear, log };

struct Scale {
    std::string question;            ///< empty when the scale reads a figure
    std::optional<FigureRef> figure; ///< a cost figure instead of a question
    double from = 0;
    double to = 1;
    Curve curve = Curve::linear;

    bool operator==(const Scale&) const = default;
};

struct Effect {
    std::size_t option = 0; ///< index into RuleSet::options
    double points = 0;

    bool operator==(const Effect&) const = default;
};

struct Rule {
    std::string id;
    Condition when;
    std::vector<Effect> effects;
    double weight = 1;
    std::optional<Scale> scale;
    std::vector<Scale> more_scales; ///< "scale" given as a list: the rest; factors multiply
    std::string rationale;
    std::string guide;
    std::string pointer;

    bool operator==(const Rule&) const = default;
};

struct Constraint {
    std::string id;
    Condition when;
    std::vector<std::size_t> exclude; ///< option indices
    /// Also rules out buying any open model per token from a provider, so
    /// that option costs count only their own-infrastructure form.
    bool exclude_per_token = false;
    std::string rationale;
    std::string guide;
    std::string pointer;

    bool operator==(const Constraint&) const = default;
};

struct Advice {
    std::string id;
    Condition when;
    std::string text;
    std::string guide;
    std::string pointer;

    bool operator==(const Advice&) const = default;
};

/// One lane of a routing plan: a share of the model calls and the options
/// that may carry it (the cheapest not ruled out, by this run's cost figures).
struct RouteLane {
    std::string role;                 ///< "hard steps", "routine steps"
    std::vector<std::size_t> options; ///< candidates, option indices, in the table's words' order
    double share = 0;                 ///< of the model calls, in (0, 1]; 0 for a fallback
    std::string text;                 ///< what goes down this lane, in words

    bool operator==(const RouteLane&) const = default;
};

/// A routing plan the answers may call for: model calls split between
/// options by difficulty, priced beside the ranking.
struct Route {
    std::string id;
    Condition when;
    std::vector<RouteLane> lanes;      ///< shares add up to 1
    std::optional<RouteLane> fallback; ///< takes over the first lane's calls when it fails; no share
    std::string share_source;          ///< where the shares come from: the guide, or an assumption
    std::string text;
    std::string guide;
    std::string pointer;

    bool operator==(const Route&) const = default;
};

struct RuleSet {
    std::string id;
    std::string version;
    std::string title;
    std::vector<Question> questions;
    std::vector<Option> options;
    std::vector<Rule> rules;
    std::vector<Constraint> constraints;
    std::vector<Advice> advice;
    std::vector<Route> routes; ///< the first whose condition holds is priced
    std::string fingerprint;   ///< hash of the table's content, whitespace aside
    std::string origin;        ///< "embedded" or the file it was read from
    /// The price table the cost figures of conditions, scales and texts are
    /// worked out from (not owned). None: every cost figure is unknown.
    /// default_rules() comes with default_prices(); the CLI binds --prices.
    const PriceTable* prices = nullptr;

    [[nodiscard]] const Question* find_question(const std::string& key) const;
    [[nodiscard]] std::optional<std::size_t> find_option(const std::string& id) const;
    /// "default@2026.11"
    [[nodiscard]] std::string label() const { return id + "@" + version; }

    bool operator==(const RuleSet&) const = default;
};

/// Questions by key in constant time, for code that looks many of them up
/// (the loader's checks). Valid while the question list it was built from is
/// neither changed nor moved.
class QuestionIndex {
public:
    explicit QuestionIndex(const std::vector<Question>& questions);
    [[nodiscard]] const Question* find(std::string_view key) const;
    /// True when built from this very list, unchanged in length.
    [[nodiscard]] bool indexes(const std::vector<Question>& questions) const {
        return m_data == questions.data() && m_size == questions.size();
    }

private:
    std::unordered_map<std::string_view, const Question*> m_by_key;
    const Question* m_data;
    std::size_t m_size;
};

/// The rules embedded in the binary at build time.
const RuleSet& default_rules();

/// Bytes of a file embedded at build time ("default.json", "schema.json"), or empty.
std::string_view embedded_file(std::string_view name);

} // namespace makeorbuy
