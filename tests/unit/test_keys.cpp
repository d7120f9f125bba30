#include "term/keys.hpp"

#include <catch2/catch.hpp>

using namespace makeorbuy::term;

namespace {

std::vector<Key> all_keys(std::string_view bytes) {
    return decode_keys(bytes, MoreBytes::none).keys;
}

} // namespace

TEST_CASE("printable bytes and control keys decode one by one", "[keys]") {
    CHECK(all_keys("jk") == std::vector<Key>{character("j"), character("k")});
    CHECK(all_keys("\r") == std::vector<Key>{key(KeyCode::enter)});
    CHECK(all_keys("\n") == std::vector<Key>{key(KeyCode::enter)});
    CHECK(all_keys("\x7f") == std::vector<Key>{key(KeyCode::backspace)});
    CHECK(all_keys("\x08") == std::vector<Key>{key(KeyCode::backspace)});
    CHECK(all_keys("\x03") == std::vector<Key>{key(KeyCode::interrupt)});
    CHECK(all_keys("\x04") == std::vector<Key>{key(KeyCode::end_of_input)});
    CHECK(all_keys("\x1a\x0c\x15\x17\t") == std::vector<Key>{key(KeyCode::suspend), key(KeyCode::redraw),
                                                             key(KeyCode::kill_line), key(KeyCode::kill_word),
                                                             key(KeyCode::tab)});
    CHECK(all_keys(" ") == std::vector<Key>{character(" ")});
}

TEST_CASE("arrow keys in both CSI and SS3 form, with or without modifiers", "[keys]") {
    CHECK(all_keys("\x1b[A\x1b[B\x1b[C\x1b[D") ==
          std::vector<Key>{key(KeyCode::up), key(KeyCode::down), key(KeyCode::right), key(KeyCode::left)});
    CHECK(all_keys("\x1bOA\x1bOB") == std::vector<Key>{key(KeyCode::up), key(KeyCode::down)});
    CHECK(all_keys("\x1b[1;5A") == std::vector<Key>{key(KeyCode::up)});
    CHECK(all_keys("\x1b[Z") == std::vector<Key>{key(KeyCode::back_tab)});
    CHECK(all_keys("\x1b[3~\x1b[1~\x1b[4~\x1b[H\x1b[F") ==
          std::vector<Key>{key(KeyCode::del), key(KeyCode::home), key(KeyCode::end), key(KeyCode::home),
                           key(KeyCode::end)});
    CHECK(all_keys("\x1b[5~\x1b[6~") == std::vector<Key>{key(KeyCode::page_up), key(KeyCode::page_down)});
    // Bracketed paste's start with nothing after it: a paste of nothing, so no key.
    CHECK(all_keys("\x1b[200~").empty());
    CHECK(all_keys("\x1b[200~\x1b[201~").empty());
}

TEST_CASE("a lone Esc waits for more bytes, then stands alone", "[keys]") {
    const DecodedKeys waiting = decode_keys("\x1b", MoreBytes::may_follow);
    CHECK(waiting.keys.empty());
    CHECK(waiting.used == 0);
    CHECK(all_keys("\x1b") == std::vector<Key>{key(KeyCode::escape)});
    CHECK(all_keys("\x1b\x1b") == std::vector<Key>{key(KeyCode::escape), key(KeyCode::escape)});
    // Esc typed just before another key: both count.
    CHECK(all_keys("\x1bj") == std::vector<Key>{key(KeyCode::escape), character("j")});
}

TEST_CASE("a sequence cut between reads is kept for the next read", "[keys]") {
    const DecodedKeys first = decode_keys("j\x1b[", MoreBytes::may_follow);
    CHECK(first.keys == std::vector<Key>{character("j")});
    CHECK(first.used == 1);
    const DecodedKeys ss3 = decode_keys("\x1bO", MoreBytes::may_follow);
    CHECK(ss3.keys.empty());
    CHECK(ss3.used == 0);
    // Nothing more came: the fragment is not mistaken for a key that means something.
    CHECK(all_keys("\x1b[1;") == std::vector<Key>{key(KeyCode::unknown)});
}

TEST_CASE("UTF-8 characters decode whole, and wait when cut", "[keys]") {
    CHECK(all_keys("é€") == std::vector<Key>{character("é"), character("€")});
    const DecodedKeys cut = decode_keys("a\xc3", MoreBytes::may_follow);
    CHECK(cut.keys == std::vector<Key>{character("a")});
    CHECK(cut.used == 1);
    CHECK(all_keys("\xc3") == std::vector<Key>{key(KeyCode::unknown)});
    CHECK(all_keys("\xff") == std::vector<Key>{key(KeyCode::unknown)});
    CHECK(all_keys("\xc3(") == std::vector<Key>{key(KeyCode::unknown), character("(")});
}

TEST_CASE("Key::is matches one ASCII character", "[keys]") {
    CHECK(character("?").is('?'));
    CHECK_FALSE(character("?").is('b'));
    CHECK_FALSE(key(KeyCode::enter).is('\r'));
}

TEST_CASE("a bracketed paste is one key: its line breaks are spaces, never Enter", "[keys]") {
    CHECK(all_keys("\x1b[200~120k\r\n\x1b[201~") == std::vector<Key>{Key{KeyCode::paste, "120k"}});
    CHECK(all_keys("a\x1b[200~x\ty\r\nz\x1b[201~b") ==
          std::vector<Key>{character("a"), Key{KeyCode::paste, "x y z"}, character("b")});
    // Controls and escape sequences inside are dropped; characters stay whole.
    CHECK(all_keys("\x1b[200~caf\xC3\xA9\x03\x1b[2J!\x1b[201~") ==
          std::vector<Key>{Key{KeyCode::paste, "café!"}});
    // A start marker inside a paste (even one an erase would join) is no second paste.
    CHECK(all_keys("\x1b[200~a\x1b[2\x1b[200~00~b\x1b[201~") == std::vector<Key>{Key{KeyCode::paste, "ab"}});
}

TEST_CASE("a paste cut between reads waits for its end, or is taken as it stands", "[keys]") {
    const DecodedKeys first = decode_keys("q\x1b[200~50", MoreBytes::may_follow);
    CHECK(first.keys == std::vector<Key>{character("q")});
    CHECK(first.used == 1);
    const DecodedKeys rest = decode_keys("\x1b[200~50k\x1b[201~", MoreBytes::may_follow);
    CHECK(rest.keys == std::vector<Key>{Key{KeyCode::paste, "50k"}});
    CHECK(rest.used == std::string_view("\x1b[200~50k\x1b[201~").size());
    // The end never came: what arrived is the paste.
    CHECK(all_keys("\x1b[200~50k") == std::vector<Key>{Key{KeyCode::paste, "50k"}});
}
