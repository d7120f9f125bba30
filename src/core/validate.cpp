#include "makeorbuy/core/validate.hpp"

#include "makeorbuy/core/echo.hpp"
#include "makeorbuy/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace makeorbuy {

namespace {

std::vector<std::string> value_names(const Question& q) {
    std::vector<std::string> names;
    for (const auto& v : q.values)
        names.push_back(v.value);
    return names;
}

std::string unknown_value_message(const Question& q, const std::string& text) {
    return with_hint(fmt::format("unknown value '{}' for {}", shown(text), q.key), text, value_names(q)) +
           fmt::format(" (allowed: {})", q.allowed_text());
}

ParsedAnswer parse_number(const Question& q, const std::string& text) {
    bool too_large = false;
    auto number = parse_amount(text, &too_large);
    if (!number && too_large)
        return {std::nullopt,
                fmt::format("{} is too large for {}: {}", shown(text), q.key, q.allowed_text())};
    if (!number && !commas_group_thousands(text))
        return {std::nullopt,
                fmt::format("'{}' is not a number for {}: a comma may only separate thousands (30,000 or "
                            "1,234,567); write decimals with a point, as in 35.5k",
                            shown(text), q.key)};
    if (!number && points_group_thousands(text)) {
        // "35.000" is 35,000 in much of Europe and 35 elsewhere: offer the readings.
        std::string thousands = text;
        std::erase(thousands, '.');
        std::string message =
            fmt::format("'{}' is ambiguous for {}: a point before three digits separates "
                        "thousands in some countries and starts decimals in others; write {} "
                        "for thousands",
                        shown(text), q.key, thousands);
        if (std::count(text.begin(), text.end(), '.') == 1) {
            std::string decimal = text;
            while (decimal.back() == '0')
                decimal.pop_back();
            if (decimal.back() == '.') decimal.pop_back();
            message += fmt::format(" or {} for the decimal", decimal);
        }
        return {std::nullopt, message};
    }
    if (!number) {
        const char* example = q.type == QuestionType::integer ? "write a whole number such as 3"
                                                              : "write it like 30000, 50k, 1.2M or $30,000";
        return {std::nullopt, fmt::format("'{}' is not a number for {}; {}", shown(text), q.key, example)};
    }
    if (q.type == QuestionType::integer && *number != std::floor(*number))
        return {std::nullopt, fmt::format("{} must be a whole number, not {}", q.key, shown(text))};
    if (*number < q.min || *number > q.max)
        return {std::nullopt,
                fmt::format("{} is out of range for {}: {}", shown(text), q.key, q.allowed_text())};
    return {Value{*number}, {}};
}

} // namespace

ParsedAnswer parse_answer(const Question& question, const std::vector<std::string>& items) {
    if (question.type == QuestionType::multi) {
        std::vector<std::string> chosen;
        std::vector<std::string> problems;
        for (const auto& item : items) {
            // A comma list is accepted wherever a list is.
            std::size_t start = 0;
            while (start <= item.size()) {
                std::size_t comma = item.find(',', start);
                if (comma == std::string::npos) comma = item.size();
                const std::string_view part = trim_view(std::string_view(item).substr(start, comma - start));
                start = comma + 1;
                if (part.empty() ||
                    (equals_ignoring_case(part, "none") && question.find_value(part) == nullptr))
                    continue;
                const ChoiceValue* v = question.find_value(part);
                if (v == nullptr)
                    problems.push_back(unknown_value_message(question, std::string(part)));
                else if (std::find(chosen.begin(), chosen.end(), v->value) == chosen.end())
                    chosen.push_back(v->value);
            }
        }
        if (!problems.empty()) return {std::nullopt, join(problems, "; ")};
        // Keep the questionnaire's order so output is the same however it was typed.
        std::vector<std::string> ordered;
        for (const auto& v : question.values)
            if (std::find(chosen.begin(), chosen.end(), v.value) != chosen.end()) ordered.push_back(v.value);
        return {Value{ordered}, {}};
    }
    if (items.size() != 1)
        return {std::nullopt,
                fmt::format("{} takes one value, not a list of {}", question.key, items.size())};
    const std::string text = trim(items.front());
    if (text.empty())
        return {std::nullopt, fmt::format("{} needs a value: {}", question.key, question.allowed_text())};
    if (question.is_numeric()) return parse_number(question, text);
    if (const ChoiceValue* v = question.find_value(text)) return {Value{v->value}, {}};
    return {std::nullopt, unknown_value_message(question, text)};
}

Answers validate_answers(const std::vector<RawAnswer>& raw, const RuleSet& rules, Diagnostics& diagnostics) {
    Answers answers;
    answers.reserve(rules.questions.size()); // room for the defaults as well
    for (const RawAnswer& r : raw) {
        // Keys are nearly always written as the rules spell them: look for
        // that first, then ignore case.
        auto found = std::find_if(rules.questions.begin(), rules.questions.end(),
                                  [&](const Question& q) { return q.key == r.key; });
        if (found == rules.questions.end())
            found = std::find_if(rules.questions.begin(), rules.questions.end(),
                                 [&](const Question& q) { return equals_ignoring_case(q.key, r.key); });
        const Question* q = found == rules.questions.end() ? nullptr : &*found;
        if (q == nullptr) {
            std::vector<std::string> keys;
            keys.reserve(rules.questions.size());
            for (const auto& question : rules.questions)
                keys.push_back(question.key);
            diagnostics.error(r.where, with_hint(fmt::format("unknown question '{}'", shown(r.key)), r.key,
                                                 keys, "; `makeorbuy questions` lists them"));
            continue;
        }
        ParsedAnswer parsed = parse_answer(*q, r.values);
        if (!parsed.value) {
            diagnostics.error(r.where, parsed.problem);
            continue;
        }
        answers.set(q->key, Answer{std::move(*parsed.value), r.origin, r.where});
    }
    return answers;
}

void fill_defaults(Answers& answers, const RuleSet& rules) {
    for (const auto& q : rules.questions)
        if (!answers.has(q.key) && q.default_value)
            answers.set(q.key, Answer{*q.default_value, Origin::default_value, {}});
}

std::vector<const Question*> missing_required(const Answers& answers, const RuleSet& rules) {
    std::vector<const Question*> missing;
    for (const auto& q : rules.questions)
        if (q.required() && !answers.has(q.key)) missing.push_back(&q);
    return missing;
}

bool is_asked(const Question& question, const Answers& answers) {
    return !question.ask_if || holds(*question.ask_if, answers);
}

std::string flag_value_name(const Question& q) {
    if (q.is_numeric()) return q.type == QuestionType::integer ? "INTEGER" : "NUMBER";
    std::vector<std::string> names;
    names.reserve(q.values.size());
    for (const auto& v : q.values)
        names.push_back(v.value);
    return join(names, q.type == QuestionType::multi ? "," : "|");
}

std::string flag_usage(const Question& q) {
    return fmt::format("--{} {}", q.key, flag_value_name(q));
}

std::string missing_answer_message(const Question& q) {
    return fmt::format("missing answer to '{}' ({}); give {} or set it in a --config file", q.key, q.prompt,
                       flag_usage(q));
}

} // namespace makeorbuy
