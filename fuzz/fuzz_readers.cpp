// Arbitrary bytes as a plain-text, HTML, JSON Lines, CSV or JSON input (the
// first byte picks the reader): every reader must report bad content and go
// on, never crash.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "loaders/news/html_reader.hpp"
#include "loaders/news/json_lines_reader.hpp"
#include "loaders/news/plain_text_reader.hpp"
#include "loaders/records/csv_records_reader.hpp"
#include "loaders/records/json_records_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string input(reinterpret_cast<const char*>(data) + 1, size - 1);
  ng::loaders::InputReport report;
  ng::loaders::ArticleSource source;
  source.origin = "fuzz";
  source.url = "file:///fuzz";
  const ng::loaders::ArticleSink sink = [](ng::loaders::Article&&) {};
  switch (data[0] % 5) {
    case 0: ng::loaders::read_plain_text(input, source, sink, report); break;
    case 1: ng::loaders::read_html(input, source, sink, report); break;
    case 2: {
      std::istringstream in(input);
      ng::loaders::read_json_lines(in, source, sink, report);
      break;
    }
    case 3: {
      std::istringstream in(input);
      ng::loaders::read_csv_records(in, "fuzz.csv", 1 << 20, report);
      break;
    }
    default: ng::loaders::read_json_records(input, "fuzz.json", report); break;
  }
  return 0;
}
