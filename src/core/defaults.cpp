// The tables embedded at build time. They are embedded twice: the JSON as
// written (for `rules show` and the fingerprint users see), and a snapshot
// of each as loaded and fully checked by the build (src/tools/snapshot.cpp),
// which is what start-up reads.

#include "makeorbuy/core/cost.hpp"
#include "makeorbuy/core/rules.hpp"
#include "makeorbuy/core/snapshot.hpp"

namespace makeorbuy {

namespace {

std::string_view embedded_snapshot(std::string_view name) {
    const std::string_view bytes = embedded_file(name);
    if (bytes.empty())
        throw Error(Location{std::string(name)},
                    "this build has no embedded table snapshot; rebuild makeorbuy, or give the table with "
                    "--rules FILE or --prices FILE");
    return bytes;
}

} // namespace

// The build tool writes each table's origin as "embedded".
const RuleSet& default_rules() {
    static const RuleSet rules = [] {
        RuleSet table =
            rules_from_snapshot(embedded_snapshot("default.snapshot"), "rules/default.json (embedded)");
        table.prices = &default_prices(); // its cost figures read the built-in prices
        return table;
    }();
    return rules;
}

const PriceTable& default_prices() {
    static const PriceTable table =
        prices_from_snapshot(embedded_snapshot("prices.snapshot"), "rules/prices.json (embedded)");
    return table;
}

} // namespace makeorbuy
