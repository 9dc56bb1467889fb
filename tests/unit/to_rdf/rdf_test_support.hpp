#pragma once
#include <string>
#include <vector>

#include "ontology/term.hpp"

namespace ng::test {

inline bool has(const std::vector<ontology::Quad>& quads, const std::string& s, std::string_view p,
                const std::string& o) {
  for (const auto& q : quads) {
    if (q.subject.value == s && q.predicate.value == p && q.object.value == o) return true;
  }
  return false;
}

inline std::vector<std::string> objects(const std::vector<ontology::Quad>& quads, const std::string& s,
                                        std::string_view p) {
  std::vector<std::string> out;
  for (const auto& q : quads) {
    if (q.subject.value == s && q.predicate.value == p) out.push_back(q.object.value);
  }
  return out;
}

inline std::vector<std::string> subjects_of_type(const std::vector<ontology::Quad>& quads, std::string_view type) {
  std::vector<std::string> out;
  for (const auto& q : quads) {
    if (q.predicate.value == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" && q.object.value == type) {
      out.push_back(q.subject.value);
    }
  }
  return out;
}

}  // namespace ng::test
