#pragma once
// Records JSON files: {"entities": [...], "statements": [...]}, or a
// top-level array of objects each with "kind": "entity" or "statement". Keys
// are documented in loaders/records/README.md. The file is parsed whole.

#include <optional>
#include <string>

#include "loaders/input/input_report.hpp"
#include "loaders/records/record.hpp"

namespace ng::loaders {

// `json` is a whole file that passed check_text; `path` names it in
// origins. A bad object (wrong types, missing or invalid values, duplicate
// id) is one problem naming the file, its line and its place
// ("entities[3]"), and the rest loads. Returns nothing when the whole file is
// skipped (not JSON, wrong shape). Never throws for bad content.
std::optional<RecordSet> read_json_records(const std::string& json, const std::string& path, InputReport& report);

}  // namespace ng::loaders
