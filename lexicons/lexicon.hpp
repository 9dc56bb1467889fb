#pragma once
// Name lexicons built from openly licensed data (see lexicons/README.md for
// every source and its licence): places (GeoNames, iso-codes, WordNet),
// countries and demonyms, given names and surnames, well-known people
// (WordNet instance nouns), organisations (WordNet, compromise, the World
// Factbook's parties, broadcasters, armed forces and legislatures,
// universities, airlines, telecoms, brands), and the English vocabulary
// (WordNet) to tell a capitalised common word from a name.
//
// The data is compiled into the binary. Lexicon::builtin() parses it once,
// on first use, into read-only tables; after that every member function is
// const and safe to call from many threads at once.

#include <cstdint>
#include <optional>
#include <string_view>

namespace ng::nlp {

enum class PlaceKind : std::uint8_t {
  Country, Region, City, Continent, River, Sea, Lake, Island, Mountain, Peninsula, Other
};

struct PlaceInfo {
  PlaceKind kind = PlaceKind::Other;
  std::string_view country_code;  // ISO 3166-1 alpha-2 when known, else empty
  std::uint32_t population = 0;   // 0 when unknown
  std::string_view canonical;     // the preferred name ("Kyiv" for "Kiev"); the key itself if none
  // Whether the name is also something else: a frequent English word
  // ("Reading", "Nice", "Split"), or, for a city, region or other place
  // (not a river, sea, island ...) under 500,000
  // people, a frequent given name, a surname or a well-known organisation
  // ("Victoria", "Lincoln", "Toyota").
  // Never set for countries and continents. Such a name needs context
  // ("in Reading", a following country) before it is taken as a place.
  bool ambiguous = false;
};

enum class OrganizationKind : std::uint8_t {
  Generic, Government, NewsMedia, Party, Company, International, Military, Education, Sports
};

// Kinds: Government (agencies, ministries, legislatures, courts, central
// banks), NewsMedia (outlets, broadcasters, agencies), Party, Company
// (companies, airlines, telecoms, brands), International (the UN and its
// agencies, regional blocs), Military (armed forces and armed groups),
// Education (universities, colleges, institutes), Sports (teams), Generic
// (NGOs, unions, pressure groups, and what the sources do not tell).
struct OrganizationInfo {
  OrganizationKind kind = OrganizationKind::Generic;
  // A one-word name that is a frequent English word, a given name, a
  // surname, a well-known person or a place ("Congress", "Labour", "WHO",
  // "Ford", "Toyota", "Guardian"): needs context, as for places. The same
  // rule for every source; longer names ("The Guardian") are never
  // ambiguous.
  bool ambiguous = false;
};

// How often people annotating openly licensed English text (Universal NER,
// GUM) marked this spelling as each type: evidence, not a verdict ("Xinhua"
// 2 / 0 / 0 / 0 says a speaker so named is more likely an outlet).
struct AnnotatedName {
  std::uint32_t organization = 0;
  std::uint32_t person = 0;
  std::uint32_t place = 0;
  std::uint32_t other = 0;  // events, works, products, ... (GUM's other types)

  std::uint32_t total() const noexcept { return organization + person + place + other; }
  // Annotated as an organisation at least once and more often than as
  // anything else together.
  bool mostly_organization() const noexcept { return organization > 0 && 2 * organization > total(); }
};

enum class Gender : std::uint8_t { Unknown, Female, Male };

class Lexicon {
 public:
  // The lexicon compiled into the binary; built on first call (thread-safe).
  static const Lexicon& builtin();

  // Lookups take a name exactly as written in text ("New York", "NATO");
  // matching is case-sensitive on the first letter of each word and tolerant
  // of case elsewhere only where the source is (see lexicon.cpp). In
  // detail: a word (after a space or hyphen) whose stored initial is a
  // capital must start with a capital in `name` ("new York" does not match,
  // "NEW YORK" does, and so does "Tarsk Region" for the stored "Tarsk
  // region"); a stored acronym of two or three capitals must match exactly
  // ("US", not "Us"); other letters match in any case ("Nato" for "NATO").
  // No lookup allocates or throws.
  std::optional<PlaceInfo> place(std::string_view name) const;
  std::optional<OrganizationKind> organization(std::string_view name) const;
  std::optional<OrganizationInfo> organization_info(std::string_view name) const;
  // A well-known person's full name or surname in WordNet ("Lincoln").
  bool is_known_person(std::string_view name) const;
  // The name's counts in the annotated corpora, if it was annotated there.
  std::optional<AnnotatedName> annotated_name(std::string_view name) const;

  // "Russian" -> "Russia", "Ukrainians" -> "Ukraine", "French" -> "France".
  std::optional<std::string_view> demonym_country(std::string_view demonym) const;
  // "Russia" -> "Russian": the adjective of a country, for the reverse lookup.
  std::optional<std::string_view> country_adjective(std::string_view country) const;

  bool is_given_name(std::string_view word) const;
  Gender given_name_gender(std::string_view word) const;
  bool is_surname(std::string_view word) const;

  // Whether a lower-case word is an English dictionary word (any part of
  // speech, WordNet lemma or inflection, or a function word). Rare senses
  // count: "berlin" (a carriage) is a common word. Case-insensitive.
  bool is_common_word(std::string_view lower_word) const;
  // Whether the word is a frequent one: a function word, a word with a
  // lower-case sense tagged in the SemCor corpus, an ordinary word of
  // compromise's lexicon, or an inflection of one ("reading", "will",
  // "nice"; not "berlin"). Every frequent word is a common word.
  bool is_frequent_word(std::string_view lower_word) const;

  // Number of entries per table, for logs and tests.
  struct Sizes {
    std::size_t places, organizations, people, demonyms, given_names, surnames, common_words,
        annotated_names;
  };
  Sizes sizes() const noexcept;

  // Builds the lexicon from TSV text in the format of lexicons/data (for
  // tests of the parser; builtin() is what the pipeline uses). The texts
  // must outlive the Lexicon: entries are views into them. Throws
  // ng::ParseError naming the table, line and column of a malformed row.
  struct Sources {
    std::string_view places, organizations, people, demonyms, given_names, surnames,
        common_words, annotated_names;
  };
  explicit Lexicon(const Sources& sources);

  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;
  ~Lexicon();

 private:
  Lexicon();
  struct Tables;
  Tables* tables_;
};

}  // namespace ng::nlp
