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
  // line is almost certainly not an article). 2 MB is a long report (some
  // 350,000 words); the memory a build needs grows with the quads an article
  // makes: a 1 MB article of nothing but quotes (16,000 statements, half a
  // million quads) peaks at about 350 MB.
  std::size_t max_article_bytes = std::size_t{2} << 20;
  // The identity of what standard input carries: its articles' url becomes
  // "stdin:<name>" (a line of JSON Lines without a url of its own:
  // "stdin:<name>#line=N"), so that building a new version replaces the
  // old one, as for a file. Empty: each article's identity comes from its
  // content ("stdin:<hash of title and text>"), so that two different
  // articles piped in never replace each other.
  std::string stdin_name;
};

struct DiscoverOptions {
  // Directories never read as input, and never entered: the store and the
  // output directory, so that a build of "." does not read its own files.
  std::vector<std::string> exclude;
  // Follow symbolic links to directories met inside input directories (as
  // `find -L` does). Off by default, like find and rg: a link to ".." would
  // read the parent folder. Links named on the command line are followed.
  bool follow_links = false;
};

struct InputSink {
  std::function<void(Article&&)> article;
  std::function<void(RecordSet&&)> records;
};

// Format from the file name: .txt .text .md (plain text), .html .htm .xhtml,
// .jsonl .ndjson, .csv (records), .json (records). Nothing for other names.
std::optional<InputFormat> format_for_path(const std::string& path);

// Files, directories (recursively, in sorted order, hidden entries and files
// of unknown format skipped with a debug log) and "-". Only regular files are
// read: a FIFO, socket or device with an input's name is skipped and named
// (reading a FIFO would block for ever). Paths that do not exist or cannot be
// read are recorded as problems; symbolic links to directories that were not
// followed are one warning. Sorted and deduplicated.
std::vector<InputFile> discover_inputs(const std::vector<std::string>& arguments, InputReport& report,
                                       const DiscoverOptions& options = {});

// Reads one input and hands each article or record set to the sink. Bad
// content (invalid UTF-8, NUL bytes, binary or empty files, broken rows or
// lines, oversize articles) is recorded in the report and skipped; what can
// still be read is read.
void read_input(const InputFile& input, const InputSink& sink, InputReport& report,
                const ReadOptions& options = {});

}  // namespace ng::loaders
