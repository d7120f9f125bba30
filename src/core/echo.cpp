#include "makeorbuy/core/echo.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace makeorbuy {

namespace {

// The code point of the UTF-8 sequence at `text[i]` and its length, or a
// length of 0 when the bytes there are not well-formed UTF-8 (overlong forms,
// surrogates and values past U+10FFFF included).
struct Decoded {
    std::uint32_t cp = 0;
    std::size_t length = 0;
};

Decoded decode(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) return {lead, 1};
    std::size_t length = 0;
    std::uint32_t cp = 0;
    std::uint32_t min = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        cp = lead & 0x1FU;
        min = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        cp = lead & 0x0FU;
        min = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        cp = lead & 0x07U;
        min = 0x10000;
    } else {
        return {};
    }
    if (i + length > text.size()) return {};
    for (std::size_t k = 1; k < length; ++k) {
        const unsigned char next = byte(i + k);
        if ((next & 0xC0U) != 0x80U) return {};
        cp = (cp << 6) | (next & 0x3FU);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {};
    return {cp, length};
}

// Characters that act on a display or hide themselves rather than show.
bool acts(std::uint32_t cp) {
    if (cp < 0x20 || cp == 0x7F) return true;  // C0 controls, DEL
    if (cp >= 0x80 && cp <= 0x9F) return true; // C1 controls (CSI, OSC, NEL...)
    if (cp == 0xAD || cp == 0x61C || cp == 0x180E)
        return true; // soft hyphen, Arabic letter mark, Mongolian vowel separator
    if (cp >= 0x200B && cp <= 0x200F) return true;   // zero-width space/joiners, LRM, RLM
    if (cp >= 0x2028 && cp <= 0x202E) return true;   // line/paragraph separators, embeddings, overrides
    if (cp >= 0x2060 && cp <= 0x206F) return true;   // word joiner, invisible operators, isolates
    if (cp == 0xFEFF) return true;                   // zero-width no-break space (BOM)
    if (cp >= 0xFFF9 && cp <= 0xFFFB) return true;   // interlinear annotation
    if (cp == 0xFFFE || cp == 0xFFFF) return true;   // noncharacters XML refuses
    if (cp >= 0xE0000 && cp <= 0xE007F) return true; // tag characters
    return false;
}

void escape(std::string& out, std::uint32_t cp) {
    switch (cp) {
    case '\n':
        out += "\\n";
        return;
    case '\r':
        out += "\\r";
        return;
    case '\t':
        out += "\\t";
        return;
    default:
        break;
    }
    if (cp < 0x80)
        out += fmt::format("\\x{:02X}", cp);
    else if (cp <= 0xFFFF)
        out += fmt::format("\\u{:04X}", cp);
    else
        out += fmt::format("\\U{:08X}", cp);
}

} // namespace

bool needs_neutralising(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c < 0x7F) { // the common case: printable ASCII
            ++i;
            continue;
        }
        const Decoded d = decode(text, i);
        if (d.length == 0 || acts(d.cp)) return true;
        i += d.length;
    }
    return false;
}

std::string neutralise(std::string_view text) {
    if (!needs_neutralising(text)) return std::string(text);
    std::string out;
    out.reserve(text.size() + 16);
    for (std::size_t i = 0; i < text.size();) {
        const Decoded d = decode(text, i);
        if (d.length == 0) {
            out += fmt::format("\\x{:02X}", static_cast<unsigned char>(text[i]));
            ++i;
            continue;
        }
        if (acts(d.cp))
            escape(out, d.cp);
        else
            out.append(text.substr(i, d.length));
        i += d.length;
    }
    return out;
}

std::string shown(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return neutralise(text);
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U)
        --cut; // a whole UTF-8 character
    return fmt::format("{}... ({} bytes)", neutralise(text.substr(0, cut)), text.size());
}

} // namespace makeorbuy
