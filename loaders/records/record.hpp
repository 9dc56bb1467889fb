#pragma once
// Structured records: curated people, organisations, places and statements
// (a newsroom's list of officials, a statement database). The columns and
// JSON keys are documented in loaders/records/README.md.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "ontology/entity_type.hpp"

namespace ng::loaders {

struct EntityRecord {
  std::string id;  // the record's own id, unique within its file
  ontology::EntityType type = ontology::EntityType::Person;
  std::string name;
  std::vector<std::string> aliases;
  std::optional<std::string> description;
  std::optional<std::string> role;         // job title: "Minister of Health"
  std::optional<std::string> affiliation;  // id of another record, or a name
  std::vector<std::string> same_as;        // absolute IRIs (Wikidata, GeoNames, ...)
  std::string origin;                      // "file.csv:12"
};

struct StatementRecord {
  std::string id;
  std::string speaker;             // id of an entity record, or a name
  std::string text;
  std::vector<std::string> about;  // ids or names
  bool direct = true;              // a quotation, or reported speech
  std::optional<std::string> verb;
  std::optional<std::string> date;    // ISO 8601
  std::optional<std::string> source;  // URL or title of where it was said
  std::string origin;
};

struct RecordSet {
  std::string file;  // as given on the command line
  std::string url;   // the file's IRI, minted once by the input front door (input_files.hpp)
  std::vector<EntityRecord> entities;
  std::vector<StatementRecord> statements;
};

}  // namespace ng::loaders
