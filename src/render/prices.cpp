// `makeorbuy prices show`: every figure of the price table with its source
// and date, oldest first, as text or JSON. Everything from the file is
// neutralised: a --prices file is the user's, not ours.

#include "makeorbuy/render/formats.hpp"

#include "makeorbuy/core/echo.hpp"
#include "makeorbuy/core/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace makeorbuy {

namespace {

std::string values_text(const PriceFigure& figure) {
    std::vector<std::string> parts;
    parts.reserve(figure.values.size());
    for (const auto& [name, value] : figure.values)
        parts.push_back(fmt::format("{} {:g}", shown(name), value));
    return join(parts, ", ");
}

std::string prices_text(const std::vector<PriceFigure>& figures, const std::string& origin,
                        const TextStyle& style) {
    std::string out =
        paint(style, Role::heading,
              wrap(fmt::format("Prices of {}, oldest first ({} rows)", shown(origin, 200), figures.size()),
                   style.width, "")) +
        "\n";
    for (const PriceFigure& f : figures) {
        out += hang(fmt::format("{:<10}  ", f.date.empty() ? "undated" : shown(f.date)),
                    fmt::format("{}/{}{}: {}", f.section, shown(f.id),
                                f.tier.empty() ? "" : " [" + shown(f.tier) + " tier]", values_text(f)),
                    style.width) +
               "\n";
        out += paint(style, Role::dim,
                     wrap("source: " + shown(f.source, 400), style.width, std::string(12, ' '))) +
               "\n";
    }
    return out;
}

std::string prices_json(const std::vector<PriceFigure>& figures, const std::string& origin,
                        const TextStyle& /*style*/) {
    using nlohmann::ordered_json;
    ordered_json rows = ordered_json::array();
    for (const PriceFigure& f : figures) {
        ordered_json values = ordered_json::object();
        for (const auto& [name, value] : f.values)
            values[name] = value;
        rows.push_back({{"section", f.section},
                        {"id", f.id},
                        {"values", values},
                        {"tier", f.tier.empty() ? ordered_json() : ordered_json(f.tier)},
                        {"source", f.source},
                        {"retrieved_on", f.date.empty() ? ordered_json() : ordered_json(f.date)}});
    }
    ordered_json out = {{"prices", origin}, {"rows", rows}};
    return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

constexpr OutputFormat<PricesRenderer> k_prices_formats[] = {{"text", prices_text}, {"json", prices_json}};

} // namespace

std::span<const OutputFormat<PricesRenderer>> prices_formats() {
    return k_prices_formats;
}

} // namespace makeorbuy
