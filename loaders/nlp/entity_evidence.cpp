#include "loaders/nlp/entity_evidence.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "common/ascii.hpp"
#include "loaders/nlp/cues.hpp"

namespace ng::nlp {

namespace {

constexpr double kDecisive = 4.0;
constexpr double kKeepThreshold = 1.5;

// The trained name model (Document::names): its type for exactly the
// candidate's words is worth half a decisive clue; when it finds no name on
// any of the words, a person or place without a structure of its own loses
// that much. Its silence says nothing of organisations: it finds too few of
// them (held-out ORG recall is its weakest figure).
constexpr double kModelAgrees = 2.0;
constexpr double kModelSilent = 2.0;

void add_to(Evidence& e, EntityType type, double weight) {
  switch (type) {
    case EntityType::Person: e.person += weight; break;
    case EntityType::Organization: e.organization += weight; break;
    case EntityType::Place: e.place += weight; break;
  }
}

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ' ') {
      if (i > start) words.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return words;
}

double place_weight(const PlaceInfo& place) {
  double weight = 0;
  switch (place.kind) {
    case PlaceKind::Country:
    case PlaceKind::Continent: weight = kDecisive; break;
    case PlaceKind::Region: weight = 3.0; break;
    case PlaceKind::City:
      weight = place.population >= 1000000 ? 3.5 : place.population >= 100000 ? 3.0 : 2.0;
      break;
    case PlaceKind::River:
    case PlaceKind::Sea:
    case PlaceKind::Lake:
    case PlaceKind::Island:
    case PlaceKind::Mountain:
    case PlaceKind::Peninsula: weight = 3.0; break;
    case PlaceKind::Other: weight = 2.0; break;
  }
  return place.ambiguous ? weight / 2.5 : weight;
}

}  // namespace

void Evidence::add(const Evidence& other) {
  person += other.person;
  organization += other.organization;
  place += other.place;
  structural_person += other.structural_person;
  structural_organization += other.structural_organization;
  structural_place += other.structural_place;
}

Evidence score_candidate(const NameCandidate& c, const Lexicon& lexicon) {
  Evidence e;
  if (c.structural_type) {
    switch (*c.structural_type) {
      case EntityType::Person: ++e.structural_person; e.person += kDecisive; break;
      case EntityType::Organization: ++e.structural_organization; e.organization += kDecisive; break;
      case EntityType::Place: ++e.structural_place; e.place += kDecisive; break;
    }
  }
  const std::string_view name = c.structural_type == EntityType::Place ? c.base_name : c.text;
  const auto words = split_words(name);
  if (words.empty()) return e;

  // Lexicons.
  if (const auto place = lexicon.place(name)) e.place += place_weight(*place);
  // An organisation whose one-word name is also a word, a person or a place
  // ("Congress", "Ford", "Sochi") needs context as well.
  if (const auto org = lexicon.organization_info(name)) e.organization += org->ambiguous ? 2.0 : kDecisive;
  if (lexicon.is_known_person(name)) e.person += words.size() >= 2 ? kDecisive : 2.0;
  const bool given_first = lexicon.is_given_name(words.front()) && !cues::is_organization_head(words.front()) &&
                           !cues::is_place_head(words.front()) && !cues::is_title_modifier(words.front());
  std::size_t common = 0;
  for (auto w : words) {
    common += lexicon.is_common_word(ascii_lower(w));
  }
  const bool demonym_first = lexicon.demonym_country(words.front()).has_value();
  // "NHS England", "NHS Providers", "BBC News": an acronym inside a longer
  // name makes an institution; people's names have no all-caps words.
  bool has_acronym = false;
  for (auto w : words) {
    std::size_t letters = 0, upper = 0;
    for (char ch : w) {
      letters += is_ascii_alpha(ch);
      upper += is_ascii_upper(ch);
    }
    has_acronym = has_acronym || (letters >= 2 && letters == upper);
  }
  // "Relief Canada", "Amnesty Norway": a country as the last word of a
  // longer name makes a national branch or an outlet, never a surname.
  if (words.size() >= 2 && !lexicon.place(name)) {
    if (const auto last = lexicon.place(words.back()); last && last->kind == PlaceKind::Country) {
      e.person -= 3.0;
      e.organization += 1.5;
    }
  }
  if (words.size() >= 2 && has_acronym && !lexicon.place(name)) {
    e.organization += 3.0;
    e.person -= 3.0;
  }
  if (words.size() >= 2) {
    if (given_first && !lexicon.place(name)) e.person += 3.0;
    if (lexicon.is_surname(words.back())) e.person += 1.0;
    // Unknown names of two or three uncommon words are people, mostly.
    if (words.size() <= 3 && common == 0 && !demonym_first && !c.acronym) e.person += 1.5;
    if (given_first && common <= 1 && words.size() <= 4) e.person += 0.5;
  } else {
    if (lexicon.is_surname(words.front()) && !lexicon.is_common_word(std::string(name))) e.person += 0.75;
    if (c.acronym && !lexicon.place(name)) e.organization += c.modifies_noun ? 0.5 : 2.0;
  }

  // Evidence that only a person's name has: a given name first, a known
  // surname last, a well-known person, a title or a role beside it.
  // ("Christian Tomorrow": a given name that is a word, among words, is no
  // evidence.)
  // ("Velmix Canada": a name that ends with a country is no person's.)
  const auto last_place = words.size() >= 2 ? lexicon.place(words.back()) : std::nullopt;
  const bool ends_with_country = last_place && last_place->kind == PlaceKind::Country;
  const bool given_evidence =
      given_first && !(words.size() >= 2 && common == words.size()) && !ends_with_country;
  const bool person_evidence = given_evidence || (lexicon.is_surname(words.back()) && !lexicon.place(words.back())) ||
                               lexicon.is_known_person(name) || !c.title.empty() || c.appositive_person ||
                               c.prefix_person || c.structural_type == EntityType::Person;
  // (A place the lexicon marks ambiguous, "Liberal" or "Reading", is
  // no place here.)
  const auto place_entry = lexicon.place(name);
  const bool known_place = place_entry && !place_entry->ambiguous;
  // "Norpress said", "told Norpress", "according to Norpress": a speaker
  // with no person evidence is an agency, outlet or institution. A person
  // is named in full at least once (and the short form then joins that
  // name, whatever its type here); a one-word name alone is not a person's.
  const bool speaks = c.subject_of_speech || c.object_of_speech || c.according_to;
  if (speaks && !person_evidence && !known_place && !c.acronym && words.size() == 1) {
    e.organization += 1.5;
  }
  // "Norpress reported", "a report by Norpress", "Norpress's website":
  // what outlets and organisations do or have, whatever the name's length.
  if ((c.outlet_verb || c.report_by) && !person_evidence && !known_place) e.organization += 2.5;
  if (c.according_to && words.size() >= 2 && !person_evidence && !known_place) e.organization += 1.5;
  // "the owner of X", "members of X".
  if (c.part_of_organization && !person_evidence && !known_place) e.organization += 2.5;
  if (c.according_to && !known_place) e.place -= 2.0;
  if (c.possessor_of_organization_part && !known_place) e.organization += 2.0;
  // "Velmor politician X", "Velmor lawmakers": what a member belongs to
  // (a place is the lexicon's; a demonym never comes here).
  if (c.before_member_noun && !person_evidence && !known_place) e.organization += 2.0;
  // "her Velgram account", "a Velgram post": a platform.
  if (c.before_platform_noun && !person_evidence && !known_place) e.organization += 2.5;
  // "Velde en Vrij", "Velm et Cie": another language's "and" joins the
  // words of a party's or a firm's name, never of a person's.
  for (auto w : words) {
    if (w == "en" || w == "et" || w == "und") {
      e.organization += 2.0;
      e.person -= 2.0;
      break;
    }
  }
  // "Liberal MEP", "a Tory MP": the word before an office is its party.
  if (c.before_office && !known_place) {
    e.organization += 3.0;
    e.person -= 2.0;
  }
  // The annotated corpora (Universal NER, GUM): a spelling that annotators
  // marked as an organisation more often than as anything else, and never
  // as a person. One word that is also a dictionary word, a given name or a
  // surname ("Court", "Lane") is left to its context.
  const bool other_word = words.size() == 1 && (lexicon.is_common_word(ascii_lower(name)) ||
                                                lexicon.is_given_name(name) || lexicon.is_surname(name));
  if (const auto seen = lexicon.annotated_name(name); seen && seen->mostly_organization() && seen->person == 0 &&
                                                      !other_word && !lexicon.organization(name) && !known_place) {
    e.organization += seen->organization >= 2 ? 2.0 : 1.5;
  }

  // Context.
  if (c.appositive_person) e.person += 3.0;
  if (c.appositive_place) e.place += 3.0;
  if (c.appositive_organization) e.organization += 3.0;
  if (c.dateline) e.place += kDecisive;
  if (c.followed_by_country) e.place += 2.5;
  if (c.after_place_preposition) e.place += lexicon.place(name) ? 1.5 : 0.75;
  if (c.capital_the) e.organization += 1.0;
  // "The Guardian reported", "the Kremlin said": a one-word name with an
  // article that speaks is an institution; people take no article.
  if (c.after_the && (c.subject_of_speech || c.object_of_speech) && !lexicon.place(name)) e.organization += 2.0;
  if (c.posted_on) e.organization += 2.0;
  if (c.prefix_person) e.person += 2.5;
  if (c.prefix_organization) e.organization += 3.0;
  if (c.prefix_place) e.place += 3.0;
  if (c.employer) {
    // "analysts at X": people are not employers; as strong as a head noun.
    ++e.structural_organization;
    e.organization += kDecisive;
  }
  if (c.possessor_of_institution && !c.possessor_of_organization_part && !lexicon.place(name)) {
    e.place += 1.0;
    e.organization += 0.5;
  }
  if (c.subject_of_speech || c.object_of_speech) {
    e.person += 0.5;
    e.organization += 0.25;
    // "told Vantage Wire", "Norpress reported": a name the lexicon does not
    // know as a place that speaks or is spoken to is a speaker or an outlet.
    if (!lexicon.place(name)) e.place -= 2.0;
  }
  // "Ben & Jerry's", "Marks & Spencer": people's names have no ampersand.
  if (name.find('&') != std::string_view::npos) {
    e.organization += 3.0;
    e.person -= 3.0;
  }
  // "the Bill", "the Mark": a lone given name after an article is a word,
  // not a person; people take no article.
  if (words.size() == 1 && c.after_the && given_first) e.person -= 3.0;
  if (!c.title.empty()) e.person += 1.0;

  // The trained name model, when its name is exactly this one, or when it
  // sees no name here at all.
  // In the places where outlets and institutions speak ("X reported", "a
  // report by X", "according to X") the model calls most unknown names
  // people; without person evidence its Person says nothing there.
  const bool outlet_position = c.outlet_verb || c.report_by || c.according_to || c.part_of_organization;
  if (c.model_type && c.model_exact) {
    if (!(outlet_position && *c.model_type == EntityType::Person && !person_evidence)) {
      add_to(e, *c.model_type, kModelAgrees);
    }
  } else if (c.model_outside && !c.structural_type) {
    e.person -= kModelSilent;
    e.place -= kModelSilent;
  }
  return e;
}

std::optional<EntityType> decide_type(const Evidence& e) {
  // A settled structure wins over any pooled hint, by majority.
  const int structural = e.structural_person + e.structural_organization + e.structural_place;
  if (structural > 0) {
    if (e.structural_person >= e.structural_organization && e.structural_person >= e.structural_place) {
      return EntityType::Person;
    }
    return e.structural_organization >= e.structural_place ? EntityType::Organization : EntityType::Place;
  }
  const double best = std::max({e.person, e.organization, e.place});
  if (best < kKeepThreshold) return std::nullopt;
  if (best == e.place) return EntityType::Place;
  if (best == e.organization) return EntityType::Organization;
  return EntityType::Person;
}

PlaceDetail place_detail_from_lexicon(std::string_view name, const Lexicon& lexicon) {
  const auto place = lexicon.place(name);
  if (!place) return PlaceDetail::Unknown;
  switch (place->kind) {
    case PlaceKind::Country: return PlaceDetail::Country;
    case PlaceKind::Region: return PlaceDetail::Region;
    case PlaceKind::City: return PlaceDetail::City;
    case PlaceKind::Continent: return PlaceDetail::Continent;
    case PlaceKind::River: return PlaceDetail::River;
    case PlaceKind::Sea: return PlaceDetail::Sea;
    case PlaceKind::Lake: return PlaceDetail::Lake;
    case PlaceKind::Island:
    case PlaceKind::Peninsula: return PlaceDetail::Island;
    case PlaceKind::Mountain: return PlaceDetail::Mountain;
    case PlaceKind::Other: return PlaceDetail::Unknown;
  }
  return PlaceDetail::Unknown;
}

}  // namespace ng::nlp
