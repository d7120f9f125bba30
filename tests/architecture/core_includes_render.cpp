// Compiled as part of the core layer: an include of a layer above must not
// compile (tests/architecture/check_layers.cmake expects this to fail).
#include "makeorbuy/render/render.hpp"

int makeorbuy_probe_core_includes_render() {
    return 0;
}
