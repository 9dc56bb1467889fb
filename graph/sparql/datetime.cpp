#include "graph/sparql/datetime.hpp"

#include <chrono>
#include <cstdlib>

#include <fmt/format.h>

namespace ng::graph::sparql {

namespace {

bool digits(std::string_view s, std::size_t at, std::size_t n, int& out) {
  if (at + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

bool leap(std::int64_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(std::int64_t year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap(year) ? 29 : kDays[month - 1];
}

// Days from 0001-01-01 to year-month-day (proleptic Gregorian).
std::int64_t day_number(std::int64_t year, int month, int day) {
  // Howard Hinnant's days_from_civil, shifted to year 1.
  const std::int64_t y = month <= 2 ? year - 1 : year;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe;
}

}  // namespace

std::int64_t DateTime::epoch_seconds() const {
  std::int64_t s = day_number(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
  if (offset_minutes) s -= *offset_minutes * 60;
  return s;
}

std::optional<DateTime> parse_datetime_lexical(std::string_view s, bool is_date) {
  DateTime v;
  v.is_date = is_date;
  std::size_t i = 0;
  bool negative = false;
  if (i < s.size() && s[i] == '-') {
    negative = true;
    ++i;
  }
  std::size_t year_end = i;
  while (year_end < s.size() && s[year_end] >= '0' && s[year_end] <= '9') ++year_end;
  if (year_end - i < 4 || (year_end - i > 4 && s[i] == '0')) return std::nullopt;
  v.year = std::strtoll(std::string(s.substr(i, year_end - i)).c_str(), nullptr, 10);
  if (negative) v.year = -v.year;
  i = year_end;
  if (i >= s.size() || s[i] != '-' || !digits(s, i + 1, 2, v.month)) return std::nullopt;
  i += 3;
  if (i >= s.size() || s[i] != '-' || !digits(s, i + 1, 2, v.day)) return std::nullopt;
  i += 3;
  if (v.month < 1 || v.month > 12 || v.day < 1 || v.day > days_in_month(v.year, v.month)) return std::nullopt;
  if (!is_date) {
    if (i >= s.size() || s[i] != 'T') return std::nullopt;
    if (!digits(s, i + 1, 2, v.hour) || s.size() < i + 9 || s[i + 3] != ':' || !digits(s, i + 4, 2, v.minute) ||
        s[i + 6] != ':' || !digits(s, i + 7, 2, v.second)) {
      return std::nullopt;
    }
    i += 9;
    if (i < s.size() && s[i] == '.') {
      ++i;
      const std::size_t start = i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
      if (i == start) return std::nullopt;
      v.fraction = std::string(s.substr(start, i - start));
    }
    if (v.minute > 59 || v.second > 59) return std::nullopt;
    if (v.hour == 24) {
      if (v.minute != 0 || v.second != 0 || v.fraction.find_first_not_of('0') != std::string::npos) return std::nullopt;
    } else if (v.hour > 23) {
      return std::nullopt;
    }
  }
  if (i < s.size()) {
    if (s[i] == 'Z') {
      v.offset_minutes = 0;
      ++i;
    } else if (s[i] == '+' || s[i] == '-') {
      int h = 0, m = 0;
      if (!digits(s, i + 1, 2, h) || s.size() < i + 6 || s[i + 3] != ':' || !digits(s, i + 4, 2, m)) return std::nullopt;
      if (h > 14 || m > 59 || (h == 14 && m != 0)) return std::nullopt;
      v.offset_minutes = (s[i] == '-' ? -1 : 1) * (h * 60 + m);
      i += 6;
    }
  }
  if (i != s.size()) return std::nullopt;
  return v;
}

std::optional<DateTime> parse_datetime(const ontology::Term& term) {
  if (!term.is_literal()) return std::nullopt;
  if (term.datatype == kXsdDateTime) return parse_datetime_lexical(term.value, false);
  if (term.datatype == kXsdDate) return parse_datetime_lexical(term.value, true);
  return std::nullopt;
}

namespace {

int exact_compare(const DateTime& a, const DateTime& b) {
  const std::int64_t x = a.epoch_seconds(), y = b.epoch_seconds();
  if (x != y) return x < y ? -1 : 1;
  // Fractions: compare digit strings padded to one length.
  std::string fa = a.fraction, fb = b.fraction;
  const std::size_t n = std::max(fa.size(), fb.size());
  fa.resize(n, '0');
  fb.resize(n, '0');
  return fa < fb ? -1 : (fa > fb ? 1 : 0);
}

}  // namespace

std::optional<int> compare(const DateTime& a, const DateTime& b) {
  if (a.offset_minutes.has_value() == b.offset_minutes.has_value()) return exact_compare(a, b);
  const bool a_zoned = a.offset_minutes.has_value();
  const DateTime& zoned = a_zoned ? a : b;
  const DateTime& local = a_zoned ? b : a;
  constexpr std::int64_t kFourteenHours = 14 * 3600;
  const std::int64_t t = local.epoch_seconds(), u = zoned.epoch_seconds();
  int c = 0;  // zoned compared with local
  if (u < t - kFourteenHours) {
    c = -1;
  } else if (u > t + kFourteenHours) {
    c = 1;
  } else {
    return std::nullopt;
  }
  return a_zoned ? c : -c;
}

std::string seconds_lexical(const DateTime& value) {
  std::string fraction = value.fraction;
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  std::string text = fmt::format("{}", value.second);
  if (!fraction.empty()) text += "." + fraction;
  return text;
}

std::optional<std::string> timezone_duration(const DateTime& value) {
  if (!value.offset_minutes) return std::nullopt;
  const int offset = *value.offset_minutes;
  if (offset == 0) return std::string("PT0S");
  const int magnitude = std::abs(offset);
  std::string text = offset < 0 ? "-PT" : "PT";
  if (magnitude / 60 != 0) text += fmt::format("{}H", magnitude / 60);
  if (magnitude % 60 != 0) text += fmt::format("{}M", magnitude % 60);
  return text;
}

std::string timezone_text(const DateTime& value) {
  if (!value.offset_minutes) return "";
  const int offset = *value.offset_minutes;
  if (offset == 0) return "Z";
  const int magnitude = std::abs(offset);
  return fmt::format("{}{:02}:{:02}", offset < 0 ? '-' : '+', magnitude / 60, magnitude % 60);
}

std::string now_lexical() {
  const auto now = std::chrono::system_clock::now();
  const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  const std::time_t seconds = static_cast<std::time_t>(millis / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
                     utc.tm_hour, utc.tm_min, utc.tm_sec, millis % 1000);
}

}  // namespace ng::graph::sparql
