#include "loaders/news/plain_text_reader.hpp"

#include <algorithm>

#include "loaders/news/article_checks.hpp"
#include "loaders/input/text_cleanup.hpp"

namespace ng::loaders {

void read_plain_text(std::string_view text, const ArticleSource& source, const ArticleSink& sink,
                     InputReport& report) {
  Article article;
  article.origin = source.origin;
  // Find the title line; CR alone also ends a line (old Mac files).
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    std::size_t next = end + 1;
    if (end + 1 < text.size() && text[end] == '\r' && text[end + 1] == '\n') ++next;
    start = std::min(next, text.size());
    if (is_blank(line)) continue;
    std::string_view title = line;
    if (source.markdown) {
      std::size_t marks = 0;
      while (marks < title.size() && title[marks] == '#') ++marks;
      if (marks > 0 && marks <= 6 && (marks == title.size() || title[marks] == ' ')) title.remove_prefix(marks);
    }
    article.title = std::string(title);
    break;
  }
  // The body keeps every byte after the title line; finish_article makes
  // paragraphs of its lines.
  article.body = std::string(text.substr(start));
  if (finish_article(article, source.url, source.max_article_bytes, report)) sink(std::move(article));
}

}  // namespace ng::loaders
