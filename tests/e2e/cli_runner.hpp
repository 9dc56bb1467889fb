#pragma once
// Runs the newsgraph binary as a user would, in a scratch directory, and
// captures its exit code, stdout and stderr.

#include <filesystem>
#include <string>
#include <vector>

namespace ng::e2e {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// A fresh directory under the system temp dir, removed when destroyed.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const noexcept { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// `newsgraph ARGS...`, run through the shell with each argument quoted.
RunResult newsgraph(const std::vector<std::string>& args, const std::string& stdin_text = "");
// Any command line (for rapper, serdi, python).
RunResult shell(const std::string& command);
bool have_program(const std::string& name);

std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& text);
std::filesystem::path source_dir();  // the project's root

}  // namespace ng::e2e
