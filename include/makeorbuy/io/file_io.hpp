#pragma once
// Writing files so that nothing is ever half-written or lost.

#include <string>

namespace makeorbuy {

enum class Overwrite { never, allowed };

/// Writes `content` to a temporary file beside `path`, syncs it, then moves it
/// into place. With Overwrite::never an existing `path` is left untouched and
/// Error says so. Throws Error naming the path on any failure (full disk,
/// missing folder, no permission), removing the temporary file. An existing
/// device or FIFO (/dev/stdout) is written through with Overwrite::allowed; a
/// FIFO that nobody reads is refused at once, never waited on.
void write_file_atomic(const std::string& path, const std::string& content, Overwrite overwrite);

} // namespace makeorbuy
