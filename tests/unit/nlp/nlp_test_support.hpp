#pragma once
// Helpers for extractor tests: run the extractor on a text written for the
// test and look up what it found by name.

#include <optional>
#include <string>
#include <string_view>

#include "lexicons/lexicon.hpp"
#include "loaders/nlp/extractor.hpp"

namespace ng::nlp::test {

inline Document run(std::string_view text, bool has_title = false) {
  ExtractOptions options;
  options.has_title = has_title;
  return analyze(std::string(text), Lexicon::builtin(), options);
}

// The entity whose name or an alias is `name`.
inline const Entity* entity(const Document& a, std::string_view name) {
  for (const auto& e : a.entities) {
    if (e.name == name) return &e;
    for (const auto& alias : e.aliases) {
      if (alias == name) return &e;
    }
  }
  return nullptr;
}

inline std::optional<EntityType> type_of(const Document& a, std::string_view name) {
  const Entity* e = entity(a, name);
  if (!e) return std::nullopt;
  return e->type;
}

// The first statement whose text contains `fragment`.
inline const Statement* statement(const Document& a, std::string_view fragment) {
  for (const auto& s : a.statements) {
    if (s.text.find(fragment) != std::string::npos) return &s;
  }
  return nullptr;
}

inline std::string speaker_of(const Document& a, std::string_view fragment) {
  const Statement* s = statement(a, fragment);
  return s ? a.entities[s->speaker].name : std::string("<no statement>");
}

// Whether `speaker` has a statement whose text starts with `text_start`.
inline bool said(const Document& a, std::string_view speaker, std::string_view text_start) {
  for (const auto& s : a.statements) {
    if (a.entities[s.speaker].name == speaker && s.text.rfind(text_start, 0) == 0) return true;
  }
  return false;
}

inline bool about(const Document& a, std::string_view fragment, std::string_view name) {
  const Statement* s = statement(a, fragment);
  if (!s) return false;
  for (auto i : s->about) {
    if (a.entities[i].name == name) return true;
  }
  return false;
}

}  // namespace ng::nlp::test
