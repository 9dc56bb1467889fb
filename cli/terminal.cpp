#include <unistd.h>

#include <cstdlib>

#include "cli/command.hpp"

namespace ng::cli {

std::string default_store() {
  if (const char* env = std::getenv("NEWSGRAPH_STORE"); env && *env) return env;
  return "newsgraph-store";
}

bool stdout_is_terminal() { return isatty(STDOUT_FILENO) == 1; }
bool stderr_is_terminal() { return isatty(STDERR_FILENO) == 1; }

}  // namespace ng::cli
