#pragma once
// A news article as the readers deliver it: validated UTF-8 in NFC, with the
// metadata the source gave. Readers do I/O and metadata only; understanding
// the text is loaders/nlp's job.

#include <optional>
#include <string>

namespace ng::loaders {

struct Article {
  // Where the article came from, as written into schema:url: the source URL
  // when the input gave one, else a file: IRI of the file's absolute path
  // (with "#line=N" for a line of a JSON Lines file); for standard input
  // "stdin:<hash of the article>" or "stdin:<name>" (see ReadOptions).
  std::string url;
  // Human-readable origin for messages: "dir/a.html", "feed.jsonl:12", "-".
  std::string origin;
  std::string title;
  // Body paragraphs separated by "\n\n"; no title inside.
  std::string body;
  std::optional<std::string> date_published;  // ISO 8601 (YYYY-MM-DD or full date-time)
  std::optional<std::string> author;
  std::optional<std::string> publisher;
  std::optional<std::string> language;  // BCP 47 when the source says so

  // The text the extractor reads and that character offsets index into:
  // the title, a blank line, then the body (or just the body without title).
  std::string full_text() const;
};

}  // namespace ng::loaders
