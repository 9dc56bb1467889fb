#include <catch2/catch.hpp>

#include "loaders/input/iso_date.hpp"

using ng::loaders::normalize_date;

TEST_CASE("ISO 8601 dates and date-times are kept in canonical form", "[news][date]") {
  CHECK(normalize_date("2024-03-05") == "2024-03-05");
  CHECK(normalize_date(" 2024-03-05T09:30:00+01:00 ") == "2024-03-05T09:30:00+01:00");
  CHECK(normalize_date("2024-03-05T09:30Z") == "2024-03-05T09:30:00Z");
  CHECK(normalize_date("2024-03-05 09:30:15.250+0000") == "2024-03-05T09:30:15.250Z");
  CHECK(normalize_date("2024-03-05T09:30:00-0530") == "2024-03-05T09:30:00-05:30");
  CHECK(normalize_date("2024/3/5") == "2024-03-05");
  CHECK(normalize_date("20240305") == "2024-03-05");
}

TEST_CASE("dates written in words are understood", "[news][date]") {
  CHECK(normalize_date("5 March 2024") == "2024-03-05");
  CHECK(normalize_date("March 5, 2024") == "2024-03-05");
  CHECK(normalize_date("Sept 30 2023") == "2023-09-30");
  CHECK(normalize_date("Tue, 05 Mar 2024 09:30:00 GMT") == "2024-03-05T09:30:00Z");
  CHECK(normalize_date("Tue, 05 Mar 2024 09:30:00 +0100") == "2024-03-05T09:30:00+01:00");
}

TEST_CASE("impossible or unknown dates are refused", "[news][date]") {
  CHECK(normalize_date("2024-02-29") == "2024-02-29");
  CHECK_FALSE(normalize_date("2023-02-29"));
  CHECK_FALSE(normalize_date("2024-13-01"));
  CHECK_FALSE(normalize_date("2024-04-31"));
  CHECK_FALSE(normalize_date("2024-03-05T25:00"));
  CHECK_FALSE(normalize_date("yesterday"));
  CHECK_FALSE(normalize_date(""));
  CHECK_FALSE(normalize_date("2024-03-05 and more"));
  CHECK_FALSE(normalize_date("Tue, 05 Mar 2024 09:30:00 EST"));
}
