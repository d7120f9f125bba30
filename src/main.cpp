#include "makeorbuy/cli/cli.hpp"

int main(int argc, char** argv) {
    return makeorbuy::cli::run(argc, argv);
}
