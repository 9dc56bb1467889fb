#pragma once
// A guard in front of gumbo: gumbo takes time quadratic in how deeply tags
// nest (its scope checks walk the stack of open elements), so 100,000 nested
// <div>s, 1.2 MB, take minutes. Browsers stop nesting at 512 levels (Blink's
// parser limit); a page nested deeper is not an article anyone wrote.

#include <cstddef>
#include <string_view>

namespace ng::loaders {

inline constexpr std::size_t kMaxHtmlDepth = 512;

// An estimate of the deepest tag nesting in `html`, by a linear scan of start
// and end tags. Void elements, elements whose end tag may be left out (p,
// li, td, ...), comments, script/style contents and svg/math subtrees are
// not counted, so unclosed paragraphs and inline SVG do not look deep.
std::size_t html_nesting_depth(std::string_view html);

}  // namespace ng::loaders
