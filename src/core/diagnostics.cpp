#include "makeorbuy/core/diagnostics.hpp"

#include "makeorbuy/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>

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
    add({std::move(where), std::move(message), Severity::error});
}

void Diagnostics::warning(Location where, std::string message) {
    add({std::move(where), std::move(message), Severity::warning});
}

void Diagnostics::add(Diagnostic d) {
    ++m_count;
    const bool is_error = d.severity == Severity::error;
    if (is_error) ++m_errors;
    if (m_items.size() >= k_max_kept) {
        omit(d.where.file, is_error ? 1 : 0, is_error ? 0 : 1);
        return;
    }
    // The kept count of this file: nearly always the last file seen.
    const std::string& file = d.where.file.str();
    auto it = m_per_file.rbegin();
    while (it != m_per_file.rend() && it->first != file)
        ++it;
    if (it == m_per_file.rend()) {
        m_per_file.emplace_back(file, 0);
        it = m_per_file.rbegin();
    }
    if (it->second >= k_max_per_file) {
        omit(d.where.file, is_error ? 1 : 0, is_error ? 0 : 1);
        return;
    }
    ++it->second;
    m_items.push_back(std::move(d));
}

void Diagnostics::omit(const FileName& file, std::size_t errors, std::size_t warnings) {
    m_omitted_errors += errors;
    m_omitted_warnings += warnings;
    auto found = m_omitted_index.find(file.str());
    if (found == m_omitted_index.end()) {
        // Past the summaries' cap, one line (the empty name) stands for every other file.
        const std::string key = m_omitted.size() < k_max_summaries ? file.str() : std::string();
        found = m_omitted_index.find(key);
        if (found == m_omitted_index.end()) {
            m_omitted.push_back({key.empty() ? FileName{} : file, 0, 0});
            found = m_omitted_index.emplace(key, m_omitted.size() - 1).first;
        }
    }
    m_omitted[found->second].errors += errors;
    m_omitted[found->second].warnings += warnings;
}

void Diagnostics::append(const Diagnostics& other) {
    for (const auto& d : other.m_items)
        add(d);
    for (const auto& o : other.m_omitted) {
        m_count += o.errors + o.warnings;
        m_errors += o.errors;
        omit(o.file, o.errors, o.warnings);
    }
}

const std::vector<Diagnostic>& Diagnostics::items() const {
    if (m_omitted.empty()) return m_items;
    m_view = m_items;
    for (const auto& o : m_omitted)
        m_view.push_back({Location{o.file},
                          omitted_text(o.errors, o.warnings) +
                              (o.file.empty() && m_omitted.size() > 1 ? " in other files" : "") +
                              fmt::format(" (makeorbuy shows the first {} of a file and {} in all)",
                                          k_max_per_file, k_max_kept),
                          o.errors > 0 ? Severity::error : Severity::warning});
    return m_view;
}

void Diagnostics::throw_if_errors() const {
    if (has_errors()) throw Error(items());
}

std::string omitted_text(std::size_t errors, std::size_t warnings) {
    const auto counted = [](std::size_t n, const char* what) {
        return fmt::format("{} {}{}", group_thousands(n), what, n == 1 ? "" : "s");
    };
    std::string out = "... and ";
    if (errors > 0) out += counted(errors, "more error");
    if (errors > 0 && warnings > 0) out += " and ";
    if (warnings > 0) out += counted(warnings, errors > 0 ? "warning" : "more warning");
    return out;
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
