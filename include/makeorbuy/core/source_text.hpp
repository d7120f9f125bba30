#pragma once
// A text read from a file, with the mapping from byte offsets to lines and
// columns that diagnostics need.

#include "makeorbuy/core/diagnostics.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace makeorbuy {

class SourceText {
public:
    SourceText() = default;
    SourceText(const std::string& name, std::string text);

    [[nodiscard]] const std::string& name() const { return m_name.str(); }
    [[nodiscard]] const std::string& text() const { return m_text; }

    /// Location of a byte offset: 1-based line, and 1-based column counted in
    /// UTF-8 characters. Takes the same short time wherever the offset is,
    /// however long its line: a file with 100,000 problems on one line is
    /// located in as many steps.
    [[nodiscard]] Location location(std::size_t offset) const;
    [[nodiscard]] Location location(int line, int column) const { return {m_name, line, column}; }

private:
    /// Characters (UTF-8 lead bytes) before `offset`.
    [[nodiscard]] std::size_t characters_before(std::size_t offset) const;

    static constexpr std::size_t k_block = 256;
    FileName m_name; // one name shared by every location in the file
    std::string m_text;
    std::vector<std::size_t> m_line_starts;
    std::vector<std::uint32_t> m_block_characters; ///< characters before each k_block-byte block
};

/// Reads a whole regular file; throws Error naming the file when it cannot,
/// when it is larger than `max_bytes`, or when it is not a regular file (a
/// FIFO or device would block or never end). "-" reads stdin, as long as it is
/// not a terminal, to the same bound.
SourceText read_source(const std::string& path, std::size_t max_bytes = std::size_t{64} << 20);

} // namespace makeorbuy
