#pragma once
// The front door of `newsgraph build`: expands the command line's inputs
// (files, directories read recursively, "-" for standard input) into typed
// input files, and reads each one into articles or record sets, streaming.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "loaders/news/article.hpp"
#include "loaders/input/input_report.hpp"
#include "loaders/records/record.hpp"

namespace ng::loaders {

enum class InputFormat { PlainText, Html, JsonLines, RecordsCsv, RecordsJson };

struct InputFile {
  std::string path;  // "-" is standard input
  InputFormat format = InputFormat::PlainText;
};

struct ReadOptions {
  // Articles longer than this are skipped with a message (a 100 MB single
  // line is almost certainly not an article).
  std::size_t max_article_bytes = std::size_t{8} << 20;
};

struct InputSink {
  std::function<void(Article&&)> article;
  std::function<void(RecordSet&&)> records;
};

// Format from the file name: .txt .text .md (plain text), .html .htm .xhtml,
// .jsonl .ndjson, .csv (records), .json (records). Nothing for other names.
std::optional<InputFormat> format_for_path(const std::string& path);

// Files, directories (recursively, in sorted order, hidden entries and files
// of unknown format skipped with a debug log) and "-". Paths that do not exist
// or cannot be read are recorded as problems. Sorted and deduplicated.
std::vector<InputFile> discover_inputs(const std::vector<std::string>& arguments,
                                       InputReport& report);

// Reads one input and hands each article or record set to the sink. Bad
// content (invalid UTF-8, NUL bytes, binary or empty files, broken rows or
// lines, oversize articles) is recorded in the report and skipped; what can
// still be read is read.
void read_input(const InputFile& input, const InputSink& sink, InputReport& report,
                const ReadOptions& options = {});

}  // namespace ng::loaders
