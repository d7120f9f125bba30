#include "makeorbuy/adr/adr.hpp"

#include "makeorbuy/core/diagnostics.hpp"
#include "makeorbuy/core/price_dates.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <ctime>

namespace makeorbuy::adr {

// One calendar for the whole tool: core's date arithmetic (price_dates.hpp)
// checks and counts dates for the price table's age as well.
bool is_iso_date(std::string_view text) {
    return makeorbuy::days_between(text, text).has_value();
}

long days_between(std::string_view from, std::string_view to) {
    return makeorbuy::days_between(from, to).value_or(0);
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
