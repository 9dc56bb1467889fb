#include <spdlog/spdlog.h>

#include <iostream>

#include "cli/command.hpp"
#include "cli/input_problems.hpp"
#include "loaders/input_files.hpp"
#include "pipeline/extract.hpp"

namespace ng::cli {

void add_extract_command(CLI::App& app, Action& action) {
  auto inputs = std::make_shared<std::vector<std::string>>();
  auto format = std::make_shared<std::string>("text");
  auto follow = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("extract", "Show what the extractor finds in articles (no store, no RDF)");
  cmd->add_option("inputs", *inputs, "article files, directories or -")->required();
  cmd->add_option("--format", *format, "text or json (one object per article and line)")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_flag("--follow", *follow, "follow symbolic links to directories inside input folders");
  cmd->callback([inputs, format, follow, &action] {
    action = [inputs, format, follow] {
      loaders::InputReport report;
      loaders::DiscoverOptions discover;
      discover.follow_links = *follow;
      std::cout << pipeline::extract_report(
          *inputs, *format == "json" ? pipeline::ExtractFormat::Json : pipeline::ExtractFormat::Text, report,
          discover);
      std::cout.flush();
      print_input_problems(report);
      return report.skipped() > 0 ? kExitSkippedInput : kExitOk;
    };
  });
}

}  // namespace ng::cli
