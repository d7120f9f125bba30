#pragma once
// Shared by the libFuzzer targets: the input as text, and the one rule every
// target checks: a parser may reject input only by throwing makeorbuy::Error.
// Any other exception escapes and libFuzzer reports it as a crash.

#include "makeorbuy/core/diagnostics.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace makeorbuy::fuzz {

inline std::string text_of(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// A broken invariant found by a target: print it and abort so libFuzzer keeps the input.
[[noreturn]] inline void fail(const char* what) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

/// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing past U+10FFFF.
inline bool valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        unsigned long cp = 0;
        if (lead < 0x80)
            length = 1, cp = lead;
        else if (lead >= 0xc2 && lead <= 0xdf)
            length = 2, cp = lead & 0x1fU;
        else if (lead >= 0xe0 && lead <= 0xef)
            length = 3, cp = lead & 0x0fU;
        else if (lead >= 0xf0 && lead <= 0xf4)
            length = 4, cp = lead & 0x07U;
        else
            return false;
        if (i + length > text.size()) return false;
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xc0U) != 0x80U) return false;
            cp = (cp << 6) | (next & 0x3fU);
        }
        const unsigned long min[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < min[length] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
        i += length;
    }
    return true;
}

} // namespace makeorbuy::fuzz
