// The walk `adr check` and `adr list` share.

#include "adr_records.hpp"
#include "common.hpp"

#include "makeorbuy/adr/adr.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <thread>
#include <unistd.h>

namespace makeorbuy::cli {

std::vector<std::string> record_paths(const std::vector<std::string>& given) {
    if (!given.empty()) return given;
    return adr::existing_record_folders(".");
}

// A progress line on a terminal while a large tree is checked.
std::vector<adr::RecordResult> check_with_progress(const std::vector<std::string>& files,
                                                   const adr::CheckOptions& check, Diagnostics& problems) {
    std::atomic<std::size_t> done{0};
    if (files.size() < 500 || ::isatty(STDERR_FILENO) != 1)
        return adr::check_files(files, active_rules(), check, problems, done);
    std::vector<adr::RecordResult> results;
    std::atomic<bool> finished{false};
    std::thread worker([&] {
        results = adr::check_files(files, active_rules(), check, problems, done);
        finished = true;
    });
    while (!finished) {
        std::fprintf(stderr, "\rmakeorbuy: checked %zu of %zu files", done.load(), files.size());
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    worker.join();
    std::fputs("\r\033[K", stderr);
    return results;
}

void stamp(adr::CheckReport& report) {
    if (const char* pinned = std::getenv("MAKEORBUY_TODAY"); pinned != nullptr && *pinned != '\0') {
        report.timestamp = report.today + "T00:00:00";
        report.hostname = "localhost";
        return;
    }
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    ::localtime_r(&now, &local);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &local);
    report.timestamp = buffer;
    char host[256] = {};
    report.hostname = ::gethostname(host, sizeof host - 1) == 0 && host[0] != '\0' ? host : "localhost";
}

bool no_records(const adr::CheckReport& report) {
    return std::none_of(report.records.begin(), report.records.end(),
                        [](const auto& r) { return r.state != adr::RecordState::other; });
}

} // namespace makeorbuy::cli
