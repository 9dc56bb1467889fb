#pragma once
// The last step of every article reader: size limit, cleaning of every
// field, metadata checks, and the decision to keep or skip. After it, an
// Article holds only NFC UTF-8 without control characters, an absolute IRI
// as url and an ISO 8601 date, so later stages can trust it.

#include <cstddef>
#include <string>

#include "loaders/news/article.hpp"
#include "loaders/input/input_report.hpp"

namespace ng::loaders {

// Whether `text` looks like a BCP 47 language tag ("en", "pt-BR", "zh-Hant-TW").
bool is_language_tag(std::string_view text) noexcept;

// Cleans `article` in place (title and metadata as single lines, body as
// paragraphs, date normalised). `article.url` is kept when it is an absolute
// IRI, else replaced by `fallback_url` (with a warning when it was not
// empty). Unparseable dates and language tags are dropped with a warning.
// Returns false, with the reason recorded as a skip, when the article is over
// `max_article_bytes` or has neither title nor body.
bool finish_article(Article& article, const std::string& fallback_url, std::size_t max_article_bytes,
                    InputReport& report);

}  // namespace ng::loaders
