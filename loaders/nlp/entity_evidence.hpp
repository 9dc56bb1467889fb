#pragma once
// The evidence that a name names a person, an organisation or a place, and
// the decision. Weights are in "clues": one decisive clue (a title before
// the name, a head noun like "Ministry", a country in the lexicon) is worth
// about 4; a hint (a place preposition before it, a speech verb after it)
// about 0.5 to 1.5. A name needs 1.5 for its best type to be kept.

#include <optional>

#include "lexicons/lexicon.hpp"
#include "loaders/nlp/document.hpp"
#include "loaders/nlp/name_finder.hpp"

namespace ng::nlp {

struct Evidence {
  double person = 0;
  double organization = 0;
  double place = 0;
  int structural_person = 0;
  int structural_organization = 0;
  int structural_place = 0;

  void add(const Evidence& other);
  // Evidence that only a person has (a title, an appositive role).
  bool person_cue() const noexcept { return structural_person > 0 || person >= 3; }
};

Evidence score_candidate(const NameCandidate& candidate, const Lexicon& lexicon);
std::optional<EntityType> decide_type(const Evidence& evidence);
PlaceDetail place_detail_from_lexicon(std::string_view name, const Lexicon& lexicon);

}  // namespace ng::nlp
