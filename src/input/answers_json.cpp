#include "makeorbuy/input/answer_files.hpp"

#include "makeorbuy/core/echo.hpp"
#include "makeorbuy/core/json_document.hpp"
#include "makeorbuy/core/text.hpp"

#include <fmt/format.h>

#include <map>
#include <utility>

namespace makeorbuy {

namespace {

std::optional<std::string> scalar_text(const nlohmann::json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_boolean()) return std::string(value.get<bool>() ? "true" : "false");
    if (value.is_number_integer()) return std::to_string(value.get<long long>());
    if (value.is_number()) return format_number(value.get<double>(), 9);
    return std::nullopt;
}

} // namespace

std::vector<RawAnswer> parse_answers_json(const SourceText& source, Diagnostics& diagnostics) {
    const JsonDocument doc = JsonDocument::parse(source, 16);
    const nlohmann::json* object = &doc.root();
    std::string base;
    // makeorbuy's own JSON output carries its answers under "answers".
    if (object->is_object() && object->contains("answers") && (*object)["answers"].is_object()) {
        object = &(*object)["answers"];
        base = "/answers";
    }
    std::vector<RawAnswer> answers;
    if (!object->is_object()) {
        diagnostics.error(doc.value_location(base), "an answers file holds one JSON object of answers");
        return answers;
    }
    // Keys are matched without regard to case, as in flags files, so "Stage"
    // and "stage" in one file say the same thing twice.
    std::map<std::string, std::pair<std::string, Location>> seen; // lower case -> key as written, place
    for (const auto& [key, value] : object->items()) {
        const std::string at = pointer_append(base, key);
        RawAnswer answer;
        answer.key = key;
        answer.origin = Origin::file;
        answer.where = doc.value_location(at);
        const Location key_at = doc.key_location(at);
        if (auto [it, inserted] = seen.emplace(to_lower(key), std::pair(key, key_at)); !inserted) {
            // Members come in key order, not the file's: report the later one.
            const auto& [other, other_at] = it->second;
            const bool later =
                std::pair(key_at.line, key_at.column) > std::pair(other_at.line, other_at.column);
            diagnostics.error(later ? key_at : other_at,
                              fmt::format("'{}' is set twice in this file (first on line {}, as '{}')",
                                          shown(later ? key : other), later ? other_at.line : key_at.line,
                                          shown(later ? other : key)));
            continue;
        }
        if (value.is_array()) {
            answer.is_list = true;
            for (std::size_t i = 0; i < value.size(); ++i) {
                auto text = scalar_text(value[i]);
                if (!text)
                    diagnostics.error(doc.value_location(pointer_append(at, i)),
                                      "list items must be strings");
                else
                    answer.values.push_back(*text);
            }
        } else if (auto text = scalar_text(value)) {
            answer.values.push_back(*text);
        } else {
            diagnostics.error(answer.where, fmt::format("'{}' needs a string, number or list, not {}",
                                                        shown(key), value.is_null() ? "null" : "an object"));
            continue;
        }
        answers.push_back(std::move(answer));
    }
    return answers;
}

std::vector<RawAnswer> read_answers_file(const std::string& path, Diagnostics& diagnostics) {
    const SourceText source = read_source(path, std::size_t{16} << 20);
    const bool json = path.size() >= 5 && to_lower(path.substr(path.size() - 5)) == ".json";
    return json ? parse_answers_json(source, diagnostics) : parse_flags_file(source, diagnostics);
}

} // namespace makeorbuy
