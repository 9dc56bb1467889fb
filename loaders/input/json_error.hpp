#pragma once
// nlohmann-json's exception text without its "[json.exception.parse_error.101]"
// prefix, for messages users read ("line 3: invalid JSON: syntax error ...").

#include <exception>
#include <string>

namespace ng::loaders {

std::string json_error_message(const std::exception& error);

}  // namespace ng::loaders
