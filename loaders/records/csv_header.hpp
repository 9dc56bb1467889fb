#pragma once
// The header row of a records CSV file: which kind of records the file holds
// and which column is which. Column names are case-insensitive and may come
// in any order.

#include <optional>
#include <string>
#include <vector>

namespace ng::loaders {

enum class CsvColumn {
  Unknown, Id,
  // entities
  Type, Name, Aliases, Description, Role, Affiliation, SameAs,
  // statements
  Speaker, Text, About, Direct, Verb, Date, Source
};

struct CsvHeader {
  enum class Kind { Entities, Statements } kind = Kind::Entities;
  std::vector<CsvColumn> columns;     // one per field of the header row
  std::vector<std::string> unknown;   // names of ignored columns
};

// The header, or the reason the file cannot be read (kind not recognisable,
// required columns missing) in `error`.
std::optional<CsvHeader> parse_csv_header(const std::vector<std::string>& names, std::string& error);

}  // namespace ng::loaders
