#pragma once
// What an article reader is told about its input, and where it delivers.

#include <cstddef>
#include <functional>
#include <string>

#include "loaders/news/article.hpp"

namespace ng::loaders {

struct ArticleSource {
  // The input as named in messages: the path as given (valid UTF-8), or "-".
  std::string origin;
  // The url of an article that gives none: file: IRI of the absolute path, or
  // "stdin:". JSON Lines readers append "#line=N".
  std::string url;
  std::size_t max_article_bytes = std::size_t{8} << 20;
  // Markdown: a title line's leading "#" marks are dropped.
  bool markdown = false;
  // Lines consumed before the stream handed to a reader (blank lines read
  // while sniffing standard input), so that line numbers stay right.
  std::size_t lines_before = 0;
};

// Receives each article that passed every check.
using ArticleSink = std::function<void(Article&&)>;

}  // namespace ng::loaders
