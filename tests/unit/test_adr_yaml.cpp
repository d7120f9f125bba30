// The fast front-matter reader: wherever it answers, it must build the tree
// libyaml builds; whatever it is unsure of, it must leave to libyaml.

#include "adr/front_matter.hpp"
#include "adr/yaml_document.hpp"

#include "makeorbuy/core/source_text.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace makeorbuy::adr;

namespace {

Document libyaml(std::string_view yaml) {
    Document doc;
    YamlError error;
    REQUIRE(parse_yaml(yaml, doc, error));
    return doc;
}

const Node& value_of(const Document& doc, const Node& map, std::string_view key) {
    for (std::size_t i = 0; i + 1 < map.items.size(); i += 2)
        if (doc[map.items[i]].text == key) return doc[map.items[i + 1]];
    FAIL("no key " << key);
    return map;
}

} // namespace

TEST_CASE("the fast reader reads what adr new writes, as libyaml does", "[adr][yaml]") {
    const std::string yaml = "status: \"accepted\"\n"
                             "date: 2026-06-01\n"
                             "decision-makers: [Ana, Ben Ode,  Cy ]\n"
                             "consulted: []\n"
                             "informed: [ ]\n"
                             "makeorbuy:\n"
                             "  schema: 1\n"
                             "  rules: \"default@2026.11\"\n"
                             "\n"
                             "  answers:\n"
                             "    stage: growth\n"
                             "    monthly-spend: 120000\n"
                             "    compliance: [vendor-dpa, null]\n"
                             "    note: null\n"
                             "    empty:\n"
                             "  recommended: frontier-api   \n"
                             "  override-reason: ''\n"
                             "  chosen: frontier-api";
    Document fast;
    REQUIRE(parse_simple_yaml(yaml, fast));
    CHECK(same_document(fast, libyaml(yaml)));

    const Node& root = fast[fast.root];
    REQUIRE(root.kind == Kind::mapping);
    CHECK(root.items.size() == 12);
    CHECK(value_of(fast, root, "decision-makers").items.size() == 3);
    CHECK(fast[value_of(fast, root, "decision-makers").items[1]].text == "Ben Ode");
    const Node& block = value_of(fast, root, "makeorbuy");
    const Node& answers = value_of(fast, block, "answers");
    CHECK(value_of(fast, answers, "note").kind == Kind::null);
    CHECK(value_of(fast, answers, "empty").kind == Kind::null);
    CHECK(value_of(fast, block, "recommended").text == "frontier-api");
    CHECK(value_of(fast, block, "override-reason").kind == Kind::scalar);
    CHECK(answers.items[0].mark.line == 10);
    CHECK(answers.items[0].mark.column == 4);
}

TEST_CASE("the fast reader leaves anything unusual to libyaml", "[adr][yaml]") {
    const char* unusual[] = {
        "a: 1 # comment\n",
        "# comment\na: 1\n",
        "a: 1\r\nb: 2\r\n",
        "a:\tb\n",
        "a: caf\xc3\xa9\n",
        "a: \"x\\ty\"\n",
        "a: 'it''s'\n",
        "a: \"open\n",
        "a: b\n  c\n",
        "a: b\n  c: d\n",
        "a:\n  - x\n",
        "a: [x, [y]]\n",
        "a: [x,]\n",
        "a: &anchor x\nb: *anchor\n",
        "a: {b: c}\n",
        "a: |\n  text\n",
        "a: x: y\n",
        "a:x\n",
        "a: 1\na: 2\n",
        "null: x\n",
        "  a: 1\n",
        "a:\n    b: 1\n  c: 2\n",
        "? a\n: b\n",
        "a: -5\n",
        "a: ~\n",
        "a: @x\n",
        "a: \"x\" y\n",
        "\n\n",
        "",
        "%YAML 1.2\n---\na: 1\n",
        "a: [x] y\n",
        "\"a\": 1\n",
        "a: \"x\x01y\"\n",
        "a: \"caf\xc3\xa9\"\n",
        "a: 'tab\there'\n",
        "\t\na: 1\n",
        "a: 1\n \r\n",
        "a: [x,\ty]\n",
        "a: 1\r",
        "a:\r\n  b: 1\n",
    };
    for (const char* yaml : unusual) {
        INFO(yaml);
        Document fast;
        CHECK_FALSE(parse_simple_yaml(yaml, fast));
    }
    // Bounds: a key longer than libyaml takes as a simple key (found in review),
    // a mapping with very many keys (each is compared with those before it), a lot of text.
    Document fast;
    CHECK_FALSE(parse_simple_yaml(std::string(1025, 'a') + ": b\n", fast));
    std::string many;
    for (int i = 0; i < 100; ++i)
        many += "k" + std::to_string(i) + ": x\n";
    CHECK_FALSE(parse_simple_yaml(many, fast));
    CHECK_FALSE(parse_simple_yaml(std::string(70000, ' ') + "\na: b\n", fast));
}

TEST_CASE("the fast reader agrees with libyaml on every record fixture it reads", "[adr][yaml]") {
    std::size_t read_fast = 0;
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(std::string(MAKEORBUY_TEST_DATA) + "/adr")) {
        if (!entry.is_regular_file()) continue;
        const std::string text = makeorbuy::read_source(entry.path().string()).text();
        const auto front_matter = find_front_matter(strip_bom(text));
        if (!front_matter) continue;
        Document fast;
        if (!parse_simple_yaml(front_matter->yaml, fast)) continue;
        INFO(entry.path().string());
        Document full;
        YamlError error;
        REQUIRE(parse_yaml(front_matter->yaml, full, error));
        CHECK(same_document(fast, full));
        ++read_fast;
    }
    // Most fixtures are in the shape `adr new` writes (17 of them when written).
    CHECK(read_fast >= 10);
}
