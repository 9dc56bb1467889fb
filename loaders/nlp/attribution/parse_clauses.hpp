#pragma once
// Reporting clauses read off the dependency tree, for the sentences the
// token patterns of reporting_clauses miss: the speaker is the subject
// (`nsubj`) of a speech verb, the agent of a passive (`obl:agent`), the
// antecedent of a relative "who", or the subject a coordinated or
// participial verb shares; each speaker coordinated with it (`conj`) says
// the same. The content is the clausal complement (`ccomp`), the
// `parataxis` clause, the object with its predicate ("called the plan
// reckless", "described the verdict as historic", "urged X to ..."), or
// what is called for ("called for a ceasefire").
//
// Only parsed sentences (Sentence::parsed) are read. Pure; no state
// between calls.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "loaders/nlp/document.hpp"
#include "loaders/nlp/reporting_clauses.hpp"
#include "loaders/nlp/speaker_resolver.hpp"

namespace ng::nlp {

class ParseClauses {
 public:
  // `in_quote` marks the tokens inside quotations (quotes are content,
  // never reporting clauses).
  ParseClauses(const Document& doc, const SpeakerResolver& speakers, const std::vector<bool>& in_quote);

  // Appends the clauses of sentence `s` whose verb no clause in
  // `out[first_of_sentence..]` already reads, and whose content no clause
  // of the same speaker already covers. `previous` is the last speaker,
  // for pronouns; it moves to the speaker of each clause added.
  void add(std::uint32_t s, std::optional<std::uint32_t>& previous, std::size_t first_of_sentence,
           std::vector<ReportingClause>& out) const;

 private:
  struct Tree;
  std::optional<Speaker> speaker_of(const Tree& tree, std::uint32_t word, std::size_t sentence_first,
                                    std::optional<std::uint32_t> previous) const;
  std::optional<std::uint32_t> subject_of(const Tree& tree, std::uint32_t verb, int depth) const;
  void add_quoted_by(const Tree& tree, const Sentence& sentence, std::size_t first_of_sentence,
                     std::vector<ReportingClause>& out) const;
  void trim_at_coordinated_clause(const Tree& tree, std::uint32_t verb, std::size_t first_of_sentence,
                                  std::vector<ReportingClause>& out) const;
  std::uint32_t token_of(std::uint32_t offset) const;
  bool semicolon_between(std::uint32_t verb, std::uint32_t from) const;
  bool introduces_speech(std::uint32_t verb, std::uint32_t from) const;
  bool speech_clause(const Tree& tree, std::uint32_t word) const;
  std::vector<Speaker> listed_speakers(std::uint32_t subject, std::uint32_t verb) const;
  std::vector<Speaker> group_named_before(std::uint32_t subject, std::uint32_t sentence,
                                          std::size_t first_of_sentence,
                                          const std::vector<ReportingClause>& out) const;
  std::uint32_t sentence_of_word(std::uint32_t word) const;
  std::optional<Span> content_of(const Tree& tree, std::uint32_t verb, std::string_view lemma) const;
  std::string_view form(std::uint32_t word) const { return analysis_.words[word].span.of(analysis_.text); }

  const Document& analysis_;
  const SpeakerResolver& speakers_;
  const std::vector<bool>& in_quote_;
};

}  // namespace ng::nlp
