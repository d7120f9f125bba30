#pragma once
// Internal to adr/: a YAML document as a small tree of nodes, read either by
// libyaml (any YAML) or by a fast reader for the plain shape `makeorbuy adr
// new` writes, which gives up on anything else so that libyaml reads it.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace makeorbuy::adr {

/// A 0-based position in the YAML, as libyaml gives it.
struct Mark {
    int line = -1;
    int column = 0;
};

enum class Kind : std::uint8_t { null, scalar, sequence, mapping };

/// A use of a node: its index in the document and where the use is written
/// (an alias is located at the alias, not at its anchor).
struct Ref {
    std::uint32_t node = 0;
    Mark mark;
};

struct Node {
    Kind kind = Kind::null;
    std::string text;       ///< a scalar's value
    std::vector<Ref> items; ///< a sequence's items; a mapping's keys and values, alternating
};

/// The first YAML document as a small tree; aliases share their anchor's node,
/// so an alias costs one Ref however large the anchored node is.
struct Document {
    std::vector<Node> nodes;
    Ref root;
    bool empty = true;

    const Node& operator[](const Ref& ref) const { return nodes[ref.node]; }
};

/// A YAML error: where and what.
struct YamlError {
    Mark mark;
    std::string message;
};

/// Reads the first document with libyaml. Refuses nesting deeper than 64
/// levels, duplicate keys and unknown aliases; on any error fills `error`.
[[nodiscard]] bool parse_yaml(std::string_view yaml, Document& doc, YamlError& error);

/// Reads the plain shape of front matter without libyaml: block mappings at
/// indentation 0 and deeper of `key: value` lines, where a value is empty, a
/// plain scalar of letters, digits and a few safe marks, a quoted string
/// without escapes, or a one-line flow list of such plain scalars. Returns
/// false, with `doc` to be discarded, on anything else (comments, tabs, CRLF,
/// non-ASCII, multi-line scalars, anchors, duplicate keys...), and the caller
/// uses parse_yaml. When it returns true the tree equals parse_yaml's in
/// kinds, texts and the marks of keys and scalars (tested, and checked by the
/// fuzz_adr target on every input).
[[nodiscard]] bool parse_simple_yaml(std::string_view yaml, Document& doc);

/// Whether two documents agree in shape, kinds, texts and the marks of
/// scalars (what the record reader uses).
[[nodiscard]] bool same_document(const Document& a, const Document& b);

} // namespace makeorbuy::adr
