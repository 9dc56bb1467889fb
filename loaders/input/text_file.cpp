#include "loaders/input/text_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "common/unicode.hpp"
#include "loaders/input/encoding.hpp"
#include "loaders/input/text_cleanup.hpp"

namespace ng::loaders {

bool is_binary_text(std::string_view head) {
  head = head.substr(0, 8192);
  if (!looks_binary(head)) return false;
  if (std::count(head.begin(), head.end(), '\0') != 1) return true;
  std::string without_nul(head);
  std::replace(without_nul.begin(), without_nul.end(), '\0', ' ');
  return looks_binary(without_nul);
}

std::optional<std::string> read_checked_text(std::istream& in, const std::string& origin,
                                             const SizeLimit& limit, InputReport& report, const TextOptions& text) {
  std::string content;
  std::array<char, 1 << 16> buffer{};
  std::size_t total = 0;
  while (in) {
    in.read(buffer.data(), buffer.size());
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) break;
    total += got;
    if (total > limit.bytes) break;
    content.append(buffer.data(), got);
  }
  if (in.bad()) {
    report.skip(origin, "cannot read: I/O error");
    return std::nullopt;
  }
  if (total > limit.bytes) {
    // Measure the size for the message without keeping the bytes: seek when
    // the input is a file, count what is left of a pipe.
    in.clear();
    const std::streamoff here = in.tellg();
    if (here >= 0 && in.seekg(0, std::ios::end)) {
      total = static_cast<std::size_t>(static_cast<std::streamoff>(in.tellg()));
    } else {
      in.clear();
      while (in.read(buffer.data(), buffer.size()) || in.gcount() > 0) {
        total += static_cast<std::size_t>(in.gcount());
      }
    }
    report.skip(origin, limit.message ? limit.message(total, limit.bytes) : oversize_message(total, limit.bytes),
                InputProblem::Kind::TooLarge);
    return std::nullopt;
  }
  if (!check_text(content, origin, report, text)) return std::nullopt;
  return content;
}

bool check_text(std::string& content, const std::string& origin, InputReport& report, const TextOptions& text) {
  strip_bom(content);
  if (const auto bom = bom_encoding(content)) {
    auto converted = to_utf8(content, *bom);
    if (!converted) {
      report.skip(origin, fmt::format("starts with a {} byte order mark but is not valid {}", *bom, *bom));
      return false;
    }
    content = std::move(*converted);
  } else if (text.html) {
    // Declared charsets, as a browser reads them: a Latin-1 page says so.
    if (const auto declared = declared_html_charset(content); declared && !is_utf8_name(*declared)) {
      auto converted = to_utf8(content, *declared);
      if (!converted) {
        report.skip(origin, fmt::format("declares charset {}, but newsgraph cannot read it as {}; convert with "
                                        "iconv -f {} -t UTF-8 (and change the declaration)",
                                        *declared, *declared, guess_encoding(content).value_or(*declared)));
        return false;
      }
      content = std::move(*converted);
    }
  }
  if (is_blank(content)) {
    report.skip(origin, "empty file");
    return false;
  }
  if (is_binary_text(content)) {
    // UTF-16 without a byte order mark has a NUL in every other byte.
    if (const auto guess = guess_encoding(content); guess && (guess->starts_with("UTF-16") || guess->starts_with("UTF-32"))) {
      report.skip(origin, fmt::format("{} text without a byte order mark, not UTF-8; convert with iconv -f {} -t UTF-8",
                                      *guess, *guess));
    } else {
      report.skip(origin, "binary file, not text");
    }
    return false;
  }
  if (const auto problem = find_utf8_problem(content)) {
    const std::string where = fmt::format("{}:{}:{}", origin, problem->line, problem->column);
    if (problem->what.starts_with("invalid UTF-8")) report.skip(where, not_utf8_message(content, problem->what));
    else report.skip(where, problem->what);
    return false;
  }
  return true;
}

}  // namespace ng::loaders
