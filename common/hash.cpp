#include "common/hash.hpp"

#include <fmt/format.h>

namespace ng {

std::string stable_hash_hex(std::string_view bytes, int digits) {
  std::string hex = fmt::format("{:016x}", stable_hash(bytes));
  if (digits < 1) digits = 1;
  if (digits > 16) digits = 16;
  return hex.substr(0, static_cast<std::size_t>(digits));
}

}  // namespace ng
