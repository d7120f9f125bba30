// GitLab Code Quality (artifacts:reports:codequality): a JSON array of
// findings with a fingerprint that stays the same from run to run.

#include "makeorbuy/render/check_formats.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>

namespace makeorbuy::adr {

namespace {

std::uint64_t fnv1a(std::string_view text, std::uint64_t hash) {
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return hash;
}

// 32 hex digits from what places a finding (file, id, line, column), not from
// its message, which may name today's date; `nth` tells apart findings of one
// kind at one place.
std::string fingerprint(const std::string& path, std::string_view id, int line, int column, int nth) {
    const std::string key = fmt::format("{}\n{}\n{}\n{}\n{}", path, id, line, column, nth);
    return fmt::format("{:016x}{:016x}", fnv1a(key, 14695981039346656037ULL),
                       fnv1a(key, 0x84222325cbf29ce4ULL));
}

} // namespace

std::string render_check_gitlab(const CheckReport& report) {
    using Json = nlohmann::ordered_json;
    Json issues = Json::array();
    std::map<std::string, int> seen;
    auto add = [&](const std::string& description, std::string_view id, const char* severity,
                   const Location& where) {
        const int line = where.line > 0 ? where.line : 1;
        const std::string place = fmt::format("{}\n{}\n{}\n{}", where.file.str(), id, line, where.column);
        issues.push_back(
            Json{{"description", description},
                 {"check_name", id},
                 {"fingerprint", fingerprint(where.file.str(), id, line, where.column, seen[place]++)},
                 {"severity", severity},
                 {"location", Json{{"path", where.file.str()}, {"lines", Json{{"begin", line}}}}}});
    };
    for (const auto& r : report.records)
        for (const auto& f : r.findings)
            add(f.message, info(f.kind).id,
                f.severity == Severity::error     ? "major"
                : f.severity == Severity::warning ? "minor"
                                                  : "info",
                f.where);
    for (const auto& p : report.problems)
        add(p.message, "unreadable-path", p.severity == Severity::error ? "major" : "minor", p.where);
    return issues.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

} // namespace makeorbuy::adr
