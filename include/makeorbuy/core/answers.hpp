#pragma once
// Answers to the questionnaire: raw as typed (from flags, files or the
// terminal) and validated.

#include "makeorbuy/core/diagnostics.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
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

/// Answers keyed by question key, in one small array in the order they were
/// set: a questionnaire has a few dozen questions, and rules look answers up
/// far more often than they are set, so a scan that compares lengths first
/// beats a tree of strings. Past k_scan_limit answers (a rules file with
/// thousands of questions) a hash index takes over, so that a lookup never
/// costs as much as the questionnaire is long.
class Answers {
public:
    using Entry = std::pair<std::string, Answer>;

    void set(const std::string& key, Answer answer);
    /// Room for n answers without moving them again.
    void reserve(std::size_t n) { m_values.reserve(n); }
    void erase(std::string_view key);
    /// Puts `value` in the place of an answer that is there and returns the
    /// value it had (the answer's origin and place stay); for trying values.
    Value exchange(std::string_view key, Value value);
    [[nodiscard]] const Answer* find(std::string_view key) const;
    [[nodiscard]] const Value* value(std::string_view key) const;
    [[nodiscard]] bool has(std::string_view key) const { return find(key) != nullptr; }
    /// A copy of every answer, in key order.
    [[nodiscard]] std::vector<Entry> all() const;

private:
    [[nodiscard]] std::size_t index_of(std::string_view key) const; ///< size() when absent

    static constexpr std::size_t k_scan_limit = 32;
    void reindex();

    std::vector<Entry> m_values;
    struct KeyHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
    };
    /// Empty up to k_scan_limit answers; looked up by string_view, without a copy.
    std::unordered_map<std::string, std::size_t, KeyHash, std::equal_to<>> m_index;
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
