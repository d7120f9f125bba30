// The floor for `adr check`: a minimal program that walks a tree and reads
// every file in it, single-threaded, and prints how many bytes it read.
// `adr check` is judged against this (tests/bench/adr_bench).

#include <cstdio>
#include <dirent.h>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace {

std::size_t read_tree(const std::string& folder) {
    std::size_t bytes = 0;
    DIR* dir = ::opendir(folder.c_str());
    if (dir == nullptr) return 0;
    static char buffer[1 << 16];
    while (const dirent* entry = ::readdir(dir)) {
        if (entry->d_name[0] == '.') continue;
        const std::string path = folder + "/" + entry->d_name;
        if (entry->d_type == DT_DIR) {
            bytes += read_tree(path);
            continue;
        }
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) continue;
        for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;)
            bytes += static_cast<std::size_t>(n);
        ::close(fd);
    }
    ::closedir(dir);
    return bytes;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) return 2;
    std::printf("%zu bytes\n", read_tree(argv[1]));
    return 0;
}
