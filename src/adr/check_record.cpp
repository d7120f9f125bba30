// Checking one record: find the front matter cheaply, parse it only when it
// holds a makeorbuy block, re-score its answers, compare with its choice.

#include "front_matter.hpp"
#include "lifecycle.hpp"
#include "record_block.hpp"

#include "makeorbuy/adr/adr.hpp"
#include "makeorbuy/adr/adr_check.hpp"
#include "makeorbuy/analysis/analysis.hpp"
#include "makeorbuy/core/echo.hpp"
#include "makeorbuy/core/score.hpp"
#include "makeorbuy/core/text.hpp"
#include "makeorbuy/core/validate.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace makeorbuy::adr {

namespace {

// An override reason is prose: it is quoted at more length than a value.
constexpr std::size_t k_max_reason_bytes = 200;

// The successors of a superseded record that are looked for (the first ones named).
constexpr std::size_t k_max_successors = 16;

std::string trim_period(std::string text) {
    while (!text.empty() && (text.back() == '.' || text.back() == ' '))
        text.pop_back();
    return text;
}

class RecordChecker {
public:
    RecordChecker(RecordResult& result, const RuleSet& rules, const CheckOptions& options)
        : m_result(result)
        , m_rules(rules)
        , m_options(options) {}

    void add(FindingKind kind, Severity severity, Location where, std::string message) {
        // Bounded whatever the record holds: the first findings of a record,
        // and none once the whole check keeps ten times what it will show.
        const bool room =
            m_result.findings.size() < k_max_findings_per_record &&
            (m_options.kept == nullptr || m_options.kept->fetch_add(1) < 10 * k_max_findings_per_check);
        if (!room) {
            omit(severity, 1);
            return;
        }
        m_result.findings.push_back(Finding{kind, severity, std::move(where), std::move(message)});
    }

    void omit(Severity severity, std::size_t n) {
        if (severity == Severity::note) return; // a note fails nothing: past the cap it is dropped
        (severity == Severity::error ? m_result.omitted_errors : m_result.omitted_warnings) += n;
    }

    void add_all(FindingKind kind, const Diagnostics& problems) {
        for (const auto& d : problems.kept())
            add(kind, Severity::error, d.where, d.message);
        omit(Severity::error, problems.omitted_errors() + problems.omitted_warnings());
    }

    // An option id from the block, or a finding saying what the ids are.
    std::optional<std::size_t> option(const Field& field, const char* key) {
        if (auto index = m_rules.find_option(field.value)) return index;
        std::vector<std::string> ids;
        for (const auto& o : m_rules.options)
            ids.push_back(o.id);
        const std::string message = with_hint(
            fmt::format("{} '{}' is not an option of the rules {}", key, shown(field.value), m_rules.label()),
            field.value, ids, fmt::format(" (options: {})", join(ids, ", ")));
        add(FindingKind::malformed, Severity::error, field.where, message);
        return std::nullopt;
    }

    void check(const RecordBlock& block, const Field& status) {
        // Under --no-proposed only an accepted decision passes: proposed,
        // draft, pending, "in review", none at all... each is listed.
        if (m_options.proposed == ProposedPolicy::error &&
            classify_status(status.value) != StatusKind::accepted) {
            if (trim(status.value).empty())
                add(FindingKind::proposed, Severity::error, status.present ? status.where : block.block,
                    "the record has no status and --no-proposed is set; write `status: accepted` once the "
                    "decision is accepted (or reject it)");
            else
                add(FindingKind::proposed, Severity::error, status.where,
                    fmt::format(
                        "status is '{}', not accepted, and --no-proposed is set; accept or reject the "
                        "decision before it is merged (an accepted status reads `accepted`)",
                        shown(status.value)));
        }

        // Today's rules must accept every answer before the record can be scored.
        Diagnostics problems;
        Answers answers = validate_answers(block.answers, m_rules, problems);
        for (const Question* q : missing_required(answers, m_rules)) {
            // An answer given but invalid is reported where it stands, not as missing as well.
            if (std::any_of(block.answers.begin(), block.answers.end(),
                            [q](const RawAnswer& a) { return to_lower(a.key) == q->key; }))
                continue;
            problems.error(block.answers_key,
                           fmt::format("missing answer to '{}' ({}); add `{}: VALUE` under answers ({})",
                                       q->key, q->prompt, q->key, q->allowed_text()));
        }
        add_all(FindingKind::invalid_answer, problems);
        const auto chosen = option(block.chosen, "chosen");
        const auto recommended = option(block.recommended, "recommended");
        check_review_date(block.review_by);
        if (problems.has_errors() || !chosen || !recommended) return;

        fill_defaults(answers, m_rules);
        // The check reads the scores and exclusions, never the advice (whose
        // conditions include the cost model's searches over volume).
        const Evaluation evaluation = evaluate(answers, m_rules, Evaluate::scoring);
        const Ranking ranking = rank(evaluation, m_rules);
        const std::size_t now = ranking.winner().option;
        const std::string& now_id = m_rules.options[now].id;
        m_result.recommended_now = now_id;
        const OptionResult* chosen_result = ranking.find(*chosen);
        if (chosen_result != nullptr && chosen_result->excluded) {
            std::vector<std::string> reasons;
            for (std::size_t c : chosen_result->excluded_by)
                reasons.push_back(fmt::format("{} ({})", trim_period(m_rules.constraints[c].rationale),
                                              m_rules.constraints[c].id));
            add(FindingKind::chosen_excluded, Severity::error, block.chosen.where,
                fmt::format(
                    "chosen option '{}' is ruled out by today's rules {}: {}; choose another option (they "
                    "recommend '{}') or correct the answers",
                    block.chosen.value, m_rules.label(), join(reasons, "; "), now_id));
        } else if (*chosen != now) {
            if (block.override_reason.value.empty())
                add(FindingKind::chosen_not_recommended, Severity::error, block.chosen.where,
                    fmt::format(
                        "chosen option '{}' is not what today's rules {} recommend ('{}') and there is no "
                        "override-reason; choose '{}' or write in override-reason why the team differs",
                        block.chosen.value, m_rules.label(), now_id, now_id));
            else
                add(FindingKind::chosen_overridden, Severity::warning, block.chosen.where,
                    fmt::format(
                        "chosen option '{}' differs from today's recommendation '{}' (override-reason: {})",
                        block.chosen.value, now_id, shown(block.override_reason.value, k_max_reason_bytes)));
        }
        if (chosen_result != nullptr && !chosen_result->excluded)
            check_robustness(evaluation, *chosen, block.chosen);
        if (*recommended != now) report_moved_recommendation(block, answers, now_id);
    }

    // The recommendation the record was written with is no longer today's: say
    // why. The digest adr new writes tells edited answers from changed rules;
    // without one, a record scored with the same rules version can only have had
    // its answers edited. (Prices do not enter the score, so they cannot move it.)
    void report_moved_recommendation(const RecordBlock& block, const Answers& answers,
                                     const std::string& now_id) {
        const bool same_rules = !block.rules.present || block.rules.value == m_rules.label();
        const bool has_digest = block.answers_digest.present && !block.answers_digest.value.empty();
        const bool edited =
            has_digest ? block.answers_digest.value != answers_digest(answers, m_rules) : same_rules;
        if (edited) {
            add(FindingKind::answers_edited, Severity::warning, block.recommended.where,
                fmt::format(
                    "recommended is '{}' but the record's answers now lead to '{}' under the rules {}; "
                    "the answers were edited since the record was written ({}): revisit the decision, "
                    "then update recommended (and chosen) or restore the answers",
                    shown(block.recommended.value), now_id, m_rules.label(),
                    has_digest ? "its answers-digest no longer matches them"
                               : "it was scored with these same rules"));
            return;
        }
        std::string written_with;
        if (!same_rules)
            written_with = fmt::format(" (the record was scored with {})", shown(block.rules.value));
        else
            written_with = " (the same version: the rules were changed without a new version)";
        add(FindingKind::rules_changed, Severity::warning, block.recommended.where,
            fmt::format(
                "recommended is '{}' but today's rules {} recommend '{}'{}; the rules changed since the "
                "record was written: revisit the decision",
                shown(block.recommended.value), m_rules.label(), now_id, written_with));
    }

    // A choice that wins under less than half of the weightings rests on the weights.
    void check_robustness(const Evaluation& evaluation, std::size_t chosen, const Field& field) {
        RobustnessSettings settings{.samples = k_default_samples,
                                    .seed = k_default_seed,
                                    .band = k_weight_band,
                                    .decide_half_for = chosen}; // only "under half?" matters here
        // Most records win, or lose, under every weighting: robustness() proves it without sampling.
        const Robustness r = robustness(evaluation, m_rules, settings);
        switch (r.established) {
        case Established::every_draw:
        case Established::half_bound:
            return;
        case Established::no_draw:
            add(FindingKind::chosen_not_robust, Severity::warning, field.where,
                fmt::format("chosen option '{}' comes first under no weighting of today's rules {} (each "
                            "weight within +-{:.0f}%); no reading of the weights supports it: revisit it",
                            m_rules.options[chosen].id, m_rules.label(), settings.band * 100));
            return;
        case Established::sampled:
            break;
        }
        if (r.share >= k_contested_share) return;
        add(FindingKind::chosen_not_robust, Severity::warning, field.where,
            fmt::format(
                "chosen option '{}' comes first under only {:.0f}% of {} weightings of today's rules {} "
                "(each weight within +-{:.0f}%, seed {}); the choice rests on the weights: revisit it",
                m_rules.options[chosen].id, r.share * 100, r.samples, m_rules.label(), settings.band * 100,
                settings.seed));
    }

    void check_review_date(const Field& review_by) {
        if (!review_by.present || review_by.value.empty() || !is_iso_date(m_options.today)) return;
        if (!is_iso_date(review_by.value)) {
            add(FindingKind::malformed, Severity::error, review_by.where,
                fmt::format("review-by '{}' is not a date; write it as YYYY-MM-DD", shown(review_by.value)));
            return;
        }
        const long days = days_between(m_options.today, review_by.value);
        if (days < 0)
            add(FindingKind::review_overdue, Severity::warning, review_by.where,
                fmt::format("review-by {} has passed (today is {}); review the decision, then move review-by "
                            "forward or supersede the record",
                            review_by.value, m_options.today));
        else if (days <= k_review_due_days)
            add(FindingKind::review_due, Severity::note, review_by.where,
                fmt::format("review-by {} is {} (today is {}); plan the review of the decision",
                            review_by.value,
                            days == 0 ? "today" : fmt::format("in {} day{}", days, days == 1 ? "" : "s"),
                            m_options.today));
    }

private:
    RecordResult& m_result;
    const RuleSet& m_rules;
    const CheckOptions& m_options;
};

int lines_before(std::string_view text, std::size_t offset) {
    return static_cast<int>(
        std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

} // namespace

namespace {

// The check, on the whole text or (`whole` false) on a head that holds the
// whole front matter; nullopt when a head is not enough.
std::optional<RecordResult> check(const std::string& path, std::string_view text, const RuleSet& rules,
                                  const CheckOptions& options, bool whole) {
    RecordResult result;
    result.path = path;
    text = strip_bom(text);

    // 1. The cheap part: no front matter, or none mentioning makeorbuy, is not our record.
    //    But a makeorbuy block anywhere else is one we cannot read: an error, never a skip.
    RecordChecker checker(result, rules, options);
    auto stray = [&](std::size_t from) -> std::optional<RecordResult> {
        if (!whole) return std::nullopt; // the rest of the file may hold one
        if (auto block = find_stray_block(text.substr(from))) {
            result.state = RecordState::checked;
            result.note.clear();
            checker.add(FindingKind::malformed, Severity::error,
                        Location{path, lines_before(text, from) + block->line, 1},
                        fmt::format("this looks like a makeorbuy record but its front matter could not be "
                                    "read: {}",
                                    block->why));
        }
        return std::move(result); // the check ends here: moved, not copied
    };
    const auto front_matter = find_front_matter(text);
    if (!front_matter) {
        result.note = "not a makeorbuy record (no front matter)";
        return stray(0);
    }
    if (!mentions_makeorbuy(front_matter->yaml)) {
        result.note = "not a makeorbuy record (no makeorbuy key in the front matter)";
        return stray(front_matter->body);
    }
    if (!front_matter->closed) {
        result.state = RecordState::checked;
        checker.add(FindingKind::malformed, Severity::error, Location{path, 1, 1},
                    "the front matter opened here is never closed; end it with a line holding only ---");
        return result;
    }

    // 2. Parse the YAML; broken YAML in a makeorbuy record is an error at its place.
    Diagnostics problems;
    const auto block = read_block(path, *front_matter, problems);
    if (!block) {
        if (problems.empty()) {
            result.note = "not a makeorbuy record (no top-level makeorbuy key)";
            return result;
        }
        result.state = RecordState::checked;
        checker.add_all(FindingKind::malformed, problems);
        return result;
    }

    // 3. The status: front matter (MADR 3/4), else the body (MADR 2 bullets, Nygard section).
    Field status = block->status;
    if (status.value.empty() && !whole) return std::nullopt;
    if (status.value.empty()) {
        if (auto body = find_body_status(text.substr(front_matter->body))) {
            status.value = body->value;
            status.present = true;
            status.where = Location{path, lines_before(text, front_matter->body) + body->line, body->column};
        }
    }
    result.status = to_lower(status.value);

    // What the decision log shows: the title (front matter, else the first
    // heading, which a head may not reach), the date, the review date.
    result.date = block->date.value;
    result.review_by = block->review_by.value;
    if (!block->title.value.empty())
        result.title = block->title.value;
    else if (auto title = find_title(text.substr(front_matter->body), whole))
        result.title = *title;
    else if (!whole)
        return std::nullopt;

    if (classify_status(status.value) == StatusKind::retired) {
        result.state = RecordState::skipped;
        result.note = fmt::format("status is '{}'", shown(status.value));
        // Its successor is checked by check_successors, over every record.
        if (is_superseded(status.value)) {
            if (auto target = successor_in_status(status.value))
                result.successors.push_back(SuccessorLink{*target, status.where});
            for (const auto& link : block->superseded_by)
                result.successors.push_back(SuccessorLink{link.value, link.where});
            // A record has a successor or two; a list of thousands is checked no further.
            if (result.successors.size() > k_max_successors) result.successors.resize(k_max_successors);
        }
        return result;
    }

    // 4. Re-score and compare.
    result.state = RecordState::checked;
    result.chosen = block->chosen.value;
    checker.check(*block, status);
    std::stable_sort(result.findings.begin(), result.findings.end(),
                     [](const Finding& a, const Finding& b) { return a.where.line < b.where.line; });
    return result;
}

} // namespace

RecordResult check_text(const std::string& path, std::string_view text, const RuleSet& rules,
                        const CheckOptions& options) {
    return *check(path, text, rules, options, true);
}

std::optional<RecordResult> check_head(const std::string& path, std::string_view head, const RuleSet& rules,
                                       const CheckOptions& options) {
    return check(path, head, rules, options, false);
}

} // namespace makeorbuy::adr
