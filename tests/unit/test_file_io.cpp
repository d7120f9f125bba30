#include "makeorbuy/core/source_text.hpp"
#include "makeorbuy/io/file_io.hpp"

#include "temp_dir.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace makeorbuy;
namespace fs = std::filesystem;

namespace {

using test::TempDir;

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::size_t entries(const fs::path& folder) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(folder), fs::directory_iterator()));
}

} // namespace

TEST_CASE("write_file_atomic writes a new file and leaves no temporary", "[file_io]") {
    TempDir dir;
    const fs::path file = dir.path / "answers.toml";
    write_file_atomic(file.string(), "stage = \"growth\"\n", Overwrite::never);
    CHECK(slurp(file) == "stage = \"growth\"\n");
    CHECK(entries(dir.path) == 1);
}

TEST_CASE("write_file_atomic never replaces a file unless allowed", "[file_io]") {
    TempDir dir;
    const fs::path file = dir.path / "answers.toml";
    std::ofstream(file) << "old\n";
    CHECK_THROWS_AS(write_file_atomic(file.string(), "new\n", Overwrite::never), Error);
    try {
        write_file_atomic(file.string(), "new\n", Overwrite::never);
    } catch (const Error& e) {
        CHECK(e.diagnostics().at(0).where.file == file.string());
        CHECK(e.diagnostics().at(0).message.find("already exists") != std::string::npos);
    }
    CHECK(slurp(file) == "old\n");
    CHECK(entries(dir.path) == 1);
    write_file_atomic(file.string(), "new\n", Overwrite::allowed);
    CHECK(slurp(file) == "new\n");
    CHECK(entries(dir.path) == 1);
}

TEST_CASE("write_file_atomic refuses a missing folder, naming the path", "[file_io]") {
    TempDir dir;
    const fs::path file = dir.path / "no" / "such" / "x.toml";
    try {
        write_file_atomic(file.string(), "x", Overwrite::never);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.diagnostics().at(0).where.file == file.string());
    }
    CHECK_FALSE(fs::exists(file));
}

TEST_CASE("read_source reads a file and refuses folders, missing and oversized files", "[file_io]") {
    TempDir dir;
    const fs::path file = dir.path / "a.txt";
    std::ofstream(file) << "one\ntwo\n";
    const SourceText source = read_source(file.string());
    CHECK(source.text() == "one\ntwo\n");
    CHECK(source.name() == file.string());
    CHECK_THROWS_AS(read_source((dir.path / "missing").string()), Error);
    CHECK_THROWS_AS(read_source(dir.path.string()), Error);
    CHECK_THROWS_AS(read_source(file.string(), 4), Error);
}
