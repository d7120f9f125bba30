#include "makeorbuy/core/json_document.hpp"

#include <catch2/catch.hpp>

using namespace makeorbuy;

namespace {

JsonDocument parse(const std::string& text, int depth = 64) {
    return JsonDocument::parse(SourceText("doc.json", text), depth);
}

// The location of the error JsonDocument::parse throws for `text`.
Location parse_error(const std::string& text, std::string& message, int depth = 64) {
    try {
        (void)parse(text, depth);
    } catch (const Error& e) {
        REQUIRE(e.diagnostics().size() == 1);
        message = e.diagnostics().front().message;
        return e.diagnostics().front().where;
    }
    FAIL("no error for: " << text);
    return {};
}

} // namespace

TEST_CASE("SourceText maps offsets to lines and UTF-8 columns", "[source_text]") {
    const SourceText source("f", "ab\n\xC3\xA9x\ny");
    CHECK(source.location(0).to_string() == "f:1:1");
    CHECK(source.location(1).to_string() == "f:1:2");
    CHECK(source.location(3).to_string() == "f:2:1");
    CHECK(source.location(5).to_string() == "f:2:2"); // after the two bytes of é
    CHECK(source.location(7).to_string() == "f:3:1");
    CHECK(source.location(999).to_string() == "f:3:2"); // clamped to the end
}

TEST_CASE("Location::to_string says as much as is known", "[diagnostics]") {
    CHECK(Location{"f", 3, 4}.to_string() == "f:3:4");
    CHECK(Location{"f", 3, 0}.to_string() == "f:3");
    CHECK(Location{"f", 0, 0}.to_string() == "f");
    CHECK(Location{}.to_string().empty());
    CHECK(Location{"--stage"}.to_string() == "--stage");
}

TEST_CASE("JsonDocument locates nested values and keys", "[json_document]") {
    const std::string text = "{\n"
                             "  \"a\": 1,\n"
                             "  \"list\": [\n"
                             "    {\"x\": true},\n"
                             "    {\"y\": [10, 20]}\n"
                             "  ],\n"
                             "  \"s~/t\": \"v\"\n"
                             "}\n";
    const JsonDocument doc = parse(text);
    CHECK(doc.root()["a"] == 1);
    CHECK(doc.value_location("").to_string() == "doc.json:1:1");
    CHECK(doc.value_location("/a").to_string() == "doc.json:2:8");
    CHECK(doc.key_location("/a").to_string() == "doc.json:2:3");
    CHECK(doc.value_location("/list").to_string() == "doc.json:3:11");
    CHECK(doc.value_location("/list/0").to_string() == "doc.json:4:5");
    CHECK(doc.value_location("/list/0/x").to_string() == "doc.json:4:11");
    CHECK(doc.key_location("/list/0/x").to_string() == "doc.json:4:6");
    CHECK(doc.value_location("/list/1/y/1").to_string() == "doc.json:5:16");
    CHECK(doc.value_location(pointer_append("", "s~/t")).to_string() == "doc.json:7:11");
}

TEST_CASE("JsonDocument falls back to the nearest known enclosing value", "[json_document]") {
    const JsonDocument doc = parse("{\"a\": {\"b\": 1}}");
    CHECK(doc.value_location("/a/missing/deeper").to_string() == "doc.json:1:7");
    CHECK(doc.value_location("/nothing").to_string() == "doc.json:1:1");
}

TEST_CASE("JsonDocument handles escapes and empty containers", "[json_document]") {
    const JsonDocument doc = parse("{\"q\\\"k\": [], \"e\": {}, \"after\": \"a\\\\\"}");
    CHECK(doc.value_location(pointer_append("", "q\"k")).to_string() == "doc.json:1:10");
    CHECK(doc.value_location("/e").to_string() == "doc.json:1:19");
    CHECK(doc.value_location("/after").to_string() == "doc.json:1:32");
}

TEST_CASE("pointer_append escapes ~ and /", "[json_document]") {
    CHECK(pointer_append("", "a/b~c") == "/a~1b~0c");
    CHECK(pointer_append("/x", 3) == "/x/3");
}

TEST_CASE("malformed JSON is reported at its line and column", "[json_document]") {
    std::string message;
    CHECK(parse_error("{\n  \"a\": 1,\n  \"b\" 2\n}", message).to_string() == "doc.json:3:7");
    CHECK(message.rfind("malformed JSON: ", 0) == 0);
    CHECK(message.find("[json.exception") == std::string::npos);
    CHECK(parse_error("{\"a\": [1, 2,]}", message).line == 1);
    CHECK(parse_error("{\"a\": [1, 2,]}", message).column == 13);
    CHECK(parse_error("[1, 2", message).to_string().rfind("doc.json:1:", 0) == 0);
    CHECK(parse_error("", message).to_string() == "doc.json:1:1");
}

TEST_CASE("JSON nested too deep is refused before parsing", "[json_document]") {
    std::string message;
    const std::string deep = std::string(10, '[') + std::string(10, ']');
    CHECK_NOTHROW(parse(deep, 10));
    const Location where = parse_error(std::string(11, '[') + std::string(11, ']'), message, 10);
    CHECK(where.to_string() == "doc.json:1:11");
    CHECK(message.find("nested more than 10 levels") != std::string::npos);
    // Brackets inside strings do not count.
    CHECK_NOTHROW(parse("[\"[[[[[[[[[[[[[[[[\"]", 2));
    // A hostile depth costs no stack.
    const std::size_t n = 100000;
    CHECK(parse_error(std::string(n, '[') + std::string(n, ']'), message).column == 65);
}
