// `makeorbuy questions`: every question with its allowed answers and help.

#include "makeorbuy/core/text.hpp"
#include "makeorbuy/render/formats.hpp"
#include "makeorbuy/render/render.hpp"

#include <fmt/format.h>

namespace makeorbuy {

namespace {

std::string questions_text(const RuleSet& rules, const TextStyle& style) {
    std::string out;
    for (const auto& q : rules.questions) {
        out += paint(style, Role::name, q.key);
        out +=
            q.required() ? "  (required)" : fmt::format("  (default: {})", display_value(*q.default_value));
        out += "\n" + wrap(q.prompt, style.width - 2, "  ") + "\n";
        if (q.is_numeric())
            out += wrap(q.allowed_text(), style.width, "    ") + "\n";
        else {
            if (q.type == QuestionType::multi) out += "    any of these, comma-separated, or none:\n";
            for (const auto& v : q.values)
                out += hang(fmt::format("    {:<18} ", v.value), v.text, style.width) + "\n";
        }
        if (q.ask_if)
            out += paint(style, Role::dim, wrap("asked when " + describe(*q.ask_if), style.width, "    ")) +
                   "\n";
        if (!q.help.empty()) out += paint(style, Role::dim, wrap(q.help, style.width - 4, "    ")) + "\n";
        out += "\n";
    }
    out += wrap("Give each as --KEY VALUE, or KEY = VALUE in a --config file.", style.width, "") + "\n";
    out += fmt::format("Rules: {}\n", rules.label());
    return out;
}

std::string questions_json(const RuleSet& rules, const TextStyle& /*style*/) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& q : rules.questions) {
        nlohmann::ordered_json item;
        item["key"] = q.key;
        item["prompt"] = q.prompt;
        item["help"] = q.help;
        item["type"] = to_string(q.type);
        if (q.is_numeric()) {
            item["min"] = answer_json(Value{q.min});
            item["max"] = answer_json(Value{q.max});
            item["unit"] = q.unit;
        } else {
            nlohmann::ordered_json values = nlohmann::ordered_json::array();
            for (const auto& v : q.values)
                values.push_back({{"value", v.value}, {"text", v.text}});
            item["values"] = values;
        }
        item["required"] = q.required();
        item["default"] = q.default_value ? answer_json(*q.default_value) : nlohmann::ordered_json(nullptr);
        item["ask_if"] =
            q.ask_if ? nlohmann::ordered_json(describe(*q.ask_if)) : nlohmann::ordered_json(nullptr);
        item["flag"] = "--" + q.key;
        list.push_back(item);
    }
    nlohmann::ordered_json out;
    out["schema"] = "makeorbuy.questions/1";
    out["rules"] = {{"id", rules.id}, {"version", rules.version}};
    out["questions"] = list;
    return out.dump(2) + "\n";
}

constexpr OutputFormat<QuestionsRenderer> k_questions_formats[] = {{"text", questions_text},
                                                                   {"json", questions_json}};

} // namespace

std::span<const OutputFormat<QuestionsRenderer>> questions_formats() {
    return k_questions_formats;
}

} // namespace makeorbuy
