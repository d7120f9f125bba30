#include "makeorbuy/adr/adr.hpp"

#include "makeorbuy/core/diagnostics.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <ctime>

namespace makeorbuy::adr {

bool is_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U})
        if (text[i] < '0' || text[i] > '9') return false;
    auto number = [&](std::size_t at, std::size_t n) {
        int value = 0;
        for (std::size_t i = at; i < at + n; ++i)
            value = value * 10 + (text[i] - '0');
        return value;
    };
    const int year = number(0, 4);
    const int month = number(5, 2);
    const int day = number(8, 2);
    if (month < 1 || month > 12 || day < 1) return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int days[] = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return day <= days[month - 1];
}

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
long days_from_civil(long year, long month, long day) {
    year -= month <= 2 ? 1 : 0;
    const long era = (year >= 0 ? year : year - 399) / 400;
    const long year_of_era = year - era * 400;
    const long day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

long day_number(std::string_view date) {
    auto number = [&](std::size_t at, std::size_t n) {
        long value = 0;
        for (std::size_t i = at; i < at + n; ++i)
            value = value * 10 + (date[i] - '0');
        return value;
    };
    return days_from_civil(number(0, 4), number(5, 2), number(8, 2));
}

} // namespace

long days_between(std::string_view from, std::string_view to) {
    return day_number(to) - day_number(from);
}

std::string today() {
    if (const char* pinned = std::getenv("MAKEORBUY_TODAY"); pinned != nullptr && *pinned != '\0') {
        if (!is_iso_date(pinned))
            throw Error(Location{"MAKEORBUY_TODAY"},
                        fmt::format("'{}' is not a date; write it as YYYY-MM-DD", pinned));
        return pinned;
    }
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    ::localtime_r(&now, &local);
    return fmt::format("{:04}-{:02}-{:02}", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

} // namespace makeorbuy::adr
