#pragma once
// A text read from a file, with the mapping from byte offsets to lines and
// columns that diagnostics need.

#include "makeorbuy/core/diagnostics.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace makeorbuy {

class SourceText {
public:
    SourceText() = default;
    SourceText(std::string name, std::string text);

    [[nodiscard]] const std::string& name() const { return m_name; }
    [[nodiscard]] const std::string& text() const { return m_text; }

    /// Location of a byte offset: 1-based line, and 1-based column counted in
    /// UTF-8 characters.
    [[nodiscard]] Location location(std::size_t offset) const;
    [[nodiscard]] Location location(int line, int column) const { return {m_name, line, column}; }

private:
    std::string m_name;
    std::string m_text;
    std::vector<std::size_t> m_line_starts;
};

/// Reads a whole file; throws Error naming the file when it cannot, or when
/// it is larger than `max_bytes`.
SourceText read_source(const std::string& path, std::size_t max_bytes = std::size_t{64} << 20);

} // namespace makeorbuy
