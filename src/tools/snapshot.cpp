// Build step: loads a rules or price table from JSON with every check the
// `rules validate` command makes, and writes its snapshot (snapshot.hpp) for
// the binary to embed. A table with errors fails the build, with each
// problem at its FILE:LINE:COLUMN.
//   makeorbuy_snapshot rules|prices TABLE.json OUTPUT

#include "makeorbuy/snapshot.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

int usage() {
    std::fputs("usage: makeorbuy_snapshot rules|prices TABLE.json OUTPUT\n", stderr);
    return 2;
}

// Written beside OUTPUT and renamed over it, so an interrupted build leaves
// no half snapshot for the next one to embed.
bool write_file(const std::string& path, const std::string& bytes) {
    const std::string temporary = path + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out.flush()) return false;
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    return !error;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 4) return usage();
    const std::string kind = argv[1];
    const std::string input = argv[2];
    const std::string output = argv[3];
    std::string bytes;
    try {
        if (kind == "rules")
            bytes = makeorbuy::snapshot_of(makeorbuy::load_rules_file(input));
        else if (kind == "prices")
            bytes = makeorbuy::snapshot_of(makeorbuy::load_prices_file(input));
        else
            return usage();
    } catch (const makeorbuy::Error& e) {
        for (const auto& d : e.diagnostics())
            std::fprintf(stderr, "%s: error: %s\n", d.where.to_string().c_str(), d.message.c_str());
        return 1;
    }
    if (!write_file(output, bytes)) {
        std::fprintf(stderr, "makeorbuy_snapshot: cannot write %s\n", output.c_str());
        return 1;
    }
    return 0;
}
