#include "makeorbuy/answers.hpp"

#include "makeorbuy/text.hpp"

namespace makeorbuy {

const char* to_string(Origin origin) {
    switch (origin) {
    case Origin::flag:
        return "flag";
    case Origin::file:
        return "file";
    case Origin::interview:
        return "interview";
    case Origin::default_value:
        return "default";
    }
    return "default";
}

const Answer* Answers::find(const std::string& key) const {
    auto it = m_values.find(key);
    return it == m_values.end() ? nullptr : &it->second;
}

const Value* Answers::value(const std::string& key) const {
    const Answer* answer = find(key);
    return answer ? &answer->value : nullptr;
}

std::string display_value(const Value& value) {
    if (const auto* number = std::get_if<double>(&value)) return format_number(*number, 6);
    if (const auto* choice = std::get_if<std::string>(&value)) return *choice;
    const auto& list = std::get<std::vector<std::string>>(value);
    return list.empty() ? std::string("(none)") : join(list, ",");
}

} // namespace makeorbuy
