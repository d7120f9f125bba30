// Compiled as part of the render layer: the decision-record layer sits above
// it, so this include must not compile (check_layers.cmake).
#include "makeorbuy/adr/adr_check.hpp"

int makeorbuy_probe_render_includes_adr() {
    return 0;
}
