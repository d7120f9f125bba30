// Where a repository keeps its decision records: the folder its tools name
// (.adr-dir, log4brains), a usual folder, or the one holding most records.

#include "makeorbuy/adr/adr.hpp"

#include "makeorbuy/core/text.hpp"
#include "makeorbuy/io/file_io.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <optional>
#include <regex>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace makeorbuy::adr {

namespace {

// The usual folders, in the order they win a tie (MADR's first).
const char* const k_usual_folders[] = {"docs/decisions",
                                       "docs/adr",
                                       "doc/adr",
                                       "docs/adrs",
                                       "adr",
                                       "adrs",
                                       "decision-records",
                                       "docs/decision-records",
                                       "docs/architecture/decisions",
                                       "docs/architecture-decisions",
                                       "docs/architecture/adr",
                                       "doc/architecture/decisions",
                                       "architecture/decisions",
                                       "docs/madr/decisions",
                                       "docs/design/decisions",
                                       "decisions"};

fs::path repo_root(const std::string& start) {
    std::error_code ec;
    fs::path origin = fs::absolute(start.empty() ? "." : start, ec);
    for (fs::path p = origin; !p.empty(); p = p.parent_path()) {
        if (fs::exists(p / ".git", ec)) return p;
        if (p == p.parent_path()) break;
    }
    return origin;
}

// A configuration file's name as the user sees it (its link, not the target).
std::string shown_file(const fs::path& path) {
    std::error_code ec;
    const fs::path relative = path.lexically_proximate(fs::current_path(ec));
    return (relative.empty() ? path : relative).lexically_normal().string();
}

// A folder found or named, as a path from the working folder; unlike
// shown_file, through links (fs::proximate), as the folder adr new writes to.
std::string display_path(const fs::path& path) {
    std::error_code ec;
    fs::path relative = fs::proximate(path, ec);
    if (ec || relative.empty()) return path.lexically_normal().string();
    return relative.lexically_normal().string();
}

// A small configuration file, read only when it is a regular file of at most
// 4 KB (a link to /dev/zero or a FIFO is refused, never read); nullopt when
// there is no such file.
std::optional<std::string> read_small_file(const fs::path& path) {
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0) return std::nullopt;
    const std::string name = path.filename().string();
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        throw Error(Location{shown_file(path)},
                    fmt::format("cannot read {}: {}", name, std::strerror(errno)));
    struct stat target {};
    if (::fstat(fd, &target) != 0 || !S_ISREG(target.st_mode) || target.st_size > 4096) {
        ::close(fd);
        throw Error(Location{shown_file(path), 1, 1},
                    fmt::format("{} must be a small text file naming the records folder; this one is {}: "
                                "refused (replace it with a one-line file such as `doc/adr`)",
                                name, S_ISREG(target.st_mode) ? "over 4 KB" : "not a regular file"));
    }
    std::string text(static_cast<std::size_t>(target.st_size), '\0');
    const ssize_t n = ::read(fd, text.data(), text.size());
    ::close(fd);
    text.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    return text;
}

// A folder named by a configuration file, checked to lie inside the repository.
fs::path named_folder(const fs::path& root, const fs::path& config, const std::string& value, int line) {
    const std::string name = config.filename().string();
    auto refuse = [&](const std::string& why) {
        return Error(Location{shown_file(config), line, 1},
                     fmt::format("{} names '{}', {}; refused (name a folder inside the repository, e.g. "
                                 "doc/adr)",
                                 name, value, why));
    };
    if (value.empty()) throw refuse("an empty name");
    if (value.find('\0') != std::string::npos || value.find('\r') != std::string::npos)
        throw refuse("a name with control characters");
    if (fs::path(value).is_absolute()) throw refuse("an absolute path");
    std::error_code ec;
    const fs::path canonical_root = fs::weakly_canonical(root, ec);
    const fs::path folder = fs::weakly_canonical(root / value, ec);
    if (ec) throw refuse(fmt::format("which cannot be resolved ({})", ec.message()));
    const fs::path inside = folder.lexically_relative(canonical_root);
    if (inside.empty() || inside == "." || *inside.begin() == "..")
        throw refuse(inside == "." ? "the repository root itself" : "a folder outside the repository");
    if (fs::exists(folder, ec) && !fs::is_directory(folder, ec)) throw refuse("which is not a folder");
    return root / value;
}

// adr-tools: `.adr-dir` holds the folder on its first line.
std::optional<RecordFolder> adr_dir_file(const fs::path& root) {
    const fs::path config = root / ".adr-dir";
    const auto text = read_small_file(config);
    if (!text) return std::nullopt;
    const std::string line = trim(text->substr(0, text->find('\n')));
    return RecordFolder{display_path(named_folder(root, config, line, 1)), "named by .adr-dir"};
}

// log4brains: `.log4brains.yml` has `adrFolder: ./docs/adr` under `project:`.
std::optional<RecordFolder> log4brains_folder(const fs::path& root) {
    const fs::path config = root / ".log4brains.yml";
    const auto text = read_small_file(config);
    if (!text) return std::nullopt;
    static const std::regex k_key(R"(^\s*adrFolder\s*:\s*["']?([^"'#]*?)["']?\s*(#.*)?$)");
    int line_number = 0;
    std::size_t pos = 0;
    while (pos < text->size()) {
        std::size_t end = text->find('\n', pos);
        if (end == std::string::npos) end = text->size();
        const std::string line = text->substr(pos, end - pos);
        pos = end + 1;
        ++line_number;
        std::smatch match;
        if (std::regex_match(line, match, k_key))
            return RecordFolder{display_path(named_folder(root, config, trim(match[1].str()), line_number)),
                                "named by .log4brains.yml"};
    }
    return std::nullopt;
}

bool is_record_name(const std::string& name) {
    static const std::regex k_numbered(R"(^([A-Za-z]{1,10}[-_]?)?\d+[-_].+\.(md|markdown|mdx)$)");
    return std::regex_match(name, k_numbered);
}

// How many numbered records a folder holds directly.
std::size_t count_records(const fs::path& folder) {
    std::size_t count = 0;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
        if (is_record_name(it->path().filename().string()) && it->is_regular_file(ec)) ++count;
    return count;
}

// The folder under the root holding most numbered records (at least two),
// searched four levels deep, skipping hidden folders and node_modules.
std::optional<RecordFolder> busiest_folder(const fs::path& root) {
    std::optional<RecordFolder> best;
    std::size_t most = 1;
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    for (fs::recursive_directory_iterator end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!it->is_directory(ec) || it->is_symlink(ec)) continue;
        if (name.empty() || name.front() == '.' || name == "node_modules" || it.depth() >= 4) {
            it.disable_recursion_pending();
            if (name.empty() || name.front() == '.' || name == "node_modules") continue;
        }
        const std::size_t count = count_records(it->path());
        if (count > most) {
            most = count;
            best = RecordFolder{display_path(it->path()), fmt::format("holds {} numbered records", count)};
        }
    }
    return best;
}

} // namespace

RecordFolder locate_record_folder(const std::string& start) {
    const fs::path root = repo_root(start);
    if (auto named = adr_dir_file(root)) return *named;
    if (auto named = log4brains_folder(root)) return *named;
    std::error_code ec;
    std::optional<RecordFolder> usual;
    std::size_t most = 0;
    for (const char* folder : k_usual_folders) {
        if (!fs::is_directory(root / folder, ec)) continue;
        const std::size_t count = count_records(root / folder);
        if (!usual || count > most) {
            usual = RecordFolder{display_path(root / folder),
                                 count == 0 ? "exists" : fmt::format("holds {} numbered records", count)};
            most = count;
        }
    }
    if (usual && most > 0) return *usual;
    if (auto busiest = busiest_folder(root)) return *busiest;
    if (usual) return *usual;
    return RecordFolder{display_path(root / "docs/decisions"), "MADR's default; none exists yet"};
}

std::string find_record_folder(const std::string& start) {
    return locate_record_folder(start).path;
}

std::vector<std::string> existing_record_folders(const std::string& start) {
    const fs::path root = repo_root(start);
    std::vector<std::string> folders;
    std::error_code ec;
    auto add = [&](const std::string& folder) {
        if (fs::is_directory(folder, ec) &&
            std::find(folders.begin(), folders.end(), folder) == folders.end())
            folders.push_back(folder);
    };
    if (auto named = adr_dir_file(root)) add(named->path);
    if (auto named = log4brains_folder(root)) add(named->path);
    for (const char* folder : k_usual_folders)
        add(display_path(root / folder));
    if (folders.empty())
        if (auto busiest = busiest_folder(root)) add(busiest->path);
    return folders;
}

} // namespace makeorbuy::adr
