#include "loaders/news/html_reader.hpp"

#include <fmt/format.h>
#include <gumbo.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "loaders/news/article_checks.hpp"
#include "loaders/news/html_depth.hpp"
#include "loaders/news/html_metadata.hpp"
#include "loaders/input/iso_date.hpp"
#include "loaders/input/text_cleanup.hpp"

namespace ng::loaders {

namespace {

struct GumboOutputDeleter {
  void operator()(GumboOutput* output) const noexcept { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

// Page furniture and non-text content: skipped with everything inside.
bool is_skipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_SVG: case GUMBO_TAG_IFRAME: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: case GUMBO_TAG_MATH:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_MENU:
      return true;
    default:
      return false;
  }
}

// Elements whose text is a paragraph of its own.
bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_DIV: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_CAPTION: case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_HR: case GUMBO_TAG_BR: case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_HGROUP:
      return true;
    default:
      return false;
  }
}

bool is_hidden(const GumboNode* node) {
  if (attribute(node, "hidden")) return true;
  const char* aria = attribute(node, "aria-hidden");
  return aria && std::string_view(aria) == "true";
}

// Builds paragraphs from text nodes: whitespace collapsed as a browser
// would, one paragraph per block element, lines kept inside <pre>.
class ParagraphBuilder {
 public:
  void text(std::string_view text, bool preformatted) {
    for (char c : text) {
      if (preformatted && (c == '\n' || c == '\r')) {
        flush();
      } else if (!preformatted && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')) {
        pending_space_ = !paragraph_.empty();
      } else {
        if (pending_space_) paragraph_ += ' ';
        pending_space_ = false;
        paragraph_ += c;
      }
    }
  }
  void flush() {
    append_paragraph(paragraphs_, paragraph_);
    paragraph_.clear();
    pending_space_ = false;
  }
  std::string take() {
    flush();
    return std::move(paragraphs_);
  }

 private:
  std::string paragraphs_;
  std::string paragraph_;
  bool pending_space_ = false;
};

// Walks the content root iteratively (deeply nested markup cannot overflow
// the stack). A frame is revisited once after its children to end a block.
std::string extract_body(const GumboNode* root) {
  struct Frame {
    const GumboNode* node;
    bool leaving;
  };
  ParagraphBuilder builder;
  std::size_t pre_depth = 0;
  std::vector<Frame> stack{{root, false}};
  while (!stack.empty()) {
    const Frame frame = stack.back();
    stack.pop_back();
    const GumboNode* node = frame.node;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
      builder.text(node->v.text.text, pre_depth > 0);
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    const GumboTag tag = node->v.element.tag;
    if (frame.leaving) {
      if (tag == GUMBO_TAG_PRE) --pre_depth;
      builder.flush();
      continue;
    }
    if (is_skipped(tag) || is_hidden(node)) continue;
    const bool figure = tag == GUMBO_TAG_FIGURE;
    if (is_block(tag) || figure) {
      builder.flush();
      if (tag == GUMBO_TAG_PRE) ++pre_depth;
      stack.push_back({node, true});
    }
    const GumboVector& children = node->v.element.children;
    for (unsigned i = children.length; i > 0; --i) {
      const auto* child = static_cast<const GumboNode*>(children.data[i - 1]);
      // A figure is an image or a chart; only its caption is text, and
      // captions name people and places.
      if (figure && !(child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_FIGCAPTION)) continue;
      stack.push_back({child, false});
    }
  }
  return builder.take();
}

// The first element with `tag` (and `attribute_name`, when given), in document order.
const GumboNode* find_first(const GumboNode* root, GumboTag tag, const char* attribute_name = nullptr) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    if (node->v.element.tag == tag && (!attribute_name || attribute(node, attribute_name))) return node;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = children.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
  }
  return nullptr;
}

std::optional<std::string> first_of(const std::vector<std::string>& candidates) {
  if (candidates.empty()) return std::nullopt;
  return candidates.front();
}

}  // namespace

void read_html(std::string_view html, const ArticleSource& source, const ArticleSink& sink, InputReport& report) {
  if (const std::size_t depth = html_nesting_depth(html); depth > kMaxHtmlDepth) {
    report.skip(source.origin, fmt::format("HTML nests tags about {} deep, over the limit of {}", depth, kMaxHtmlDepth));
    return;
  }
  const std::unique_ptr<GumboOutput, GumboOutputDeleter> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
  if (!output) {
    report.skip(source.origin, "the HTML parser gave up on this file");
    return;
  }
  const HtmlMetadata metadata = read_html_metadata(output->document, source.origin, report);

  const GumboNode* content = find_first(output->root, GUMBO_TAG_ARTICLE);
  if (!content) content = find_first(output->root, GUMBO_TAG_MAIN);
  if (!content) content = find_first(output->root, GUMBO_TAG_BODY);
  if (!content) content = output->root;
  std::string body = extract_body(content);

  Article article;
  article.origin = source.origin;
  article.title = first_of(metadata.titles).value_or("");
  // Pages repeat the headline as the article's first heading: keep it once.
  if (!article.title.empty()) {
    const std::size_t end = body.find("\n\n");
    if (clean_line(body.substr(0, end)) == clean_line(article.title)) {
      body.erase(0, end == std::string::npos ? std::string::npos : end + 2);
    }
  }
  article.body = std::move(body);

  // The first date that parses wins; if none does, the first is kept so that
  // finish_article reports it as unparseable.
  std::vector<std::string> dates = metadata.dates;
  // <time datetime> inside the article, even in its (skipped) <header>.
  if (const GumboNode* time = find_first(content, GUMBO_TAG_TIME, "datetime")) {
    dates.emplace_back(attribute(time, "datetime"));
  }
  for (const auto& date : dates) {
    if (normalize_date(clean_line(date))) {
      article.date_published = date;
      break;
    }
  }
  if (!article.date_published && !dates.empty()) article.date_published = dates.front();
  article.author = first_of(metadata.authors);
  article.publisher = first_of(metadata.publishers);
  article.language = metadata.language;
  article.url = metadata.canonical.value_or(source.url);
  if (finish_article(article, source.url, source.max_article_bytes, report)) sink(std::move(article));
}

}  // namespace ng::loaders
