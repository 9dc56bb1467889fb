#pragma once
// Name lexicons built from openly licensed data (see lexicons/README.md for
// every source and its licence): places (GeoNames, iso-codes, WordNet),
// countries and demonyms, given names and surnames, organisations and
// well-known people (WordNet instance nouns), and the English vocabulary
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
};

enum class OrganizationKind : std::uint8_t {
  Generic, Government, NewsMedia, Party, Company, International, Military, Education, Sports
};

enum class Gender : std::uint8_t { Unknown, Female, Male };

class Lexicon {
 public:
  // The lexicon compiled into the binary; built on first call (thread-safe).
  static const Lexicon& builtin();

  // Lookups take a name exactly as written in text ("New York", "NATO");
  // matching is case-sensitive on the first letter of each word and tolerant
  // of case elsewhere only where the source is (see lexicon.cpp).
  std::optional<PlaceInfo> place(std::string_view name) const;
  std::optional<OrganizationKind> organization(std::string_view name) const;
  // A well-known person's full name or surname in WordNet ("Lincoln").
  bool is_known_person(std::string_view name) const;

  // "Russian" -> "Russia", "Ukrainians" -> "Ukraine", "French" -> "France".
  std::optional<std::string_view> demonym_country(std::string_view demonym) const;
  // "Russia" -> "Russian": the adjective of a country, for the reverse lookup.
  std::optional<std::string_view> country_adjective(std::string_view country) const;

  bool is_given_name(std::string_view word) const;
  Gender given_name_gender(std::string_view word) const;
  bool is_surname(std::string_view word) const;

  // Whether a lower-case word is an English dictionary word (any part of
  // speech, WordNet lemma or inflection, or a function word).
  bool is_common_word(std::string_view lower_word) const;

  // Number of entries per table, for logs and tests.
  struct Sizes {
    std::size_t places, organizations, people, demonyms, given_names, surnames, common_words;
  };
  Sizes sizes() const noexcept;

  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;
  ~Lexicon();

 private:
  Lexicon();
  struct Tables;
  Tables* tables_;
};

}  // namespace ng::nlp
