#pragma once
// Reporting clauses: a speaker and a reporting verb, and where the content
// of what they said is. The shapes recognised:
//   subject-verb   "X said (that) CONTENT", "X, a doctor, warned CONTENT",
//                  "X told Reuters CONTENT", "X expressed hope that CONTENT",
//                  "..., X, who warned that CONTENT"
//   tail           "CONTENT, X said." (also after a quotation)
//   inverted       "“...,” said X"
//   according-to   "CONTENT, according to X" / "According to X, CONTENT"
//   participle     "X said A, adding that B" (B joins A)
// and, in parsed sentences, whatever the dependency tree shows that these
// shapes miss (attribution/parse_clauses.hpp).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loaders/nlp/document.hpp"
#include "loaders/nlp/quote_finder.hpp"
#include "loaders/nlp/speaker_resolver.hpp"

namespace ng::nlp {

class ParseClauses;

struct ReportingClause {
  enum class Shape : std::uint8_t { SubjectVerb, Tail, Inverted, AccordingTo, Participle };
  Shape shape = Shape::SubjectVerb;
  Speaker speaker;
  std::uint32_t verb_token = 0;
  std::string verb;                 // as written: "said", "according to", "expressed hope"
  std::uint32_t sentence = 0;
  // The content: one span, minus `cut` (the "according to X" phrase inside it).
  Span content;
  Span cut;
  double confidence = 0.5;
  bool direct = false;  // the content is quoted speech without quotation marks (an interview answer)
};

class ClauseFinder {
 public:
  ClauseFinder(const Document& doc, const std::vector<Quote>& quotes,
               const SpeakerResolver& speakers);

  // Clauses of every sentence in text order; `previous_speaker` carries the
  // last speaker from sentence to sentence for pronouns.
  std::vector<ReportingClause> find() const;

 private:
  std::string_view word(std::size_t i) const { return analysis_.tokens[i].span.of(text_); }
  std::string lower(std::size_t i) const;
  bool inside_quote(std::size_t token) const;
  void find_in_sentence(std::uint32_t s, std::optional<std::uint32_t>& previous, const ParseClauses& parse,
                        std::vector<ReportingClause>& out) const;
  std::optional<ReportingClause> according_to(std::size_t k, const Sentence& sentence,
                                              std::optional<std::uint32_t> previous) const;
  std::size_t skip_back(std::size_t k, std::size_t first) const;
  std::size_t content_start(std::size_t after_verb, std::size_t end, std::string_view lemma) const;
  std::size_t content_end(std::size_t start, std::size_t end, bool embedded) const;
  std::optional<std::size_t> tail_comma(std::size_t subject_first, std::size_t verb,
                                        const Sentence& sentence) const;
  std::size_t token_at(std::uint32_t offset) const;
  bool relative_clause_verb(std::size_t k) const;
  bool tagged_noun(std::size_t k) const;
  bool after_quote_and_name(std::size_t k, std::size_t first) const;
  bool reported_clause(std::size_t b, std::size_t e) const;
  bool unnamed_member(std::size_t name_first, std::size_t sentence_first) const;
  bool legal_text(std::size_t name_first, std::size_t sentence_first) const;
  bool statement_content(std::size_t c, std::size_t e, std::string_view lemma, ReportingClause::Shape shape) const;

  std::string_view text_;
  const Document& analysis_;
  const std::vector<Quote>& quotes_;
  const SpeakerResolver& speakers_;
  std::vector<bool> in_quote_;
};

}  // namespace ng::nlp
