#pragma once
// Keys as the interview understands them, decoded from the bytes a terminal
// sends in raw mode. Pure: no terminal needed, so it is unit-tested.

#include <string>
#include <string_view>
#include <vector>

namespace makeorbuy::term {

enum class KeyCode {
    character, ///< a printable character, in Key::text (UTF-8)
    enter,
    backspace,
    tab,
    back_tab, ///< Shift-Tab
    escape,   ///< a lone Esc
    up,
    down,
    left,
    right,
    home,
    end,
    page_up,
    page_down,
    del,
    interrupt,    ///< Ctrl-C
    end_of_input, ///< Ctrl-D
    suspend,      ///< Ctrl-Z
    redraw,       ///< Ctrl-L
    kill_line,    ///< Ctrl-U
    kill_word,    ///< Ctrl-W
    paste,        ///< text pasted in bracketed-paste mode, in Key::text: one line, no control characters
    unknown,      ///< a sequence or control byte with no meaning here
};

struct Key {
    KeyCode code = KeyCode::unknown;
    std::string text; ///< the character for KeyCode::character, the text for KeyCode::paste

    bool operator==(const Key&) const = default;
    [[nodiscard]] bool is(char c) const {
        return code == KeyCode::character && text.size() == 1 && text[0] == c;
    }
};

[[nodiscard]] inline Key key(KeyCode code) {
    return Key{code, {}};
}
[[nodiscard]] inline Key character(std::string_view text) {
    return Key{KeyCode::character, std::string(text)};
}

enum class MoreBytes {
    may_follow, ///< more bytes may be on their way: keep an unfinished sequence for later
    none,       ///< nothing followed in time: a lone Esc is the Esc key
};

struct DecodedKeys {
    std::vector<Key> keys;
    std::size_t used = 0; ///< bytes consumed; the rest is an unfinished sequence
};

/// Decodes the keys in `bytes`. With MoreBytes::may_follow an escape sequence
/// or UTF-8 character cut off at the end is left unused, to be completed by
/// the next read; with MoreBytes::none it is decoded as far as it goes (a
/// lone ESC is KeyCode::escape).
[[nodiscard]] DecodedKeys decode_keys(std::string_view bytes, MoreBytes more);

/// The paste key for the bytes between bracketed paste's start and end
/// markers: the characters they hold, line breaks and tabs as single spaces.
[[nodiscard]] Key pasted(std::string_view body);

} // namespace makeorbuy::term
