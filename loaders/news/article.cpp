#include "loaders/news/article.hpp"

namespace ng::loaders {

std::string Article::full_text() const {
  if (title.empty()) return body;
  if (body.empty()) return title;
  return title + "\n\n" + body;
}

}  // namespace ng::loaders
