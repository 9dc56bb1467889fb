#include "loaders/nlp/model/ud_words.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace ng::nlp::model {

namespace {

char lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == y; });
}

bool ends_with_ci(std::string_view word, std::string_view suffix) noexcept {
  return word.size() >= suffix.size() && iequals(word.substr(word.size() - suffix.size()), suffix);
}

bool is_letter_byte(char c) noexcept {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
}

// Prefixes UD English keeps attached to the rest of a hyphenated word.
constexpr std::array<std::string_view, 40> kBoundPrefixes = {
    "e",     "non",   "anti",   "pre",   "re",    "mid",   "co",    "post",  "over",   "pro",
    "multi", "ex",    "semi",   "counter", "sub", "vice",  "psycho", "neo", "cross",  "un",
    "socio", "mis",   "micro",  "intra", "inter", "macro", "bi",    "tri",   "de",     "out",
    "under", "ultra", "mega",   "pseudo", "quasi", "meta", "trans", "hyper", "auto", "extra"};

// Words UD writes as two: the split point after the first part.
struct Fused {
  std::string_view word;
  std::size_t split;
};
constexpr std::array<Fused, 22> kFused = {{
    {"cannot", 3}, {"gonna", 3}, {"wanna", 3}, {"gotta", 3}, {"gimme", 3}, {"lemme", 3},
    {"dont", 2},   {"didnt", 3}, {"doesnt", 4}, {"isnt", 2}, {"wasnt", 3}, {"arent", 3},
    {"werent", 4}, {"cant", 2},  {"wont", 2},  {"couldnt", 5}, {"wouldnt", 5}, {"shouldnt", 6},
    {"havent", 4}, {"hasnt", 3}, {"hadnt", 3}, {"aint", 2},
}};

// The length of a clitic at the end of `word` ("n't", "'re", "'s"...), or 0.
std::size_t clitic_length(std::string_view word) noexcept {
  static constexpr std::array<std::string_view, 2> kApostrophes = {"'", "\u2019"};
  for (std::string_view apostrophe : kApostrophes) {
    const std::string_view nt = apostrophe == "'" ? "n't" : "n\u2019t";
    if (word.size() > nt.size() && ends_with_ci(word, nt)) return nt.size();
    for (std::string_view tail : {"re", "ve", "ll", "m", "d", "s"}) {
      const std::size_t n = apostrophe.size() + tail.size();
      if (word.size() <= n || !ends_with_ci(word, tail)) continue;
      if (word.substr(word.size() - n, apostrophe.size()) != apostrophe) continue;
      if (!is_letter_byte(word[word.size() - n - 1])) continue;
      return n;
    }
  }
  return 0;
}

void add_clitic_split(std::string_view piece, std::uint32_t token, std::uint32_t offset,
                      std::vector<UdWord>& out) {
  for (const Fused& fused : kFused) {
    if (iequals(piece, fused.word)) {
      out.push_back({piece.substr(0, fused.split), token, offset});
      out.push_back({piece.substr(fused.split), token, offset + static_cast<std::uint32_t>(fused.split)});
      return;
    }
  }
  const std::size_t clitic = clitic_length(piece);
  if (clitic == 0) {
    out.push_back({piece, token, offset});
    return;
  }
  const std::size_t stem = piece.size() - clitic;
  out.push_back({piece.substr(0, stem), token, offset});
  out.push_back({piece.substr(stem), token, offset + static_cast<std::uint32_t>(stem)});
}

// Whether a hyphenated token stays one word: phone numbers and ranges
// (digits only), and words after a bound prefix.
bool keeps_hyphens(std::string_view token, std::size_t first_hyphen) {
  if (std::all_of(token.begin(), token.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-'; }))
    return true;
  std::string head;
  for (char c : token.substr(0, first_hyphen)) head += lower(c);
  return std::find(kBoundPrefixes.begin(), kBoundPrefixes.end(), head) != kBoundPrefixes.end();
}

}  // namespace

std::vector<UdWord> to_ud_words(std::span<const std::string_view> tokens) {
  std::vector<UdWord> out;
  out.reserve(tokens.size() + tokens.size() / 8);
  for (std::uint32_t t = 0; t < tokens.size(); ++t) {
    const std::string_view token = tokens[t];
    // Inner ASCII hyphens between letters or digits split the word.
    const std::size_t hyphen = token.find('-');
    const bool split = hyphen != std::string_view::npos && hyphen > 0 && hyphen + 1 < token.size() &&
                       token.find_first_not_of('-') != std::string_view::npos && !keeps_hyphens(token, hyphen);
    if (!split) {
      add_clitic_split(token, t, 0, out);
      continue;
    }
    std::size_t begin = 0;
    while (begin <= token.size()) {
      std::size_t end = token.find('-', begin);
      if (end == std::string_view::npos) end = token.size();
      if (end > begin) add_clitic_split(token.substr(begin, end - begin), t, static_cast<std::uint32_t>(begin), out);
      if (end == token.size()) break;
      out.push_back({token.substr(end, 1), t, static_cast<std::uint32_t>(end)});
      begin = end + 1;
    }
  }
  return out;
}

}  // namespace ng::nlp::model
