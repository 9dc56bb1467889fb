#pragma once
// xsd:dateTime and xsd:date values: parsing, comparison (XPath's rules, a
// value without a timezone compared as if in UTC), the accessor functions
// YEAR ... SECONDS, TIMEZONE and TZ, and NOW's lexical form.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ontology/term.hpp"

namespace ng::graph::sparql {

inline constexpr std::string_view kXsdDateTime = "http://www.w3.org/2001/XMLSchema#dateTime";
inline constexpr std::string_view kXsdDate = "http://www.w3.org/2001/XMLSchema#date";
inline constexpr std::string_view kXsdDayTimeDuration = "http://www.w3.org/2001/XMLSchema#dayTimeDuration";

struct DateTime {
  bool is_date = false;  // xsd:date (no time of day)
  std::int64_t year = 0;
  int month = 1, day = 1, hour = 0, minute = 0;
  int second = 0;
  std::string fraction;              // digits after the decimal point of the seconds, as written
  std::optional<int> offset_minutes;  // the timezone, when given

  // Seconds since 0001-01-01T00:00:00Z (timezone applied; none = UTC) and
  // the fraction, for ordering.
  std::int64_t epoch_seconds() const;
};

// The value of an xsd:dateTime or xsd:date literal, or nothing.
std::optional<DateTime> parse_datetime(const ontology::Term& term);
std::optional<DateTime> parse_datetime_lexical(std::string_view lexical, bool is_date);

// -1, 0, 1 (two values of the same kind); nothing when XPath calls it
// indeterminate: one value has a timezone, the other has none and lies
// within 14 hours of it.
std::optional<int> compare(const DateTime& a, const DateTime& b);

// SECONDS as an xsd:decimal lexical form ("5", "5.25").
std::string seconds_lexical(const DateTime& value);
// TIMEZONE: an xsd:dayTimeDuration ("PT0S", "-PT8H"); nothing without one.
std::optional<std::string> timezone_duration(const DateTime& value);
// TZ: "Z", "-08:00", or "" without a timezone.
std::string timezone_text(const DateTime& value);

// The current time as an xsd:dateTime lexical form in UTC.
std::string now_lexical();

}  // namespace ng::graph::sparql
