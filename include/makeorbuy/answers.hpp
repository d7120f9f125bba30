#pragma once
// Answers to the questionnaire: raw as typed (from flags, files or the
// terminal) and validated.

#include "makeorbuy/diagnostics.hpp"

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace makeorbuy {

/// A validated answer: a choice value, a number, or a set of choice values.
using Value = std::variant<std::string, double, std::vector<std::string>>;

enum class Origin { flag, file, interview, default_value };

[[nodiscard]] const char* to_string(Origin origin);

struct Answer {
    Value value;
    Origin origin = Origin::default_value;
    Location where; ///< where it was given, for later diagnostics
};

/// Answers keyed by question key.
class Answers {
public:
    void set(const std::string& key, Answer answer) { m_values[key] = std::move(answer); }
    void erase(const std::string& key) { m_values.erase(key); }
    [[nodiscard]] const Answer* find(const std::string& key) const;
    [[nodiscard]] const Value* value(const std::string& key) const;
    [[nodiscard]] bool has(const std::string& key) const { return m_values.count(key) != 0; }
    [[nodiscard]] const std::map<std::string, Answer>& all() const { return m_values; }

private:
    std::map<std::string, Answer> m_values;
};

/// An answer as the user typed it, before it is checked against a question.
struct RawAnswer {
    std::string key;
    std::vector<std::string> values; ///< one item for a scalar; several for a list
    bool is_list = false;            ///< given as a list (TOML array, JSON array)
    Origin origin = Origin::flag;
    Location where;
};

/// Text of a value as a user would type it: "pre-pmf", "30000", "a,b".
[[nodiscard]] std::string display_value(const Value& value);

} // namespace makeorbuy
