#pragma once
// One datatype per date property: schema:datePublished and
// schema:dateCreated are always xsd:date (the day as the source wrote it, in
// its own time zone), so that a FILTER on dates or an ORDER BY treats every
// article alike. When the source gave a time, the full xsd:dateTime goes
// beside it (ng:dateTimePublished, ng:dateTimeCreated).

#include <optional>
#include <string>
#include <string_view>

namespace ng::loaders {

struct DateParts {
  std::string day;                    // "YYYY-MM-DD"
  std::optional<std::string> moment;  // the whole "YYYY-MM-DDThh:mm:ss..." when it had a time
};

// `iso`: a date as loaders/input normalises it ("YYYY-MM-DD" or a full
// ISO 8601 date-time).
inline DateParts split_date(std::string_view iso) {
  if (iso.size() <= 10) return {std::string(iso), std::nullopt};
  return {std::string(iso.substr(0, 10)), std::string(iso)};
}

}  // namespace ng::loaders
