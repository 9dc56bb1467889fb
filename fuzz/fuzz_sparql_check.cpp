// The SPARQL parser (tokenizer, grammar, algebra, refused features,
// prefixes) on arbitrary text: it may refuse with QueryError, never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/error.hpp"
#include "graph/sparql/parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view query(reinterpret_cast<const char*>(data), size);
  ng::graph::sparql::ParseOptions options;
  options.base = "http://example.org/";
  options.prefixes = {{"schema", "http://schema.org/"}};
  try {
    ng::graph::sparql::parse_query(query, options);
  } catch (const ng::Error&) {
  }
  return 0;
}
