#include "cli_runner.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace ng::e2e {

namespace fs = std::filesystem;

namespace {

std::string quote(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

}  // namespace

ScratchDir::ScratchDir() {
  static std::atomic<int> counter{0};
  path_ = fs::temp_directory_path() / ("newsgraph-e2e-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(path_);
  fs::create_directories(path_);
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

fs::path source_dir() { return fs::path(NG_SOURCE_DIR); }

RunResult shell(const std::string& command) {
  const ScratchDir capture;
  const std::string full = command + " > " + quote((capture / "out").string()) + " 2> " +
                           quote((capture / "err").string());
  const int status = std::system(full.c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_file(capture / "out");
  result.err = read_file(capture / "err");
  return result;
}

RunResult newsgraph(const std::vector<std::string>& args, const std::string& stdin_text) {
  std::string command = quote(NG_CLI);
  for (const auto& a : args) command += " " + quote(a);
  if (!stdin_text.empty()) {
    const ScratchDir input;
    write_file(input / "stdin", stdin_text);
    return shell(command + " < " + quote((input / "stdin").string()));
  }
  return shell(command + " < /dev/null");
}

bool have_program(const std::string& name) {
  return std::system(("command -v " + quote(name) + " > /dev/null 2>&1").c_str()) == 0;
}

}  // namespace ng::e2e
