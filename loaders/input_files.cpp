#include "loaders/input_files.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <system_error>

#include "common/ascii.hpp"
#include "loaders/input/iri_text.hpp"
#include "loaders/input/text_cleanup.hpp"
#include "loaders/input/text_file.hpp"
#include "loaders/news/article_source.hpp"
#include "loaders/news/html_reader.hpp"
#include "loaders/news/json_lines_reader.hpp"
#include "loaders/news/plain_text_reader.hpp"
#include "loaders/records/csv_records_reader.hpp"
#include "loaders/records/json_records_reader.hpp"

namespace ng::loaders {

namespace fs = std::filesystem;

namespace {

// A records JSON file is parsed whole; it may be bigger than one article.
constexpr std::size_t kRecordsJsonFactor = 16;

std::string cannot_read(int error) { return std::string("cannot read: ") + std::strerror(error); }

std::string html_oversize(std::size_t size, std::size_t limit) {
  return "HTML file is " + megabytes(size) + " MB, over the size limit of " + megabytes(limit) + " MB (" +
         std::to_string(kHtmlMarkupFactor) + " times the article size limit, for markup)";
}

std::string records_oversize(std::size_t size, std::size_t limit) {
  return "records file is " + megabytes(size) + " MB, over the size limit of " + megabytes(limit) + " MB (" +
         std::to_string(kRecordsJsonFactor) + " times the article size limit)";
}

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name.front() == '.';
}

// Adds the files under `directory`, sorted by name, recursing into
// subdirectories. `visited` holds canonical directories already walked, so a
// symlink loop ends.
void walk(const fs::path& directory, std::vector<InputFile>& out, std::set<fs::path>& visited, InputReport& report) {
  std::error_code error;
  const fs::path canonical = fs::canonical(directory, error);
  if (!error && !visited.insert(canonical).second) {
    spdlog::debug("{}: already read (symbolic link loop?)", directory.string());
    return;
  }
  std::vector<fs::path> entries;
  fs::directory_iterator it(directory, error), end;
  for (; !error && it != end; it.increment(error)) entries.push_back(it->path());
  if (error) {
    report.skip(display_path(directory.string()), "cannot read: " + error.message());
    return;
  }
  std::sort(entries.begin(), entries.end());
  for (const fs::path& entry : entries) {
    if (is_hidden(entry)) {
      spdlog::debug("{}: hidden, skipped", entry.string());
      continue;
    }
    if (fs::is_directory(entry, error)) {
      walk(entry, out, visited, report);
    } else if (const auto format = format_for_path(entry.string())) {
      out.push_back({entry.string(), *format});
    } else {
      spdlog::debug("{}: not a known input format, skipped", entry.string());
    }
  }
}

// Standard input's format from its first byte: '<' HTML, '{' JSON Lines,
// anything else plain text. Consumes a BOM and leading whitespace only, and
// counts the newlines it consumed in `lines`.
InputFormat sniff(std::istream& in, std::size_t& lines) {
  std::streambuf* buffer = in.rdbuf();
  for (const char bom : {'\xEF', '\xBB', '\xBF'}) {
    if (buffer->sgetc() != std::char_traits<char>::to_int_type(bom)) break;
    buffer->sbumpc();
  }
  for (int c = buffer->sgetc(); c != std::char_traits<char>::eof(); c = buffer->snextc()) {
    if (c == '<') return InputFormat::Html;
    if (c == '{') return InputFormat::JsonLines;
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
    if (c == '\n') ++lines;
  }
  return InputFormat::PlainText;
}

void read_stream(std::istream& in, InputFormat format, const ArticleSource& source, const InputSink& sink,
                 InputReport& report, const ReadOptions& options) {
  const ArticleSink deliver = [&](Article&& article) {
    ++report.articles;
    if (sink.article) sink.article(std::move(article));
  };
  const std::string& path = source.origin;
  switch (format) {
    case InputFormat::PlainText:
      if (auto text = read_checked_text(in, path, {options.max_article_bytes, nullptr}, report)) {
        read_plain_text(*text, source, deliver, report);
      }
      break;
    case InputFormat::Html:
      if (auto html = read_checked_text(in, path, {options.max_article_bytes * kHtmlMarkupFactor, html_oversize}, report)) {
        read_html(*html, source, deliver, report);
      }
      break;
    case InputFormat::JsonLines:
      read_json_lines(in, source, deliver, report);
      break;
    case InputFormat::RecordsCsv:
      if (auto set = read_csv_records(in, path, options.max_article_bytes * 2, report); set && sink.records) {
        set->url = source.url;
        sink.records(std::move(*set));
      }
      break;
    case InputFormat::RecordsJson:
      if (auto json = read_checked_text(in, path, {options.max_article_bytes * kRecordsJsonFactor, records_oversize}, report)) {
        if (auto set = read_json_records(*json, path, report); set && sink.records) {
          set->url = source.url;
          sink.records(std::move(*set));
        }
      }
      break;
  }
}

}  // namespace

std::optional<InputFormat> format_for_path(const std::string& path) {
  const std::string extension = ascii_lower(fs::path(path).extension().string());
  if (extension == ".txt" || extension == ".text" || extension == ".md") return InputFormat::PlainText;
  if (extension == ".html" || extension == ".htm" || extension == ".xhtml") return InputFormat::Html;
  if (extension == ".jsonl" || extension == ".ndjson") return InputFormat::JsonLines;
  if (extension == ".csv") return InputFormat::RecordsCsv;
  if (extension == ".json") return InputFormat::RecordsJson;
  return std::nullopt;
}

std::vector<InputFile> discover_inputs(const std::vector<std::string>& arguments, InputReport& report) {
  std::vector<InputFile> out;
  std::set<fs::path> visited;
  for (const std::string& argument : arguments) {
    if (argument == "-") {
      out.push_back({"-", InputFormat::PlainText});  // the real format is sniffed when read
      continue;
    }
    std::error_code error;
    const fs::file_status status = fs::status(argument, error);
    if (error || !fs::exists(status)) {
      report.skip(display_path(argument), cannot_read(error ? error.value() : ENOENT));
      continue;
    }
    if (::access(argument.c_str(), R_OK) != 0) {
      report.skip(display_path(argument), cannot_read(errno));
      continue;
    }
    if (fs::is_directory(status)) {
      walk(argument, out, visited, report);
    } else if (const auto format = format_for_path(argument)) {
      out.push_back({argument, *format});
    } else {
      // Named on the command line, so the user meant it: say why it is left out.
      report.skip(display_path(argument),
                  "unknown input format (expected .txt .text .md .html .htm .xhtml .jsonl .ndjson .csv .json)");
    }
  }
  std::sort(out.begin(), out.end(), [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
  out.erase(std::unique(out.begin(), out.end(), [](const InputFile& a, const InputFile& b) { return a.path == b.path; }),
            out.end());
  return out;
}

void read_input(const InputFile& input, const InputSink& sink, InputReport& report, const ReadOptions& options) {
  ArticleSource source;
  source.max_article_bytes = options.max_article_bytes;
  if (input.path == "-") {
    source.origin = "-";
    source.url = "stdin:";
    ++report.files;
    const InputFormat format = sniff(std::cin, source.lines_before);
    spdlog::debug("standard input read as {}", format == InputFormat::Html        ? "HTML"
                                                 : format == InputFormat::JsonLines ? "JSON Lines"
                                                                                    : "plain text");
    read_stream(std::cin, format, source, sink, report, options);
    return;
  }
  source.origin = display_path(input.path);
  source.url = file_iri(input.path);
  source.markdown = ascii_lower(fs::path(input.path).extension().string()) == ".md";
  std::error_code error;
  if (fs::is_directory(input.path, error)) {
    report.skip(source.origin, cannot_read(EISDIR));
    return;
  }
  errno = 0;
  std::ifstream in(input.path, std::ios::binary);
  if (!in) {
    report.skip(source.origin, cannot_read(errno != 0 ? errno : EIO));
    return;
  }
  ++report.files;
  spdlog::debug("reading {}", source.origin);
  read_stream(in, input.format, source, sink, report, options);
}

}  // namespace ng::loaders
