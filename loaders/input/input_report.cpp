#include "loaders/input/input_report.hpp"

#include <algorithm>

namespace ng::loaders {

std::size_t InputReport::skipped() const {
  return static_cast<std::size_t>(
      std::count_if(problems.begin(), problems.end(), [](const InputProblem& p) { return p.skipped; }));
}

void InputReport::skip(std::string origin, std::string message) {
  problems.push_back({std::move(origin), std::move(message), true});
}

void InputReport::warn(std::string origin, std::string message) {
  problems.push_back({std::move(origin), std::move(message), false});
}

}  // namespace ng::loaders
