#include "lexicons/lexicon.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "common/error.hpp"

using ng::nlp::Gender;
using ng::nlp::Lexicon;
using ng::nlp::OrganizationKind;
using ng::nlp::PlaceKind;

namespace {

const Lexicon& lexicon() { return Lexicon::builtin(); }

PlaceKind kind_of(std::string_view name) {
  const auto info = lexicon().place(name);
  REQUIRE(info.has_value());
  return info->kind;
}

std::string country_of(std::string_view name) {
  const auto info = lexicon().place(name);
  REQUIRE(info.has_value());
  return std::string(info->country_code);
}

std::string canonical_of(std::string_view name) {
  const auto info = lexicon().place(name);
  REQUIRE(info.has_value());
  return std::string(info->canonical);
}

bool ambiguous(std::string_view name) {
  const auto info = lexicon().place(name);
  REQUIRE(info.has_value());
  return info->ambiguous;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

TEST_CASE("capitals on every continent are cities of their country", "[lexicon]") {
  for (const auto& [city, cc] : {std::pair{"Nairobi", "KE"}, {"Lima", "PE"}, {"Hanoi", "VN"},
                                 {"Ottawa", "CA"}, {"Canberra", "AU"}, {"Buenos Aires", "AR"},
                                 {"Cairo", "EG"}, {"New Delhi", "IN"}}) {
    INFO(city);
    CHECK(kind_of(city) == PlaceKind::City);
    CHECK(country_of(city) == cc);
    CHECK(lexicon().place(city)->population > 100'000);
  }
}

TEST_CASE("a country is found by its common and official and other names", "[lexicon]") {
  CHECK(kind_of("Brazil") == PlaceKind::Country);
  CHECK(canonical_of("Brazil") == "Brazil");
  CHECK(canonical_of("Federative Republic of Brazil") == "Brazil");
  CHECK(country_of("Côte d'Ivoire") == "CI");
  CHECK(canonical_of("Cote d'Ivoire") == "Ivory Coast");
  CHECK(canonical_of("Burma") == "Myanmar");
  CHECK(canonical_of("Persia") == "Iran");
  CHECK(country_of("UK") == "GB");
  CHECK(kind_of("Greenland") == PlaceKind::Country);
}

TEST_CASE("an old or foreign spelling resolves to the canonical name", "[lexicon]") {
  CHECK(canonical_of("Bombay") == "Mumbai");
  CHECK(canonical_of("Calcutta") == "Kolkata");
  CHECK(canonical_of("Saigon") == "Ho Chi Minh City");
  CHECK(canonical_of("Zurich") == "Zürich");
  CHECK(canonical_of("Ceylon") == "Sri Lanka");
  // The canonical name looks up to the same place.
  CHECK(canonical_of(canonical_of("Bombay")) == "Mumbai");
}

TEST_CASE("rivers and seas and lakes and mountains and islands have their kinds",
          "[lexicon]") {
  CHECK(kind_of("Danube") == PlaceKind::River);
  CHECK(kind_of("Gulf of Mexico") == PlaceKind::Sea);
  CHECK(kind_of("Red Sea") == PlaceKind::Sea);
  CHECK(kind_of("Lake Victoria") == PlaceKind::Lake);
  CHECK(kind_of("Himalayas") == PlaceKind::Mountain);
  CHECK(kind_of("Borneo") == PlaceKind::Island);
  CHECK(kind_of("Iberian Peninsula") == PlaceKind::Peninsula);
  CHECK(kind_of("Africa") == PlaceKind::Continent);
}

TEST_CASE("the press forms of a subdivision name the region", "[lexicon]") {
  // iso-codes writes "Lvivska oblast"; the press "Lviv region" or "Lviv Oblast".
  CHECK(kind_of("Lviv region") == PlaceKind::Region);
  CHECK(kind_of("Lviv Region") == PlaceKind::Region);
  CHECK(canonical_of("Lviv region") == "Lviv Oblast");
  CHECK(canonical_of("Lvivska oblast") == "Lviv Oblast");
  CHECK(country_of("Lviv Oblast") == "UA");
  CHECK(canonical_of("Idlib province") == "Idlib Province");
  CHECK(country_of("Kano State") == "NG");
  // The bare name is the city the region is named after.
  CHECK(kind_of("Lviv") == PlaceKind::City);
  CHECK(kind_of("Kano") == PlaceKind::City);
}

TEST_CASE("one name keeps its most important place", "[lexicon]") {
  CHECK(kind_of("Georgia") == PlaceKind::Country);
  CHECK(country_of("Paris") == "FR");
  CHECK(country_of("Hamilton") == "CA");
  CHECK(kind_of("Texas") == PlaceKind::Region);
}

TEST_CASE("a place named like a frequent word or a person is ambiguous", "[lexicon]") {
  for (const char* name : {"Reading", "Nice", "Split", "Mobile", "Bath", "Victoria"}) {
    INFO(name);
    CHECK(ambiguous(name));
  }
  for (const char* name : {"Nairobi", "Lima", "Ottawa", "Chad", "Jordan", "Turkey"}) {
    INFO(name);
    CHECK_FALSE(ambiguous(name));
  }
}

TEST_CASE("a place needs the capitals it is written with", "[lexicon]") {
  CHECK_FALSE(lexicon().place("nairobi"));
  CHECK(lexicon().place("NAIROBI"));
  CHECK_FALSE(lexicon().place("Buenos aires"));
  CHECK(lexicon().place("BUENOS AIRES"));
  CHECK(lexicon().place("UAE"));
  CHECK_FALSE(lexicon().place("Uae"));
  CHECK_FALSE(lexicon().place(""));
  CHECK_FALSE(lexicon().place("Qzxwvt"));
}

TEST_CASE("a demonym names its country and back", "[lexicon]") {
  CHECK(lexicon().demonym_country("Brazilian") == "Brazil");
  CHECK(lexicon().demonym_country("Brazilians") == "Brazil");
  CHECK(lexicon().demonym_country("Filipino") == "Philippines");
  CHECK(lexicon().demonym_country("Filipinos") == "Philippines");
  CHECK(lexicon().demonym_country("Kenyans") == "Kenya");
  CHECK(lexicon().demonym_country("Japanese") == "Japan");
  CHECK(lexicon().demonym_country("Dane") == "Denmark");
  CHECK(lexicon().demonym_country("Danish") == "Denmark");
  CHECK(lexicon().demonym_country("Welsh") == "Wales");
  CHECK(lexicon().demonym_country("Korean") == "South Korea");
  CHECK_FALSE(lexicon().demonym_country("brazilian"));
  CHECK_FALSE(lexicon().demonym_country("Nairobi"));
  CHECK(lexicon().country_adjective("Brazil") == "Brazilian");
  CHECK(lexicon().country_adjective("Kenya") == "Kenyan");
  CHECK(lexicon().country_adjective("Burma") == lexicon().country_adjective("Myanmar"));
  CHECK_FALSE(lexicon().country_adjective("Nairobi"));
}

TEST_CASE("given names of several cultures carry their gender", "[lexicon]") {
  CHECK(lexicon().given_name_gender("Maria") == Gender::Female);
  CHECK(lexicon().given_name_gender("Giulia") == Gender::Female);
  CHECK(lexicon().given_name_gender("Fatima") == Gender::Female);
  CHECK(lexicon().given_name_gender("Aisha") == Gender::Female);
  CHECK(lexicon().given_name_gender("Mohammed") == Gender::Male);
  CHECK(lexicon().given_name_gender("Sergio") == Gender::Male);
  CHECK(lexicon().given_name_gender("Lars") == Gender::Male);
  CHECK(lexicon().is_given_name("Andrea"));
  CHECK_FALSE(lexicon().is_given_name("Qzxwvt"));
  CHECK(lexicon().given_name_gender("Qzxwvt") == Gender::Unknown);
}

TEST_CASE("a given name of three letters or fewer is a name, not an acronym", "[lexicon]") {
  // Short names were once stored upper-cased ("TOM"), as if acronyms, and
  // then matched only text in capitals.
  for (const char* name : {"Tom", "Jim", "Ben", "Sam", "Kim", "Ali", "Amy", "Ian", "Joe", "Eva"}) {
    INFO(name);
    CHECK(lexicon().is_given_name(name));
    std::string upper(name);
    for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    CHECK(lexicon().is_given_name(upper));  // "TOM" in a headline still matches
  }
  CHECK(lexicon().given_name_gender("Amy") == Gender::Female);
  CHECK(lexicon().given_name_gender("Ian") == Gender::Male);
  CHECK(lexicon().given_name_gender("Tom") == Gender::Male);
  CHECK_FALSE(lexicon().is_given_name("tom"));
  for (const char* name : {"Li", "Wu", "Ng", "Hu", "Cox"}) {
    INFO(name);
    CHECK(lexicon().is_surname(name));
  }
}

TEST_CASE("a given name that is also a common word is both", "[lexicon]") {
  for (const char* name : {"Will", "Rose", "Mark", "Grant"}) {
    INFO(name);
    CHECK(lexicon().is_given_name(name));
    std::string lower(name);
    lower[0] = static_cast<char>(lower[0] - 'A' + 'a');
    CHECK(lexicon().is_common_word(lower));
    CHECK(lexicon().is_frequent_word(lower));
  }
}

TEST_CASE("surnames and well-known people are known", "[lexicon]") {
  for (const char* name : {"Smith", "Garcia", "Singh", "Okafor", "Kowalski"}) {
    INFO(name);
    CHECK(lexicon().is_surname(name));
  }
  CHECK(lexicon().is_known_person("Nelson Mandela"));
  CHECK(lexicon().is_known_person("Mandela"));
  CHECK(lexicon().is_known_person("Mahatma Gandhi"));
  CHECK(lexicon().is_known_person("Simon Bolivar"));
  CHECK_FALSE(lexicon().is_known_person("Qzxwvt Plonk"));
}

TEST_CASE("organisations have kinds and one-word names may be ambiguous", "[lexicon]") {
  CHECK(lexicon().organization("United Nations") == OrganizationKind::International);
  CHECK(lexicon().organization("UN") == OrganizationKind::International);
  CHECK(lexicon().organization("FBI") == OrganizationKind::Government);
  CHECK(lexicon().organization("Democratic Party") == OrganizationKind::Party);
  CHECK(lexicon().organization("Harvard University") == OrganizationKind::Education);
  CHECK(lexicon().organization("World Trade Organization") == OrganizationKind::International);
  CHECK_FALSE(lexicon().organization_info("Harvard University")->ambiguous);
  CHECK(lexicon().organization_info("Congress")->ambiguous);
  CHECK_FALSE(lexicon().organization("Qzxwvt Holdings"));
}

TEST_CASE("common words include inflections and function words but not names", "[lexicon]") {
  for (const char* word : {"the", "of", "running", "children", "went", "happiest", "reading"}) {
    INFO(word);
    CHECK(lexicon().is_common_word(word));
    CHECK(lexicon().is_frequent_word(word));
  }
  // A rare lower-case sense is a common word but not a frequent one.
  CHECK(lexicon().is_common_word("berlin"));
  CHECK_FALSE(lexicon().is_frequent_word("berlin"));
  CHECK_FALSE(lexicon().is_common_word("nairobi"));
  CHECK_FALSE(lexicon().is_common_word("qzxwvt"));
}

TEST_CASE("every table is above a sensible size", "[lexicon]") {
  const auto sizes = lexicon().sizes();
  CHECK(sizes.places > 40'000);
  CHECK(sizes.organizations > 20'000);
  CHECK(sizes.people > 5'000);
  CHECK(sizes.demonyms > 400);
  CHECK(sizes.given_names > 5'000);
  CHECK(sizes.surnames > 20'000);
  CHECK(sizes.common_words > 100'000);
}

TEST_CASE("builtin is built once when two threads ask at once", "[lexicon]") {
  const Lexicon* seen[2] = {nullptr, nullptr};
  bool found[2] = {false, false};
  std::thread a([&] {
    seen[0] = &Lexicon::builtin();
    found[0] = seen[0]->place("Nairobi").has_value();
  });
  std::thread b([&] {
    seen[1] = &Lexicon::builtin();
    found[1] = seen[1]->is_common_word("river");
  });
  a.join();
  b.join();
  CHECK(seen[0] == seen[1]);
  CHECK(found[0]);
  CHECK(found[1]);
}

TEST_CASE("building the lexicon from the data files gives the built-in lexicon", "[lexicon]") {
  const std::string dir = std::string(NG_SOURCE_DIR) + "/lexicons/data/";
  std::string text[8];
  const char* files[8] = {"places",      "organizations", "people",       "demonyms",
                          "given_names", "surnames",      "common_words", "annotated_names"};
  for (int i = 0; i < 8; ++i) {
    text[i] = read_file(dir + files[i] + ".tsv");
  }
  // Its speed is measured by `pipeline_bench lexicon lexicons/data`.
  const Lexicon built(Lexicon::Sources{text[0], text[1], text[2], text[3], text[4], text[5],
                                       text[6], text[7]});
  CHECK(built.place("Nairobi").has_value());
  CHECK_FALSE(built.place("Qzxwvt").has_value());
  CHECK(built.is_common_word("river"));
  CHECK(built.sizes().places == lexicon().sizes().places);
}

TEST_CASE("a malformed row is reported with its table and line", "[lexicon]") {
  const Lexicon::Sources good{"# places\nLima\tCity\tPE\t1\t\t0\n", "", "", "", "", "", "", ""};
  const Lexicon small(good);
  CHECK(small.place("Lima")->country_code == "PE");
  CHECK(small.sizes().places == 1);

  Lexicon::Sources bad = good;
  bad.places = "# places\nLima\tCity\tPE\t1\t\t0\nQuito\tTown\tEC\t1\t\t0\n";
  try {
    const Lexicon broken(bad);
    FAIL("no exception");
  } catch (const ng::ParseError& e) {
    CHECK(e.line() == 3);
    CHECK(std::string(e.what()).find("places.tsv") != std::string::npos);
  }
  bad.places = "Lima\tCity\tPE\n";
  CHECK_THROWS_AS(Lexicon(bad), ng::ParseError);
  bad.places = "Lima\tCity\tPE\tmany\t\t0\n";
  CHECK_THROWS_AS(Lexicon(bad), ng::ParseError);
}

TEST_CASE("the annotated corpora give how often a name was marked with each type", "[lexicon]") {
  // Wire agencies annotated as organisations in Universal NER / GUM.
  const auto agency = lexicon().annotated_name("Xinhua");
  REQUIRE(agency.has_value());
  CHECK(agency->organization >= 1);
  CHECK(agency->mostly_organization());
  CHECK_FALSE(lexicon().annotated_name("Qzxwvt").has_value());
  CHECK(lexicon().sizes().annotated_names > 1000);

  const Lexicon::Sources small{"", "", "", "", "", "", "", "# annotated\nNorvex\t3\t1\t0\t0\nBrill\t1\t2\t0\t0\n"};
  const Lexicon built(small);
  REQUIRE(built.annotated_name("Norvex").has_value());
  CHECK(built.annotated_name("Norvex")->person == 1);
  CHECK(built.annotated_name("Norvex")->mostly_organization());
  CHECK_FALSE(built.annotated_name("Brill")->mostly_organization());
}
