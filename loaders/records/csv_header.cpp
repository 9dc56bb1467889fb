#include "loaders/records/csv_header.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

#include "common/ascii.hpp"
#include "loaders/input/text_cleanup.hpp"

namespace ng::loaders {

namespace {

using Named = std::pair<std::string_view, CsvColumn>;

constexpr std::array<Named, 8> kEntityColumns{{{"id", CsvColumn::Id},
                                               {"type", CsvColumn::Type},
                                               {"name", CsvColumn::Name},
                                               {"aliases", CsvColumn::Aliases},
                                               {"description", CsvColumn::Description},
                                               {"role", CsvColumn::Role},
                                               {"affiliation", CsvColumn::Affiliation},
                                               {"same_as", CsvColumn::SameAs}}};
constexpr std::array<Named, 8> kStatementColumns{{{"id", CsvColumn::Id},
                                                  {"speaker", CsvColumn::Speaker},
                                                  {"text", CsvColumn::Text},
                                                  {"about", CsvColumn::About},
                                                  {"direct", CsvColumn::Direct},
                                                  {"verb", CsvColumn::Verb},
                                                  {"date", CsvColumn::Date},
                                                  {"source", CsvColumn::Source}}};
constexpr std::array<std::string_view, 3> kEntityRequired{"id", "type", "name"};
constexpr std::array<std::string_view, 3> kStatementRequired{"id", "speaker", "text"};

// "Same-As " -> "same_as".
std::string normalise(const std::string& name) {
  std::string out = ascii_lower(clean_line(name));
  for (char& c : out) {
    if (c == '-' || c == ' ') c = '_';
  }
  return out;
}

template <std::size_t N>
CsvColumn find_column(const std::array<Named, N>& table, std::string_view name) {
  for (const auto& [known, column] : table) {
    if (known == name) return column;
  }
  return CsvColumn::Unknown;
}

// Columns that only one kind has ("id" is shared and tells nothing).
template <std::size_t N>
std::size_t count_specific(const std::array<Named, N>& table, const std::vector<std::string>& names) {
  return static_cast<std::size_t>(std::count_if(names.begin(), names.end(), [&](const std::string& name) {
    return name != "id" && find_column(table, name) != CsvColumn::Unknown;
  }));
}

}  // namespace

std::optional<CsvHeader> parse_csv_header(const std::vector<std::string>& raw_names, std::string& error) {
  std::vector<std::string> names;
  for (const auto& name : raw_names) names.push_back(normalise(name));
  const std::size_t entity_score = count_specific(kEntityColumns, names);
  const std::size_t statement_score = count_specific(kStatementColumns, names);
  if (entity_score == statement_score) {
    error = fmt::format(
        "header '{}' names neither an entities file (id,type,name,...) nor a statements file (id,speaker,text,...)",
        fmt::join(raw_names, ","));
    return std::nullopt;
  }
  CsvHeader header;
  header.kind = entity_score > statement_score ? CsvHeader::Kind::Entities : CsvHeader::Kind::Statements;
  const bool entities = header.kind == CsvHeader::Kind::Entities;
  std::vector<std::string_view> missing;
  for (std::string_view required : entities ? kEntityRequired : kStatementRequired) {
    if (std::find(names.begin(), names.end(), required) == names.end()) missing.push_back(required);
  }
  if (!missing.empty()) {
    error = fmt::format("missing required column{} {} ({} files need {})", missing.size() > 1 ? "s" : "",
                        fmt::join(missing, ", "), entities ? "entities" : "statements",
                        fmt::join(entities ? kEntityRequired : kStatementRequired, ", "));
    return std::nullopt;
  }
  for (std::size_t i = 0; i < names.size(); ++i) {
    CsvColumn column = entities ? find_column(kEntityColumns, names[i]) : find_column(kStatementColumns, names[i]);
    // A repeated column is read once: the first one wins.
    if (column != CsvColumn::Unknown &&
        std::find(header.columns.begin(), header.columns.end(), column) != header.columns.end()) {
      column = CsvColumn::Unknown;
    }
    if (column == CsvColumn::Unknown) header.unknown.push_back(raw_names[i]);
    header.columns.push_back(column);
  }
  return header;
}

}  // namespace ng::loaders
