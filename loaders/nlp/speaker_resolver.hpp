#pragma once
// Finds who a reporting clause's subject is: a name ("Dorn said"), a
// pronoun ("he said" -> the speaker of this sentence or the one before,
// else the nearest compatible named subject, by gender, number and kind), or a
// description ("the ministry said" -> the ministry named before; "the
// governor said" -> the person last given that title).

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "lexicons/lexicon.hpp"
#include "loaders/nlp/cues.hpp"
#include "loaders/nlp/document.hpp"

namespace ng::nlp {

struct Speaker {
  std::uint32_t entity = 0;
  Span span;
  Mention::Form form = Mention::Form::Name;
};

class SpeakerResolver {
 public:
  SpeakerResolver(const Document& doc, const Lexicon& lexicon);

  // The mention whose last token is `token`, if any.
  std::optional<std::uint32_t> mention_ending_at(std::size_t token) const;
  // The mention that covers `token`, if any.
  std::optional<std::uint32_t> mention_at(std::size_t token) const;

  // The subject that ends at `last` (inclusive): a name, pronoun or
  // description. `previous_speaker` is the speaker of the statement before.
  // `relative`: the subject is the antecedent of "who" ("by X, who said").
  std::optional<Speaker> subject_ending_at(std::size_t last, std::size_t sentence_first,
                                           std::optional<std::uint32_t> previous_speaker,
                                           bool relative = false) const;
  // The subject at the start of a sentence ("X, of the Y party, defended his
  // record, saying ..."; "X called it unrealistic and warned ..."), if any.
  std::optional<Speaker> sentence_subject(std::size_t sentence_first, std::size_t before) const;
  // A name, pronoun or description that starts at `first` (for "said X").
  std::optional<Speaker> subject_starting_at(std::size_t first, std::size_t sentence_end,
                                             std::optional<std::uint32_t> previous_speaker) const;

 private:
  std::optional<Speaker> resolve_pronoun(std::size_t token, std::optional<std::uint32_t> previous) const;
  std::optional<Speaker> resolve_description(std::size_t head, std::size_t first) const;
  std::optional<Speaker> named_in_next_sentence(Span description) const;
  bool governed_by_preposition(std::size_t first_token, std::size_t sentence_first) const;
  std::optional<Speaker> subject_before_preposition(std::size_t first, std::size_t sentence_first,
                                                    const Mention& mention) const;
  bool tagged_adjective(std::size_t token) const;
  void mark_subject_mentions();
  std::optional<Speaker> latest_person_subject(std::uint32_t begin, std::uint32_t end,
                                               std::optional<cues::PronounKind> gender) const;
  std::string_view word(std::size_t i) const { return analysis_.tokens[i].span.of(text_); }

  std::string_view text_;
  const Document& analysis_;
  const Lexicon& lexicon_;
  std::vector<std::int32_t> mention_of_token_;  // -1 for none
  std::vector<bool> subject_mention_;           // by mention: the subject of its clause
};

}  // namespace ng::nlp
