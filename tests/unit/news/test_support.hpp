#pragma once
// Helpers for the reader tests (news and records): run read_input on a
// file and collect what comes out; temporary directories for files made at
// test time (oversize inputs are generated, never committed).

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "loaders/input_files.hpp"
#include "tests/unit/temp_dir.hpp"

namespace ng::loaders::testing {

struct Collected {
  std::vector<Article> articles;
  std::vector<RecordSet> records;
  InputReport report;
};

inline std::string data_path(std::string_view relative) { return std::string(NG_TEST_DATA) + "/" + std::string(relative); }

// Reads one file (format from its name) or "-" through the public entry point.
inline Collected read_path(const std::string& path, const ReadOptions& options = {}) {
  Collected out;
  InputSink sink;
  sink.article = [&](Article&& article) { out.articles.push_back(std::move(article)); };
  sink.records = [&](RecordSet&& set) { out.records.push_back(std::move(set)); };
  const InputFile input{path, format_for_path(path).value_or(InputFormat::PlainText)};
  read_input(input, sink, out.report, options);
  return out;
}

// "origin: message" lines, for INFO() when a check fails.
inline std::string describe(const InputReport& report) {
  std::string out;
  for (const auto& problem : report.problems) {
    out += (problem.skipped ? "skip " : "warn ") + problem.origin + ": " + problem.message + "\n";
  }
  return out;
}

using ng::test::TempDir;

}  // namespace ng::loaders::testing
