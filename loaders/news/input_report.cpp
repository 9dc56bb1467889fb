#include "loaders/news/input_report.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace ng::loaders {

std::size_t InputReport::skipped() const {
  return static_cast<std::size_t>(
      std::count_if(problems.begin(), problems.end(), [](const InputProblem& p) { return p.skipped; }));
}

// Data left out is logged at warn level here, once, so that every reader's
// problems reach the log without each reader logging them again.
void InputReport::skip(std::string origin, std::string message) {
  spdlog::warn("{}: {} (skipped)", origin, message);
  problems.push_back({std::move(origin), std::move(message), true});
}

void InputReport::warn(std::string origin, std::string message) {
  spdlog::warn("{}: {}", origin, message);
  problems.push_back({std::move(origin), std::move(message), false});
}

}  // namespace ng::loaders
