// Build step: loads a rules or price table from JSON with every check the
// `rules validate` command makes, and writes its snapshot (snapshot.hpp) for
// the binary to embed. A table with errors fails the build, with each
// problem at its FILE:LINE:COLUMN.
//   makeorbuy_snapshot rules|prices TABLE.json OUTPUT

#include "makeorbuy/core/snapshot.hpp"
#include "makeorbuy/core/prices_loader.hpp"
#include "makeorbuy/core/rules_loader.hpp"
#include "makeorbuy/io/file_io.hpp"

#include <cstdio>
#include <string>
#include <vector>

namespace {

int usage() {
    std::fputs("usage: makeorbuy_snapshot rules|prices TABLE.json OUTPUT\n", stderr);
    return 2;
}

void print(const std::vector<makeorbuy::Diagnostic>& diagnostics) {
    for (const auto& d : diagnostics)
        std::fprintf(stderr, "%s: %s: %s\n", d.where.to_string().c_str(), to_string(d.severity),
                     d.message.c_str());
}

} // namespace

int main(int argc, char** argv) {
    using namespace makeorbuy;
    if (argc != 4) return usage();
    const std::string kind = argv[1];
    const std::string input = argv[2];
    const std::string output = argv[3];
    if (kind != "rules" && kind != "prices") return usage();
    try {
        std::string bytes;
        const JsonDocument document = JsonDocument::parse(read_source(input));
        Diagnostics diagnostics;
        if (kind == "rules") {
            RuleSet rules = load_rules(document, diagnostics, RuleChecks::full);
            rules.origin = "embedded"; // not the build folder's path
            bytes = snapshot_of(rules);
        } else {
            PriceTable prices = load_prices(document, diagnostics);
            prices.origin = "embedded";
            bytes = snapshot_of(prices);
        }
        print(diagnostics.items()); // warnings too, as `rules validate` shows them
        if (diagnostics.has_errors()) return 1;
        // Atomic, so that an interrupted build leaves no half snapshot for the
        // next one to embed.
        write_file_atomic(output, bytes, Overwrite::allowed);
    } catch (const Error& e) {
        print(e.diagnostics());
        return 1;
    }
    return 0;
}
