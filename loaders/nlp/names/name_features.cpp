#include "loaders/nlp/names/name_features.hpp"

#include <string>

#include "loaders/nlp/cues.hpp"
#include "loaders/nlp/model/word_form.hpp"

namespace ng::nlp::names {

using model::feature_key;
using model::hash_text;

namespace {

enum WordFlag : std::uint32_t {
  kCapitalized = 1u << 0,
  kAllCaps = 1u << 1,
  kDigit = 1u << 2,
  kHyphen = 1u << 3,
  kPeriod = 1u << 4,
  kGivenName = 1u << 5,
  kSurname = 1u << 6,
  kKnownPerson = 1u << 7,
  kCommonWord = 1u << 8,
  kFrequentWord = 1u << 9,
  kPlace = 1u << 10,
  kBigPlace = 1u << 11,       // a country, a region or a city of 100,000 people, not ambiguous
  kAmbiguousPlace = 1u << 12,
  kOrganization = 1u << 13,
  kAmbiguousOrganization = 1u << 14,
  kDemonym = 1u << 15,
  kTitleHead = 1u << 16,
  kTitleModifier = 1u << 17,
  kHonorific = 1u << 18,
  kRoleNoun = 1u << 19,
  kOrganizationHead = 1u << 20,
  kPlaceHead = 1u << 21,
  kPlacePreposition = 1u << 22,
  kNameParticle = 1u << 23,
  kNeverEntity = 1u << 24,
  kSpeechVerb = 1u << 25,
  kOrganizationSuffix = 1u << 26,  // "agency", "newspaper" after a name
  kPlaceSuffix = 1u << 27,         // "region", "river" after a name
  kPartyPlural = 1u << 28,
  kGovernmentSeat = 1u << 29,
  kSentenceFirst = 1u << 30,
  kNumFlags = 31,
};

// The flags whose neighbours' values are features too.
constexpr std::uint32_t kContextFlags = kCapitalized | kAllCaps | kTitleHead | kTitleModifier | kHonorific |
                                        kRoleNoun | kOrganizationHead | kPlaceHead | kPlacePreposition |
                                        kOrganizationSuffix | kPlaceSuffix | kGivenName | kSpeechVerb |
                                        kDemonym | kBigPlace | kOrganization;

// Template numbers: stable, since the weight files store their keys.
enum Template : std::uint32_t {
  kBias = 0, kForm, kLower, kShape, kSuffix3, kUpos, kXpos, kLowerM1, kLowerP1, kLowerM2, kLowerP2,
  kUposM1, kUposP1, kUposM1Upos, kUposUposP1, kShapeM1Shape, kShapeShapeP1, kFlag, kFlagM1, kFlagP1,
  kPrev1, kPrev12, kPrev1Lower, kPrev1Shape, kPrev1Upos, kGazetteer, kGazetteerPrev1, kFlagUpos,
  kXposM1, kXposP1, kShapeUpos, kLowerM1Shape, kShapeLowerP1,
};

const std::uint64_t kBeforeStart = hash_text("<s>");
const std::uint64_t kAfterEnd = hash_text("</s>");

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

std::uint32_t lexical_flags(std::string_view form, const std::string& lower, bool sentence_first,
                            const Lexicon& lexicon) {
  std::uint32_t flags = 0;
  std::size_t letters = 0, uppers = 0;
  for (char c : form) {
    if (c >= '0' && c <= '9') flags |= kDigit;
    else if (c == '-') flags |= kHyphen;
    else if (c == '.') flags |= kPeriod;
    else if (is_upper(c)) ++letters, ++uppers;
    else if (c >= 'a' && c <= 'z') ++letters;
  }
  // Non-ASCII capitals ("Łódź", "Ørsted") count as capitals too.
  const bool capital = !form.empty() && (is_upper(form[0]) || (static_cast<unsigned char>(form[0]) >= 0xc3 &&
                                                               lower.substr(0, 2) != form.substr(0, 2)));
  if (capital) flags |= kCapitalized;
  if (letters >= 2 && uppers == letters) flags |= kAllCaps;
  if (cues::is_role_noun(lower)) flags |= kRoleNoun;
  if (cues::is_place_preposition(lower)) flags |= kPlacePreposition;
  if (cues::is_name_particle(lower)) flags |= kNameParticle;
  if (cues::speech_verb_lemma(lower)) flags |= kSpeechVerb;
  if (cues::organization_suffix(lower, "") > 0) flags |= kOrganizationSuffix;
  if (cues::place_suffix(lower, "") > 0) flags |= kPlaceSuffix;
  if (!capital) return flags;
  // What only a capitalised word can be (the lexicons are the costly part:
  // lower-case words, most of the text, are not looked up).
  if (lexicon.is_common_word(lower)) flags |= kCommonWord;
  if (lexicon.is_frequent_word(lower)) flags |= kFrequentWord;
  // "The", "But", "He" opening a sentence: capitalised by position only.
  if (sentence_first && (flags & kFrequentWord)) return flags;
  if (lexicon.is_given_name(form)) flags |= kGivenName;
  if (lexicon.is_surname(form)) flags |= kSurname;
  if (lexicon.is_known_person(form)) flags |= kKnownPerson;
  if (const auto place = lexicon.place(form)) {
    flags |= kPlace;
    if (place->ambiguous) flags |= kAmbiguousPlace;
    else if (place->kind == PlaceKind::Country || place->kind == PlaceKind::Region ||
             place->kind == PlaceKind::Continent || place->population >= 100000) {
      flags |= kBigPlace;
    }
  }
  if (const auto org = lexicon.organization_info(form)) {
    flags |= kOrganization;
    if (org->ambiguous) flags |= kAmbiguousOrganization;
  }
  if (lexicon.demonym_country(form)) flags |= kDemonym;
  if (cues::is_title_head(form)) flags |= kTitleHead;
  if (cues::is_title_modifier(form)) flags |= kTitleModifier;
  if (cues::is_honorific(form)) flags |= kHonorific;
  if (cues::is_organization_head(form)) flags |= kOrganizationHead;
  if (cues::is_place_head(form)) flags |= kPlaceHead;
  if (cues::is_never_entity(form)) flags |= kNeverEntity;
  if (cues::is_party_plural(form)) flags |= kPartyPlural;
  if (cues::is_government_seat(form)) flags |= kGovernmentSeat;
  return flags;
}

// Kinds of multi-word lexicon names.
enum GazetteerKind : std::uint8_t { kGazPlace = 0, kGazOrganization = 1 };

// Marks the longest run of 2 to 4 words starting at each capitalised word
// that the lexicons know whole ("Gulf of Mexico", "Amnesty International").
void mark_gazetteer(std::span<const std::string_view> words, const Lexicon& lexicon, std::vector<NameWord>& out) {
  std::string joined;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!(out[i].flags & kCapitalized)) continue;
    for (std::size_t n = std::min<std::size_t>(4, words.size() - i); n >= 2; --n) {
      if (!(out[i + n - 1].flags & (kCapitalized | kDigit))) continue;
      joined.assign(words[i]);
      for (std::size_t k = i + 1; k < i + n; ++k) {
        joined += ' ';
        joined += words[k];
      }
      int kind = -1;
      if (const auto place = lexicon.place(joined); place && !place->ambiguous) kind = kGazPlace;
      else if (lexicon.organization(joined)) kind = kGazOrganization;
      if (kind < 0) continue;
      for (std::size_t k = i; k < i + n; ++k) {
        const int position = k == i ? 0 : k + 1 == i + n ? 2 : 1;
        out[k].gazetteer = static_cast<std::uint8_t>(1 + kind * 3 + position);
      }
      i += n - 1;
      break;
    }
  }
}

}  // namespace

void describe_name_words(std::span<const std::string_view> words, std::span<const PosTag> tags,
                         const Lexicon& lexicon, std::vector<NameWord>& out, WordLexicalMemo* memo) {
  out.assign(words.size(), NameWord{});
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto describe = [&] {
      const std::string form = model::normalize_word(words[i]);
      const std::string lower = model::lower_word(form);
      WordLexical lexical;
      lexical.form = hash_text(form);
      lexical.lower = hash_text(lower);
      lexical.shape = hash_text(model::word_shape(form, 2));
      lexical.suffix3 = hash_text(model::suffix_chars(lower, 3));
      lexical.flags = lexical_flags(form, lower, i == 0, lexicon);
      return lexical;
    };
    const WordLexical lexical = memo ? (i == 0 ? memo->opening : memo->inside).get(words[i], describe) : describe();
    NameWord& w = out[i];
    w.form = lexical.form;
    w.lower = lexical.lower;
    w.shape = lexical.shape;
    w.suffix3 = lexical.suffix3;
    w.flags = lexical.flags;
    if (i == 0) w.flags |= kSentenceFirst;
    w.upos = static_cast<std::uint8_t>(tags[i].upos);
    w.xpos = hash_text(tags[i].xpos);
  }
  mark_gazetteer(words, lexicon, out);
}

bool may_start_name(const NameWord& word) noexcept { return (word.flags & (kCapitalized | kDigit)) != 0; }
bool may_continue_name(const NameWord& word) noexcept {
  return (word.flags & (kCapitalized | kDigit | kNameParticle)) != 0;
}

void add_name_features(std::span<const NameWord> words, std::size_t i, Label prev1, Label prev2,
                       std::vector<model::FeatureKey>& out) {
  out.clear();
  const NameWord& w = words[i];
  const bool has_prev = i > 0;
  const bool has_next = i + 1 < words.size();
  const auto lower_at = [&](std::ptrdiff_t k) {
    const auto j = static_cast<std::ptrdiff_t>(i) + k;
    if (j < 0) return kBeforeStart;
    if (j >= static_cast<std::ptrdiff_t>(words.size())) return kAfterEnd;
    return words[static_cast<std::size_t>(j)].lower;
  };
  const std::uint64_t upos_m1 = has_prev ? words[i - 1].upos : 0xffu;
  const std::uint64_t upos_p1 = has_next ? words[i + 1].upos : 0xfeu;
  const std::uint64_t shape_m1 = has_prev ? words[i - 1].shape : kBeforeStart;
  const std::uint64_t shape_p1 = has_next ? words[i + 1].shape : kAfterEnd;

  out.push_back(feature_key(kBias, 0));
  out.push_back(feature_key(kForm, w.form));
  out.push_back(feature_key(kLower, w.lower));
  out.push_back(feature_key(kShape, w.shape));
  out.push_back(feature_key(kSuffix3, w.suffix3));
  out.push_back(feature_key(kUpos, w.upos));
  out.push_back(feature_key(kXpos, w.xpos));
  out.push_back(feature_key(kLowerM1, lower_at(-1)));
  out.push_back(feature_key(kLowerP1, lower_at(1)));
  out.push_back(feature_key(kLowerM2, lower_at(-2)));
  out.push_back(feature_key(kLowerP2, lower_at(2)));
  out.push_back(feature_key(kUposM1, upos_m1));
  out.push_back(feature_key(kUposP1, upos_p1));
  out.push_back(feature_key(kUposM1Upos, upos_m1, w.upos));
  out.push_back(feature_key(kUposUposP1, w.upos, upos_p1));
  out.push_back(feature_key(kXposM1, has_prev ? words[i - 1].xpos : kBeforeStart));
  out.push_back(feature_key(kXposP1, has_next ? words[i + 1].xpos : kAfterEnd));
  out.push_back(feature_key(kShapeM1Shape, shape_m1, w.shape));
  out.push_back(feature_key(kShapeShapeP1, w.shape, shape_p1));
  out.push_back(feature_key(kShapeUpos, w.shape, w.upos));
  out.push_back(feature_key(kLowerM1Shape, lower_at(-1), w.shape));
  out.push_back(feature_key(kShapeLowerP1, w.shape, lower_at(1)));
  for (std::uint32_t bit = 0; bit < kNumFlags; ++bit) {
    if (w.flags & (1u << bit)) {
      out.push_back(feature_key(kFlag, bit));
      out.push_back(feature_key(kFlagUpos, bit, w.upos));
    }
  }
  const std::uint32_t flags_m1 = has_prev ? words[i - 1].flags & kContextFlags : 0;
  const std::uint32_t flags_p1 = has_next ? words[i + 1].flags & kContextFlags : 0;
  for (std::uint32_t bit = 0; bit < kNumFlags; ++bit) {
    if (flags_m1 & (1u << bit)) out.push_back(feature_key(kFlagM1, bit));
    if (flags_p1 & (1u << bit)) out.push_back(feature_key(kFlagP1, bit));
  }
  out.push_back(feature_key(kPrev1, prev1));
  out.push_back(feature_key(kPrev12, prev1, prev2));
  out.push_back(feature_key(kPrev1Lower, prev1, w.lower));
  out.push_back(feature_key(kPrev1Shape, prev1, w.shape));
  out.push_back(feature_key(kPrev1Upos, prev1, w.upos));
  if (w.gazetteer) {
    out.push_back(feature_key(kGazetteer, w.gazetteer));
    out.push_back(feature_key(kGazetteerPrev1, w.gazetteer, prev1));
  }
}

}  // namespace ng::nlp::names
