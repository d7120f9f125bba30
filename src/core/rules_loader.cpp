#include "makeorbuy/core/rules.hpp"

#include "makeorbuy/core/figures.hpp"
#include "makeorbuy/core/rules_loader.hpp"
#include "makeorbuy/core/text.hpp"
#include "rules_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace makeorbuy {

using detail::Field;
using detail::is_id;
using detail::read_questions;
using detail::RulesReader;
using nlohmann::json;

namespace {

// FNV-1a over the JSON text without the whitespace between tokens, so that
// reformatting a table keeps its fingerprint; one pass, no re-serialising.
std::uint64_t fingerprint_of(const std::string& text) {
    std::uint64_t hash = 14695981039346656037ULL;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (!in_string && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) continue;
        if (in_string && c == '\\' && i + 1 < text.size()) {
            hash = (hash ^ c) * 1099511628211ULL;
            hash = (hash ^ static_cast<unsigned char>(text[++i])) * 1099511628211ULL;
            continue;
        }
        if (c == '"') in_string = !in_string;
        hash = (hash ^ c) * 1099511628211ULL;
    }
    return hash;
}

class Loader {
public:
    Loader(const JsonDocument& doc, Diagnostics& diagnostics, const std::vector<std::string>& reserved_keys)
        : m_doc(doc)
        , m_read(doc, diagnostics)
        , m_reserved_keys(reserved_keys) {}

    RuleSet load() {
        const json& root = m_doc.root();
        if (!root.is_object()) {
            m_read.error_at("", "a rules file must hold one JSON object");
            return std::move(m_rules);
        }
        m_read.check_fields(root, "",
                            {"$schema", "id", "version", "title", "questions", "options", "rules",
                             "constraints", "advice", "routes"},
                            "the rules file");
        m_rules.id = m_read.string_field(root, "", "id", Field::required).value_or("");
        m_rules.version = m_read.string_field(root, "", "version", Field::required).value_or("");
        m_rules.title = m_read.string_field(root, "", "title", Field::optional).value_or("");
        if (!m_rules.id.empty() && !is_id(m_rules.id))
            m_read.error_at("/id", "the id must be lower-case letters, digits and dashes");
        m_rules.questions = read_questions(root, m_read, m_reserved_keys);
        read_options(root);
        read_conditions_of_questions(root);
        read_rules(root);
        read_constraints(root);
        read_advice(root);
        read_routes(root);
        m_rules.fingerprint = fmt::format("fnv1a64:{:016x}", fingerprint_of(m_doc.source().text()));
        return std::move(m_rules);
    }

private:
    bool claim_id(const std::string& id, const std::string& pointer) {
        if (!is_id(id)) {
            m_read.error_at(pointer,
                            fmt::format("id '{}' must be lower-case letters, digits and dashes", id));
            return false;
        }
        auto [it, inserted] = m_ids.emplace(id, pointer);
        if (!inserted) {
            const Location first = m_read.location(it->second);
            m_read.error_at(pointer,
                            fmt::format("duplicate id '{}' (first used at line {})", id, first.line));
            return false;
        }
        return true;
    }

    void read_conditions_of_questions(const json& root) {
        const json* list = m_read.top_list(root, "questions", Field::optional);
        if (list == nullptr) return;
        for (std::size_t i = 0; i < list->size() && i < m_rules.questions.size(); ++i) {
            const json& item = (*list)[i];
            if (!item.is_object()) continue;
            if (auto c = item.find("ask_if"); c != item.end())
                m_rules.questions[i].ask_if = m_read.condition(
                    *c, pointer_append(pointer_append("/questions", i), "ask_if"), m_rules, i);
        }
    }

    void read_options(const json& root) {
        const json* list = m_read.top_list(root, "options", Field::required);
        if (list == nullptr) return;
        if (list->size() < 2)
            m_read.error_at("/options", "there must be at least two options to choose between");
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string at = pointer_append("/options", i);
            const json& item = (*list)[i];
            if (!item.is_object()) {
                m_read.error_at(at, "each option must be an object");
                continue;
            }
            m_read.check_fields(item, at, {"id", "name", "summary", "examples"}, "an option");
            Option o;
            o.id = m_read.string_field(item, at, "id", Field::required).value_or("");
            o.name = m_read.string_field(item, at, "name", Field::required).value_or(o.id);
            o.summary = m_read.string_field(item, at, "summary", Field::optional).value_or("");
            o.examples = m_read.string_field(item, at, "examples", Field::optional).value_or("");
            if (!o.id.empty()) claim_id(o.id, pointer_append(at, "id"));
            m_rules.options.push_back(std::move(o));
        }
    }

    // An unknown option is reported at the key of an effect, or at the item
    // of an exclude list.
    enum class ReportAt { key, value };
    std::optional<std::size_t> option_ref(const std::string& id, const std::string& pointer, ReportAt at) {
        if (auto index = m_rules.find_option(id)) return index;
        std::vector<std::string> ids;
        for (const auto& o : m_rules.options)
            ids.push_back(o.id);
        const std::string message = with_hint(fmt::format("unknown option '{}'", id), id, ids,
                                              fmt::format(" (options: {})", join(ids, ", ")));
        if (at == ReportAt::key)
            m_read.error_at_key(pointer, message);
        else
            m_read.error_at(pointer, message);
        return std::nullopt;
    }

    // Each {cost:...} placeholder of a text must name a figure of this table.
    void check_placeholders(const std::string& text, const std::string& pointer) {
        for (const Placeholder& p : placeholders(text))
            (void)m_read.figure(std::string(p.name), pointer, m_rules, false);
    }

    Condition when_of(const json& item, const std::string& at) {
        auto it = item.find("when");
        if (it == item.end()) return {};
        return m_read.condition(*it, pointer_append(at, "when"), m_rules, m_rules.questions.size());
    }

    // "scale": one scale, or a list of them whose factors multiply.
    void read_scales(Rule& rule, const json& item, const std::string& at) {
        auto it = item.find("scale");
        if (it == item.end()) return;
        if (!it->is_array()) {
            rule.scale = scale_of(*it, pointer_append(at, "scale"));
            return;
        }
        if (it->empty()) m_read.error_at(pointer_append(at, "scale"), "an empty list of scales");
        for (std::size_t i = 0; i < it->size(); ++i) {
            auto s = scale_of((*it)[i], pointer_append(pointer_append(at, "scale"), i));
            if (!s) continue;
            if (!rule.scale)
                rule.scale = std::move(s);
            else
                rule.more_scales.push_back(std::move(*s));
        }
    }

    std::optional<Scale> scale_of(const json& scale, const std::string& sat) {
        const json* it = &scale;
        if (!it->is_object()) {
            m_read.error_at(sat, "'scale' must be an object with question, from, to and curve");
            return std::nullopt;
        }
        m_read.check_fields(*it, sat, {"question", "figure", "from", "to", "curve"}, "a scale");
        Scale s;
        if (it->contains("figure")) {
            if (it->contains("question"))
                m_read.error_at(sat, "a scale reads either a 'question' or a cost 'figure', not both");
            const std::string name = m_read.string_field(*it, sat, "figure", Field::required).value_or("");
            const std::string fat = pointer_append(sat, "figure");
            if (std::string_view(name).substr(0, k_figure_prefix.size()) != k_figure_prefix)
                m_read.error_at(fat,
                                fmt::format("a cost figure is written cost:FIGURE:OPTION, not '{}'", name));
            else
                s.figure = m_read.figure(name, fat, m_rules, false);
        } else {
            s.question = m_read.string_field(*it, sat, "question", Field::required).value_or("");
            const Question* q = m_read.find_question(m_rules, s.question);
            if (!s.question.empty() && (q == nullptr || !q->is_numeric()))
                m_read.error_at(pointer_append(sat, "question"),
                                fmt::format("'{}' is not a number question; a scale needs one", s.question));
        }
        s.from = m_read.number_field(*it, sat, "from", Field::required, -1e15, 1e15).value_or(0);
        s.to = m_read.number_field(*it, sat, "to", Field::required, -1e15, 1e15).value_or(1);
        const std::string curve = m_read.string_field(*it, sat, "curve", Field::optional).value_or("linear");
        if (curve == "log")
            s.curve = Curve::log;
        else if (curve != "linear")
            m_read.error_at(pointer_append(sat, "curve"),
                            fmt::format("unknown curve '{}' (curves: linear, log)", curve));
        if (s.from == s.to) m_read.error_at(pointer_append(sat, "to"), "'from' and 'to' must differ");
        if (s.curve == Curve::log && (s.from <= 0 || s.to <= 0))
            m_read.error_at(sat, "a log scale needs 'from' and 'to' above zero");
        return s;
    }

    void read_rules(const json& root) {
        const json* list = m_read.top_list(root, "rules", Field::required);
        if (list == nullptr) return;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string at = pointer_append("/rules", i);
            const json& item = (*list)[i];
            if (!item.is_object()) {
                m_read.error_at(at, "each rule must be an object");
                continue;
            }
            m_read.check_fields(item, at, {"id", "when", "effects", "weight", "scale", "rationale", "guide"},
                                "a rule");
            Rule r;
            r.pointer = at;
            r.id = m_read.string_field(item, at, "id", Field::required).value_or("");
            if (!r.id.empty()) claim_id(r.id, pointer_append(at, "id"));
            r.when = when_of(item, at);
            r.weight = m_read.number_field(item, at, "weight", Field::required, 0, 5).value_or(1);
            read_scales(r, item, at);
            r.rationale = m_read.string_field(item, at, "rationale", Field::required).value_or("");
            check_placeholders(r.rationale, pointer_append(at, "rationale"));
            r.guide = m_read.string_field(item, at, "guide", Field::optional).value_or("");
            auto effects = item.find("effects");
            if (effects == item.end() || !effects->is_object() || effects->empty()) {
                m_read.error_at(effects == item.end() ? at : pointer_append(at, "effects"),
                                "a rule needs 'effects': an object from option id to points");
            } else {
                const std::string eat = pointer_append(at, "effects");
                for (const auto& [option, points] : effects->items()) {
                    auto index = option_ref(option, pointer_append(eat, option), ReportAt::key);
                    auto value = m_read.number_field(*effects, eat, option.c_str(), Field::required, -5, 5);
                    if (index && value) r.effects.push_back({*index, *value});
                }
            }
            m_rules.rules.push_back(std::move(r));
        }
    }

    void read_constraints(const json& root) {
        const json* list = m_read.top_list(root, "constraints", Field::optional);
        if (list == nullptr) return;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string at = pointer_append("/constraints", i);
            const json& item = (*list)[i];
            if (!item.is_object()) {
                m_read.error_at(at, "each constraint must be an object");
                continue;
            }
            m_read.check_fields(item, at,
                                {"id", "when", "exclude", "exclude_per_token", "rationale", "guide"},
                                "a constraint");
            Constraint c;
            c.pointer = at;
            c.id = m_read.string_field(item, at, "id", Field::required).value_or("");
            if (!c.id.empty()) claim_id(c.id, pointer_append(at, "id"));
            c.when = when_of(item, at);
            c.rationale = m_read.string_field(item, at, "rationale", Field::required).value_or("");
            check_placeholders(c.rationale, pointer_append(at, "rationale"));
            c.guide = m_read.string_field(item, at, "guide", Field::optional).value_or("");
            if (auto per_token = item.find("exclude_per_token"); per_token != item.end()) {
                if (!per_token->is_boolean())
                    m_read.error_at(pointer_append(at, "exclude_per_token"),
                                    "'exclude_per_token' is true or false");
                else
                    c.exclude_per_token = per_token->get<bool>();
            }
            auto exclude = item.find("exclude");
            if (exclude == item.end() && c.exclude_per_token) {
                // Rules out only the per-token form of options.
            } else if (exclude == item.end() || !exclude->is_array() || exclude->empty()) {
                m_read.error_at(exclude == item.end() ? at : pointer_append(at, "exclude"),
                                "a constraint needs 'exclude': a non-empty list of option ids (or "
                                "\"exclude_per_token\": true alone)");
            } else {
                for (std::size_t j = 0; j < exclude->size(); ++j) {
                    const std::string xat = pointer_append(pointer_append(at, "exclude"), j);
                    if (!(*exclude)[j].is_string()) {
                        m_read.error_at(xat, "option ids are strings");
                        continue;
                    }
                    if (auto index = option_ref((*exclude)[j].get<std::string>(), xat, ReportAt::value))
                        c.exclude.push_back(*index);
                }
            }
            m_rules.constraints.push_back(std::move(c));
        }
    }

    void read_advice(const json& root) {
        const json* list = m_read.top_list(root, "advice", Field::optional);
        if (list == nullptr) return;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string at = pointer_append("/advice", i);
            const json& item = (*list)[i];
            if (!item.is_object()) {
                m_read.error_at(at, "each advice must be an object");
                continue;
            }
            m_read.check_fields(item, at, {"id", "when", "text", "guide"}, "an advice");
            Advice a;
            a.pointer = at;
            a.id = m_read.string_field(item, at, "id", Field::required).value_or("");
            if (!a.id.empty()) claim_id(a.id, pointer_append(at, "id"));
            a.when = when_of(item, at);
            a.text = m_read.string_field(item, at, "text", Field::required).value_or("");
            check_placeholders(a.text, pointer_append(at, "text"));
            a.guide = m_read.string_field(item, at, "guide", Field::optional).value_or("");
            m_rules.advice.push_back(std::move(a));
        }
    }

    // One lane of a route: a role, the options that may carry it, its share.
    std::optional<RouteLane> read_lane(const json& item, const std::string& at, bool fallback) {
        if (!item.is_object()) {
            m_read.error_at(at, fallback ? "'fallback' must be an object" : "each lane must be an object");
            return std::nullopt;
        }
        if (fallback)
            m_read.check_fields(item, at, {"role", "options", "text"}, "a fallback");
        else
            m_read.check_fields(item, at, {"role", "options", "share", "text"}, "a lane");
        RouteLane lane;
        lane.role = m_read.string_field(item, at, "role", Field::required).value_or("");
        lane.text = m_read.string_field(item, at, "text", Field::optional).value_or("");
        if (!fallback) {
            lane.share = m_read.number_field(item, at, "share", Field::required, 0, 1).value_or(0);
            if (item.contains("share") && item.at("share").is_number() && lane.share <= 0)
                m_read.error_at(pointer_append(at, "share"), "a lane's share must be above 0");
        }
        auto options = item.find("options");
        if (options == item.end() || !options->is_array() || options->empty()) {
            m_read.error_at(options == item.end() ? at : pointer_append(at, "options"),
                            "a lane needs 'options': a non-empty list of option ids, the cheapest of "
                            "which (not ruled out) carries it");
            return lane;
        }
        for (std::size_t j = 0; j < options->size(); ++j) {
            const std::string oat = pointer_append(pointer_append(at, "options"), j);
            if (!(*options)[j].is_string()) {
                m_read.error_at(oat, "option ids are strings");
                continue;
            }
            auto index = option_ref((*options)[j].get<std::string>(), oat, ReportAt::value);
            if (!index) continue;
            if (std::find(lane.options.begin(), lane.options.end(), *index) != lane.options.end())
                m_read.error_at(oat, fmt::format("option '{}' is listed twice in this lane",
                                                 (*options)[j].get<std::string>()));
            else
                lane.options.push_back(*index);
        }
        return lane;
    }

    void read_routes(const json& root) {
        const json* list = m_read.top_list(root, "routes", Field::optional);
        if (list == nullptr) return;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string at = pointer_append("/routes", i);
            const json& item = (*list)[i];
            if (!item.is_object()) {
                m_read.error_at(at, "each route must be an object");
                continue;
            }
            m_read.check_fields(
                item, at, {"id", "when", "lanes", "fallback", "share_source", "text", "guide"}, "a route");
            Route r;
            r.pointer = at;
            r.id = m_read.string_field(item, at, "id", Field::required).value_or("");
            if (!r.id.empty()) claim_id(r.id, pointer_append(at, "id"));
            r.when = when_of(item, at);
            r.text = m_read.string_field(item, at, "text", Field::required).value_or("");
            check_placeholders(r.text, pointer_append(at, "text"));
            r.share_source = m_read.string_field(item, at, "share_source", Field::required).value_or("");
            r.guide = m_read.string_field(item, at, "guide", Field::optional).value_or("");
            auto lanes = item.find("lanes");
            if (lanes == item.end() || !lanes->is_array() || lanes->size() < 2) {
                m_read.error_at(lanes == item.end() ? at : pointer_append(at, "lanes"),
                                "a route needs 'lanes': a list of at least two lanes, their shares adding "
                                "up to 1");
            } else {
                double total = 0;
                for (std::size_t j = 0; j < lanes->size(); ++j)
                    if (auto lane =
                            read_lane((*lanes)[j], pointer_append(pointer_append(at, "lanes"), j), false)) {
                        total += lane->share;
                        r.lanes.push_back(std::move(*lane));
                    }
                if (r.lanes.size() == lanes->size() && std::fabs(total - 1) > 1e-9)
                    m_read.error_at(
                        pointer_append(at, "lanes"),
                        fmt::format("the lanes' shares add up to {}, not 1", format_number(total, 6)));
            }
            if (auto fallback = item.find("fallback"); fallback != item.end())
                r.fallback = read_lane(*fallback, pointer_append(at, "fallback"), true);
            m_rules.routes.push_back(std::move(r));
        }
    }

    const JsonDocument& m_doc;
    RulesReader m_read;
    const std::vector<std::string>& m_reserved_keys;
    RuleSet m_rules;
    std::map<std::string, std::string> m_ids; // id -> pointer of first use
};

} // namespace

RuleSet load_rules(const JsonDocument& document, Diagnostics& diagnostics, RuleChecks checks,
                   const std::vector<std::string>& reserved_keys) {
    RuleSet rules = Loader(document, diagnostics, reserved_keys).load();
    rules.origin = document.source().name();
    if (checks == RuleChecks::full && !diagnostics.has_errors())
        detail::check_semantics(rules, document, diagnostics);
    return rules;
}

RuleSet load_rules_file(const std::string& path, const std::vector<std::string>& reserved_keys) {
    const JsonDocument document = JsonDocument::parse(read_source(path));
    Diagnostics diagnostics;
    RuleSet rules = load_rules(document, diagnostics, RuleChecks::full, reserved_keys);
    diagnostics.throw_if_errors();
    return rules;
}

} // namespace makeorbuy
