#include "makeorbuy/core/diagnostics.hpp"

#include <fmt/format.h>

namespace makeorbuy {

const std::string& FileName::empty_name() {
    static const std::string empty;
    return empty;
}

const char* to_string(Severity severity) {
    switch (severity) {
    case Severity::error:
        return "error";
    case Severity::warning:
        return "warning";
    case Severity::note:
        return "note";
    }
    return "note";
}

std::string Location::to_string() const {
    if (file.empty()) return {};
    if (line <= 0) return file.str();
    if (column <= 0) return fmt::format("{}:{}", file.str(), line);
    return fmt::format("{}:{}:{}", file.str(), line, column);
}

void Diagnostics::error(Location where, std::string message) {
    m_items.push_back({std::move(where), std::move(message), Severity::error});
}

void Diagnostics::warning(Location where, std::string message) {
    m_items.push_back({std::move(where), std::move(message), Severity::warning});
}

void Diagnostics::append(const Diagnostics& other) {
    m_items.insert(m_items.end(), other.m_items.begin(), other.m_items.end());
}

bool Diagnostics::has_errors() const {
    for (const auto& d : m_items)
        if (d.severity == Severity::error) return true;
    return false;
}

void Diagnostics::throw_if_errors() const {
    if (has_errors()) throw Error(m_items);
}

static std::string first_message(const std::vector<Diagnostic>& diagnostics) {
    return diagnostics.empty() ? std::string("error") : diagnostics.front().message;
}

Error::Error(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(first_message(diagnostics))
    , m_diagnostics(std::move(diagnostics)) {}

Error::Error(Location where, const std::string& message)
    : std::runtime_error(message)
    , m_diagnostics{{std::move(where), message, Severity::error}} {}

} // namespace makeorbuy
