#include "loaders/news/html_depth.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "common/ascii.hpp"

namespace ng::loaders {

namespace {


// Elements that never nest: void elements and those whose end tag is
// optional (a parser closes them implicitly, so they stay shallow).
bool is_uncounted(std::string_view name) {
  static constexpr std::array<std::string_view, 33> kNames{
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
      "source", "track", "wbr", "keygen", "p", "li", "dt", "dd", "option", "optgroup", "tr",
      "td", "th", "thead", "tbody", "tfoot", "rt", "rp", "colgroup", "html", "head", "body"};
  return std::find(kNames.begin(), kNames.end(), name) != kNames.end();
}

// Elements whose contents are skipped to their end tag: raw text, and
// foreign content where "/>" closes elements.
bool is_skipped_content(std::string_view name) {
  static constexpr std::array<std::string_view, 10> kNames{
      "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "svg", "math"};
  return std::find(kNames.begin(), kNames.end(), name) != kNames.end();
}

// Position after the first case-insensitive "</name" at or after `from`.
std::size_t skip_to_end_tag(std::string_view html, std::size_t from, const std::string& name) {
  for (std::size_t pos = from; pos + 2 + name.size() <= html.size(); ++pos) {
    if (html[pos] != '<' || html[pos + 1] != '/') continue;
    bool match = true;
    for (std::size_t k = 0; k < name.size() && match; ++k) {
      const char c = html[pos + 2 + k];
      match = ascii_lower(c) == name[k];
    }
    if (match) return pos + 2 + name.size();
  }
  return html.size();
}

}  // namespace

std::size_t html_nesting_depth(std::string_view html) {
  std::size_t depth = 0, deepest = 0;
  std::size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    if (html.substr(pos, 4) == "<!--") {
      const std::size_t end = html.find("-->", pos + 4);
      pos = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    const bool end_tag = pos + 1 < html.size() && html[pos + 1] == '/';
    std::size_t cursor = pos + (end_tag ? 2 : 1);
    if (cursor >= html.size() || !is_ascii_alpha(html[cursor])) {
      ++pos;  // "<!DOCTYPE", "<?xml", or a literal '<'
      continue;
    }
    std::string name;
    while (cursor < html.size() && (is_ascii_alpha(html[cursor]) || (html[cursor] >= '0' && html[cursor] <= '9'))) {
      name += ascii_lower(html[cursor]);
      ++cursor;
    }
    // The rest of the tag, with quoted attribute values.
    char quote = 0;
    while (cursor < html.size() && (quote || html[cursor] != '>')) {
      if (quote && html[cursor] == quote) quote = 0;
      else if (!quote && (html[cursor] == '"' || html[cursor] == '\'')) quote = html[cursor];
      ++cursor;
    }
    pos = cursor;
    if (end_tag) {
      if (!is_uncounted(name) && !is_skipped_content(name) && depth > 0) --depth;
    } else if (is_skipped_content(name)) {
      pos = skip_to_end_tag(html, pos, name);
    } else if (!is_uncounted(name)) {
      // "<div/>" opens a div in HTML: self-closing counts as an open tag.
      deepest = std::max(deepest, ++depth);
    }
  }
  return deepest;
}

}  // namespace ng::loaders
