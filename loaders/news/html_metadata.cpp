#include "loaders/news/html_metadata.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

#include "common/ascii.hpp"
#include "loaders/input/iri_text.hpp"
#include "loaders/input/text_cleanup.hpp"

namespace ng::loaders {

namespace {


// Whether a space-separated attribute (rel="canonical alternate") has `token`.
bool has_token(const char* value, std::string_view token) {
  if (!value) return false;
  const std::string text = ascii_lower(value);
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find_first_of(" \t\n\r\f", start);
    if (end == std::string::npos) end = text.size();
    if (std::string_view(text).substr(start, end - start) == token) return true;
    start = end + 1;
  }
  return false;
}

// The meta names this reader uses, by field, best first.
constexpr std::array<std::string_view, 10> kDateKeys{
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "date", "pubdate", "publishdate", "dc.date.issued", "dc.date", "dcterms.created"};
constexpr std::array<std::string_view, 3> kAuthorKeys{"author", "article:author", "dc.creator"};
constexpr std::array<std::string_view, 3> kPublisherKeys{"og:site_name", "publisher", "dc.publisher"};

// What the document walk found, before choosing.
struct Found {
  std::vector<std::pair<std::string, std::string>> meta;  // (lower-case key, content), document order
  std::string title_tag;
  std::string first_h1;
  std::optional<std::string> html_lang;
  std::optional<std::string> canonical_link;
  std::vector<std::string> itemprop_authors;
  std::vector<std::string> json_ld;
};

std::optional<std::string> first_meta(const Found& found, std::string_view key) {
  for (const auto& [k, v] : found.meta) {
    if (k == key && !is_blank(v)) return v;
  }
  return std::nullopt;
}

bool is_article_type(const nlohmann::json& type) {
  const auto matches = [](const nlohmann::json& t) {
    if (!t.is_string()) return false;
    const auto& s = t.get_ref<const std::string&>();
    return s.ends_with("Article") || s == "BlogPosting" || s == "LiveBlogPosting" || s == "Report";
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), matches);
  return matches(type);
}

// A JSON-LD value naming someone: "A. Name", {"name": ...}, or an array of them.
void collect_names(const nlohmann::json& value, std::vector<std::string>& out) {
  if (value.is_string()) {
    out.push_back(value.get<std::string>());
  } else if (value.is_object() && value.contains("name") && value["name"].is_string()) {
    out.push_back(value["name"].get<std::string>());
  } else if (value.is_array()) {
    for (const auto& item : value) {
      if (!item.is_array()) collect_names(item, out);
    }
  }
}

// The first NewsArticle-like object at the top, in an array or in @graph.
const nlohmann::json* find_article(const nlohmann::json& value, int depth = 0) {
  if (depth > 3) return nullptr;
  if (value.is_array()) {
    for (const auto& item : value) {
      if (const auto* hit = find_article(item, depth + 1)) return hit;
    }
  } else if (value.is_object()) {
    if (value.contains("@type") && is_article_type(value["@type"])) return &value;
    if (value.contains("@graph")) return find_article(value["@graph"], depth + 1);
  }
  return nullptr;
}

struct JsonLdArticle {
  std::optional<std::string> headline, date, language;
  std::vector<std::string> authors, publishers;
};

std::optional<JsonLdArticle> parse_json_ld(const std::vector<std::string>& blocks, const std::string& origin,
                                           InputReport& report) {
  for (const std::string& block : blocks) {
    const auto json = nlohmann::json::parse(block, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded()) {
      report.warn(origin, "ignored a <script type=\"application/ld+json\"> block that is not valid JSON");
      continue;
    }
    const nlohmann::json* article = find_article(json);
    if (!article) continue;
    JsonLdArticle out;
    const auto text = [&](const char* key) -> std::optional<std::string> {
      if (article->contains(key) && (*article)[key].is_string()) return (*article)[key].get<std::string>();
      return std::nullopt;
    };
    out.headline = text("headline");
    out.date = text("datePublished");
    out.language = text("inLanguage");
    if (article->contains("author")) collect_names((*article)["author"], out.authors);
    if (article->contains("publisher")) collect_names((*article)["publisher"], out.publishers);
    return out;
  }
  return std::nullopt;
}

void visit(const GumboNode* node, Found& found) {
  const GumboElement& element = node->v.element;
  switch (element.tag) {
    case GUMBO_TAG_HTML:
      if (const char* lang = attribute(node, "lang")) found.html_lang = lang;
      break;
    case GUMBO_TAG_META: {
      const char* key = attribute(node, "property");
      if (!key) key = attribute(node, "name");
      if (!key) key = attribute(node, "itemprop");
      const char* content = attribute(node, "content");
      if (key && content) found.meta.emplace_back(ascii_lower(key), content);
      break;
    }
    case GUMBO_TAG_LINK:
      if (has_token(attribute(node, "rel"), "canonical") && attribute(node, "href") && !found.canonical_link) {
        found.canonical_link = attribute(node, "href");
      }
      break;
    case GUMBO_TAG_TITLE:
      if (found.title_tag.empty()) found.title_tag = element_text(node);
      break;
    case GUMBO_TAG_H1:
      if (found.first_h1.empty()) found.first_h1 = element_text(node);
      break;
    case GUMBO_TAG_SCRIPT: {
      const char* type = attribute(node, "type");
      if (type && ascii_lower(type) == "application/ld+json" && element.children.length > 0) {
        const auto* child = static_cast<const GumboNode*>(element.children.data[0]);
        if (child->type == GUMBO_NODE_TEXT) found.json_ld.emplace_back(child->v.text.text);
      }
      break;
    }
    default:
      break;
  }
  // itemprop="author" on an element (not <meta>): its itemprop="name" child or its text.
  const char* itemprop = attribute(node, "itemprop");
  if (itemprop && element.tag != GUMBO_TAG_META && has_token(itemprop, "author")) {
    found.itemprop_authors.push_back(element_text(node));
  }
  if (itemprop && has_token(itemprop, "datepublished") && element.tag != GUMBO_TAG_META) {
    const char* datetime = attribute(node, "datetime");
    if (!datetime) datetime = attribute(node, "content");
    if (datetime) found.meta.emplace_back("datepublished", datetime);
  }
}

void push_if(std::vector<std::string>& out, const std::optional<std::string>& value) {
  if (value && !is_blank(*value)) out.push_back(*value);
}

}  // namespace

const char* attribute(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return nullptr;
  const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
  return attr ? attr->value : nullptr;
}

std::string element_text(const GumboNode* node) {
  std::string text;
  std::vector<const GumboNode*> stack{node};
  while (!stack.empty()) {
    const GumboNode* current = stack.back();
    stack.pop_back();
    if (current->type == GUMBO_NODE_TEXT || current->type == GUMBO_NODE_WHITESPACE ||
        current->type == GUMBO_NODE_CDATA) {
      text += current->v.text.text;
      text += ' ';
    } else if (current->type == GUMBO_NODE_ELEMENT && current->v.element.tag != GUMBO_TAG_SCRIPT &&
               current->v.element.tag != GUMBO_TAG_STYLE) {
      const GumboVector& children = current->v.element.children;
      for (unsigned i = children.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
  }
  return clean_line(text);
}

HtmlMetadata read_html_metadata(const GumboNode* document, const std::string& origin, InputReport& report) {
  Found found;
  std::vector<const GumboNode*> stack{document};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    const GumboVector* children = nullptr;
    if (node->type == GUMBO_NODE_DOCUMENT) {
      children = &node->v.document.children;
    } else if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
      visit(node, found);
      children = &node->v.element.children;
    }
    if (!children) continue;
    for (unsigned i = children->length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(children->data[i - 1]));
  }

  const std::optional<JsonLdArticle> ld = parse_json_ld(found.json_ld, origin, report);
  HtmlMetadata out;
  push_if(out.titles, first_meta(found, "og:title"));
  if (ld) push_if(out.titles, ld->headline);
  push_if(out.titles, found.title_tag);
  push_if(out.titles, found.first_h1);

  for (std::string_view key : kDateKeys) push_if(out.dates, first_meta(found, key));
  if (ld) push_if(out.dates, ld->date);

  for (std::string_view key : kAuthorKeys) {
    // article:author is often the URL of an author page, not a name.
    const auto value = first_meta(found, key);
    if (value && !is_absolute_iri(*value)) out.authors.push_back(*value);
  }
  for (const auto& name : found.itemprop_authors) push_if(out.authors, name);
  if (ld) out.authors.insert(out.authors.end(), ld->authors.begin(), ld->authors.end());

  for (std::string_view key : kPublisherKeys) push_if(out.publishers, first_meta(found, key));
  if (ld) out.publishers.insert(out.publishers.end(), ld->publishers.begin(), ld->publishers.end());

  out.language = found.html_lang;
  if ((!out.language || is_blank(*out.language)) && ld) out.language = ld->language;

  for (const auto& candidate : {found.canonical_link, first_meta(found, "og:url")}) {
    if (candidate && is_http_iri(clean_line(*candidate))) {
      out.canonical = clean_line(*candidate);
      break;
    }
  }
  return out;
}

}  // namespace ng::loaders
