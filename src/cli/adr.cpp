// makeorbuy adr: the decision-record commands (new, check).

#include "common.hpp"

namespace makeorbuy::cli {

void setup_adr(CLI::App& app, ExitCode& result) {
    CLI::App* adr =
        app.add_subcommand("adr", "Write decision records with the recommendation inside, and check them "
                                  "in CI");
    adr->require_subcommand(1);
    setup_adr_new(*adr);
    setup_adr_check(*adr, result);
}

} // namespace makeorbuy::cli
