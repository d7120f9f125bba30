#pragma once
// A scratch folder for a unit test, removed with everything in it at the end.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace makeorbuy::test {

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "makeorbuy-unit-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr); // the template mkdtemp fills in
        path = pattern;
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    /// Writes `text` to `name` in the folder; its path.
    [[nodiscard]] std::string write(const std::string& name, const std::string& text) const {
        const std::filesystem::path file = path / name;
        std::ofstream(file, std::ios::binary) << text;
        return file.string();
    }
};

} // namespace makeorbuy::test
