// The progress display of a build on a terminal: articles counted, and each
// export phase shown, not a silent wait.

#include <catch2/catch.hpp>

#include <cstdio>
#include <string>

#include "pipeline/progress.hpp"

namespace {

std::string drawn(std::FILE* file) {
  std::fflush(file);
  std::rewind(file);
  std::string text;
  for (int c = std::fgetc(file); c != EOF; c = std::fgetc(file)) text += static_cast<char>(c);
  return text;
}

}  // namespace

TEST_CASE("the progress display counts articles and names each export phase", "[pipeline][progress]") {
  std::FILE* file = std::tmpfile();
  REQUIRE(file != nullptr);
  {
    ng::pipeline::Progress progress(true, file);
    progress.start("building", 3, "articles");
    progress.step("a.txt");
    progress.step("b.txt");
    progress.step("c.txt");
    progress.phase("writing out/graph.nq");
    progress.phase("drawing the diagram");
  }
  const std::string text = drawn(file);
  std::fclose(file);
  CHECK(text.find("3/3 articles") != std::string::npos);
  CHECK(text.find("writing out/graph.nq") != std::string::npos);
  CHECK(text.find("drawing the diagram") != std::string::npos);
}

TEST_CASE("a disabled progress display draws nothing", "[pipeline][progress]") {
  std::FILE* file = std::tmpfile();
  REQUIRE(file != nullptr);
  {
    ng::pipeline::Progress progress(false, file);
    progress.start("building", 3, "articles");
    progress.step("a.txt");
    progress.phase("writing out/graph.nq");
  }
  CHECK(drawn(file).empty());
  std::fclose(file);
}
