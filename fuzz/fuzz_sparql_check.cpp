// The SPARQL pre-check (tokenizer, refused features, prefixes) on arbitrary
// text: it may refuse with QueryError, never crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/error.hpp"
#include "graph/sparql_guard.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view query(reinterpret_cast<const char*>(data), size);
  try {
    ng::graph::detail::check_query(query, {{"schema", "http://schema.org/"}});
  } catch (const ng::Error&) {
  }
  return 0;
}
