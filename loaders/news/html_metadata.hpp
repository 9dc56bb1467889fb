#pragma once
// Article metadata from an HTML document: <meta> tags (Open Graph, article:,
// name=, itemprop=), <link rel=canonical>, <html lang>, <title>, the first
// <h1>, and schema.org NewsArticle objects in <script type="application/ld+json">.
// Gumbo has decoded character references once; nothing here decodes again.

#include <gumbo.h>

#include <optional>
#include <string>
#include <vector>

#include "loaders/input/input_report.hpp"

namespace ng::loaders {

struct HtmlMetadata {
  // Title candidates, best first: og:title, JSON-LD headline, <title>, <h1>.
  std::vector<std::string> titles;
  // Date candidates, best first: article:published_time and friends, then
  // JSON-LD datePublished. (<time datetime> inside the article body is added
  // by the body walk.)
  std::vector<std::string> dates;
  std::vector<std::string> authors;     // best first
  std::vector<std::string> publishers;  // best first
  std::optional<std::string> language;  // <html lang>, else JSON-LD inLanguage
  std::optional<std::string> canonical; // <link rel=canonical>, else og:url
};

// Collects metadata from the whole document. An invalid JSON-LD block is
// ignored with a warning on `origin`.
HtmlMetadata read_html_metadata(const GumboNode* document, const std::string& origin, InputReport& report);

// Text of an element and its descendants, whitespace collapsed (for <title>,
// <h1>, itemprop=author). Walks iteratively: deep trees cannot overflow the stack.
std::string element_text(const GumboNode* node);

// An attribute's value, or nullptr.
const char* attribute(const GumboNode* node, const char* name);

}  // namespace ng::loaders
