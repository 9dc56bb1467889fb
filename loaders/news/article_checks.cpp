#include "loaders/news/article_checks.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>

#include "common/ascii.hpp"
#include "loaders/input/iri_text.hpp"
#include "loaders/input/iso_date.hpp"
#include "loaders/input/text_cleanup.hpp"

namespace ng::loaders {

namespace {

// Cleans an optional single-line field; an empty result becomes nothing.
void clean_optional(std::optional<std::string>& field) {
  if (!field) return;
  *field = clean_line(*field);
  if (field->empty()) field.reset();
}

}  // namespace

bool is_language_tag(std::string_view text) noexcept {
  // Subtags of 1-8 letters or digits separated by "-"; the first is letters.
  if (text.empty() || text.size() > 64) return false;
  std::size_t subtag = 0;
  bool first = true;
  for (char c : text) {
    if (c == '-' || c == '_') {
      if (subtag == 0) return false;
      subtag = 0;
      first = false;
      continue;
    }
    const bool letter = is_ascii_alpha(c);
    const bool digit = c >= '0' && c <= '9';
    if (!letter && !(digit && !first)) return false;
    if (++subtag > 8) return false;
  }
  return subtag > 0;
}

bool finish_article(Article& article, const std::string& fallback_url, std::size_t max_article_bytes,
                    InputReport& report) {
  const std::size_t size = article.title.size() + article.body.size();
  if (size > max_article_bytes) {
    report.skip(article.origin, oversize_message(size, max_article_bytes), InputProblem::Kind::TooLarge);
    return false;
  }
  article.title = clean_line(article.title);
  article.body = clean_paragraphs(article.body);
  if (article.title.empty() && article.body.empty()) {
    report.skip(article.origin, "article has no title and no text");
    return false;
  }
  clean_optional(article.author);
  clean_optional(article.publisher);

  article.url = clean_line(article.url);
  if (!is_absolute_iri(article.url)) {
    if (!article.url.empty()) {
      report.warn(article.origin, fmt::format("url '{}' is not an absolute IRI; using {}", article.url, fallback_url));
    }
    article.url = fallback_url;
  }

  clean_optional(article.date_published);
  if (article.date_published) {
    if (auto iso = normalize_date(*article.date_published)) {
      article.date_published = std::move(iso);
    } else {
      report.warn(article.origin, fmt::format("date '{}' is not a date this reader understands; dropped",
                                              *article.date_published));
      article.date_published.reset();
    }
  }

  clean_optional(article.language);
  if (article.language) {
    if (is_language_tag(*article.language)) {
      std::replace(article.language->begin(), article.language->end(), '_', '-');
    } else {
      report.warn(article.origin, fmt::format("language '{}' is not a BCP 47 tag; dropped", *article.language));
      article.language.reset();
    }
  }
  spdlog::debug("read article {} ({} bytes)", article.origin, article.title.size() + article.body.size());
  return true;
}

}  // namespace ng::loaders
