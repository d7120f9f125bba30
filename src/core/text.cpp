#include "makeorbuy/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace makeorbuy {

std::string to_lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return out;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    auto lower = [](unsigned char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) {
               return lower(static_cast<unsigned char>(x)) == lower(static_cast<unsigned char>(y));
           });
}

std::string_view trim_view(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

std::string trim(std::string_view text) {
    return std::string(trim_view(text));
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i != 0) out += separator;
        out += items[i];
    }
    return out;
}

namespace {

// Optimal string alignment distance (Levenshtein plus adjacent swaps), in
// three rolling rows that the caller lends (no allocation per candidate: a
// file with 160,000 unknown keys asks for 160,000 hints).
std::size_t edit_distance(std::string_view a, std::string_view b, std::vector<std::size_t>& rows) {
    const std::size_t width = b.size() + 1;
    rows.assign(3 * width, 0);
    std::size_t* before = rows.data();       // row i-2
    std::size_t* previous = before + width;  // row i-1
    std::size_t* current = previous + width; // row i
    for (std::size_t j = 0; j <= b.size(); ++j)
        previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], before[j - 2] + 1);
        }
        std::size_t* oldest = before;
        before = previous;
        previous = current;
        current = oldest;
    }
    return previous[b.size()];
}

std::string normalise_separators(std::string_view text) {
    std::string out = to_lower(text);
    std::replace_if(
        out.begin(), out.end(), [](char c) { return c == '_' || c == ' ' || c == '.'; }, '-');
    return out;
}

} // namespace

std::optional<std::string> did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    if (word.size() > 64) return std::nullopt;
    const std::string wanted = normalise_separators(word);
    std::optional<std::string> best;
    std::size_t best_distance = 0;
    std::vector<std::size_t> rows;
    std::string normalised;
    for (const auto& candidate : candidates) {
        normalised = normalise_separators(candidate);
        std::size_t distance = edit_distance(wanted, normalised, rows);
        // A prefix of at least three letters ("grow" for "growth") is a likely abbreviation.
        if (wanted.size() >= 3 && normalised.rfind(wanted, 0) == 0)
            distance = std::min<std::size_t>(distance, 1);
        if (!best || distance < best_distance) {
            best = candidate;
            best_distance = distance;
        }
    }
    if (!best) return std::nullopt;
    const std::size_t limit = std::max<std::size_t>(1, std::min(wanted.size(), best->size()) / 3);
    return best_distance <= limit ? best : std::nullopt;
}

std::string with_hint(std::string message, std::string_view word, const std::vector<std::string>& candidates,
                      std::string_view otherwise) {
    if (auto hint = did_you_mean(word, candidates))
        return fmt::format("{}; did you mean '{}'?", message, *hint);
    message += otherwise;
    return message;
}

bool commas_group_thousands(std::string_view amount) {
    std::string_view text = trim_view(amount);
    if (!text.empty() && (text.front() == '$' || text.front() == '-')) text.remove_prefix(1);
    const std::size_t point = text.find('.');
    if (text.find(',', point == std::string_view::npos ? text.size() : point) != std::string_view::npos)
        return false; // a comma after the decimal point ("1.234,56")
    const std::string_view whole = text.substr(0, std::min(point, text.size()));
    const std::size_t first = whole.find(',');
    if (first == std::string_view::npos) return true;
    // One to three digits, then groups of exactly three: 1,234 and 12,345,678.
    if (first == 0 || first > 3) return false;
    std::size_t digits = 0;
    for (std::size_t i = first + 1; i <= whole.size(); ++i) {
        if (i == whole.size() || whole[i] == ',' || !(whole[i] >= '0' && whole[i] <= '9')) {
            if (digits != 3) return false;
            if (i < whole.size() && whole[i] != ',')
                return point == std::string_view::npos && i + 1 == whole.size();
            digits = 0;
            continue;
        }
        ++digits;
    }
    return true;
}

bool points_group_thousands(std::string_view amount) {
    std::string_view text = trim_view(amount);
    if (!text.empty() && (text.front() == '$' || text.front() == '-')) text.remove_prefix(1);
    const std::size_t point = text.find('.');
    if (point == std::string_view::npos || point == 0 || point > 3 || text.front() == '0') return false;
    for (std::size_t i = 0; i < point; ++i)
        if (text[i] < '0' || text[i] > '9') return false;
    // Then ".ddd" groups to the end.
    for (std::size_t i = point; i < text.size(); i += 4) {
        if (text.size() - i < 4 || text[i] != '.') return false;
        for (std::size_t j = i + 1; j < i + 4; ++j)
            if (text[j] < '0' || text[j] > '9') return false;
    }
    return true;
}

std::optional<double> parse_amount(std::string_view text) {
    return parse_amount(text, nullptr);
}

std::optional<double> parse_amount(std::string_view text, bool* too_large) {
    if (too_large != nullptr) *too_large = false;
    if (!commas_group_thousands(text) || points_group_thousands(text)) return std::nullopt;
    std::string cleaned;
    std::string_view rest = trim_view(text);
    if (!rest.empty() && rest.front() == '$') rest.remove_prefix(1);
    for (char c : rest) {
        if (c == ',' || c == '_') continue;
        cleaned += c;
    }
    if (cleaned.empty()) return std::nullopt;
    double multiplier = 1;
    switch (cleaned.back()) {
    case 'k':
    case 'K':
        multiplier = 1e3;
        break;
    case 'm':
    case 'M':
        multiplier = 1e6;
        break;
    case 'b':
    case 'B':
        multiplier = 1e9;
        break;
    default:
        break;
    }
    if (multiplier != 1) cleaned.pop_back();
    if (cleaned.empty() || cleaned.front() == '+') return std::nullopt;
    double value = 0;
    const char* first = cleaned.data();
    const char* last = cleaned.data() + cleaned.size();
    auto [end, error] = std::from_chars(first, last, value);
    // 1e309 is a number, only one too large for a double: say so.
    if (error == std::errc::result_out_of_range && end == last && too_large != nullptr)
        *too_large = std::fabs(std::strtod(cleaned.c_str(), nullptr)) > 1;
    if (error != std::errc() || end != last || !std::isfinite(value)) return std::nullopt;
    value *= multiplier;
    if (!std::isfinite(value)) {
        if (too_large != nullptr) *too_large = true;
        return std::nullopt;
    }
    return value;
}

std::string format_number(double value, int decimals) {
    if (value == 0) return "0"; // also turns -0 into 0
    // From 10^15 up, the shortest text that reads back to the same double:
    // "1.5e300", never 301 digits.
    if (!std::isfinite(value) || std::fabs(value) >= 1e15) {
        std::string out = fmt::format("{}", value);
        if (const auto plus = out.find("e+"); plus != std::string::npos) out.erase(plus + 1, 1);
        return out;
    }
    std::string out = fmt::format("{:.{}f}", value, decimals);
    if (out.find('.') != std::string::npos) {
        while (out.back() == '0')
            out.pop_back();
        if (out.back() == '.') out.pop_back();
    }
    if (out == "-0") out = "0";
    return out;
}

std::string format_share(double share) {
    // A share that rounds to none or to all but is not: "<1%" and ">99%", so
    // that a printed 0% or 100% always means none or all.
    std::string out = fmt::format("{:.0f}%", share * 100);
    if (share > 0 && out == "0%") return "<1%";
    if (share < 1 && out == "100%") return ">99%";
    return out;
}

namespace {

// 12345 -> "12,345".
std::string grouped_digits(long long whole) {
    std::string digits = std::to_string(whole);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<std::size_t>(i), ",");
    return digits;
}

// A non-negative magnitude with a unit letter (K, M, B, T) from `first` up:
// the unit is picked after rounding, so 999,960 is "1M", not "1000K".
// Empty when it is beyond the largest unit.
std::string scaled(double magnitude, double first) {
    struct Unit {
        double size;
        const char* letter;
        int decimals;
    };
    static constexpr Unit k_units[] = {{1e3, "K", 1}, {1e6, "M", 2}, {1e9, "B", 2}, {1e12, "T", 2}};
    for (std::size_t i = 0; i < std::size(k_units); ++i) {
        const Unit& unit = k_units[i];
        if (unit.size < first) continue;
        const bool last = i + 1 == std::size(k_units);
        const double next = last ? 0 : k_units[i + 1].size;
        const double scale = std::pow(10.0, unit.decimals);
        const double rounded = std::round(magnitude / unit.size * scale) / scale;
        if (!last && rounded * unit.size >= next) continue; // shows as 1000 or more: the next unit
        if (last && rounded >= 1000) return "";
        return format_number(rounded, unit.decimals) + unit.letter;
    }
    return "";
}

} // namespace

std::string group_thousands(std::size_t n) {
    return grouped_digits(static_cast<long long>(n));
}

std::string format_money(double usd) {
    const double magnitude = std::fabs(usd);
    const char* sign = usd < 0 ? "-" : "";
    if (!std::isfinite(magnitude)) return usd < 0 ? "-$∞" : "$∞";
    // Below $10K, whole dollars with a thousands separator.
    if (std::llround(magnitude) < 10000)
        return fmt::format("{}${}", sign, grouped_digits(std::llround(magnitude)));
    const std::string text = scaled(magnitude, 1e3);
    if (text.empty()) return usd < 0 ? "under -$999T" : "over $999T";
    return fmt::format("{}${}", sign, text);
}

std::string format_count(double n) {
    const double magnitude = std::fabs(n);
    const char* sign = n < 0 ? "-" : "";
    if (!std::isfinite(magnitude)) return "too many to count";
    // Whole numbers up to a million ("10,000 samples"), then M, B and T.
    if (std::llround(magnitude) < 1000000)
        return fmt::format("{}{}", sign, grouped_digits(std::llround(magnitude)));
    const std::string text = scaled(magnitude, 1e6);
    if (text.empty()) return n < 0 ? "under -999T" : "over 999T";
    return sign + text;
}

std::string format_months(double months) {
    if (!std::isfinite(months) || months >= 1200) return "in over 100 years";
    if (months < 1) return "within a month";
    if (months < 24) {
        const std::string n = format_number(months, months < 10 ? 1 : 0);
        return fmt::format("in {} {}", n, n == "1" ? "month" : "months");
    }
    return fmt::format("in {} years", format_number(months / 12, 1));
}

std::string format_points(double points) {
    const std::string n = format_number(points, 2);
    return fmt::format("{} {}", n, n == "1" || n == "-1" ? "point" : "points");
}

std::string hang(std::string_view lead, std::string_view text, std::size_t width) {
    std::size_t columns = 0; // characters, not bytes
    for (char c : lead)
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++columns;
    const std::string indent(columns, ' ');
    const std::string wrapped = wrap(text, width, indent);
    return std::string(lead) + (wrapped.size() >= indent.size() ? wrapped.substr(indent.size()) : wrapped);
}

std::string wrap(std::string_view text, std::size_t width, std::string_view indent) {
    std::string out;
    std::size_t column = 0;
    std::size_t pos = 0;
    bool line_started = false;
    while (pos < text.size()) {
        while (pos < text.size() && text[pos] == ' ')
            ++pos;
        if (pos >= text.size()) break;
        if (text[pos] == '\n') {
            out += '\n';
            column = 0;
            line_started = false;
            ++pos;
            continue;
        }
        std::size_t end = pos;
        while (end < text.size() && text[end] != ' ' && text[end] != '\n')
            ++end;
        const std::string_view word = text.substr(pos, end - pos);
        if (line_started && column + 1 + word.size() > width) {
            out += '\n';
            line_started = false;
        }
        if (!line_started) {
            out += indent;
            column = indent.size();
            line_started = true;
        } else {
            out += ' ';
            ++column;
        }
        out += word;
        column += word.size();
        pos = end;
    }
    return out;
}

} // namespace makeorbuy
