#pragma once
// Internal to adr/: reading a record's front matter with libyaml into the
// keys `adr check` needs, each with the file position of its key.

#include "front_matter.hpp"

#include "makeorbuy/core/answers.hpp"
#include "makeorbuy/core/diagnostics.hpp"
#include "makeorbuy/core/rules.hpp"

#include <optional>
#include <string>

namespace makeorbuy::adr {

/// A scalar from the front matter and where its key is.
struct Field {
    std::string value;
    Location where;
    bool present = false;
};

struct RecordBlock {
    Field status; ///< the front matter's own `status`
    Field title;  ///< the front matter's `title`, when a single value
    Field date;   ///< the front matter's `date`, when a single value
    /// The front matter's `superseded-by`: one value or a list of them.
    std::vector<Field> superseded_by;
    Location block; ///< the `makeorbuy:` key
    Field schema;
    Field rules;
    Field recommended;
    Field chosen;
    Field override_reason;
    Field review_by;
    Field answers_digest; ///< written by adr new: tells edited answers from changed rules
    Location answers_key;
    std::vector<RawAnswer> answers; ///< located at their keys
};

/// "fnv1a64:0123456789abcdef": a digest of the answers as `adr new` writes
/// them (question order of the rules, values as written in the block).
[[nodiscard]] std::string answers_digest(const Answers& answers, const RuleSet& rules);

/// Parses the front matter. Broken YAML and a malformed makeorbuy block go to
/// `problems` located in `path`; returns nothing when the block is unusable.
[[nodiscard]] std::optional<RecordBlock> read_block(const std::string& path, const FrontMatter& front_matter,
                                                    Diagnostics& problems);

} // namespace makeorbuy::adr
