#pragma once
// Diagnostics: every problem found in an input, with where it is, so a user
// sees all of them at once rather than one per run.

#include <memory>
#include <stdexcept>
#include <string>
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
class Diagnostics {
public:
    void error(Location where, std::string message);
    void warning(Location where, std::string message);
    void add(Diagnostic d) { m_items.push_back(std::move(d)); }
    void append(const Diagnostics& other);

    [[nodiscard]] bool has_errors() const;
    [[nodiscard]] bool empty() const { return m_items.empty(); }
    [[nodiscard]] const std::vector<Diagnostic>& items() const { return m_items; }

    /// Throws Error carrying every diagnostic if any of them is an error.
    void throw_if_errors() const;

private:
    std::vector<Diagnostic> m_items;
};

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
class Interrupted : public std::runtime_error {
public:
    Interrupted()
        : std::runtime_error("interrupted") {}
};

} // namespace makeorbuy
