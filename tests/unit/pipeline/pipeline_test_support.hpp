#pragma once
// What the pipeline tests share: a temporary folder (tests/unit/temp_dir.hpp)
// and reading a whole output file to compare builds byte for byte.

#include <fstream>
#include <sstream>
#include <string>

#include "tests/unit/temp_dir.hpp"

namespace ng::test {

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace ng::test
