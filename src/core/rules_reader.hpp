#pragma once
// Internal: helpers the rules loader's parts share for reading JSON members
// with located diagnostics.

#include "makeorbuy/core/diagnostics.hpp"
#include "makeorbuy/core/json_document.hpp"
#include "makeorbuy/core/rules.hpp"

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace makeorbuy::detail {

/// Whether a field of a table must be there: a missing required field is an error.
enum class Field { required, optional };

/// Whether `text` is an id: lower-case letters, digits and dashes, not
/// starting with a dash.
[[nodiscard]] bool is_id(const std::string& text);

class RulesReader {
public:
    RulesReader(const JsonDocument& document, Diagnostics& diagnostics)
        : m_doc(document)
        , m_diagnostics(diagnostics) {}

    void error_at(const std::string& pointer, const std::string& message) const {
        m_diagnostics.error(m_doc.value_location(pointer), message);
    }
    void error_at_key(const std::string& pointer, const std::string& message) const {
        m_diagnostics.error(m_doc.key_location(pointer), message);
    }
    void warning_at(const std::string& pointer, const std::string& message) const {
        m_diagnostics.warning(m_doc.value_location(pointer), message);
    }
    [[nodiscard]] Location location(const std::string& pointer) const {
        return m_doc.value_location(pointer);
    }

    /// Reports members of `object` not in `allowed`, with a did-you-mean.
    void check_fields(const nlohmann::json& object, const std::string& pointer,
                      std::initializer_list<const char*> allowed, const char* what) const;

    /// A list member of the file's top-level object; reports a missing
    /// required one or one that is not a list (null then).
    const nlohmann::json* top_list(const nlohmann::json& root, const char* name, Field field) const;

    /// A string member; reports a missing required one or a wrong type.
    std::optional<std::string> string_field(const nlohmann::json& object, const std::string& pointer,
                                            const char* name, Field field) const;
    /// A number member within [low, high]; reports problems.
    std::optional<double> number_field(const nlohmann::json& object, const std::string& pointer,
                                       const char* name, Field field, double low, double high) const;

    /// Parses a condition; questions after `visible` (if given) count as unknown.
    Condition condition(const nlohmann::json& value, const std::string& pointer, const RuleSet& rules,
                        std::size_t visible, int depth = 0) const;

    /// Parses a figure name ("cost:ratio:frontier-api/self-hosted"), reporting
    /// an unknown figure or option, or a ratio of an option to itself, at
    /// the key (`at_key`) or the value at `pointer`.
    std::optional<FigureRef> figure(const std::string& name, const std::string& pointer, const RuleSet& rules,
                                    bool at_key) const;

    /// rules.find_question() in constant time: the index is rebuilt when the
    /// question list is another one (a rules file with thousands of
    /// questions and rules must not take questions × rules steps).
    [[nodiscard]] const Question* find_question(const RuleSet& rules, std::string_view key) const;

private:
    void unknown_operator(const std::string& name, const std::string& pointer) const;
    void figure_test(Condition& test, const nlohmann::json& operand, const std::string& pointer,
                     TestOp op) const;
    void value_test(Condition& test, const Question& question, const nlohmann::json& operand,
                    const std::string& pointer, TestOp op) const;
    [[nodiscard]] std::optional<std::string>
    canonical_value(const Question& question, const nlohmann::json& value, const std::string& pointer) const;

    const JsonDocument& m_doc;
    Diagnostics& m_diagnostics;
    mutable std::optional<QuestionIndex> m_questions;
};

/// The file's "questions", each checked where it is written: key (unique,
/// an id, not one of `reserved_keys`, the flags), type, values or range,
/// default and uncertainty. A question that cannot be read is kept, empty,
/// so that later questions keep their index. Conditions (ask_if) are read
/// afterwards, once the options are known.
[[nodiscard]] std::vector<Question> read_questions(const nlohmann::json& root, const RulesReader& read,
                                                   const std::vector<std::string>& reserved_keys);

/// Checks beyond the structure: conditions that can never hold, questions no
/// rule uses. Adds to `diagnostics`.
void check_semantics(const RuleSet& rules, const JsonDocument& document, Diagnostics& diagnostics);

} // namespace makeorbuy::detail
