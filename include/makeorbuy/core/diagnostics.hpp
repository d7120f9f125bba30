#pragma once
// Diagnostics: every problem found in an input, with where it is, so a user
// sees all of them at once rather than one per run.

#include <memory>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace makeorbuy {

/// A file name that every Location in one file can share: copying it copies a
/// pointer, not the name (a record's answers each carry their place).
class FileName {
public:
    FileName() = default;
    // Implicit, so that Location{path, line, column} reads as before.
    FileName(const std::string& name)
        : m_name(name.empty() ? nullptr : std::make_shared<const std::string>(name)) {}
    FileName(const char* name)
        : FileName(name == nullptr ? std::string() : std::string(name)) {}

    [[nodiscard]] const std::string& str() const { return m_name ? *m_name : empty_name(); }
    operator const std::string&() const { return str(); }
    [[nodiscard]] bool empty() const { return !m_name; }

    friend bool operator==(const FileName& a, const FileName& b) { return a.str() == b.str(); }
    friend bool operator==(const FileName& a, const std::string& b) { return a.str() == b; }
    friend bool operator==(const FileName& a, const char* b) { return a.str() == b; }

private:
    static const std::string& empty_name();
    std::shared_ptr<const std::string> m_name;
};

/// Where a problem is: a file position, or a command-line flag (file empty,
/// `what` naming the flag), or nothing.
struct Location {
    FileName file;  ///< file name as the user gave it, or a flag such as "--stage"
    int line = 0;   ///< 1-based; 0 when unknown
    int column = 0; ///< 1-based; 0 when unknown

    /// "FILE:LINE:COLUMN", "FILE:LINE", "FILE" or "" as far as known.
    [[nodiscard]] std::string to_string() const;
};

enum class Severity { error, warning, note };

/// "error", "warning" or "note".
[[nodiscard]] const char* to_string(Severity severity);

struct Diagnostic {
    Location where;
    std::string message;
    Severity severity = Severity::error;
};

/// Collects diagnostics; loaders add to it and carry on where they can.
///
/// What it keeps is bounded, whatever the input: the first k_max_per_file of
/// each file and k_max_kept in all. The rest are counted, and items() ends
/// with one summary per file ("... and 199,980 more errors in this file"),
/// at most k_max_summaries of them and one for all other files.
class Diagnostics {
public:
    static constexpr std::size_t k_max_per_file = 100;
    static constexpr std::size_t k_max_kept = 1000;
    static constexpr std::size_t k_max_summaries = 100;

    void error(Location where, std::string message);
    void warning(Location where, std::string message);
    void add(Diagnostic d);
    void append(const Diagnostics& other);

    [[nodiscard]] bool has_errors() const { return m_errors > 0; }
    [[nodiscard]] bool empty() const { return m_count == 0; }
    /// How many were added, kept or not.
    [[nodiscard]] std::size_t count() const { return m_count; }
    /// The diagnostics kept, then a summary of those that were not.
    [[nodiscard]] const std::vector<Diagnostic>& items() const;
    /// Only the diagnostics kept, without the summaries.
    [[nodiscard]] const std::vector<Diagnostic>& kept() const { return m_items; }
    /// How many errors and warnings (notes counting as warnings) were not kept.
    [[nodiscard]] std::size_t omitted_errors() const { return m_omitted_errors; }
    [[nodiscard]] std::size_t omitted_warnings() const { return m_omitted_warnings; }

    /// Throws Error carrying every diagnostic if any of them is an error.
    void throw_if_errors() const;

private:
    struct Omitted {
        FileName file; ///< empty: every file without a summary of its own
        std::size_t errors = 0;
        std::size_t warnings = 0;
    };
    void omit(const FileName& file, std::size_t errors, std::size_t warnings);

    std::vector<Diagnostic> m_items;
    std::vector<std::pair<std::string, std::size_t>> m_per_file; ///< kept per file name
    std::vector<Omitted> m_omitted;
    std::unordered_map<std::string, std::size_t> m_omitted_index; ///< file name -> m_omitted
    mutable std::vector<Diagnostic> m_view; ///< m_items and the summaries, made by items()
    std::size_t m_count = 0;
    std::size_t m_errors = 0;
    std::size_t m_omitted_errors = 0;
    std::size_t m_omitted_warnings = 0;
};

/// "... and 199,980 more errors and 3 warnings" for diagnostics not shown.
[[nodiscard]] std::string omitted_text(std::size_t errors, std::size_t warnings);

/// The one error type for "cannot go on": caught once in cli::run, which
/// prints every diagnostic and exits with code 2.
class Error : public std::runtime_error {
public:
    explicit Error(std::vector<Diagnostic> diagnostics);
    Error(Location where, const std::string& message);
    [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return m_diagnostics; }

private:
    std::vector<Diagnostic> m_diagnostics;
};

/// Thrown when the user interrupts an interview (Ctrl-C); exit code 130.
/// `written` names the files the run wrote before that, so the message can
/// say what is on disk.
class Interrupted : public std::runtime_error {
public:
    explicit Interrupted(std::vector<std::string> written = {})
        : std::runtime_error("interrupted")
        , m_written(std::move(written)) {}
    [[nodiscard]] const std::vector<std::string>& written() const { return m_written; }

private:
    std::vector<std::string> m_written;
};

} // namespace makeorbuy
