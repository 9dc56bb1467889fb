#include "lexicons/name_index.hpp"

#include <catch2/catch.hpp>

using ng::nlp::detail::CaseRule;
using ng::nlp::detail::NameIndex;

namespace {

NameIndex index_of(std::initializer_list<std::string_view> keys) {
  NameIndex index;
  for (const auto key : keys) {
    index.add(key);
  }
  index.build();
  return index;
}

}  // namespace

TEST_CASE("a stored capital at a word start must be a capital in the text", "[lexicon]") {
  const NameIndex index = index_of({"Buenos Aires", "Rio de Janeiro"});
  CHECK(index.find("Buenos Aires", CaseRule::kInitials) == 0u);
  CHECK(index.find("BUENOS AIRES", CaseRule::kInitials) == 0u);
  CHECK_FALSE(index.find("buenos aires", CaseRule::kInitials));
  CHECK_FALSE(index.find("Buenos aires", CaseRule::kInitials));
  // A lower-case stored word accepts a headline capital.
  CHECK(index.find("Rio De Janeiro", CaseRule::kInitials) == 1u);
  CHECK(index.find("rio de janeiro", CaseRule::kInsensitive) == 1u);
}

TEST_CASE("a short acronym must match exactly and a longer one in any case", "[lexicon]") {
  const NameIndex index = index_of({"UK", "UNESCO"});
  CHECK(index.find("UK", CaseRule::kInitials) == 0u);
  CHECK_FALSE(index.find("Uk", CaseRule::kInitials));
  CHECK(index.find("Unesco", CaseRule::kInitials) == 1u);
}

TEST_CASE("accented capitals fold to their lower-case letters", "[lexicon]") {
  const NameIndex index = index_of({"Île-de-France", "Łódź", "Côte d'Ivoire"});
  CHECK(index.find("ÎLE-DE-FRANCE", CaseRule::kInitials) == 0u);
  CHECK_FALSE(index.find("île-de-France", CaseRule::kInitials));
  CHECK(index.find("ŁÓDŹ", CaseRule::kInitials) == 1u);
  // The typographic apostrophe of news text matches the ASCII one.
  CHECK(index.find("Côte d\u2019Ivoire", CaseRule::kInitials) == 2u);
}

TEST_CASE("invalid UTF-8 and empty text find nothing", "[lexicon]") {
  const NameIndex index = index_of({"Lima"});
  CHECK_FALSE(index.find("", CaseRule::kInitials));
  CHECK_FALSE(index.find("Lim\xff", CaseRule::kInitials));
  CHECK_FALSE(index.find("\xc3", CaseRule::kInitials));
  CHECK_FALSE(NameIndex{}.find("Lima", CaseRule::kInitials));
}
