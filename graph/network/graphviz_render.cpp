#include "graph/network/graphviz_render.hpp"

#include <fmt/format.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <fcntl.h>
#include <spawn.h>
#include <spdlog/spdlog.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <vector>

#include "common/c_deleter.hpp"
#include "common/error.hpp"

extern char** environ;

namespace ng::graph::network {

namespace {

using ContextPtr = std::unique_ptr<GVC_t, CDeleter<gvFreeContext>>;
using GraphPtr = std::unique_ptr<Agraph_t, CDeleter<agclose>>;

// Graphviz reports through a C callback: keep the last message for the
// exception, send every one to the log (warnings such as "node size too
// small for label" are not worth more than debug).
std::string& last_message() {
  static std::string message;
  return message;
}

int log_graphviz(char* message) noexcept {
  try {
    std::string text(message ? message : "");
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    if (text.empty()) return 0;
    spdlog::debug("graphviz: {}", text);
    last_message() = std::move(text);
  } catch (...) {  // NOLINT(bugprone-empty-catch): never throw into C
  }
  return 0;
}

// One Graphviz context for the whole process, freed at exit. A second
// context after gvFreeContext crashes Graphviz 2.42/2.43: the pango plugin
// keeps a pointer to a font name the first context freed (heap use after
// free in textspan_size, seen under ASan rendering a PNG, then a PDF).
// Graphviz's own documentation uses one context per application.
GVC_t* context() {
  static const ContextPtr shared(gvContext());
  return shared.get();
}

// Renders with the libraries; returns an error message on failure.
std::optional<std::string> render_with_library(const std::string& dot, const std::string& engine,
                                               const std::string& format, const std::string& path) {
  last_message().clear();
  agseterrf(log_graphviz);
  agseterr(AGWARN);
  GVC_t* const gvc = context();
  if (!gvc) return "cannot create a Graphviz context";
  const GraphPtr graph(agmemread(dot.c_str()));
  if (!graph) return fmt::format("Graphviz could not read the DOT text: {}", last_message());
  if (gvLayout(gvc, graph.get(), engine.c_str()) != 0) {
    return fmt::format("Graphviz layout '{}' failed: {}", engine, last_message());
  }
  const int rendered = gvRenderFilename(gvc, graph.get(), format.c_str(), path.c_str());
  gvFreeLayout(gvc, graph.get());
  if (rendered != 0) return fmt::format("Graphviz could not render {}: {}", format, last_message());
  return std::nullopt;
}

constexpr std::string_view kNotInstalled = "the dot program is not installed";

// The `dot` program, run without a shell, its messages kept for the error.
std::optional<std::string> render_with_program(const std::string& dot, const std::string& engine,
                                               const std::string& format, const std::string& path) {
  static std::atomic<unsigned> counter{0};
  const std::filesystem::path stem =
      std::filesystem::temp_directory_path() / fmt::format("newsgraph-{}-{}", ::getpid(), counter++);
  const std::string input = stem.string() + ".dot";
  const std::string messages = stem.string() + ".err";
  {
    std::ofstream out(input, std::ios::binary);
    out << dot;
    if (!out) return fmt::format("cannot write {}", input);
  }
  std::vector<std::string> args{"dot", "-K" + engine, "-T" + format, "-o", path, input};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, messages.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, "dot", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  int status = 0;
  if (spawned == 0) waitpid(pid, &status, 0);
  std::string said;
  {
    std::ifstream in(messages);
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) continue;
      spdlog::debug("graphviz: {}", line);
      said = line;
    }
  }
  std::error_code ignored;
  std::filesystem::remove(input, ignored);
  std::filesystem::remove(messages, ignored);
  if (spawned == ENOENT) return std::string(kNotInstalled);
  if (spawned != 0) return fmt::format("cannot start the dot program: {}", std::strerror(spawned));
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return said.empty() ? std::string("the dot program failed") : "the dot program failed: " + said;
  }
  return std::nullopt;
}

}  // namespace

void render_dot(const std::string& dot, const std::string& engine, const std::string& format,
                const std::string& path) {
  // The program first: a fresh process draws the same DOT text the same way
  // every time. Inside a process that has done other work (threads, earlier
  // layouts), Graphviz 2.43's fdp and sfdp layouts depend on what that work
  // left (memory layout, state kept from an earlier layout), and the same
  // graph can come out different; the README promises identical files.
  // A failure of the program can be passing (a busy machine's memory or
  // process limits): it gets two more tries before the libraries, whose
  // drawing of the same graph can differ from the program's.
  constexpr int kTries = 3;
  std::optional<std::string> program_error;
  for (int attempt = 1; attempt <= kTries; ++attempt) {
    program_error = render_with_program(dot, engine, format, path);
    if (!program_error) return;
    if (*program_error == kNotInstalled) break;
    spdlog::debug("{} (try {} of {})", *program_error, attempt, kTries);
  }
  spdlog::warn("{}; drawing with the Graphviz libraries, whose force-directed layouts can differ between runs",
               *program_error);
  const auto library_error = render_with_library(dot, engine, format, path);
  if (!library_error) return;
  throw Error(fmt::format("{}: cannot draw the diagram: {}; {}", path, *program_error, *library_error));
}

}  // namespace ng::graph::network
