#pragma once
// Records CSV files (RFC 4180, via libcsv): one file holds either entities or
// statements, recognised by its header row. Columns are documented in
// loaders/records/README.md. Streams the file line by line.

#include <cstddef>
#include <istream>
#include <optional>
#include <string>

#include "loaders/input/input_report.hpp"
#include "loaders/records/record.hpp"

namespace ng::loaders {

// Reads the CSV in `in`; `path` names it in origins ("people.csv:12"). A
// broken row (bad quoting, wrong number of fields, invalid UTF-8, a missing
// required value, a duplicate id) is one problem naming its first line, and
// the other rows still load; an unclosed quote is reported at the row where
// it opened and reading resumes on the next line. Returns nothing when the
// whole file is skipped (empty, binary, unusable header). Lines longer than
// `max_line_bytes` are skipped unread. Never throws for bad content.
std::optional<RecordSet> read_csv_records(std::istream& in, const std::string& path, std::size_t max_line_bytes,
                                          InputReport& report);

}  // namespace ng::loaders
