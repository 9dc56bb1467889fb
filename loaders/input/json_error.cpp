#include "loaders/input/json_error.hpp"

#include <string_view>

namespace ng::loaders {

std::string json_error_message(const std::exception& error) {
  std::string_view what = error.what();
  if (const std::size_t bracket = what.find("] "); what.starts_with("[json.exception") && bracket != what.npos) {
    what.remove_prefix(bracket + 2);
  }
  return std::string(what);
}

}  // namespace ng::loaders
