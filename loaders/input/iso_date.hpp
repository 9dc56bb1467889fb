#pragma once
// Dates as sources write them ("2024-03-05T09:30:00+01:00", "5 March 2024",
// "Tue, 05 Mar 2024 09:30:00 GMT") normalised to ISO 8601 / xsd:date or
// xsd:dateTime lexical forms. Pure; thread-safe; never throws.

#include <optional>
#include <string>
#include <string_view>

namespace ng::loaders {

// "YYYY-MM-DD" for a date alone, "YYYY-MM-DDThh:mm:ss[.fff][Z|±hh:mm]" for a
// date with a time, or nothing when `text` is not a date this understands or
// names an impossible one (2023-02-29, month 13). Understood: ISO 8601 with
// "T" or a space, YYYY/MM/DD, YYYYMMDD, "5 March 2024", "March 5, 2024",
// "Mar 5 2024" and RFC 822/1123 ("Tue, 05 Mar 2024 09:30:00 GMT").
std::optional<std::string> normalize_date(std::string_view text);

}  // namespace ng::loaders
