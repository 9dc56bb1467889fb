#include "loaders/input/input_report.hpp"

#include <algorithm>

namespace ng::loaders {

std::size_t InputReport::skipped() const {
  return static_cast<std::size_t>(
      std::count_if(problems.begin(), problems.end(), [](const InputProblem& p) { return p.skipped; }));
}

void InputReport::skip(std::string origin, std::string message, InputProblem::Kind kind) {
  problems.push_back({std::move(origin), std::move(message), true, kind});
}

void InputReport::warn(std::string origin, std::string message, InputProblem::Kind kind) {
  problems.push_back({std::move(origin), std::move(message), false, kind});
}

bool InputReport::any_too_large() const { return any(InputProblem::Kind::TooLarge); }

bool InputReport::any(InputProblem::Kind kind) const {
  return std::any_of(problems.begin(), problems.end(), [kind](const InputProblem& p) { return p.kind == kind; });
}

}  // namespace ng::loaders
