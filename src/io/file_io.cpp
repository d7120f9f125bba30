#include "makeorbuy/io/file_io.hpp"

#include "makeorbuy/core/diagnostics.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace makeorbuy {

namespace {

std::string folder_of(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

[[noreturn]] void fail(const std::string& path, const std::string& temp, const char* doing, int error) {
    if (!temp.empty()) ::unlink(temp.c_str());
    throw Error(Location{path}, fmt::format("cannot write the file ({}: {})", doing, std::strerror(error)));
}

void write_all(const std::string& path, const std::string& temp, int fd, const std::string& content) {
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int error = errno;
            ::close(fd);
            fail(path, temp, "writing", error);
        }
        written += static_cast<std::size_t>(n);
    }
}

void write_through(const std::string& path, const std::string& content) {
    // O_NONBLOCK: a FIFO that nobody reads fails at once (ENXIO) rather than
    // waiting for a reader that may never come; then writes block as usual.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        if (errno == ENXIO)
            throw Error(Location{path}, "is a FIFO that nobody is reading; makeorbuy does not wait for a "
                                        "reader (write to a regular file)");
        fail(path, {}, "opening", errno);
    }
    if (const int flags = ::fcntl(fd, F_GETFL); flags >= 0) (void)::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    write_all(path, {}, fd, content);
    if (::close(fd) != 0) fail(path, {}, "closing", errno);
}

} // namespace

void write_file_atomic(const std::string& path, const std::string& content, Overwrite overwrite) {
    if (path.empty()) throw Error(Location{"\"\""}, "an empty file name; name a file to write");
    struct stat info {};
    const bool exists = ::lstat(path.c_str(), &info) == 0;
    if (overwrite == Overwrite::never && exists)
        throw Error(Location{path},
                    "already exists; makeorbuy does not replace files (choose another name, or "
                    "pass --force where the command offers it)");
    // A device or FIFO (/dev/stdout, /dev/full, a pipe) is written through:
    // renaming a temporary file over it would replace the device itself.
    if (struct stat target{}; exists && ::stat(path.c_str(), &target) == 0 && !S_ISREG(target.st_mode)) {
        if (S_ISDIR(target.st_mode)) throw Error(Location{path}, "is a folder, not a file");
        write_through(path, content);
        return;
    }
    std::string temp = folder_of(path) + "/.makeorbuy-XXXXXX";
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) fail(path, {}, "creating a temporary file", errno);
    write_all(path, temp, fd, content);
    if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0) {
        const int error = errno;
        ::close(fd);
        fail(path, temp, "syncing", error);
    }
    if (::close(fd) != 0) fail(path, temp, "closing", errno);
    if (overwrite == Overwrite::never) {
        // link() fails if the target appeared meanwhile, so no file is ever replaced.
        if (::link(temp.c_str(), path.c_str()) != 0) {
            const int error = errno;
            if (error == EEXIST) {
                ::unlink(temp.c_str());
                throw Error(Location{path}, "already exists; makeorbuy does not replace files");
            }
            fail(path, temp, "moving into place", error);
        }
        ::unlink(temp.c_str());
        return;
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) fail(path, temp, "moving into place", errno);
}

} // namespace makeorbuy
