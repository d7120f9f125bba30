// makeorbuy prices show | import litellm FILE: the price table's figures
// with their sources and dates, and a refresh of its API prices from a
// LiteLLM price file the user downloaded (never the network).

#include "analysis_flags.hpp"
#include "common.hpp"

#include "makeorbuy/adr/adr.hpp"
#include "makeorbuy/core/echo.hpp"
#include "makeorbuy/core/litellm_import.hpp"
#include "makeorbuy/core/price_dates.hpp"
#include "makeorbuy/core/prices_loader.hpp"
#include "makeorbuy/io/file_io.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <unistd.h>

namespace makeorbuy::cli {

namespace {

struct PricesOptions {
    std::string prices_path; ///< empty: the embedded rules/prices.json
    std::size_t format = 0;  ///< row of prices_formats()
    ColorMode color = ColorMode::automatic;
    std::string litellm_path;
    std::string output;
    bool force = false;
};

// The price file in force as it was written, checked like any price table.
JsonDocument price_document(const std::string& path) {
    JsonDocument document = path.empty()
                                ? JsonDocument::parse(SourceText("rules/prices.json (embedded)",
                                                                 std::string(embedded_file("prices.json"))))
                                : JsonDocument::parse(read_source(path));
    return document;
}

void run_show(const PricesOptions& options) {
    // 1. Read and check the table (every problem reported with where it is).
    const JsonDocument document = price_document(options.prices_path);
    Diagnostics diagnostics;
    (void)load_prices(document, diagnostics);
    diagnostics.throw_if_errors();

    // 2. List its rows oldest first, and render.
    write_stdout(prices_formats()[options.format].render(
        price_figures(document.root()), document.source().name(), text_style(options.color, STDOUT_FILENO)));
}

void run_import_litellm(const PricesOptions& options) {
    // 1. Read the table to update and LiteLLM's file; either may be malformed.
    const JsonDocument document = price_document(options.prices_path);
    Diagnostics diagnostics;
    const PriceTable prices = load_prices(document, diagnostics);
    diagnostics.throw_if_errors();
    const JsonDocument litellm = JsonDocument::parse(read_source(options.litellm_path));
    const std::string today = adr::today();

    // 2. Update the models the table names; the rest of the file is ignored.
    const std::string name = std::filesystem::path(options.litellm_path).filename().string();
    const LitellmImport result = import_litellm(document, prices, litellm, name, today, diagnostics);
    diagnostics.throw_if_errors();

    // 3. The new table must load like the old one before it is written.
    Diagnostics recheck;
    (void)load_prices(JsonDocument::parse(SourceText(options.output, result.prices_json)), recheck);
    recheck.throw_if_errors();
    write_file_atomic(options.output, result.prices_json,
                      options.force ? Overwrite::allowed : Overwrite::never);

    // 4. Report each change.
    write_stdout(fmt::format("Wrote {} from {} and LiteLLM's {} (dated {}).\n", shown(options.output, 200),
                             shown(document.source().name(), 200), shown(options.litellm_path, 200), today) +
                 describe_import(result, today));
}

} // namespace

void setup_prices(CLI::App& app, ExitCode& /*result*/) {
    auto options = std::make_shared<PricesOptions>();
    CLI::App* prices = app.add_subcommand("prices", "Show the price table's figures or refresh them");
    prices->require_subcommand(1);
    prices->footer(R"(Examples:
  makeorbuy prices show
  makeorbuy prices import litellm model_prices_and_context_window.json --output my-prices.json)");

    CLI::App* show = prices->add_subcommand(
        "show", "Every figure of the price table with its source and date, oldest first");
    add_format_flag(*show, prices_formats(), options->format);
    add_color_flag(*show, options->color);
    add_prices_flag(*show, options->prices_path);
    show->footer(R"(Examples:
  makeorbuy prices show
  makeorbuy prices show --prices my-prices.json --format json

Rows without a date (assumptions, computed figures) come last.)");
    on_run(*show, [options] { run_show(*options); });

    CLI::App* import =
        prices->add_subcommand("import", "Write a new price table with prices from another table");
    import->require_subcommand(1);
    CLI::App* litellm = import->add_subcommand(
        "litellm", "Update the API models' prices from LiteLLM's model price file (a file you downloaded)");
    litellm->add_option("FILE", options->litellm_path, "LiteLLM's model_prices_and_context_window.json")
        ->required()
        ->type_name("FILE");
    litellm->add_option("--output,-o", options->output, "The new price file to write")
        ->required()
        ->type_name("FILE");
    litellm->add_flag("--force", options->force, "Overwrite --output if it exists");
    add_prices_flag(*litellm, options->prices_path);
    litellm->footer(R"(Example:
  curl -LO https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json
  makeorbuy prices import litellm model_prices_and_context_window.json --output my-prices.json
  makeorbuy cost --monthly-spend 80k --prices my-prices.json

Each API model of the table (the built-in one, or --prices FILE) is looked up
by its litellm_key (its id when it has none); those found get LiteLLM's
input_cost_per_token and output_cost_per_token and today's date
(MAKEORBUY_TODAY=YYYY-MM-DD sets it), every other entry is ignored. GPU
offers, serving figures and defaults are kept as they are. makeorbuy never
downloads anything: fetch the file yourself.)");
    on_run(*litellm, [options] { run_import_litellm(*options); });
}

} // namespace makeorbuy::cli
