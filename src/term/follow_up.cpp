// What the interview offers once the result is out: keep the answers for a
// replay, and (through a hook the ADR command fills) a decision record.

#include "makeorbuy/term/interview.hpp"

#include "makeorbuy/core/text.hpp"
#include "makeorbuy/input/answer_files.hpp"
#include "makeorbuy/io/file_io.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <system_error>

namespace makeorbuy::interview {

namespace {

std::string first_message(const Error& error) {
    if (error.diagnostics().empty()) return error.what();
    const Diagnostic& d = error.diagnostics().front();
    const std::string where = d.where.to_string();
    return where.empty() ? d.message : where + ": " + d.message;
}

bool exists(const std::string& path) {
    std::error_code ignored;
    return std::filesystem::exists(std::filesystem::symlink_status(path, ignored));
}

// The first of makeorbuy-answers.toml, makeorbuy-answers-2.toml, … that is
// not there yet: the name offered must be one Enter can take.
std::string free_answers_file() {
    const std::string stem = "makeorbuy-answers";
    std::string name = stem + ".toml";
    for (int n = 2; exists(name) && n < 1000; ++n)
        name = fmt::format("{}-{}.toml", stem, n);
    return name;
}

} // namespace

std::optional<std::string> offer_save_answers(Session& session, const Answers& answers,
                                              const RuleSet& rules) {
    if (!session.confirm("Save these answers to replay them later with --config?", false))
        return std::nullopt;
    std::string problem;
    for (;;) {
        const auto typed = session.ask_text("File for the answers", free_answers_file(), problem);
        if (!typed) return std::nullopt;
        const std::string path = trim(*typed);
        if (path == "-") return std::nullopt;
        if (path.empty()) {
            problem = "Type a file name, or - to skip.";
            continue;
        }
        if (exists(path)) {
            problem = fmt::format("{} already exists and is kept; type another name, or - to skip.", path);
            continue;
        }
        try {
            write_file_atomic(path, write_flags_file(answers, rules), Overwrite::never);
        } catch (const Error& e) {
            problem = first_message(e) + "; type another name, or - to skip.";
            continue;
        }
        session.say(
            fmt::format("Saved the answers to {}; replay them with: makeorbuy --config {}", path, path));
        return path;
    }
}

std::optional<std::string> offer_decision_record(Session& session, const WriteRecord& write_record) {
    if (!write_record) return std::nullopt;
    if (!session.confirm("Write a decision record (ADR) for this decision?", false)) return std::nullopt;
    std::string problem;
    for (;;) {
        const auto typed =
            session.ask_text("Title of the decision record", "Choose how we run our AI model", problem);
        if (!typed) return std::nullopt;
        const std::string title = trim(*typed);
        if (title == "-") return std::nullopt;
        if (title.empty()) {
            problem = "Type a title, or - to skip.";
            continue;
        }
        try {
            const std::string path = write_record(title);
            session.say(fmt::format("Wrote the decision record {}", path));
            return path;
        } catch (const Error& e) {
            problem = first_message(e) + "; try another title, or - to skip.";
        }
    }
}

} // namespace makeorbuy::interview
