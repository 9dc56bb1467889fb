#pragma once
// Plain text and Markdown articles (.txt .text .md): the first non-empty
// line is the title, every further non-empty line a body paragraph.

#include <string_view>

#include "loaders/news/article_source.hpp"
#include "loaders/input/input_report.hpp"

namespace ng::loaders {

// `text` is a whole file that passed check_text (valid UTF-8, no BOM). Hands
// at most one article to `sink`; problems go to `report`. Never throws for
// bad content.
void read_plain_text(std::string_view text, const ArticleSource& source, const ArticleSink& sink,
                     InputReport& report);

}  // namespace ng::loaders
