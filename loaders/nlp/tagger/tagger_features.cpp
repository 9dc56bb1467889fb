#include "loaders/nlp/tagger/tagger_features.hpp"

#include "loaders/nlp/model/word_form.hpp"

namespace ng::nlp::tagging {

using model::feature_key;
using model::hash_text;

namespace {

enum Flag : std::uint32_t {
  kHasDigit = 1,
  kHasHyphen = 2,
  kHasUpper = 4,
  kInitialUpper = 8,
  kAllUpper = 16,
  kHasPeriod = 32,
};

// Template numbers: stable, since the weight files store their keys.
enum Template : std::uint32_t {
  kBias = 0, kForm, kLower, kSuffix1, kSuffix2, kSuffix3, kSuffix4, kPrefix1, kPrefix2, kPrefix3,
  kShape, kPrev1, kPrev12, kPrev1Lower, kLowerM1, kLowerM2, kLowerP1, kLowerP2, kSuffix3M1,
  kSuffix3P1, kShapeP1, kLowerM1Lower, kLowerLowerP1, kAmbiguity, kAmbiguityP1, kAmbiguityP2,
  kPrev1Ambiguity, kFirstShape, kFlags, kAmbiguityM1Prev1,
  kWordnet, kWordnetP1, kWordnetPrev1, kWordnetShape,
};

const std::uint64_t kBeforeStart = hash_text("<s>");
const std::uint64_t kAfterEnd = hash_text("</s>");
const std::uint64_t kUnknownWord = hash_text("<unknown>");

std::uint32_t flags_of(std::string_view form) {
  std::uint32_t flags = 0;
  std::size_t letters = 0, uppers = 0;
  for (std::size_t k = 0; k < form.size(); ++k) {
    const char c = form[k];
    if (c >= '0' && c <= '9') flags |= kHasDigit;
    else if (c == '-') flags |= kHasHyphen;
    else if (c == '.') flags |= kHasPeriod;
    else if (c >= 'A' && c <= 'Z') {
      ++letters;
      ++uppers;
      flags |= kHasUpper;
      if (k == 0) flags |= kInitialUpper;
    } else if (c >= 'a' && c <= 'z') {
      ++letters;
    }
  }
  if (letters >= 2 && uppers == letters) flags |= kAllUpper;
  return flags;
}

// The description of one word (the work describe_words saves).
WordData describe_word(std::string_view word, const TaggerLexicon& lexicon) {
  WordData d;
  const std::string form = model::normalize_word(word);
  const std::string lower = model::lower_word(form);
  d.form = hash_text(form);
  d.lower = hash_text(lower);
  d.shape = hash_text(model::word_shape(form));
  for (std::size_t n = 1; n <= 3; ++n) d.prefix[n - 1] = hash_text(model::prefix_chars(lower, n));
  for (std::size_t n = 1; n <= 4; ++n) d.suffix[n - 1] = hash_text(model::suffix_chars(lower, n));
  d.flags = flags_of(form);
  // Training statistics by the cased form, else the lower case one;
  // WordNet classes by the lower case form.
  const WordInfo* at_form = lexicon.find(d.form);
  const WordInfo* at_lower = d.lower != d.form ? lexicon.find(d.lower) : at_form;
  if (at_form && at_form->trained) d.info = at_form;
  else if (at_lower && at_lower->trained) d.info = at_lower;
  d.ambiguity = d.info ? d.info->ambiguity : kUnknownWord;
  d.wordnet = at_lower ? at_lower->wordnet : 0;
  return d;
}

}  // namespace

void describe_words(std::span<const std::string_view> words, const TaggerLexicon& lexicon,
                    std::vector<WordData>& out, WordDataMemo* memo) {
  out.resize(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto describe = [&] { return describe_word(words[i], lexicon); };
    out[i] = memo ? memo->get(words[i], describe) : describe();
  }
}

void add_features(std::span<const WordData> words, std::size_t i, std::uint32_t prev1, std::uint32_t prev2,
                  std::vector<model::FeatureKey>& out) {
  out.clear();
  const WordData& w = words[i];
  const auto lower_at = [&](std::ptrdiff_t k) {
    const auto j = static_cast<std::ptrdiff_t>(i) + k;
    if (j < 0) return kBeforeStart;
    if (j >= static_cast<std::ptrdiff_t>(words.size())) return kAfterEnd;
    return words[static_cast<std::size_t>(j)].lower;
  };
  const bool has_prev = i > 0;
  const bool has_next = i + 1 < words.size();
  const std::uint64_t amb_p1 = has_next ? words[i + 1].ambiguity : kAfterEnd;
  const std::uint64_t amb_p2 = i + 2 < words.size() ? words[i + 2].ambiguity : kAfterEnd;

  out.push_back(feature_key(kBias, 0));
  out.push_back(feature_key(kForm, w.form));
  out.push_back(feature_key(kLower, w.lower));
  out.push_back(feature_key(kSuffix1, w.suffix[0]));
  out.push_back(feature_key(kSuffix2, w.suffix[1]));
  out.push_back(feature_key(kSuffix3, w.suffix[2]));
  out.push_back(feature_key(kSuffix4, w.suffix[3]));
  out.push_back(feature_key(kPrefix1, w.prefix[0]));
  out.push_back(feature_key(kPrefix2, w.prefix[1]));
  out.push_back(feature_key(kPrefix3, w.prefix[2]));
  out.push_back(feature_key(kShape, w.shape));
  out.push_back(feature_key(kPrev1, prev1));
  out.push_back(feature_key(kPrev12, prev1, prev2));
  out.push_back(feature_key(kPrev1Lower, prev1, w.lower));
  out.push_back(feature_key(kLowerM1, lower_at(-1)));
  out.push_back(feature_key(kLowerM2, lower_at(-2)));
  out.push_back(feature_key(kLowerP1, lower_at(1)));
  out.push_back(feature_key(kLowerP2, lower_at(2)));
  out.push_back(feature_key(kSuffix3M1, has_prev ? words[i - 1].suffix[2] : kBeforeStart));
  out.push_back(feature_key(kSuffix3P1, has_next ? words[i + 1].suffix[2] : kAfterEnd));
  out.push_back(feature_key(kShapeP1, has_next ? words[i + 1].shape : kAfterEnd));
  out.push_back(feature_key(kLowerM1Lower, lower_at(-1), w.lower));
  out.push_back(feature_key(kLowerLowerP1, w.lower, lower_at(1)));
  out.push_back(feature_key(kAmbiguity, w.ambiguity));
  out.push_back(feature_key(kAmbiguityP1, amb_p1));
  out.push_back(feature_key(kAmbiguityP2, amb_p1, amb_p2));
  out.push_back(feature_key(kPrev1Ambiguity, prev1, w.ambiguity));
  out.push_back(feature_key(kAmbiguityM1Prev1, prev1, w.ambiguity, amb_p1));
  out.push_back(feature_key(kFlags, w.flags));
  if (i == 0) out.push_back(feature_key(kFirstShape, w.shape));
  out.push_back(feature_key(kWordnet, w.wordnet));
  out.push_back(feature_key(kWordnetP1, has_next ? words[i + 1].wordnet : 0xffffu));
  out.push_back(feature_key(kWordnetPrev1, w.wordnet, prev1));
  out.push_back(feature_key(kWordnetShape, w.wordnet, w.shape));
}

}  // namespace ng::nlp::tagging
