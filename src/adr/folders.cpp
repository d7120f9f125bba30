// Where records live, what the next one is called.

#include "makeorbuy/adr/adr.hpp"

#include "makeorbuy/core/text.hpp"
#include "makeorbuy/io/file_io.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace makeorbuy::adr {

namespace {

fs::path repo_root(const std::string& start) {
    std::error_code ec;
    fs::path origin = fs::absolute(start.empty() ? "." : start, ec);
    for (fs::path p = origin; !p.empty(); p = p.parent_path()) {
        if (fs::exists(p / ".git", ec)) return p;
        if (p == p.parent_path()) break;
    }
    return origin;
}

// The folder named by `.adr-dir` (adr-tools' convention), if there is one.
std::optional<fs::path> adr_dir_file(const fs::path& root) {
    std::ifstream in(root / ".adr-dir");
    std::string line;
    if (!in || !std::getline(in, line) || trim(line).empty()) return std::nullopt;
    return root / trim(line);
}

std::string shown(const fs::path& path) {
    std::error_code ec;
    fs::path relative = fs::proximate(path, ec);
    if (ec || relative.empty()) return path.lexically_normal().string();
    return relative.lexically_normal().string();
}

} // namespace

std::string slugify(std::string_view title) {
    std::string slug;
    for (char c : title) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80) continue; // accents and emoji have no place in a file name here
        if (std::isalnum(u) != 0)
            slug += static_cast<char>(std::tolower(u));
        else if (!slug.empty() && slug.back() != '-')
            slug += '-';
    }
    while (!slug.empty() && slug.back() == '-')
        slug.pop_back();
    if (slug.size() > 60) {
        slug.resize(60);
        if (const auto dash = slug.rfind('-'); dash != std::string::npos && dash > 30) slug.resize(dash);
    }
    return slug.empty() ? "decision" : slug;
}

std::string find_record_folder(const std::string& start) {
    const fs::path root = repo_root(start);
    std::error_code ec;
    if (auto named = adr_dir_file(root)) return shown(*named);
    for (const char* existing : {"docs/adr", "doc/adr"})
        if (fs::is_directory(root / existing, ec)) return shown(root / existing);
    return shown(root / "docs/decisions");
}

std::vector<std::string> existing_record_folders(const std::string& start) {
    const fs::path root = repo_root(start);
    std::vector<fs::path> candidates;
    if (auto named = adr_dir_file(root)) candidates.push_back(*named);
    for (const char* folder : {"docs/decisions", "docs/adr", "doc/adr"})
        candidates.push_back(root / folder);
    std::vector<std::string> folders;
    std::error_code ec;
    for (const auto& c : candidates) {
        if (!fs::is_directory(c, ec)) continue;
        const std::string s = shown(c);
        if (std::find(folders.begin(), folders.end(), s) == folders.end()) folders.push_back(s);
    }
    return folders;
}

int next_number(const std::string& folder) {
    int highest = 0;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        std::size_t digits = 0;
        while (digits < name.size() && digits < 9 &&
               std::isdigit(static_cast<unsigned char>(name[digits])) != 0)
            ++digits;
        if (digits == 0 || digits >= name.size() || name[digits] != '-') continue;
        highest = std::max(highest, std::stoi(name.substr(0, digits)));
    }
    return highest + 1;
}

std::string write_record(const Report& report, const NewRecord& record, const std::string& folder) {
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) throw Error(Location{folder}, fmt::format("cannot create the folder: {}", ec.message()));
    const std::string content = render_record(report, record);
    const std::string slug = slugify(record.title);
    int number = next_number(folder);
    // Another writer may take a number between our scan and our write: try the next.
    for (int attempt = 0;; ++attempt, ++number) {
        std::string path = (fs::path(folder) / fmt::format("{:04}-{}.md", number, slug)).string();
        try {
            write_file_atomic(path, content, Overwrite::never);
            return path;
        } catch (const Error&) {
            if (attempt >= 20 || !fs::exists(path, ec)) throw;
        }
    }
}

} // namespace makeorbuy::adr
