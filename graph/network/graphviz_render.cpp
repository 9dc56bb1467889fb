#include "graph/network/graphviz_render.hpp"

#include <fmt/format.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <spawn.h>
#include <spdlog/spdlog.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
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

// The documented fallback: the `dot` program, run without a shell.
std::optional<std::string> render_with_program(const std::string& dot, const std::string& engine,
                                               const std::string& format, const std::string& path) {
  static std::atomic<unsigned> counter{0};
  const std::filesystem::path input =
      std::filesystem::temp_directory_path() / fmt::format("newsgraph-{}-{}.dot", ::getpid(), counter++);
  {
    std::ofstream out(input, std::ios::binary);
    out << dot;
    if (!out) return fmt::format("cannot write {}", input.string());
  }
  std::vector<std::string> args{"dot", "-K" + engine, "-T" + format, "-o", path, input.string()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, "dot", nullptr, nullptr, argv.data(), environ);
  int status = 0;
  if (spawned == 0) waitpid(pid, &status, 0);
  std::error_code ignored;
  std::filesystem::remove(input, ignored);
  if (spawned != 0) return "the dot program is not installed";
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return "the dot program failed";
  return std::nullopt;
}

}  // namespace

void render_dot(const std::string& dot, const std::string& engine, const std::string& format,
                const std::string& path) {
  const auto library_error = render_with_library(dot, engine, format, path);
  if (!library_error) return;
  spdlog::warn("{}; trying the dot program", *library_error);
  const auto program_error = render_with_program(dot, engine, format, path);
  if (!program_error) return;
  throw Error(fmt::format("{}: cannot draw the diagram: {}; {}", path, *library_error, *program_error));
}

}  // namespace ng::graph::network
