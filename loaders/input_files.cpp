#include "loaders/input_files.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
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
#include "common/hash.hpp"
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

constexpr std::string_view kStdinScheme = "stdin:";

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

std::string kind_of(const fs::file_status& status) {
  switch (status.type()) {
    case fs::file_type::fifo: return "a FIFO";
    case fs::file_type::socket: return "a socket";
    case fs::file_type::character: return "a character device";
    case fs::file_type::block: return "a block device";
    default: return "not a file";
  }
}

// Reading a FIFO blocks until a writer comes, and a device may never end:
// only regular files are inputs ("-" is the way to pipe an article in).
std::string not_regular(const fs::file_status& status) {
  return "not a regular file (" + kind_of(status) + "), not read";
}

// A canonical path for comparisons: the real path when it exists, else the
// absolute path with what exists of it resolved.
fs::path comparable(const fs::path& path) {
  std::error_code error;
  fs::path out = fs::weakly_canonical(path, error);
  if (error) out = fs::absolute(path, error).lexically_normal();
  return out;
}

bool is_within(const fs::path& path, const fs::path& folder) {
  auto p = path.begin();
  for (auto f = folder.begin(); f != folder.end(); ++f, ++p) {
    if (f->empty() && std::next(f) == folder.end()) return true;  // folder given with a trailing slash
    if (p == path.end() || *p != *f) return false;
  }
  return true;
}

// Expands the command line's arguments into input files.
class Discovery {
 public:
  Discovery(InputReport& report, const DiscoverOptions& options) : report_(report), options_(options) {
    for (const auto& folder : options.exclude) {
      if (!folder.empty()) excluded_.push_back(comparable(folder));
    }
  }

  void argument(const std::string& argument) {
    if (argument == "-") {
      out_.push_back({"-", InputFormat::PlainText});  // the real format is sniffed when read
      return;
    }
    std::error_code error;
    const fs::file_status status = fs::status(argument, error);
    if (error || !fs::exists(status)) {
      report_.skip(display_path(argument), cannot_read(error ? error.value() : ENOENT));
      return;
    }
    if (::access(argument.c_str(), R_OK) != 0) {
      report_.skip(display_path(argument), cannot_read(errno));
      return;
    }
    if (excluded(comparable(argument))) {
      report_.skip(display_path(argument), "inside the store or output directory of this build, not read");
      return;
    }
    if (fs::is_directory(status)) {
      walk(argument);
    } else if (const auto format = format_for_path(argument)) {
      if (fs::is_regular_file(status)) out_.push_back({argument, *format});
      else report_.skip(display_path(argument), not_regular(status));
    } else {
      // Named on the command line, so the user meant it: say why it is left out.
      report_.skip(display_path(argument),
                   "unknown input format (expected .txt .text .md .html .htm .xhtml .jsonl .ndjson .csv .json)");
    }
  }

  std::vector<InputFile> take() {
    if (!unfollowed_.empty()) {
      std::string message = "symbolic link to a directory, not followed";
      if (unfollowed_.size() > 1) {
        message += fmt::format(" (and {} more: {})", unfollowed_.size() - 1,
                               fmt::join(unfollowed_.begin() + 1, unfollowed_.end(), ", "));
      }
      report_.warn(unfollowed_.front(), std::move(message), InputProblem::Kind::LinkNotFollowed);
    }
    std::sort(out_.begin(), out_.end(), [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
    out_.erase(std::unique(out_.begin(), out_.end(),
                           [](const InputFile& a, const InputFile& b) { return a.path == b.path; }),
               out_.end());
    return std::move(out_);
  }

 private:
  bool excluded(const fs::path& canonical) const {
    return std::any_of(excluded_.begin(), excluded_.end(),
                       [&](const fs::path& folder) { return is_within(canonical, folder); });
  }

  // Adds the files under `directory`, sorted by name, recursing into
  // subdirectories. `visited_` holds canonical directories already walked,
  // so a symbolic link loop ends when links are followed.
  void walk(const fs::path& directory) {
    std::error_code error;
    const fs::path canonical = fs::canonical(directory, error);
    if (!error && excluded(canonical)) {
      spdlog::debug("{}: the store or output directory of this build, not read", directory.string());
      return;
    }
    if (!error && !visited_.insert(canonical).second) {
      spdlog::debug("{}: already read (symbolic link loop?)", directory.string());
      return;
    }
    std::vector<fs::path> entries;
    fs::directory_iterator it(directory, error), end;
    for (; !error && it != end; it.increment(error)) entries.push_back(it->path());
    if (error) {
      report_.skip(display_path(directory.string()), "cannot read: " + error.message());
      return;
    }
    std::sort(entries.begin(), entries.end());
    for (const fs::path& entry : entries) {
      if (is_hidden(entry)) {
        spdlog::debug("{}: hidden, skipped", entry.string());
        continue;
      }
      const bool link = fs::is_symlink(fs::symlink_status(entry, error));
      const fs::file_status status = fs::status(entry, error);  // of the link's target
      if (fs::is_directory(status)) {
        if (link && !options_.follow_links) unfollowed_.push_back(display_path(entry.string()));
        else walk(entry);
      } else if (const auto format = format_for_path(entry.string())) {
        // A broken link is left to read_input, which names the reason.
        if (fs::is_regular_file(status) || !fs::exists(status)) out_.push_back({entry.string(), *format});
        else report_.skip(display_path(entry.string()), not_regular(status));
      } else {
        spdlog::debug("{}: not a known input format, skipped", entry.string());
      }
    }
  }

  InputReport& report_;
  const DiscoverOptions& options_;
  std::vector<fs::path> excluded_;
  std::set<fs::path> visited_;
  std::vector<std::string> unfollowed_;  // links to directories not followed
  std::vector<InputFile> out_;
};

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
      if (auto html = read_checked_text(in, path, {options.max_article_bytes * kHtmlMarkupFactor, html_oversize}, report,
                                        {.html = true})) {
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

std::vector<InputFile> discover_inputs(const std::vector<std::string>& arguments, InputReport& report,
                                       const DiscoverOptions& options) {
  Discovery discovery(report, options);
  for (const std::string& argument : arguments) discovery.argument(argument);
  return discovery.take();
}

void read_input(const InputFile& input, const InputSink& sink, InputReport& report, const ReadOptions& options) {
  ArticleSource source;
  source.max_article_bytes = options.max_article_bytes;
  if (input.path == "-") {
    source.origin = "-";
    source.url = std::string(kStdinScheme) + options.stdin_name;
    ++report.files;
    const InputFormat format = sniff(std::cin, source.lines_before);
    spdlog::debug("standard input read as {}", format == InputFormat::Html        ? "HTML"
                                                 : format == InputFormat::JsonLines ? "JSON Lines"
                                                                                    : "plain text");
    InputSink named = sink;
    if (options.stdin_name.empty() && sink.article) {
      // No name: each article is known by its content, so that a second
      // article piped in is a second article, not a new version of the first.
      named.article = [&sink](Article&& article) {
        if (article.url.rfind(kStdinScheme, 0) == 0) {
          article.url = std::string(kStdinScheme) + stable_hash_hex(article.title + "\n\n" + article.body, 16);
        }
        sink.article(std::move(article));
      };
    }
    read_stream(std::cin, format, source, named, report, options);
    return;
  }
  source.origin = display_path(input.path);
  source.url = file_iri(input.path);
  source.markdown = ascii_lower(fs::path(input.path).extension().string()) == ".md";
  std::error_code error;
  const fs::file_status status = fs::status(input.path, error);
  if (fs::is_directory(status)) {
    report.skip(source.origin, cannot_read(EISDIR));
    return;
  }
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    report.skip(source.origin, not_regular(status));
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
