#pragma once
// newsgraph's tokens as the words of Universal Dependencies, which the
// tagger and parser are trained on. The tokenizer keeps contractions and
// hyphenated words whole ("don't", "they're", "well-known") and already
// splits the possessive "'s"; UD English splits them into syntactic words
// ("do" "n't", "they" "'re", "well" "-" "known"), except after bound
// prefixes ("e-mail", "co-founder", "non-profit"). Each word keeps the
// index of the token it comes from and its place inside it, so results on
// words map back to tokens and byte offsets.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace ng::nlp::model {

struct UdWord {
  std::string_view form;      // a slice of the token's text
  std::uint32_t token = 0;    // index of the token in the input
  std::uint32_t offset = 0;   // byte offset of the slice inside the token
};

// The UD words of `tokens` (the tokens' texts, in order); the views point
// into those texts. Every token yields at least one word.
std::vector<UdWord> to_ud_words(std::span<const std::string_view> tokens);

}  // namespace ng::nlp::model
