// What the next record is called: the folder's own style (prefix, padding,
// counter or date), and a number no concurrent writer can take as well.

#include "makeorbuy/adr/adr.hpp"

#include "makeorbuy/core/text.hpp"
#include "makeorbuy/io/file_io.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fcntl.h>
#include <filesystem>
#include <iterator>
#include <map>
#include <regex>
#include <unistd.h>
#include <utility>
#include <vector>

namespace fs = std::filesystem;

namespace makeorbuy::adr {

namespace {

constexpr long long k_max_number = 999999999;

const std::regex& counter_name() {
    static const std::regex k_counter(R"(^([A-Za-z]{1,10}[-_]?)?(\d{1,18})([-_]).+\.(md|markdown|mdx)$)");
    return k_counter;
}

bool is_date_name(const std::string& name, NameStyle::Kind& kind) {
    static const std::regex k_compact(
        R"(^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[-_].+\.(md|markdown|mdx)$)");
    static const std::regex k_iso(
        R"(^(19|20)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[-_].+\.(md|markdown|mdx)$)");
    if (std::regex_match(name, k_iso)) {
        kind = NameStyle::Kind::iso_date;
        return true;
    }
    if (std::regex_match(name, k_compact)) {
        kind = NameStyle::Kind::date;
        return true;
    }
    return false;
}

std::vector<std::string> file_names(const std::string& folder) {
    std::vector<std::string> names;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
        names.push_back(it->path().filename().string());
    return names;
}

std::string style_key(const NameStyle& s) {
    return fmt::format("{}|{}|{}|{}", static_cast<int>(s.kind), s.prefix, s.width, s.separator);
}

// Latin letters with accents, as the plain letters a file name keeps
// ("Über naïve café" -> "uber-naive-cafe"), lower case: U+00C0 to U+017F in
// runs of code points that fold alike. "" marks a sign (×, ÷) that separates.
struct Fold {
    char32_t first;
    char32_t last;
    const char* ascii;
};
constexpr Fold k_folds[] = {
    {0xC0, 0xC5, "a"},    {0xC6, 0xC6, "ae"},   {0xC7, 0xC7, "c"},   {0xC8, 0xCB, "e"},   {0xCC, 0xCF, "i"},
    {0xD0, 0xD0, "d"},    {0xD1, 0xD1, "n"},    {0xD2, 0xD6, "o"},   {0xD7, 0xD7, ""},    {0xD8, 0xD8, "o"},
    {0xD9, 0xDC, "u"},    {0xDD, 0xDD, "y"},    {0xDE, 0xDE, "th"},  {0xDF, 0xDF, "ss"},  {0xE0, 0xE5, "a"},
    {0xE6, 0xE6, "ae"},   {0xE7, 0xE7, "c"},    {0xE8, 0xEB, "e"},   {0xEC, 0xEF, "i"},   {0xF0, 0xF0, "d"},
    {0xF1, 0xF1, "n"},    {0xF2, 0xF6, "o"},    {0xF7, 0xF7, ""},    {0xF8, 0xF8, "o"},   {0xF9, 0xFC, "u"},
    {0xFD, 0xFD, "y"},    {0xFE, 0xFE, "th"},   {0xFF, 0xFF, "y"},   {0x100, 0x105, "a"}, {0x106, 0x10D, "c"},
    {0x10E, 0x111, "d"},  {0x112, 0x11B, "e"},  {0x11C, 0x123, "g"}, {0x124, 0x127, "h"}, {0x128, 0x131, "i"},
    {0x132, 0x133, "ij"}, {0x134, 0x135, "j"},  {0x136, 0x138, "k"}, {0x139, 0x142, "l"}, {0x143, 0x14B, "n"},
    {0x14C, 0x151, "o"},  {0x152, 0x153, "oe"}, {0x154, 0x159, "r"}, {0x15A, 0x161, "s"}, {0x162, 0x167, "t"},
    {0x168, 0x173, "u"},  {0x174, 0x175, "w"},  {0x176, 0x178, "y"}, {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"},
};

// The code point starting at `text[i]` and its length in bytes; a stray
// byte counts as one unknown code point.
std::pair<char32_t, std::size_t> next_code_point(std::string_view text, std::size_t i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80           ? 1
                               : (lead >> 5) == 0x6  ? 2
                               : (lead >> 4) == 0xE  ? 3
                               : (lead >> 3) == 0x1E ? 4
                                                     : 0;
    if (length == 0 || i + length > text.size()) return {0xFFFD, 1};
    char32_t point = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[i + k]);
        if ((next >> 6) != 0x2) return {0xFFFD, 1};
        point = (point << 6) | (next & 0x3F);
    }
    return {point, length};
}

} // namespace

std::string slugify(std::string_view title) {
    std::string slug;
    const auto separate = [&slug] {
        if (!slug.empty() && slug.back() != '-') slug += '-';
    };
    for (std::size_t i = 0; i < title.size();) {
        const auto [point, length] = next_code_point(title, i);
        i += length;
        if (point < 0x80) {
            if (std::isalnum(static_cast<int>(point)) != 0)
                slug += static_cast<char>(std::tolower(static_cast<int>(point)));
            else
                separate();
            continue;
        }
        const auto* fold = std::find_if(std::begin(k_folds), std::end(k_folds),
                                        [p = point](const Fold& f) { return p >= f.first && p <= f.last; });
        if (fold == std::end(k_folds)) continue; // other scripts, marks and emoji: left out
        if (*fold->ascii == '\0')
            separate();
        else
            slug += fold->ascii;
    }
    while (!slug.empty() && slug.back() == '-')
        slug.pop_back();
    if (slug.size() > 60) {
        slug.resize(60);
        if (const auto dash = slug.rfind('-'); dash != std::string::npos && dash > 30) slug.resize(dash);
    }
    return slug.empty() ? "decision" : slug;
}

std::string NameStyle::example() const {
    switch (kind) {
    case Kind::date:
        return "YYYYMMDD-title.md";
    case Kind::iso_date:
        return "YYYY-MM-DD-title.md";
    case Kind::counter:
        break;
    }
    return fmt::format("{}{}{}title.md", prefix,
                       std::string(static_cast<std::size_t>(std::max(width, 1)), 'N'), separator);
}

NameStyle detect_name_style(const std::string& folder, std::string& detected) {
    std::map<std::string, std::pair<NameStyle, int>> seen;
    for (const auto& name : file_names(folder)) {
        NameStyle style;
        if (is_date_name(name, style.kind)) {
            style.width = 0;
        } else {
            std::smatch m;
            if (!std::regex_match(name, m, counter_name())) continue;
            style.prefix = m[1].str();
            const std::string digits = m[2].str();
            // 026- is padded to three digits; 8- and 12- are not padded at all.
            style.width = digits.size() > 1 && digits.front() == '0' ? static_cast<int>(digits.size()) : 1;
            style.separator = m[3].str().front();
        }
        auto& entry = seen[style_key(style)];
        entry.first = style;
        ++entry.second;
    }
    // Unpadded numbers beside padded ones of the same prefix are the padded style's
    // later records (100- after 099-): count them with it.
    for (auto& [key, entry] : seen) {
        if (entry.first.kind != NameStyle::Kind::counter || entry.first.width != 1) continue;
        for (auto& [other_key, other] : seen)
            if (other.first.kind == NameStyle::Kind::counter && other.first.width > 1 &&
                other.first.prefix == entry.first.prefix && other.first.separator == entry.first.separator) {
                other.second += entry.second;
                entry.second = 0;
                break;
            }
    }
    const std::pair<NameStyle, int>* best = nullptr;
    for (const auto& [key, entry] : seen)
        if (entry.second > 0 && (best == nullptr || entry.second > best->second)) best = &entry;
    if (best == nullptr) {
        detected = "no numbered records yet; MADR's NNNN-title.md";
        return NameStyle{};
    }
    detected = fmt::format("{} record{} named like {}", best->second, best->second == 1 ? "" : "s",
                           best->first.example());
    return best->first;
}

NameStyle parse_name_style(std::string_view text) {
    NameStyle style;
    if (text == "YYYYMMDD") {
        style.kind = NameStyle::Kind::date;
        return style;
    }
    if (text == "YYYY-MM-DD") {
        style.kind = NameStyle::Kind::iso_date;
        return style;
    }
    static const std::regex k_sample(R"(^([A-Za-z]{0,10}[-_]?)(\d{1,9})([-_]?)$)");
    const std::string sample(text);
    std::smatch m;
    if (!std::regex_match(sample, m, k_sample))
        throw Error(Location{"--name-style"},
                    fmt::format("'{}' is not a name style; give a sample number such as 0001, 001, 1 or "
                                "ADR-001, or YYYYMMDD or YYYY-MM-DD for dated names",
                                text));
    style.prefix = m[1].str();
    const std::string digits = m[2].str();
    style.width = digits.size() > 1 && digits.front() == '0' ? static_cast<int>(digits.size()) : 1;
    if (m[3].length() > 0) style.separator = m[3].str().front();
    return style;
}

namespace {

// Each counter-named record in `folder` in `style`'s numbering, with its number.
std::vector<std::pair<long long, std::string>> numbered_records(const std::string& folder,
                                                                const NameStyle& style) {
    std::vector<std::pair<long long, std::string>> records;
    for (const auto& name : file_names(folder)) {
        std::smatch m;
        if (!std::regex_match(name, m, counter_name()) || to_lower(m[1].str()) != to_lower(style.prefix))
            continue;
        NameStyle::Kind kind{};
        if (style.prefix.empty() && is_date_name(name, kind)) continue; // dates are not counters
        records.emplace_back(std::stoll(m[2].str()), name);
    }
    return records;
}

} // namespace

long long next_number(const std::string& folder, const NameStyle& style) {
    long long highest = 0;
    std::string highest_name;
    for (const auto& [number, name] : numbered_records(folder, style))
        if (number > highest) {
            highest = number;
            highest_name = name;
        }
    if (highest >= k_max_number)
        throw Error(
            Location{(fs::path(folder) / highest_name).string()},
            fmt::format("record number {} is the highest makeorbuy can follow ({}); name the next record "
                        "yourself, or renumber",
                        highest, k_max_number));
    return highest + 1;
}

namespace {

// Whether a record in `folder` already carries `number`.
bool number_taken(const std::string& folder, const NameStyle& style, long long number) {
    const auto records = numbered_records(folder, style);
    return std::any_of(records.begin(), records.end(),
                       [&](const auto& record) { return record.first == number; });
}

std::string name_for(const NameStyle& style, long long number, const std::string& date,
                     const std::string& slug) {
    switch (style.kind) {
    case NameStyle::Kind::date: {
        std::string compact = date;
        compact.erase(std::remove(compact.begin(), compact.end(), '-'), compact.end());
        return fmt::format("{}{}{}.md", compact, style.separator, slug);
    }
    case NameStyle::Kind::iso_date:
        return fmt::format("{}{}{}.md", date, style.separator, slug);
    case NameStyle::Kind::counter:
        break;
    }
    return fmt::format("{}{:0{}}{}{}.md", style.prefix, number, std::max(style.width, 1), style.separator,
                       slug);
}

// Holds a number for one writer: `.makeorbuy-<name>.lock` created exclusively.
class NumberClaim {
public:
    NumberClaim(const std::string& folder, const std::string& key)
        : m_path((fs::path(folder) / fmt::format(".makeorbuy-{}.lock", key)).string()) {
        const int fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        m_held = fd >= 0;
        if (fd >= 0) ::close(fd);
    }
    ~NumberClaim() {
        if (m_held) ::unlink(m_path.c_str());
    }
    NumberClaim(const NumberClaim&) = delete;
    NumberClaim& operator=(const NumberClaim&) = delete;
    NumberClaim(NumberClaim&&) = delete;
    NumberClaim& operator=(NumberClaim&&) = delete;
    [[nodiscard]] bool held() const { return m_held; }

private:
    std::string m_path;
    bool m_held = false;
};

} // namespace

std::string write_record(const Report& report, const NewRecord& record, const std::string& folder,
                         const NameStyle& style) {
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) throw Error(Location{folder}, fmt::format("cannot create the folder: {}", ec.message()));
    const std::string content = render_record(report, record);
    const std::string slug = slugify(record.title);
    const bool counter = style.kind == NameStyle::Kind::counter;
    long long number = counter ? next_number(folder, style) : 0;
    // Claim the number, then check no record took it since the scan; a number
    // taken moves us to the next. Dated names move to -2, -3 on a clash.
    for (int attempt = 0; attempt < 1000; ++attempt) {
        const std::string dated_slug =
            attempt == 0 || counter ? slug : fmt::format("{}-{}", slug, attempt + 1);
        if (counter && number > k_max_number)
            throw Error(Location{folder}, fmt::format("no record number left below {}", k_max_number));
        const std::string name = name_for(style, number, record.date, dated_slug);
        const NumberClaim claim(folder, counter ? fmt::format("{}{}", style.prefix, number) : name);
        // Only this number being taken moves us on: a higher one written
        // meanwhile (by a writer that found this one claimed) leaves it free,
        // and skipping it left a gap (seen: 033 missing among ten at once).
        if (!claim.held() || (counter && number_taken(folder, style, number))) {
            if (counter) number = std::max(number + 1, next_number(folder, style));
            continue;
        }
        std::string path = (fs::path(folder) / name).string();
        // The report beside the record: the same name, .html for .md.
        const std::string report_name =
            record.report_html.empty() ? "" : name.substr(0, name.size() - 3) + ".html";
        const std::string report_path = report_name.empty() ? "" : (fs::path(folder) / report_name).string();
        if (fs::exists(path, ec) || (!report_path.empty() && fs::exists(report_path, ec))) {
            if (counter) ++number;
            continue;
        }
        if (report_path.empty()) {
            write_file_atomic(path, content, Overwrite::never);
            return path;
        }
        // The report first, so that the record's link never points at nothing.
        NewRecord linked = record;
        linked.report_file = report_name;
        write_file_atomic(report_path, record.report_html, Overwrite::never);
        try {
            write_file_atomic(path, render_record(report, linked), Overwrite::never);
        } catch (...) {
            fs::remove(report_path, ec);
            throw;
        }
        return path;
    }
    throw Error(Location{folder}, "could not find a free record name after 1000 tries");
}

std::string write_record(const Report& report, const NewRecord& record, const std::string& folder) {
    std::string detected;
    return write_record(report, record, folder, detect_name_style(folder, detected));
}

} // namespace makeorbuy::adr
