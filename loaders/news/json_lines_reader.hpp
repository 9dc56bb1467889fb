#pragma once
// JSON Lines articles (.jsonl .ndjson): one JSON object per line with
// "title", "text" (or "body"), and optional "url", "date" (or
// "datePublished"), "author", "publisher", "language". Streams: memory is
// bounded by the longest accepted line, whatever the file size.

#include <istream>
#include <string>

#include "loaders/input/input_report.hpp"
#include "loaders/news/article_source.hpp"

namespace ng::loaders {

// Reads every line of `in`. A broken line (invalid JSON or UTF-8, missing
// text, wrong types, over 2 × max_article_bytes) is one problem "origin:N"
// and the other lines still load. Articles without a url get
// "<source.url>#line=N". Never throws for bad content.
void read_json_lines(std::istream& in, const ArticleSource& source, const ArticleSink& sink, InputReport& report);

}  // namespace ng::loaders
