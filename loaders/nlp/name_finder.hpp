#pragma once
// Finds the spans of text that are proper names, before deciding what they
// name: runs of capitalised words joined by name particles ("bin", "van",
// "de") and, inside organisation and place names, by "of", "for", "and"
// ("Ministry of Defence", "Bosnia and Herzegovina"). It separates a title
// from the name it precedes ("German Defence Minister" | "Christine
// Lambrecht") and records every structural clue for typing: head nouns inside
// the name ("Ministry", "River"), lower-case heads after it ("X news agency",
// "X region"), "city of X", datelines, possessives, and the words around it.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "common/ascii.hpp"
#include "lexicons/lexicon.hpp"
#include "loaders/nlp/document.hpp"

namespace ng::nlp {

struct NameCandidate {
  Span span;                     // the name as written (with a lower-case head: "Tarsk region")
  std::uint32_t first_token = 0; // tokens of the name, without title or suffix
  std::uint32_t end_token = 0;
  std::uint32_t sentence = 0;
  std::string text;              // the name's text ("Jakarta" for a dateline "JAKARTA")

  // Structure.
  std::optional<EntityType> structural_type;  // settled by a head noun, title or suffix
  PlaceDetail place_detail = PlaceDetail::Unknown;
  OrganizationDetail organization_detail = OrganizationDetail::Unknown;
  std::string place_head;        // lower-case place head of the name ("region", "river")
  std::string base_name;         // the name without its place head ("Tarsk")
  std::string title;             // role written before the name ("NATO Secretary General")
  Span title_span;
  std::string title_qualifier;   // country, demonym or organisation inside the title ("NATO", "German")
  bool title_only = false;       // "the Governor of X": a title with no name of its own
  std::string possessor;         // "Russia" in "Russia's Defence Ministry"
  std::vector<std::string> extra_aliases;  // "Interfax news agency" for "Interfax"

  // Context.
  bool sentence_initial = false;
  bool dateline = false;
  bool possessive = false;          // followed by 's
  bool after_place_preposition = false;
  bool appositive_person = false;   // ", a spokesman," / ", the Chechen leader,"
  bool appositive_place = false;    // ", a village ..." / ", a city in ..."
  bool appositive_organization = false;
  bool followed_by_country = false; // "Odesa, Ukraine"
  bool subject_of_speech = false;   // "X said", "X, ..., said"
  bool object_of_speech = false;    // "said X" (inverted attribution)
  bool according_to = false;        // "according to X"
  bool outlet_verb = false;         // "X reported", "X quoted", "X interviewed": what outlets do
  bool report_by = false;           // "a report by X", "published by X", "as quoted by X"
  bool possessor_of_organization_part = false;  // "X's website", "X's correspondent", "X's board"
  bool part_of_organization = false;  // "the owner of X", "founder of X", "members of X"
  bool before_office = false;       // "Liberal MEP", "a Tory MP": the party of an office holder
  bool before_platform_noun = false;  // "X account", "X page", "X post": a platform
  bool before_member_noun = false;  // "X politician", "X lawmakers", "X supporters": a party or movement
  bool capital_the = false;         // "The X" in mid-sentence
  bool after_the = false;           // "the X" / "The X" before a one-word name
  bool posted_on = false;           // "posted on X", "published on X": a platform
  bool modifies_noun = false;       // followed directly by a lower-case noun ("HIMARS rocket")
  bool prefix_person = false;       // "union leader X", "legislator X"
  bool prefix_organization = false; // "the shipping company X", "environmental group X"
  bool prefix_place = false;        // "the port city X"
  bool employer = false;            // "analysts at X", "researchers from X"
  bool possessor_of_institution = false;  // "X's Supreme Court", "X's mayor"
  bool acronym = false;             // one all-caps word of 2 to 6 letters ("NATO", "U.S.")

  // The trained name model (Document::names) on the same words.
  std::optional<EntityType> model_type;  // the type of the model's name on these words
  bool model_exact = false;              // ... which covers exactly the candidate's words
  bool model_outside = false;            // the model found no name on any of these words
  std::array<float, 3> model_scores{};   // its type scores (Person, Organization, Place)
  std::uint32_t word_count = 0;     // words in the name (without title and suffix)

  bool all_caps_acronym() const noexcept { return acronym; }
};

class NameFinder {
 public:
  // `names` is the name model's layer (Document::names), read as evidence;
  // null to find names by the cues and lexicons alone.
  NameFinder(std::string_view text, const std::vector<Token>& tokens,
             const std::vector<Sentence>& sentences, const Lexicon& lexicon,
             const std::vector<NameSpan>* names = nullptr);

  // Candidates of every sentence except Title Case headlines, in text order.
  std::vector<NameCandidate> find() const;

 private:
  std::string_view word(std::size_t i) const { return tokens_[i].span.of(text_); }
  std::string lower(std::size_t i) const;
  bool is_name_word(std::size_t i) const;
  bool starts_sentence(std::size_t i, const Sentence& sentence) const;
  bool droppable_first_word(std::size_t i) const;
  std::size_t extend_run(std::size_t first, std::size_t end) const;
  void find_in_sentence(std::uint32_t index, std::vector<NameCandidate>& out) const;
  void emit(std::size_t first, std::size_t last, std::uint32_t sentence_index, bool sentence_initial,
            std::vector<NameCandidate>& out) const;
  std::size_t split_title(std::size_t first, std::size_t end, NameCandidate& candidate) const;
  void read_suffix(std::size_t end, std::size_t sentence_end, NameCandidate& candidate) const;
  void emit_title_qualifiers(std::size_t first, std::size_t end, std::uint32_t sentence_index,
                             std::vector<NameCandidate>& out) const;
  std::size_t trim_to_known_suffix(std::size_t first, std::size_t end) const;
  void read_prefix(std::size_t first, std::size_t sentence_first, NameCandidate& candidate) const;
  void read_context(std::size_t first, std::size_t end, std::size_t sentence_first,
                    std::size_t sentence_end, NameCandidate& candidate) const;
  std::string join(std::size_t first, std::size_t end) const;
  // A given name that is not also a head noun or title word ("Bank", "General").
  bool likely_given_name(std::size_t i) const;
  bool has_organization_head(std::size_t first, std::size_t end) const;
  bool has_place_head(std::size_t first, std::size_t end) const;
  // "Marine Safety and Fisheries Inspectorate": capitalised common
  // words, "and", then a name that ends with an organisation head.
  bool joins_headed_name(std::size_t first, std::size_t and_token, std::size_t end) const;
  void read_model(NameCandidate& candidate) const;
  void remember_forms(std::size_t first, std::size_t end, const NameCandidate& candidate) const;
  bool own_word_before_head(std::size_t first, std::size_t end) const;
  bool follows_title_complement(std::size_t first, std::size_t sentence_first) const;
  bool acts_alone(std::size_t next, std::size_t sentence_end) const;

  std::string_view text_;
  const std::vector<Token>& tokens_;
  const std::vector<Sentence>& sentences_;
  const Lexicon& lexicon_;
  const std::vector<NameSpan>* names_;
  mutable bool in_dateline_ = false;  // emitting the place of a dateline ("JAKARTA -")
  mutable std::size_t skip_acronym_at_ = SIZE_MAX;  // the bracketed acronym of a law just dropped
  // Surnames of the people named in full so far in the article ("Bush" of
  // "George W. Bush"): at the start of a sentence such a word is the
  // person, even when it is also a common word ("Field added").
  mutable std::unordered_set<std::string> surnames_seen_;
  // Organisations' names without their head nouns ("Kestrel Systems" of
  // "Kestrel Systems Corporation") seen so far.
  mutable std::unordered_set<std::string> short_forms_seen_;
};

// "JAKARTA" -> "Jakarta"; "NEW YORK" -> "New York" (for datelines).
std::string title_case(std::string_view text);

}  // namespace ng::nlp
