// Any bytes that the readers would accept (valid UTF-8, no NUL) go through
// the whole extractor; nothing may crash, hang or read out of bounds, and
// every span must lie inside the text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/unicode.hpp"
#include "lexicons/lexicon.hpp"
#include "loaders/nlp/extractor.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (ng::find_utf8_problem(text)) return 0;
  const auto analysis = ng::nlp::analyze(std::string(text), ng::nlp::Lexicon::builtin());
  for (const auto& m : analysis.mentions) {
    if (m.span.end > size || m.span.begin > m.span.end || m.entity >= analysis.entities.size()) __builtin_trap();
  }
  for (const auto& s : analysis.statements) {
    if (s.content.end > size || s.speaker >= analysis.entities.size()) __builtin_trap();
  }
  return 0;
}
