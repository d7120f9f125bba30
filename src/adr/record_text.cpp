// The text of a new record: MADR 4 front matter with the makeorbuy block,
// and a MADR 4 body filled from the answers and the ranking.

#include "makeorbuy/adr/adr.hpp"
#include "record_block.hpp"

#include "makeorbuy/core/echo.hpp"
#include "makeorbuy/core/text.hpp"
#include "makeorbuy/render/render.hpp"
#include "makeorbuy/render/render_analysis.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace makeorbuy::adr {

namespace {

// A YAML double-quoted scalar.
std::string double_quoted(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20)
                out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
            else
                out += c;
        }
    }
    return out + "\"";
}

// A YAML scalar: bare when it is a plain token, double-quoted otherwise.
std::string yaml_scalar(std::string_view text) {
    const bool plain = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.' || c == '_';
    });
    return plain ? std::string(text) : double_quoted(text);
}

std::string yaml_value(const Value& value) {
    if (const auto* number = std::get_if<double>(&value)) return format_number(*number, 6);
    if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
        std::vector<std::string> items;
        for (const auto& item : *list)
            items.push_back(yaml_scalar(item));
        return "[" + join(items, ", ") + "]";
    }
    return yaml_scalar(std::get<std::string>(value));
}

// "Absent a reason, …" -> "absent a reason, …", to follow "because".
std::string clause(std::string text) {
    while (!text.empty() && (text.back() == '.' || text.back() == ' '))
        text.pop_back();
    if (text.size() > 1 && std::isupper(static_cast<unsigned char>(text[0])) != 0 &&
        std::isupper(static_cast<unsigned char>(text[1])) == 0)
        text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    return text;
}

std::string driver(const Question& q, const Value& value) {
    if (const auto* number = std::get_if<double>(&value)) {
        if (q.unit.rfind("USD", 0) == 0)
            return fmt::format("{} {}{}", q.prompt, format_money(*number), q.unit.substr(3));
        return fmt::format("{} {}{}", q.prompt, format_number(*number), q.unit.empty() ? "" : " " + q.unit);
    }
    if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
        if (list->empty()) return fmt::format("{} None of these.", q.prompt);
        std::vector<std::string> texts;
        for (const auto& item : *list)
            if (const ChoiceValue* v = q.find_value(item))
                texts.push_back(fmt::format("{} ({})", v->value, clause(v->text)));
        return fmt::format("{} {}.", q.prompt, join(texts, "; "));
    }
    const auto& text = std::get<std::string>(value);
    const ChoiceValue* v = q.find_value(text);
    if (v == nullptr || v->text.empty()) return fmt::format("{} {}", q.prompt, text);
    // Value texts may open with the value itself ("No: …"); say it once.
    std::string_view said = v->text;
    if (to_lower(said.substr(0, text.size() + 1)) == text + ":") said = said.substr(text.size() + 1);
    return fmt::format("{} {}: {}.", q.prompt, text, clause(trim(said)));
}

} // namespace

std::string answers_digest(const Answers& answers, const RuleSet& rules) {
    std::uint64_t hash = 14695981039346656037ULL; // FNV-1a, 64 bits
    for (const auto& q : rules.questions) {
        const Value* v = answers.value(q.key);
        if (v == nullptr) continue;
        for (const char c : fmt::format("{}: {}\n", q.key, yaml_value(*v))) {
            hash ^= static_cast<unsigned char>(c);
            hash *= 1099511628211ULL;
        }
    }
    return fmt::format("fnv1a64:{:016x}", hash);
}

namespace {

std::string front_matter(const Report& report, const NewRecord& record) {
    const RuleSet& rules = *report.rules;
    std::string out = "---\n";
    out += fmt::format("status: {}\n", double_quoted(record.status));
    out += fmt::format("date: {}\n", record.date);
    out += "decision-makers: []\n";
    out += "makeorbuy:\n  schema: 1\n";
    out += fmt::format("  rules: {}\n", double_quoted(rules.label()));
    out += "  answers:\n";
    for (const auto& q : rules.questions)
        if (const Value* v = report.answers.value(q.key))
            out += fmt::format("    {}: {}\n", q.key, yaml_value(*v));
    out += fmt::format("  answers-digest: {}\n", double_quoted(answers_digest(report.answers, rules)));
    out += fmt::format("  recommended: {}\n", rules.options[report.ranking.winner().option].id);
    out += fmt::format("  chosen: {}\n", record.chosen);
    out += fmt::format("  override-reason: {}\n", double_quoted(record.override_reason));
    if (!record.review_by.empty()) out += fmt::format("  review-by: {}\n", record.review_by);
    return out + "---\n";
}

std::string pros_and_cons(const RuleSet& rules, const OptionResult& result) {
    std::string out;
    for (const auto& c : result.contributions)
        if (c.delta > 0) out += fmt::format("* Good, because {}\n", clause(rules.rules[c.rule].rationale));
    for (const auto& c : result.contributions)
        if (c.delta < 0) out += fmt::format("* Bad, because {}\n", clause(rules.rules[c.rule].rationale));
    for (std::size_t c : result.excluded_by)
        out += fmt::format("* Bad, because it is ruled out: {}\n", clause(rules.constraints[c].rationale));
    if (out.empty()) out = "* Neutral, because no rule moved its score\n";
    return out;
}

std::string score_chart(const Report& report) {
    const RuleSet& rules = *report.rules;
    std::string out = "| Rank | Option | Score | |\n|---:|---|---:|---|\n";
    for (std::size_t i = 0; i < report.ranking.ranked.size(); ++i) {
        const OptionResult& r = report.ranking.ranked[i];
        out += fmt::format("| {} | {} | {:.2f} | {} |\n", i + 1, rules.options[r.option].name,
                           round_score(r.score), r.excluded ? "ruled out" : (i == 0 ? "recommended" : ""));
    }
    return out;
}

} // namespace

std::string render_revisit_section(const std::vector<std::string>& conditions) {
    if (conditions.empty()) return {};
    std::string out = "\n### Revisit if\n\n";
    for (const auto& c : conditions)
        out += fmt::format("* {}\n", c);
    return out;
}

std::string render_record(const Report& report, const NewRecord& record) {
    const RuleSet& rules = *report.rules;
    const OptionResult& winner = report.ranking.winner();
    const auto chosen_index = rules.find_option(record.chosen).value_or(winner.option);
    const OptionResult& chosen = *report.ranking.find(chosen_index);
    const Option& chosen_option = rules.options[chosen_index];
    std::string out = front_matter(report, record);

    out += fmt::format("\n# {}\n\n## Context and Problem Statement\n\n", record.title);
    out += fmt::format(
        "How should we get the AI model behind this product: call a frontier hosted API, use a smaller "
        "hosted model, run an open model ourselves, or fine-tune a model of our own? The answers below "
        "were scored by makeorbuy with the rules `{}`; they are kept under `makeorbuy:` in the front "
        "matter so that the decision can be checked again when the facts or the rules change.\n",
        rules.label());

    out += "\n## Decision Drivers\n\n";
    for (const auto& q : rules.questions)
        if (const Value* v = report.answers.value(q.key)) out += fmt::format("* {}\n", driver(q, *v));

    out += "\n## Considered Options\n\n";
    for (const auto& o : rules.options)
        out += fmt::format("* {}\n", o.name);

    out += "\n## Decision Outcome\n\n";
    if (chosen_index == winner.option) {
        std::string because =
            fmt::format("it scored highest for our answers ({:.2f})", round_score(winner.score));
        for (const auto& c : winner.contributions)
            if (c.delta > 0) {
                because += fmt::format(", chiefly because {}", clause(rules.rules[c.rule].rationale));
                break;
            }
        out += fmt::format("Chosen option: \"{}\", because {}.\n", chosen_option.name, because);
    } else {
        out += fmt::format(
            "Chosen option: \"{}\", because {}.\n\nmakeorbuy recommended \"{}\" ({:.2f} against {:.2f}); "
            "the team chose otherwise for the reason above.\n",
            chosen_option.name, clause(record.override_reason), rules.options[winner.option].name,
            round_score(winner.score), round_score(chosen.score));
    }
    out += "\n### Consequences\n\n" + pros_and_cons(rules, chosen);
    out +=
        "\n### Confirmation\n\n"
        "CI runs `makeorbuy adr check` on this record. It scores the answers in the front matter again with "
        "the "
        "rules of the day and fails when `chosen` no longer follows from them (or a hard constraint rules it "
        "out) without an `override-reason`; it warns when the recommendation has changed since this record "
        "was "
        "written and when `review-by` has passed. When the facts change, update the answers and run the "
        "check.\n";
    out += render_revisit_section(record.revisit_if);

    out += "\n## Pros and Cons of the Options\n";
    for (const auto& o : report.ranking.ranked) {
        out += fmt::format("\n### {}\n\n", rules.options[o.option].name);
        if (!rules.options[o.option].summary.empty()) out += rules.options[o.option].summary + "\n\n";
        out += pros_and_cons(rules, o);
    }

    out += fmt::format(
        "\n## More Information\n\nScores from makeorbuy {} with the rules `{}` (higher is better):\n\n",
        MAKEORBUY_VERSION, rules.label());
    out += score_chart(report);
    if (!record.report_file.empty())
        out += fmt::format(
            "\nThe report with its charts (the ranking from zero, how sure it is, the cost against "
            "volume): [{0}]({0}).\n",
            record.report_file);
    if (report.route) {
        // The same plan and sentences as `recommend` prints.
        const RouteSentences route = route_sentences(*report.route, rules, winner.option);
        out += "\n### Routing plan\n\n" + route.intro + "\n\n";
        for (const std::string& lane : route.lanes)
            out += fmt::format("* {}\n", lane);
        out += "\n" + route.blend + "\n\n" + route.source + "\n";
    }
    if (!report.ranking.advice.empty()) {
        out += "\nAdvice that applies to these answers:\n\n";
        for (std::size_t a : report.ranking.advice)
            out += fmt::format("* {}\n", rules.advice[a].text);
    }
    return out;
}

void settle_choice(NewRecord& record, const Report& report) {
    const RuleSet& rules = *report.rules;
    Diagnostics problems;
    const std::string& recommended = rules.options[report.ranking.winner().option].id;
    if (record.chosen.empty()) record.chosen = recommended;
    record.chosen = to_lower(trim(record.chosen));
    std::vector<std::string> ids;
    for (const auto& o : rules.options)
        ids.push_back(o.id);
    const auto index = rules.find_option(record.chosen);
    if (!index) {
        problems.error(
            Location{"--chosen"},
            with_hint(fmt::format("unknown option '{}' for --chosen", record.chosen), record.chosen, ids) +
                fmt::format(" (options: {})", join(ids, ", ")));
    } else if (report.ranking.find(*index)->excluded) {
        problems.error(Location{"--chosen"},
                       fmt::format("'{}' is ruled out by a hard constraint for these answers; "
                                   "choose another option",
                                   record.chosen));
    } else if (record.chosen != recommended && trim(record.override_reason).empty()) {
        problems.error(
            Location{"--chosen"},
            fmt::format("'{}' is not the recommendation ('{}'); say why with --override-reason TEXT",
                        record.chosen, recommended));
    }
    if (record.chosen == recommended && !record.override_reason.empty())
        problems.error(
            Location{"--override-reason"},
            fmt::format("'{}' is the recommendation; --override-reason is only for a --chosen option that "
                        "differs from it",
                        recommended));
    if (!record.review_by.empty() && !is_iso_date(record.review_by))
        problems.error(Location{"--review-by"},
                       fmt::format("'{}' is not a date; write it as YYYY-MM-DD", record.review_by));
    if (trim(record.title).empty())
        problems.error(Location{"TITLE"}, "the title is empty; give the decision a title");
    // The statuses MADR and log4brains know; `superseded by ADR-NNNN` names its successor.
    const std::vector<std::string> statuses{"proposed",   "accepted",   "rejected",
                                            "deprecated", "superseded", "draft"};
    const std::string status = to_lower(trim(record.status));
    const std::string word = status.substr(0, status.find(' '));
    if (status.empty()) {
        problems.error(Location{"--status"}, "the status is empty");
    } else if (std::find(statuses.begin(), statuses.end(), word) == statuses.end() ||
               (word != "superseded" && word != status) ||
               (word == "superseded" && status != word && status.rfind("superseded by ", 0) != 0)) {
        std::string message = fmt::format("unknown status '{}'", shown(record.status));
        if (auto hint = did_you_mean(word, statuses)) message += fmt::format("; did you mean '{}'?", *hint);
        problems.error(Location{"--status"},
                       message +
                           fmt::format(" (statuses: {}, or 'superseded by ADR-NNNN')", join(statuses, ", ")));
    } else {
        record.status = status;
    }
    problems.throw_if_errors();
}

} // namespace makeorbuy::adr
