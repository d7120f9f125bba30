#pragma once
// Echoing what a file or an argument holds without letting it act: a value
// quoted in a message must never move a terminal's cursor, write its
// clipboard, reorder the text around it, start a line that a CI system reads
// as a command, or break the XML or Markdown it lands in.

#include <cstddef>
#include <string>
#include <string_view>

namespace makeorbuy {

/// `text` with everything that could act made visible as an escape, and
/// everything else unchanged: C0 controls and DEL (`\n`, `\t`, `\x1B`), C1
/// controls (`\u009B`), bidirectional embeddings, overrides, isolates and
/// marks, zero-width and other invisible format characters, line and
/// paragraph separators, tag characters, the noncharacters U+FFFE and U+FFFF,
/// and bytes that are not UTF-8 (`\xFF`). The result is valid UTF-8 that XML
/// 1.0 accepts, and neutralise(neutralise(x)) == neutralise(x).
[[nodiscard]] std::string neutralise(std::string_view text);

/// Whether neutralise() would change `text`.
[[nodiscard]] bool needs_neutralising(std::string_view text);

/// A value as a message quotes it: neutralised, and a long one cut to its
/// first `max_bytes` bytes (whole characters) with its size: "abc... (10485760 bytes)".
[[nodiscard]] std::string shown(std::string_view text, std::size_t max_bytes = 64);

} // namespace makeorbuy
