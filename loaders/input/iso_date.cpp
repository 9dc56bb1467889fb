#include "loaders/input/iso_date.hpp"

#include <fmt/format.h>

#include <array>
#include <cctype>

#include "common/ascii.hpp"

namespace ng::loaders {

namespace {

struct Parts {
  int year = 0, month = 0, day = 0;
  bool has_time = false;
  int hour = 0, minute = 0, second = 0;
  std::string fraction;  // digits after the decimal point, if any
  std::string zone;      // "", "Z" or "+hh:mm"
};

// A small cursor over the text; every reader returns false without moving
// on a mismatch, so alternatives can be tried.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}
  bool done() const { return pos_ == text_.size(); }
  char peek() const { return done() ? '\0' : text_[pos_]; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  void skip_spaces() {
    while (!done() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
  }
  // Exactly `min`..`max` digits.
  bool number(int& value, std::size_t min, std::size_t max) {
    std::size_t n = 0;
    int v = 0;
    while (n < max && pos_ + n < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_ + n]))) {
      v = v * 10 + (text_[pos_ + n] - '0');
      ++n;
    }
    if (n < min) return false;
    pos_ += n;
    value = v;
    return true;
  }
  std::string_view word() {
    const std::size_t start = pos_;
    while (!done() && std::isalpha(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    return text_.substr(start, pos_ - start);
  }
  std::string digits() {
    std::string out;
    while (!done() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) out += text_[pos_++];
    return out;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

int month_from_name(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kMonths{
      "january", "february", "march", "april", "may", "june",
      "july", "august", "september", "october", "november", "december"};
  if (name.size() < 3) return 0;
  const std::string lower = ascii_lower(name);
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    // Full names and three-letter abbreviations ("Sept" too).
    if (lower == kMonths[m] || (lower.size() <= 4 && kMonths[m].starts_with(lower))) {
      return static_cast<int>(m) + 1;
    }
  }
  return 0;
}

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

bool valid(const Parts& p) {
  static constexpr std::array<int, 12> kDays{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (p.year < 1 || p.month < 1 || p.month > 12 || p.day < 1) return false;
  if (p.day > kDays[static_cast<std::size_t>(p.month - 1)]) return false;
  if (p.month == 2 && p.day == 29 && !leap(p.year)) return false;
  return p.hour < 24 && p.minute < 60 && p.second <= 60;
}

// "hh:mm[:ss[.fff]]" then an optional zone: "Z", "±hh:mm", "±hhmm", "±hh",
// "GMT", "UTC" (RFC 822's other zone names are too ambiguous to guess).
bool time_and_zone(Cursor& c, Parts& p) {
  if (!c.number(p.hour, 2, 2) || !c.eat(':') || !c.number(p.minute, 2, 2)) return false;
  if (c.eat(':')) {
    if (!c.number(p.second, 2, 2)) return false;
    if (c.eat('.') || c.eat(',')) {
      p.fraction = c.digits();
      if (p.fraction.empty()) return false;
    }
  }
  p.has_time = true;
  c.skip_spaces();
  if (c.eat('Z') || c.eat('z')) {
    p.zone = "Z";
  } else if (c.peek() == '+' || c.peek() == '-') {
    const char sign = c.peek();
    c.eat(sign);
    int hours = 0, minutes = 0;
    if (!c.number(hours, 2, 2)) return false;
    if (c.eat(':')) {
      if (!c.number(minutes, 2, 2)) return false;
    } else {
      c.number(minutes, 2, 2);
    }
    if (hours > 14 || minutes > 59) return false;
    p.zone = (hours == 0 && minutes == 0) ? "Z" : fmt::format("{}{:02}:{:02}", sign, hours, minutes);
  } else {
    const std::string_view name = c.word();
    if (name == "GMT" || name == "UTC" || name == "UT") p.zone = "Z";
    else if (!name.empty()) return false;
  }
  return true;
}

// ISO 8601 and its relatives: 2024-03-05, 2024/03/05, 20240305, each with an
// optional "T" or " " and a time.
bool numeric_date(std::string_view text, Parts& p) {
  Cursor c(text);
  if (!c.number(p.year, 4, 4)) return false;
  if (c.eat('-') || c.eat('/')) {
    if (!c.number(p.month, 1, 2) || !(c.eat('-') || c.eat('/')) || !c.number(p.day, 1, 2)) return false;
  } else if (!c.number(p.month, 2, 2) || !c.number(p.day, 2, 2)) {
    return false;
  }
  if (c.eat('T') || c.eat('t') || c.eat(' ')) {
    if (!time_and_zone(c, p)) return false;
  }
  return c.done();
}

// "5 March 2024", "March 5, 2024", "Tue, 05 Mar 2024 09:30:00 GMT".
bool written_date(std::string_view text, Parts& p) {
  Cursor c(text);
  std::string_view first = c.word();
  if (!first.empty() && month_from_name(first) == 0) {  // a weekday name
    c.eat('.');
    c.eat(',');
    c.skip_spaces();
    first = c.word();
  }
  if (!first.empty()) {  // "March 5, 2024"
    p.month = month_from_name(first);
    c.eat('.');
    c.skip_spaces();
    if (p.month == 0 || !c.number(p.day, 1, 2)) return false;
    c.eat(',');
    c.skip_spaces();
  } else {  // "5 March 2024"
    if (!c.number(p.day, 1, 2)) return false;
    c.eat('.');
    c.skip_spaces();
    p.month = month_from_name(c.word());
    c.eat('.');
    c.eat(',');
    c.skip_spaces();
    if (p.month == 0) return false;
  }
  if (!c.number(p.year, 4, 4)) return false;
  c.skip_spaces();
  if (!c.done() && !time_and_zone(c, p)) return false;
  return c.done();
}

}  // namespace

std::optional<std::string> normalize_date(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  if (text.empty() || text.size() > 64) return std::nullopt;
  Parts p;
  if (!numeric_date(text, p)) {
    p = Parts{};
    if (!written_date(text, p)) return std::nullopt;
  }
  if (!valid(p)) return std::nullopt;
  std::string out = fmt::format("{:04}-{:02}-{:02}", p.year, p.month, p.day);
  if (!p.has_time) return out;
  out += fmt::format("T{:02}:{:02}:{:02}", p.hour, p.minute, p.second);
  if (!p.fraction.empty()) out += "." + p.fraction;
  return out + p.zone;
}

}  // namespace ng::loaders
