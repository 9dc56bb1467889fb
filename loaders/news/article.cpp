#include "loaders/news/article.hpp"

namespace ng::loaders {

std::string Article::full_text() const {
  if (title.empty()) return body;
  if (body.empty()) return title;
  return title + "\n\n" + body;
}

std::size_t Article::body_offset_bytes() const {
  if (title.empty()) return 0;
  return body.empty() ? title.size() : title.size() + 2;
}

}  // namespace ng::loaders
