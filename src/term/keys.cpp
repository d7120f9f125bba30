// Decoding raw-mode terminal input into keys: control bytes, CSI and SS3
// escape sequences (xterm, VT220 and their descendants), UTF-8 characters.

#include "keys.hpp"

#include <utility>

namespace makeorbuy::term {

namespace {

constexpr char k_esc = '\x1b';

Key control_key(unsigned char byte) {
    switch (byte) {
    case 0x03:
        return key(KeyCode::interrupt);
    case 0x04:
        return key(KeyCode::end_of_input);
    case 0x08:
        return key(KeyCode::backspace);
    case 0x09:
        return key(KeyCode::tab);
    case 0x0a:
        return key(KeyCode::enter);
    case 0x0c:
        return key(KeyCode::redraw);
    case 0x0d:
        return key(KeyCode::enter);
    case 0x15:
        return key(KeyCode::kill_line);
    case 0x17:
        return key(KeyCode::kill_word);
    case 0x1a:
        return key(KeyCode::suspend);
    case 0x7f:
        return key(KeyCode::backspace);
    default:
        return key(KeyCode::unknown);
    }
}

// The cursor keys, which CSI ("ESC [ A") and SS3 ("ESC O A") sequences
// share: the key of `final`, or unknown.
Key cursor_key(char final) {
    switch (final) {
    case 'A':
        return key(KeyCode::up);
    case 'B':
        return key(KeyCode::down);
    case 'C':
        return key(KeyCode::right);
    case 'D':
        return key(KeyCode::left);
    case 'H':
        return key(KeyCode::home);
    case 'F':
        return key(KeyCode::end);
    default:
        return key(KeyCode::unknown);
    }
}

// The key of a CSI sequence "ESC [ params final"; modifiers are ignored
// ("ESC [ 1 ; 5 A" is still Up).
Key csi_key(std::string_view params, char final) {
    switch (final) {
    case 'Z':
        return key(KeyCode::back_tab);
    case '~': {
        const std::string_view first = params.substr(0, params.find(';'));
        if (first == "1" || first == "7") return key(KeyCode::home);
        if (first == "4" || first == "8") return key(KeyCode::end);
        if (first == "3") return key(KeyCode::del);
        if (first == "5") return key(KeyCode::page_up);
        if (first == "6") return key(KeyCode::page_down);
        return key(KeyCode::unknown);
    }
    default:
        return cursor_key(final);
    }
}

Key ss3_key(char final) {
    if (final == 'M') return key(KeyCode::enter); // keypad Enter in application mode
    return cursor_key(final);
}

std::size_t utf8_length(unsigned char lead) {
    if (lead >= 0xf0 && lead <= 0xf4) return 4;
    if (lead >= 0xe0) return lead <= 0xef ? 3 : 0;
    if (lead >= 0xc2) return 2;
    return 0;
}

// Bracketed paste (xterm's mode 2004): the terminal wraps pasted text in
// these, so that a pasted line break cannot press Enter.
constexpr std::string_view k_paste_start = "200";
constexpr std::string_view k_paste_end = "\x1b[201~";
// A paste longer than this without its end is taken as it stands.
constexpr std::size_t k_paste_cap = std::size_t{1} << 20;

} // namespace

DecodedKeys decode_keys(std::string_view bytes, MoreBytes more) {
    DecodedKeys out;
    const bool may_follow = more == MoreBytes::may_follow;
    std::size_t i = 0;
    while (i < bytes.size()) {
        const auto byte = static_cast<unsigned char>(bytes[i]);
        if (bytes[i] == k_esc) {
            if (i + 1 >= bytes.size()) {
                if (may_follow) break;
                out.keys.push_back(key(KeyCode::escape));
                i += 1;
                continue;
            }
            const char introducer = bytes[i + 1];
            if (introducer == '[') {
                // Parameter and intermediate bytes, then one final byte 0x40..0x7e.
                std::size_t j = i + 2;
                while (j < bytes.size() && bytes[j] >= 0x20 && bytes[j] <= 0x3f)
                    ++j;
                if (j >= bytes.size()) {
                    if (may_follow) break;
                    out.keys.push_back(key(KeyCode::unknown));
                    i = j;
                    continue;
                }
                if (bytes[j] == '~' && bytes.substr(i + 2, j - i - 2) == k_paste_start) {
                    const std::size_t start = j + 1;
                    const std::size_t end = bytes.find(k_paste_end, start);
                    if (end == std::string_view::npos && may_follow && bytes.size() - start < k_paste_cap)
                        break;
                    const std::size_t stop = end == std::string_view::npos ? bytes.size() : end;
                    if (Key paste = pasted(bytes.substr(start, stop - start)); !paste.text.empty())
                        out.keys.push_back(std::move(paste)); // a paste of nothing is no key
                    i = end == std::string_view::npos ? bytes.size() : end + k_paste_end.size();
                    continue;
                }
                const bool valid_final = bytes[j] >= 0x40 && bytes[j] <= 0x7e;
                out.keys.push_back(valid_final ? csi_key(bytes.substr(i + 2, j - i - 2), bytes[j])
                                               : key(KeyCode::unknown));
                i = valid_final ? j + 1 : j;
                continue;
            }
            if (introducer == 'O') {
                if (i + 2 >= bytes.size()) {
                    if (may_follow) break;
                    out.keys.push_back(key(KeyCode::unknown));
                    i += 2;
                    continue;
                }
                out.keys.push_back(ss3_key(bytes[i + 2]));
                i += 3;
                continue;
            }
            // Esc followed by anything else (Alt-x, or Esc typed then a key):
            // the Esc stands alone and the next byte is decoded on its own.
            out.keys.push_back(key(KeyCode::escape));
            i += 1;
            continue;
        }
        if (byte < 0x20 || byte == 0x7f) {
            out.keys.push_back(control_key(byte));
            i += 1;
            continue;
        }
        if (byte < 0x80) {
            out.keys.push_back(character(bytes.substr(i, 1)));
            i += 1;
            continue;
        }
        const std::size_t length = utf8_length(byte);
        if (length == 0) {
            out.keys.push_back(key(KeyCode::unknown));
            i += 1;
            continue;
        }
        if (i + length > bytes.size()) {
            if (may_follow) break;
            out.keys.push_back(key(KeyCode::unknown));
            i = bytes.size();
            continue;
        }
        bool well_formed = true;
        for (std::size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(bytes[i + k]) & 0xc0) != 0x80) well_formed = false;
        // The second byte also rules out overlong forms, surrogates and code
        // points past U+10FFFF (Unicode table 3-7); found by fuzz_keys.
        const auto second = static_cast<unsigned char>(bytes[i + 1]);
        if ((byte == 0xe0 && second < 0xa0) || (byte == 0xed && second > 0x9f) ||
            (byte == 0xf0 && second < 0x90) || (byte == 0xf4 && second > 0x8f))
            well_formed = false;
        out.keys.push_back(well_formed ? character(bytes.substr(i, length)) : key(KeyCode::unknown));
        i += well_formed ? length : 1;
    }
    out.used = i;
    return out;
}

Key pasted(std::string_view body) {
    // The text as the keys it would have typed: characters kept, each run of
    // line breaks and tabs one space, every other control dropped.
    // A start marker inside the paste is dropped first, so that decoding the
    // body finds no paste within it (and never recurses).
    std::string flat(body);
    const std::string nested = std::string("\x1b[") + std::string(k_paste_start) + "~";
    for (std::size_t at = flat.find(nested); at != std::string::npos;
         at = flat.find(nested, at > nested.size() ? at - nested.size() : 0))
        flat.erase(at, nested.size()); // and look again just before: the erase may join a new one
    std::string text;
    for (const Key& k : decode_keys(flat, MoreBytes::none).keys) {
        if (k.code == KeyCode::character)
            text += k.text;
        else if ((k.code == KeyCode::enter || k.code == KeyCode::tab) && !text.empty() && text.back() != ' ')
            text += ' ';
    }
    while (!text.empty() && text.back() == ' ')
        text.pop_back();
    return Key{KeyCode::paste, std::move(text)};
}

} // namespace makeorbuy::term
