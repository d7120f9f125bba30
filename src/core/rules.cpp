// The rules model's own lookups and texts; reading a table is rules_loader.cpp.

#include "makeorbuy/core/rules.hpp"

#include "makeorbuy/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace makeorbuy {

const char* to_string(QuestionType type) {
    switch (type) {
    case QuestionType::choice:
        return "choice";
    case QuestionType::multi:
        return "multi";
    case QuestionType::number:
        return "number";
    case QuestionType::integer:
        return "integer";
    }
    return "choice";
}

const ChoiceValue* Question::find_value(std::string_view text) const {
    const std::string_view wanted = trim_view(text);
    // Values are nearly always written as the rules spell them: look for that
    // first, then ignore case and try the aliases.
    for (const auto& v : values)
        if (v.value == wanted) return &v;
    for (const auto& v : values) {
        if (equals_ignoring_case(v.value, wanted)) return &v;
        for (const auto& alias : v.aliases)
            if (equals_ignoring_case(alias, wanted)) return &v;
    }
    return nullptr;
}

std::string Question::shown(const Value& value) const {
    if (!default_text.empty() && default_value && value == *default_value) return default_text;
    return display_value(value);
}

std::string Question::allowed_text() const {
    if (is_numeric()) {
        std::string kind = type == QuestionType::integer ? "a whole number" : "a number";
        std::string out = fmt::format("{} from {} to {}", kind, format_number(min, 6), format_number(max, 6));
        if (!unit.empty()) out += fmt::format(" ({})", unit);
        return out;
    }
    std::vector<std::string> names;
    for (const auto& v : values)
        names.push_back(v.value);
    if (type == QuestionType::multi) return fmt::format("any of {}, or none", join(names, ", "));
    return join(names, ", ");
}

const Question* RuleSet::find_question(const std::string& key) const {
    for (const auto& q : questions)
        if (q.key == key) return &q;
    return nullptr;
}

QuestionIndex::QuestionIndex(const std::vector<Question>& questions)
    : m_data(questions.data())
    , m_size(questions.size()) {
    m_by_key.reserve(questions.size());
    for (const auto& q : questions)
        m_by_key.emplace(q.key, &q); // the first of duplicate keys, as find_question()
}

const Question* QuestionIndex::find(std::string_view key) const {
    const auto found = m_by_key.find(key);
    return found == m_by_key.end() ? nullptr : found->second;
}

std::optional<std::size_t> RuleSet::find_option(const std::string& option_id) const {
    for (std::size_t i = 0; i < options.size(); ++i)
        if (options[i].id == option_id) return i;
    return std::nullopt;
}

} // namespace makeorbuy
