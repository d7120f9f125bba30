#pragma once
// JSON parsed together with where each value sits in the text, so that a
// problem found after parsing can still be reported as FILE:LINE:COLUMN.

#include "makeorbuy/core/source_text.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <unordered_map>

namespace makeorbuy {

class JsonDocument {
public:
    /// Parses `source`; throws Error at the offending line and column when the
    /// JSON is malformed or nested deeper than `max_depth`.
    static JsonDocument parse(SourceText source, int max_depth = 64);

    [[nodiscard]] const nlohmann::json& root() const { return m_root; }
    [[nodiscard]] const SourceText& source() const { return m_source; }

    /// Where the value at a JSON pointer ("/rules/3/weight") starts; falls
    /// back to the nearest enclosing value that is known.
    [[nodiscard]] Location value_location(const std::string& pointer) const;
    /// Where the key of an object member is; the value's place for array items.
    [[nodiscard]] Location key_location(const std::string& pointer) const;

private:
    struct Place {
        std::size_t key = 0;
        std::size_t value = 0;
    };
    [[nodiscard]] const Place* find(std::string pointer) const;

    SourceText m_source;
    nlohmann::json m_root;
    // Built on the first lookup: only diagnostics need it, and a run without
    // problems should not pay for it. (Not safe to fill from two threads.)
    mutable std::optional<std::unordered_map<std::string, Place>> m_places;
};

/// Appends one escaped reference token to a JSON pointer.
std::string pointer_append(const std::string& pointer, const std::string& token);
std::string pointer_append(const std::string& pointer, std::size_t index);

} // namespace makeorbuy
