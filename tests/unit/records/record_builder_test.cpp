#include <catch2/catch.hpp>

#include "loaders/records/record_builder.hpp"

using namespace ng::loaders;

TEST_CASE("list cells split on bars and lose empty values and repeats", "[records][builder]") {
  CHECK(split_list("a | b|c") == std::vector<std::string>{"a ", " b", "c"});
  CHECK(split_list("") == std::vector<std::string>{""});
  EntityFields fields;
  fields.id = "p1";
  fields.type = "PER";
  fields.name = "Ada Brisk";
  fields.aliases = split_list(" A. Brisk ||A. Brisk|Ada Brisk| ");
  const auto built = build_entity(fields, "f:2");
  REQUIRE(built.record);
  CHECK(built.record->aliases == std::vector<std::string>{"A. Brisk"});
  CHECK(built.warnings.empty());
}

TEST_CASE("an entity without name or with an unknown type is refused with the reason", "[records][builder]") {
  EntityFields fields;
  fields.id = "p1";
  fields.type = "Person";
  CHECK(build_entity(fields, "f:2").error == "entity 'p1' has no name");
  fields.name = "Ada Brisk";
  fields.type = "";
  CHECK(build_entity(fields, "f:2").error == "entity 'p1' has no type (Person, Organization or Place)");
  fields.id = " ";
  CHECK(build_entity(fields, "f:2").error == "missing id");
}

TEST_CASE("the direct flag reads the usual spellings and defaults to true", "[records][builder]") {
  StatementFields fields;
  fields.id = "s1";
  fields.speaker = "p1";
  fields.text = "We will.";
  for (const char* yes : {"", "true", "Yes", "1", " TRUE "}) {
    fields.direct = yes;
    const auto built = build_statement(fields, "f:2");
    REQUIRE(built.record);
    CHECK(built.record->direct);
  }
  for (const char* no : {"false", "No", "0"}) {
    fields.direct = no;
    const auto built = build_statement(fields, "f:2");
    REQUIRE(built.record);
    CHECK_FALSE(built.record->direct);
  }
}

TEST_CASE("an unreadable statement date is dropped with a warning", "[records][builder]") {
  StatementFields fields;
  fields.id = "s1";
  fields.speaker = "p1";
  fields.text = "We will.";
  fields.date = "the day after";
  const auto built = build_statement(fields, "f:2");
  REQUIRE(built.record);
  CHECK_FALSE(built.record->date);
  REQUIRE(built.warnings.size() == 1);
  CHECK(built.warnings[0] == "date 'the day after' is not a date this reader understands; dropped");
}
