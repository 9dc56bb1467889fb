#include "cli/input_problems.hpp"

#include <spdlog/spdlog.h>

namespace ng::cli {

void print_input_problems(const loaders::InputReport& report) {
  for (const auto& problem : report.problems) {
    if (problem.skipped) spdlog::warn("{}: {} (skipped)", problem.origin, problem.message);
    else spdlog::warn("{}: {}", problem.origin, problem.message);
  }
  if (report.any_too_large()) spdlog::info("hint: --max-article-mb raises the article size limit");
  if (report.any(loaders::InputProblem::Kind::LinkNotFollowed)) {
    spdlog::info("hint: --follow reads the directories symbolic links point to");
  }
}

}  // namespace ng::cli
