#include "makeorbuy/report/check_report.hpp"

#include <algorithm>

namespace makeorbuy::adr {

const std::vector<FindingInfo>& finding_infos() {
    static const std::vector<FindingInfo> infos = {
        {FindingKind::malformed, "malformed-block", "The makeorbuy block cannot be read",
         "The record's front matter is not valid YAML, or its makeorbuy block lacks a key or has one it "
         "should not. "
         "Fix the YAML at the line shown; `makeorbuy adr new` writes a well-formed block."},
        {FindingKind::invalid_answer, "invalid-answer", "An answer is unknown, invalid or missing",
         "An answer in the record names no question of today's rules, has a value the question does not "
         "allow, or "
         "a required question has no answer. Correct the answer; `makeorbuy questions` lists the questions "
         "and "
         "their values."},
        {FindingKind::chosen_excluded, "chosen-excluded",
         "The chosen option is ruled out by a hard constraint",
         "Under today's rules a hard constraint (such as data that must stay in-house) rules out the option "
         "the "
         "record chose. Revisit the decision: choose another option or correct the answers."},
        {FindingKind::chosen_not_recommended, "chosen-not-recommended",
         "The chosen option differs from the recommendation, without a reason",
         "Re-scoring the record's answers with today's rules recommends another option, and the record gives "
         "no "
         "override-reason. Choose the recommended option, or write in override-reason why the team differs."},
        {FindingKind::chosen_overridden, "chosen-overridden",
         "The chosen option differs from the recommendation, with a reason",
         "The team chose another option than today's rules recommend and said why in override-reason. A "
         "reminder "
         "that the decision goes against the rules; no action is needed if the reason still holds."},
        {FindingKind::rules_changed, "rules-changed",
         "The recommendation changed since the record was written",
         "The record's recommended option is no longer what the rules recommend for its answers: the rules "
         "have "
         "changed since. Revisit the decision, then update recommended (and chosen) or write a new record."},
        {FindingKind::review_overdue, "review-overdue", "The review date has passed",
         "The record's review-by date is in the past. Review the decision, then move review-by forward or "
         "supersede the record."},
        {FindingKind::proposed, "proposed", "The record is still proposed",
         "With --no-proposed, a record whose status is proposed fails: accept or reject it before it is "
         "merged."},
        {FindingKind::chosen_not_robust, "chosen-not-robust",
         "The chosen option wins under less than half of plausible rule weights",
         "Redrawing every rule weight within +-50% of its value (10,000 samples, fixed seed), the option the "
         "record chose comes first in fewer than half of them: the decision rests on how the rules are "
         "weighted. Check the record's reasons, or revisit it with `makeorbuy recommend` and its robustness "
         "section."},
        {FindingKind::answers_edited, "answers-edited",
         "The answers were edited since the record was written",
         "The record's answers no longer match the ones it was written with (its answers-digest differs, or "
         "the rules are the same version as when it was written), and they now lead to another option than "
         "recommended. Revisit the decision with the new answers: update recommended (and chosen), or "
         "restore "
         "the answers."},
        {FindingKind::review_due, "review-due", "The review date is within 30 days",
         "The record's review-by date falls today or within the next 30 days. A note, which fails no "
         "check: plan the review; once the date has passed it becomes review-overdue."},
        {FindingKind::successor_missing, "successor-missing",
         "The record is superseded by a record that does not exist",
         "The record's status (`superseded by ADR-0005`, `Superseded by [5. Title](0005-title.md)`) or "
         "its superseded-by key names a successor that is not there: no such file beside it, and no "
         "record in its folder with that number or name. Correct the link, or restore the successor."},
        {FindingKind::successor_no_backlink, "successor-no-backlink",
         "The successor does not link back to the record it supersedes",
         "The record names its successor, but the successor holds no `supersedes` key, nor a "
         "\"Supersedes …\" line, naming this record by file name or number. Add one, so that a reader "
         "of the new decision finds the one it replaced."},
        {FindingKind::prices_stale, "prices-stale", "The price table is more than 180 days old",
         "The record was re-scored with a price table whose oldest API or GPU price was read more than 180 "
         "days ago, so the cost figures behind today's recommendation may be out of date. A notice: it never "
         "fails the check. See the figures with `makeorbuy prices show` and refresh the API prices with "
         "`makeorbuy prices import litellm FILE`."},
    };
    return infos;
}

const FindingInfo& info(FindingKind kind) {
    const auto& infos = finding_infos();
    return *std::find_if(infos.begin(), infos.end(), [kind](const FindingInfo& i) { return i.kind == kind; });
}

bool RecordResult::has(Severity severity) const {
    if (severity == Severity::error && omitted_errors > 0) return true;
    if (severity == Severity::warning && omitted_warnings > 0) return true;
    return std::any_of(findings.begin(), findings.end(),
                       [severity](const Finding& f) { return f.severity == severity; });
}

void cap_findings(std::vector<RecordResult>& records, std::size_t max) {
    std::size_t shown = 0;
    for (auto& r : records) {
        const std::size_t keep = std::min(r.findings.size(), max - shown);
        // A note fails nothing: one past the cap is dropped, not counted as a warning.
        for (std::size_t i = keep; i < r.findings.size(); ++i)
            if (r.findings[i].severity != Severity::note)
                ++(r.findings[i].severity == Severity::error ? r.omitted_errors : r.omitted_warnings);
        r.findings.resize(keep);
        shown += keep;
    }
}

} // namespace makeorbuy::adr
