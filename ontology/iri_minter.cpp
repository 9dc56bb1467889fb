#include "ontology/iri_minter.hpp"

#include <fmt/format.h>

#include "common/error.hpp"
#include "common/hash.hpp"
#include "common/unicode.hpp"

namespace ng::ontology {

namespace {

constexpr std::size_t kMaxSlug = 64;

bool allowed_in_base(char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (byte <= 0x20) return false;
  switch (c) {
    case '<': case '>': case '"': case '{': case '}': case '|': case '^': case '`': case '\\':
      return false;
    default:
      return true;
  }
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

std::string_view last_segment(std::string_view url) {
  while (!url.empty() && (url.back() == '/' || url.back() == '#')) url.remove_suffix(1);
  const std::size_t fragment = url.find('#');
  if (fragment != std::string_view::npos) {
    // "file:///x/feed.jsonl#line=3": keep the file name and the fragment.
    const std::string_view before = url.substr(0, fragment);
    const std::size_t slash = before.find_last_of('/');
    return url.substr(slash == std::string_view::npos ? 0 : slash + 1);
  }
  const std::size_t query = url.find('?');
  const std::string_view path = url.substr(0, query);
  const std::size_t slash = path.find_last_of('/');
  return path.substr(slash == std::string_view::npos ? 0 : slash + 1);
}

}  // namespace

IriMinter::IriMinter(std::string base) : base_(std::move(base)) {
  const bool scheme_ok = starts_with(base_, "http://") || starts_with(base_, "https://") ||
                         starts_with(base_, "urn:") || starts_with(base_, "file:") ||
                         starts_with(base_, "tag:");
  if (!scheme_ok || base_.size() < 6) {
    throw UsageError(fmt::format("--base '{}' is not an absolute http(s), urn, tag or file IRI", base_));
  }
  for (char c : base_) {
    if (!allowed_in_base(c)) {
      throw UsageError(fmt::format("--base '{}' holds a character not allowed in an IRI", base_));
    }
  }
  if (base_.back() != '/' && base_.back() != '#' && base_.back() != ':') base_ += '/';
}

std::string IriMinter::slug(std::string_view text) {
  const std::string ascii = to_ascii_lower(text);
  std::string out;
  out.reserve(ascii.size());
  bool gap = false;
  for (char c : ascii) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) {
      if (gap && !out.empty()) out += '_';
      out += c;
      gap = false;
    } else if (c != '\'') {  // "o'brien" -> "obrien", "zelens'kij" -> "zelenskij"
      gap = true;
    }
  }
  if (out.empty()) return fmt::format("x{}", stable_hash_hex(text, 12));
  if (out.size() > kMaxSlug) {
    out.resize(kMaxSlug - 13);
    out += '_';
    out += stable_hash_hex(text, 12);
  }
  return out;
}

std::string IriMinter::entity(EntityType type, std::string_view name) const {
  switch (type) {
    case EntityType::Person: return person_namespace() + slug(name);
    case EntityType::Organization: return organization_namespace() + slug(name);
    case EntityType::Place: return place_namespace() + slug(name);
  }
  return place_namespace() + slug(name);
}

std::string IriMinter::article(std::string_view url) const {
  std::string_view name = last_segment(url);
  const std::size_t dot = name.rfind('.');
  if (dot != std::string_view::npos && dot > 0 && name.find('#') == std::string_view::npos) {
    name = name.substr(0, dot);
  }
  return article_namespace() + slug(name) + "_" + stable_hash_hex(url, 8);
}

std::string IriMinter::statement(std::string_view article_iri, std::size_t index) const {
  const std::string prefix = article_namespace();
  const std::string local = starts_with(article_iri, prefix) ? std::string(article_iri.substr(prefix.size()))
                                                             : fmt::format("x{}", stable_hash_hex(article_iri, 12));
  return fmt::format("{}{}_q{}", statement_namespace(), local, index + 1);
}

std::string IriMinter::role(std::string_view title) const { return role_namespace() + slug(title); }

std::string IriMinter::membership(std::string_view person_iri, std::string_view role_iri,
                                  std::string_view organization_iri) const {
  const std::string key = fmt::format("{} {} {}", person_iri, role_iri, organization_iri);
  return base_ + "membership/" + stable_hash_hex(key, 16);
}

std::string IriMinter::records(std::string_view url) const {
  return base_ + "records/" + slug(last_segment(url)) + "_" + stable_hash_hex(url, 8);
}

std::string IriMinter::span(std::string_view article_iri, std::size_t begin, std::size_t end) {
  return fmt::format("{}#char={},{}", article_iri, begin, end);
}

}  // namespace ng::ontology
