// makeorbuy adr: the decision-record commands (new, check, list).

#include "common.hpp"

namespace makeorbuy::cli {

void setup_adr(CLI::App& app, ExitCode& result) {
    CLI::App* adr =
        app.add_subcommand("adr", "Write decision records with the recommendation inside, check them in CI, "
                                  "and list them as a decision log");
    adr->require_subcommand(1);
    setup_adr_new(*adr);
    setup_adr_check(*adr, result);
    setup_adr_list(*adr, result);
}

} // namespace makeorbuy::cli
