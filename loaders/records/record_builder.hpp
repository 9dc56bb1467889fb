#pragma once
// The checks shared by the CSV and JSON records readers: from the raw values
// of one row or object to a validated EntityRecord or StatementRecord. Every
// string is NFC, without control characters, on one line; same_as holds only
// absolute http(s) IRIs; dates are ISO 8601. Pure; thread-safe; never throws
// for bad values.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "loaders/records/record.hpp"

namespace ng::loaders {

// Raw values of an entity row or object (valid UTF-8, not yet cleaned).
struct EntityFields {
  std::string id, type, name, description, role, affiliation;
  std::vector<std::string> aliases, same_as;
};

// Raw values of a statement row or object. `direct` is the text of the cell
// ("true", "no", "1", "" for the default).
struct StatementFields {
  std::string id, speaker, text, direct, verb, date, source;
  std::vector<std::string> about;
};

// A record, or why it is skipped; warnings are about values dropped from a
// record that is kept.
template <class Record>
struct Built {
  std::optional<Record> record;
  std::string error;
  std::vector<std::string> warnings;
};

Built<EntityRecord> build_entity(const EntityFields& fields, std::string origin);
Built<StatementRecord> build_statement(const StatementFields& fields, std::string origin);

// A CSV list cell "a | b|c" split on '|' (values are trimmed later).
std::vector<std::string> split_list(std::string_view cell);

// Record ids seen in one file, to skip later duplicates.
class IdRegistry {
 public:
  // The origin of the earlier record with `id`, or nothing (and `id` is
  // remembered with `origin`).
  std::optional<std::string> first_use(const std::string& id, const std::string& origin);

 private:
  std::unordered_map<std::string, std::string> seen_;
};

}  // namespace ng::loaders
