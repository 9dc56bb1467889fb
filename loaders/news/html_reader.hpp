#pragma once
// HTML articles (.html .htm .xhtml), parsed with gumbo (HTML5 parsing, so
// real-world tag soup works). The body text comes from <article>, else
// <main>, else <body>, without navigation, scripts and other page furniture;
// metadata from html_metadata.hpp.

#include <cstddef>
#include <string_view>

#include "loaders/news/article_source.hpp"
#include "loaders/input/input_report.hpp"

namespace ng::loaders {

// How much bigger than the article limit an HTML file may be: markup,
// scripts and styles are often most of a page.
inline constexpr std::size_t kHtmlMarkupFactor = 4;

// `html` is a whole file that passed check_text. Hands at most one article to
// `sink`; problems go to `report`. Never throws for bad content.
void read_html(std::string_view html, const ArticleSource& source, const ArticleSink& sink, InputReport& report);

}  // namespace ng::loaders
