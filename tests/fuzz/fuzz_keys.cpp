// libFuzzer target: the terminal key decoder (src/term/keys.cpp), on the
// bytes a terminal could send in raw mode. Checks that it consumes what it
// should, that reads split anywhere decode to the same keys as one read, and
// that every character key is one valid, printable UTF-8 character, and that a
// bracketed paste is only characters (its line breaks cannot press Enter).

#include "fuzz_common.hpp"

#include "term/keys.hpp"

using namespace makeorbuy;
using namespace makeorbuy::term;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    // The first byte chooses where reads are split; the rest is what the terminal sent.
    const unsigned split_seed = data[0];
    const std::string bytes = fuzz::text_of(data + 1, size - 1);

    const DecodedKeys whole = decode_keys(bytes, MoreBytes::none);
    if (whole.used != bytes.size()) fuzz::fail("MoreBytes::none left bytes unused");
    for (const Key& k : whole.keys) {
        if (k.code == KeyCode::paste) {
            // One line of characters: a pasted line break or escape must not act.
            if (k.text.empty() || !fuzz::valid_utf8(k.text))
                fuzz::fail("a paste is empty or not valid UTF-8");
            for (const Key& inside : decode_keys(k.text, MoreBytes::none).keys)
                if (inside.code != KeyCode::character)
                    fuzz::fail("a paste holds a key other than characters");
            continue;
        }
        if (k.code != KeyCode::character) {
            if (!k.text.empty()) fuzz::fail("a non-character key carries text");
            continue;
        }
        if (k.text.empty() || !fuzz::valid_utf8(k.text)) fuzz::fail("a character key is not valid UTF-8");
        const auto first = static_cast<unsigned char>(k.text[0]);
        if (first < 0x20 || first == 0x7f) fuzz::fail("a control byte decoded as a character");
        const DecodedKeys again = decode_keys(k.text, MoreBytes::none);
        if (again.keys.size() != 1) fuzz::fail("a character key holds more than one character");
    }

    // The same bytes arriving in several reads, as a slow terminal or ssh delivers them.
    std::vector<Key> keys;
    std::string pending;
    std::size_t at = 0;
    unsigned state = split_seed;
    while (at < bytes.size()) {
        state = state * 1103515245U + 12345U;
        const std::size_t chunk = 1 + (state >> 16) % 7;
        pending += bytes.substr(at, chunk);
        at += chunk;
        DecodedKeys part = decode_keys(pending, MoreBytes::may_follow);
        if (part.used > pending.size()) fuzz::fail("used more bytes than given");
        keys.insert(keys.end(), part.keys.begin(), part.keys.end());
        pending.erase(0, part.used);
    }
    DecodedKeys rest = decode_keys(pending, MoreBytes::none);
    keys.insert(keys.end(), rest.keys.begin(), rest.keys.end());
    if (keys != whole.keys) fuzz::fail("split reads decode to other keys than one read");
    return 0;
}
