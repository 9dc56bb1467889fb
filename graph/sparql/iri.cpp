#include "graph/sparql/iri.hpp"

#include <cctype>
#include <optional>

namespace ng::graph::sparql {

namespace {

struct Parts {
  std::optional<std::string_view> scheme, authority, query, fragment;
  std::string_view path;
};

Parts split(std::string_view iri) {
  Parts parts;
  if (has_scheme(iri)) {
    const std::size_t colon = iri.find(':');
    parts.scheme = iri.substr(0, colon);
    iri.remove_prefix(colon + 1);
  }
  if (const std::size_t hash = iri.find('#'); hash != std::string_view::npos) {
    parts.fragment = iri.substr(hash + 1);
    iri = iri.substr(0, hash);
  }
  if (const std::size_t question = iri.find('?'); question != std::string_view::npos) {
    parts.query = iri.substr(question + 1);
    iri = iri.substr(0, question);
  }
  if (iri.starts_with("//")) {
    iri.remove_prefix(2);
    const std::size_t slash = iri.find('/');
    parts.authority = iri.substr(0, slash);
    iri = slash == std::string_view::npos ? std::string_view() : iri.substr(slash);
  }
  parts.path = iri;
  return parts;
}

// RFC 3986 5.2.4.
std::string remove_dot_segments(std::string_view input) {
  std::string output;
  while (!input.empty()) {
    if (input.starts_with("../")) {
      input.remove_prefix(3);
    } else if (input.starts_with("./")) {
      input.remove_prefix(2);
    } else if (input.starts_with("/./")) {
      input.remove_prefix(2);
    } else if (input == "/.") {
      input = "/";
    } else if (input.starts_with("/../") || input == "/..") {
      input = input.size() == 3 ? std::string_view("/") : input.substr(3);
      const std::size_t slash = output.rfind('/');
      output.erase(slash == std::string::npos ? 0 : slash);
    } else if (input == "." || input == "..") {
      input = {};
    } else {
      const std::size_t start = input.starts_with('/') ? 1 : 0;
      const std::size_t next = input.find('/', start);
      output += input.substr(0, next);
      input = next == std::string_view::npos ? std::string_view() : input.substr(next);
    }
  }
  return output;
}

std::string merge(const Parts& base, std::string_view path) {
  if (base.authority && base.path.empty()) return "/" + std::string(path);
  const std::size_t slash = base.path.rfind('/');
  if (slash == std::string_view::npos) return std::string(path);
  return std::string(base.path.substr(0, slash + 1)) + std::string(path);
}

}  // namespace

bool has_scheme(std::string_view iri) {
  if (iri.empty() || std::isalpha(static_cast<unsigned char>(iri[0])) == 0) return false;
  for (std::size_t i = 1; i < iri.size(); ++i) {
    const auto c = static_cast<unsigned char>(iri[i]);
    if (c == ':') return true;
    if (std::isalnum(c) == 0 && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

std::string resolve_iri(std::string_view base_iri, std::string_view reference) {
  if (has_scheme(reference)) return std::string(reference);
  const Parts base = split(base_iri);
  const Parts ref = split(reference);
  std::optional<std::string_view> authority;
  std::string path;
  std::optional<std::string_view> query;
  if (ref.authority) {
    authority = ref.authority;
    path = remove_dot_segments(ref.path);
    query = ref.query;
  } else {
    authority = base.authority;
    if (ref.path.empty()) {
      path = std::string(base.path);
      query = ref.query ? ref.query : base.query;
    } else {
      path = ref.path.starts_with('/') ? remove_dot_segments(ref.path) : remove_dot_segments(merge(base, ref.path));
      query = ref.query;
    }
  }
  std::string out;
  if (base.scheme) out += std::string(*base.scheme) + ":";
  if (authority) out += "//" + std::string(*authority);
  out += path;
  if (query) out += "?" + std::string(*query);
  if (ref.fragment) out += "#" + std::string(*ref.fragment);
  return out;
}

}  // namespace ng::graph::sparql
