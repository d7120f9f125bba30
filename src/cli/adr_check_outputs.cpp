// Where `adr check` writes each format, and what it will not write over: an
// input, a folder, socket or block device, or a file that is not an earlier
// report of the same format (unless --force). Pipes and character devices are
// written through.

#include "adr_check_outputs.hpp"

#include "makeorbuy/core/echo.hpp"

#include "common.hpp"

#include "makeorbuy/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <regex>
#include <sys/stat.h>
#include <unistd.h>

namespace makeorbuy::cli {

namespace {

// The names of adr::check_formats(), whose rows CheckFormat numbers.
std::string_view format_name(adr::CheckFormat format) {
    return adr::check_formats()[static_cast<std::size_t>(format)].name;
}

// The first and last few kB of a file (enough to recognise a report); false
// when it cannot be opened.
bool read_ends(const std::string& path, std::string& head, std::string& tail) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return false;
    constexpr std::size_t k_part = 4096;
    head.resize(k_part);
    const ssize_t n = ::pread(fd, head.data(), k_part, 0);
    head.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    struct stat info {};
    tail.clear();
    if (::fstat(fd, &info) == 0 && static_cast<std::size_t>(info.st_size) > k_part) {
        tail.resize(k_part);
        const ssize_t m = ::pread(fd, tail.data(), k_part, info.st_size - static_cast<off_t>(k_part));
        tail.resize(m > 0 ? static_cast<std::size_t>(m) : 0);
    } else {
        tail = head;
    }
    ::close(fd);
    return true;
}

// The text and github formats end with the summary line.
bool ends_with_summary(std::string_view tail) {
    while (!tail.empty() && (tail.back() == '\n' || tail.back() == '\r'))
        tail.remove_suffix(1);
    const auto newline = tail.rfind('\n');
    const std::string last(newline == std::string_view::npos ? tail : tail.substr(newline + 1));
    static const std::regex k_summary(R"(^\d+ records? checked: \d+ with errors, \d+ with warnings, .*)");
    return std::regex_match(last, k_summary);
}

} // namespace

bool looks_like_report(std::string_view head, std::string_view tail, adr::CheckFormat format) {
    switch (format) {
    case adr::CheckFormat::json:
        return head.find(R"("schema": "makeorbuy.adr-check/)") != std::string_view::npos;
    case adr::CheckFormat::sarif:
        return head.find("sarif-2.1.0") != std::string_view::npos &&
               head.find(R"("name": "makeorbuy")") != std::string_view::npos;
    case adr::CheckFormat::gitlab: // an array of issues: "[]" or "[\n  {\n    \"description\""
        return head.rfind("[]", 0) == 0 || (head.rfind("[\n  {\n    \"description\": ", 0) == 0 &&
                                            head.find("\"check_name\": ") != std::string_view::npos);
    case adr::CheckFormat::junit:
        return head.rfind("<?xml", 0) == 0 &&
               head.find("<testsuite name=\"makeorbuy adr check\"") != std::string_view::npos;
    case adr::CheckFormat::text:
    case adr::CheckFormat::github:
        return ends_with_summary(tail);
    }
    return false;
}

std::vector<CheckOutput> parse_check_outputs(const std::vector<std::string>& specs) {
    std::vector<CheckOutput> outputs;
    Diagnostics problems;
    const std::vector<std::string> names = format_names(adr::check_formats());
    for (const auto& spec : specs) {
        const auto equals = spec.find('=');
        const std::string name = to_lower(spec.substr(0, equals));
        const auto found = std::find(names.begin(), names.end(), name);
        if (found == names.end()) {
            problems.error(Location{"--format"},
                           with_hint(fmt::format("unknown format '{}'", shown(name)), name, names) +
                               fmt::format(" (formats: {})", join(names, ", ")));
            continue;
        }
        CheckOutput output{static_cast<adr::CheckFormat>(found - names.begin()),
                           equals == std::string::npos ? "" : spec.substr(equals + 1)};
        if (equals != std::string::npos && output.path.empty())
            problems.error(Location{"--format"},
                           fmt::format("'{}' names no file; write {}=PATH", shown(spec), name));
        if (output.path == "-") output.path.clear(); // FMT=- is stdout, as FMT alone
        outputs.push_back(output);
    }
    if (std::count_if(outputs.begin(), outputs.end(), [](const CheckOutput& o) { return o.path.empty(); }) >
        1)
        problems.error(
            Location{"--format"},
            "more than one format goes to stdout; send the others to files with --format FMT=PATH");
    for (std::size_t i = 0; i < outputs.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (!outputs[i].path.empty() && outputs[i].path == outputs[j].path)
                problems.error(
                    Location{"--format"},
                    fmt::format("two formats are written to '{}'; give each its own file", outputs[i].path));
    problems.throw_if_errors();
    if (outputs.empty()) outputs.push_back(CheckOutput{adr::CheckFormat::text, ""});
    return outputs;
}

void refuse_unsafe_outputs(const std::vector<CheckOutput>& outputs, const std::vector<std::string>& inputs,
                           ReplacePolicy policy) {
    Diagnostics problems;
    for (const auto& output : outputs) {
        if (output.path.empty()) continue;
        struct stat info {};
        if (::stat(output.path.c_str(), &info) != 0) continue; // a new file: nothing to lose
        const std::string flag = fmt::format("--format {}={}", format_name(output.format), output.path);
        const bool is_input = std::any_of(inputs.begin(), inputs.end(), [&](const std::string& input) {
            struct stat other {};
            return ::stat(input.c_str(), &other) == 0 && other.st_dev == info.st_dev &&
                   other.st_ino == info.st_ino;
        });
        if (is_input) {
            problems.error(Location{output.path},
                           fmt::format("{} would write the report over a file being checked; refused (write "
                                       "the report elsewhere, e.g. {}=makeorbuy.{})",
                                       flag, format_name(output.format),
                                       output.format == adr::CheckFormat::junit ? "xml" : "out"));
            continue;
        }
        // A pipe or a character device (/dev/stdout, /dev/null, a process
        // substitution) is written through: nothing on it can be lost, and a
        // FIFO that nobody reads fails at once rather than waiting.
        if (S_ISFIFO(info.st_mode) || S_ISCHR(info.st_mode)) continue;
        if (!S_ISREG(info.st_mode)) {
            problems.error(
                Location{output.path},
                fmt::format("{}: this is {}, not a regular file; refused (write the report to a file)", flag,
                            S_ISDIR(info.st_mode) ? "a folder" : "a socket or block device"));
            continue;
        }
        if (policy == ReplacePolicy::force) continue;
        std::string head;
        std::string tail;
        if (info.st_size == 0 ||
            (read_ends(output.path, head, tail) && looks_like_report(head, tail, output.format)))
            continue; // an earlier report of this format: replaced
        problems.error(Location{output.path},
                       fmt::format("{}: the file exists and is not an earlier makeorbuy {} report; refused "
                                   "(remove it, name another file, or add --force to replace it)",
                                   flag, format_name(output.format)));
    }
    problems.throw_if_errors();
}

} // namespace makeorbuy::cli
