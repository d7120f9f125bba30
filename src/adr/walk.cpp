// Finding the files to check, and checking them: a plain readdir walk that
// follows symlinks once, and a pool of threads for large trees.

#include "front_matter.hpp"

#include "makeorbuy/adr/adr_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <memory>
#include <numeric>
#include <set>
#include <sys/stat.h>
#include <thread>
#include <tuple>
#include <unistd.h>

namespace makeorbuy::adr {

namespace {

bool is_markdown(std::string_view name) {
    for (std::string_view ext : {".md", ".markdown", ".mdx"})
        if (name.size() > ext.size() && name.substr(name.size() - ext.size()) == ext) return true;
    return false;
}

std::string join_path(const std::string& folder, const std::string& name) {
    if (folder.empty() || folder == ".") return folder.empty() ? name : "./" + name;
    return folder.back() == '/' ? folder + name : folder + "/" + name;
}

class Walker {
public:
    Walker(std::vector<std::string>& files, Diagnostics& problems)
        : m_files(files)
        , m_problems(problems) {}

    /// Adds a file; dedupe() then keeps only the first path to each file
    /// (device and inode): paths that overlap, and links to a file, check it once.
    void add_file(std::string path, dev_t device, ino_t inode) {
        m_files.push_back(std::move(path));
        m_file_ids.emplace_back(device, inode);
    }

    /// Drops each path to a file listed before it, keeping the order. (One sort
    /// at the end, not a set insertion per file: a tree holds thousands.)
    void dedupe() {
        std::vector<std::size_t> order(m_files.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return m_file_ids[a] < m_file_ids[b]; });
        std::vector<bool> repeated(m_files.size(), false);
        for (std::size_t k = 1; k < order.size(); ++k)
            repeated[order[k]] = m_file_ids[order[k]] == m_file_ids[order[k - 1]];
        std::size_t kept = 0;
        for (std::size_t i = 0; i < m_files.size(); ++i) {
            if (repeated[i]) continue;
            if (kept != i) m_files[kept] = std::move(m_files[i]); // never onto itself: that empties it
            ++kept;
        }
        m_files.resize(kept);
        m_file_ids.clear();
    }

    void walk(const std::string& folder, const struct stat& info) {
        const std::pair<dev_t, ino_t> id{info.st_dev, info.st_ino};
        if (std::find(m_stack.begin(), m_stack.end(), id) != m_stack.end()) {
            m_problems.error(Location{folder},
                             "symlink loop: this folder leads back to one that contains it; not followed "
                             "(remove the link, or name the folders to check so the loop is outside them)");
            return;
        }
        if (!m_seen.insert(id).second) return; // reached twice through symlinks: checked once
        DIR* dir = ::opendir(folder.c_str());
        if (dir == nullptr) {
            m_problems.error(Location{folder},
                             fmt::format("cannot read the folder: {}", std::strerror(errno)));
            return;
        }
        std::vector<std::tuple<std::string, unsigned char, ino_t>> entries;
        while (const dirent* entry = ::readdir(dir)) {
            const std::string_view name = entry->d_name;
            if (name.empty() || name.front() == '.' || name == "node_modules") continue;
            entries.emplace_back(std::string(name), entry->d_type, entry->d_ino);
        }
        ::closedir(dir);
        std::sort(entries.begin(), entries.end());
        m_stack.push_back(id);
        for (const auto& [name, type, inode] : entries) {
            std::string path = join_path(folder, name);
            if (type == DT_REG) {
                if (is_markdown(name)) add_file(std::move(path), info.st_dev, inode);
                continue;
            }
            if (type != DT_DIR && type != DT_LNK && type != DT_UNKNOWN) continue;
            struct stat target {};
            if (::stat(path.c_str(), &target) != 0) {
                // A looping link that could be a record or a folder is reported; one
                // named like any other file is skipped, as such files are.
                if (errno == ELOOP && (is_markdown(name) || name.find('.') == std::string::npos))
                    m_problems.error(Location{path},
                                     "symlink loop: the link never reaches a file or folder; not followed "
                                     "(remove or repoint the link)");
                continue; // a dangling link is not ours to report
            }
            if (S_ISDIR(target.st_mode))
                walk(path, target);
            else if (S_ISREG(target.st_mode) && is_markdown(name))
                add_file(path, target.st_dev, target.st_ino);
        }
        m_stack.pop_back();
    }

private:
    std::vector<std::string>& m_files;
    Diagnostics& m_problems;
    std::vector<std::pair<dev_t, ino_t>> m_stack;
    std::set<std::pair<dev_t, ino_t>> m_seen;
    std::vector<std::pair<dev_t, ino_t>> m_file_ids; ///< parallel to m_files until dedupe()
};

// A decision record is a few kB; past this a file is refused unread, so a
// huge or endless file cannot take the memory.
constexpr std::size_t k_max_record_bytes = std::size_t{16} << 20;
constexpr const char* k_note_unreadable = "unreadable";
constexpr const char* k_note_too_large = "too large";

/// A read buffer each thread keeps from file to file: no allocation, and no
/// zero-filling of bytes about to be read over, per file.
class ReadBuffer {
public:
    char* data() { return m_data.get(); }
    std::size_t capacity() const { return m_capacity; }
    /// Room for at least `size` bytes, keeping the first `keep`.
    void reserve(std::size_t size, std::size_t keep) {
        if (size <= m_capacity) return;
        std::unique_ptr<char[]> bigger(new char[size]);
        std::copy(m_data.get(), m_data.get() + keep, bigger.get());
        m_data = std::move(bigger);
        m_capacity = size;
    }

private:
    std::unique_ptr<char[]> m_data;
    std::size_t m_capacity = 0;
};

/// Whether `head`, the start of a file, holds its whole front matter: the
/// closing fence and the end of its line are in it.
bool holds_front_matter(std::string_view head) {
    // Only a makeorbuy record's head will do: any other file is read whole, as a
    // makeorbuy block further down is an error to report (fail closed).
    const auto front_matter = find_front_matter(strip_bom(head));
    return front_matter && front_matter->closed && front_matter->body > 0 &&
           strip_bom(head)[front_matter->body - 1] == '\n' && mentions_makeorbuy(front_matter->yaml);
}

// Reads the whole file into `buffer`, unless its first bytes hold the whole of
// a makeorbuy record's front matter (head); `size` is how many bytes were read.
enum class ReadResult { whole, head, too_large, failed };
ReadResult read_record(const std::string& path, ReadBuffer& buffer, std::size_t& size, int& error,
                       bool head_will_do) {
    // O_NONBLOCK: a FIFO named on the command line must not hang the check.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        error = errno;
        return ReadResult::failed;
    }
    constexpr std::size_t k_first_read = 4096;
    buffer.reserve(k_first_read, 0);
    size = 0;
    ReadResult result = ReadResult::whole;
    bool sized = false;
    for (int reads = 1;; ++reads) {
        if (size == buffer.capacity()) buffer.reserve(buffer.capacity() * 2, size);
        // The first 4 KB alone first: it usually holds a record's whole front matter.
        const std::size_t room = size == 0 ? k_first_read : buffer.capacity() - size;
        const ssize_t n = ::read(fd, buffer.data() + size, room);
        if (n < 0 && errno == EINTR) continue;
        // A FIFO or device opened non-blocking that has nothing more for now:
        // sized below like a special file that sent more.
        const bool waiting = n < 0 && errno == EAGAIN && !sized && size > 0;
        if (n < 0 && !waiting) {
            error = errno;
            result = ReadResult::failed;
            break;
        }
        if (n == 0) break;
        if (n > 0) size += static_cast<std::size_t>(n);
        if (size > k_max_record_bytes) {
            result = ReadResult::too_large;
            break;
        }
        // Refuse a file unread past the limit; when the first read holds a
        // record's whole front matter, the rest is read only if the check needs
        // it; else make room for the rest at once (every file is read whole: a
        // makeorbuy block anywhere in it must be reported, not skipped). A
        // first read that came back short is most often a small file whole:
        // the next read says so without asking the file's size.
        const bool short_first = reads == 1 && size < k_first_read;
        if (!sized && !short_first) {
            sized = true;
            struct stat info {};
            if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0) {
                const auto file_size = static_cast<std::size_t>(info.st_size);
                if (file_size > k_max_record_bytes) {
                    result = ReadResult::too_large;
                    break;
                }
                if (head_will_do && file_size > size &&
                    holds_front_matter(std::string_view(buffer.data(), size))) {
                    result = ReadResult::head;
                    break;
                }
                buffer.reserve(file_size + 1, size);
            } else if (!opens_front_matter(std::string_view(buffer.data(), size))) {
                break; // a device or FIFO without front matter: what it had sent is all we read
            }
        }
    }
    ::close(fd);
    return result;
}

} // namespace

std::vector<std::string> collect_files(const std::vector<std::string>& paths, Diagnostics& problems) {
    std::vector<std::string> files;
    Walker walker(files, problems);
    for (const auto& path : paths) {
        struct stat info {};
        if (::stat(path.c_str(), &info) != 0) {
            problems.error(Location{path}, fmt::format("cannot read: {}", std::strerror(errno)));
            continue;
        }
        if (S_ISDIR(info.st_mode))
            walker.walk(path, info);
        else
            walker.add_file(path, info.st_dev, info.st_ino); // read whatever its extension
    }
    walker.dedupe();
    return files;
}

namespace {

RecordResult read_and_check(const std::string& path, const RuleSet& rules, const CheckOptions& options,
                            Diagnostics& problems, bool head_will_do) {
    thread_local ReadBuffer buffer;
    std::size_t size = 0;
    int error = 0;
    switch (read_record(path, buffer, size, error, head_will_do)) {
    case ReadResult::failed: {
        problems.error(Location{path}, fmt::format("cannot read the file: {}", std::strerror(error)));
        RecordResult result;
        result.path = path;
        result.note = k_note_unreadable;
        return result;
    }
    case ReadResult::too_large: {
        problems.error(Location{path}, fmt::format("the file is over {} bytes; refused", k_max_record_bytes));
        RecordResult result;
        result.path = path;
        result.note = k_note_too_large;
        return result;
    }
    case ReadResult::head:
        if (auto result = check_head(path, std::string_view(buffer.data(), size), rules, options))
            return *result;
        return read_and_check(path, rules, options, problems, false); // its status is in the body
    case ReadResult::whole:
        break;
    }
    return check_text(path, std::string_view(buffer.data(), size), rules, options);
}

} // namespace

RecordResult check_file(const std::string& path, const RuleSet& rules, const CheckOptions& options,
                        Diagnostics& problems) {
    return read_and_check(path, rules, options, problems, true);
}

std::vector<RecordResult> check_files(const std::vector<std::string>& files, const RuleSet& rules,
                                      const CheckOptions& options, Diagnostics& problems,
                                      std::atomic<std::size_t>& done) {
    std::atomic<std::size_t> kept{0};
    CheckOptions shared = options;
    if (shared.kept == nullptr) shared.kept = &kept;
    std::vector<RecordResult> results(files.size());
    std::vector<Diagnostics> file_problems(files.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < files.size(); i = next++) {
            // Nothing may escape a thread (that would end the program): a
            // record that cannot be checked (out of memory) is a problem.
            try {
                results[i] = check_file(files[i], rules, shared, file_problems[i]);
            } catch (const std::exception& e) {
                results[i] = RecordResult{};
                results[i].path = files[i];
                results[i].note = "not checked";
                file_problems[i].error(Location{files[i]},
                                       fmt::format("cannot check the file: {}", e.what()));
            }
            ++done;
        }
    };
    // Threads pay off only past a few hundred files; below that one is quicker.
    // MAKEORBUY_THREADS caps them (the bench compares one thread with several).
    std::size_t threads =
        files.size() < 256 ? 1 : std::min<std::size_t>(std::max(1U, std::thread::hardware_concurrency()), 8);
    if (const char* cap = std::getenv("MAKEORBUY_THREADS"); cap != nullptr && std::atoi(cap) > 0)
        threads = std::min<std::size_t>(threads, static_cast<std::size_t>(std::atoi(cap)));
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t)
        pool.emplace_back(work);
    work();
    for (auto& thread : pool)
        thread.join();
    for (const auto& p : file_problems)
        problems.append(p);
    // A file that could not be read is reported once, as a problem, not also as a skipped file.
    results.erase(std::remove_if(results.begin(), results.end(),
                                 [](const RecordResult& r) {
                                     return r.note == k_note_unreadable || r.note == k_note_too_large;
                                 }),
                  results.end());
    check_successors(results);
    return results;
}

} // namespace makeorbuy::adr
