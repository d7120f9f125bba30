// Compiled as part of the core layer: an include of core's own header works.
#include "makeorbuy/core/rules.hpp"

int makeorbuy_probe_core_includes_core() {
    return static_cast<int>(makeorbuy::RuleSet{}.questions.size());
}
