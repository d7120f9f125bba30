// makeorbuy rules validate|show|schema

#include "common.hpp"

#include "makeorbuy/core/json_document.hpp"
#include "makeorbuy/core/rules_loader.hpp"

#include <fmt/format.h>

#include <cstdio>

namespace makeorbuy::cli {

namespace {

void run_validate(const std::string& path) {
    const JsonDocument document = JsonDocument::parse(read_source(path));
    Diagnostics diagnostics;
    const RuleSet rules = load_rules(document, diagnostics, RuleChecks::full, command_flags());
    for (const auto& d : diagnostics.items())
        if (d.severity != Severity::error) print_diagnostic(d);
    // Errors go through the one error path in run(), all of them at once.
    diagnostics.throw_if_errors();
    write_stdout(fmt::format(
        "{}: valid: rules {} with {} questions, {} options, {} rules, {} constraints, {} advice\n", path,
        rules.label(), rules.questions.size(), rules.options.size(), rules.rules.size(),
        rules.constraints.size(), rules.advice.size()));
}

} // namespace

void setup_rules(CLI::App& app, ExitCode& /*result*/) {
    CLI::App* rules = app.add_subcommand("rules", "Check, print or describe rules tables");
    rules->require_subcommand(1);
    rules->footer(R"(Examples:
  makeorbuy rules validate my-rules.json
  makeorbuy rules show > my-rules.json      # start a table of your own
  makeorbuy rules schema > schema.json      # for editor completion)");

    auto path = std::make_shared<std::string>();
    CLI::App* validate =
        rules->add_subcommand("validate", "Check a rules file; report every problem with FILE:LINE:COLUMN");
    validate->add_option("FILE", *path, "The rules file to check")->required()->type_name("FILE");
    validate->footer(
        "Example:\n  makeorbuy rules validate rules/default.json\n\nExit code 0 when valid (warnings "
        "allowed), 2 when there is any error.");
    on_run(*validate, [path] { run_validate(*path); });

    CLI::App* show = rules->add_subcommand("show", "Print the built-in rules table (JSON)");
    show->footer("Example:\n  makeorbuy rules show > my-rules.json");
    on_run(*show, [] { write_stdout(std::string(embedded_file("default.json"))); });

    CLI::App* schema = rules->add_subcommand("schema", "Print the JSON Schema of a rules file");
    schema->footer("Example:\n  makeorbuy rules schema > schema.json");
    on_run(*schema, [] { write_stdout(std::string(embedded_file("schema.json"))); });
}

} // namespace makeorbuy::cli
