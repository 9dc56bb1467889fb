#include "loaders/nlp/parser/parser_features.hpp"

#include "loaders/nlp/model/word_form.hpp"

namespace ng::nlp::parsing {

using model::feature_key;
using model::hash_text;

namespace {

const std::uint64_t kRootWord = hash_text("<root>");
const std::uint64_t kAbsent = hash_text("<none>");

// Template numbers: stable, since the weight files store their keys.
enum Template : std::uint32_t {
  // single items
  kS0WP, kS0W, kS0P, kB0WP, kB0W, kB0P, kB1WP, kB1W, kB1P, kB2WP, kB2W, kB2P,
  kS1WP, kS1W, kS1P, kS2W, kS2P,
  // pairs
  kS0WPB0WP, kS0WPB0W, kS0WB0WP, kS0WPB0P, kS0PB0WP, kS0WB0W, kS0PB0P, kB0PB1P,
  kS1WPS0WP, kS1WS0W, kS1PS0P, kS1PS0W, kS1WS0P, kS1PB0P, kS1WB0W,
  // triples
  kB0PB1PB2P, kS0PB0PB1P, kS1PS0PB0P, kS0PS0L1PB0P, kS0PS0R1PB0P, kS0PB0PB0L1P, kS2PS1PS0P,
  kS1PS1R1PS0P, kS1PS0PS0L1P,
  // distance
  kS0WDist, kS0PDist, kB0WDist, kB0PDist, kS0WB0WDist, kS0PB0PDist, kS1PS0PDist, kS1WS0WDist,
  // valency
  kS0WVr, kS0PVr, kS0WVl, kS0PVl, kB0WVl, kB0PVl, kS1WVr, kS1PVr, kS1PVl,
  // children
  kS0L1W, kS0L1P, kS0L1L, kS0R1W, kS0R1P, kS0R1L, kB0L1W, kB0L1P, kB0L1L, kS1R1W, kS1R1P, kS1R1L,
  kS1L1P, kS1L1L, kS0L2W, kS0L2P, kS0L2L, kS0R2W, kS0R2P, kS0R2L, kB0L2W, kB0L2P, kB0L2L,
  kS0PS0L1PS0L2P, kS0PS0R1PS0R2P, kB0PB0L1PB0L2P,
  // label sets
  kS0WSr, kS0PSr, kS0WSl, kS0PSl, kB0WSl, kB0PSl, kS1PSr,
  // universal tags
  kS0UB0U, kS1US0UB0U,
  // s1 as the head of s0 (RIGHT), the buffer's first two words together
  kS1WPS0P, kS1PS0WP, kS1PS0PS0R1P, kS1PS1L1PS0P, kS1WSl, kS1PSl, kS0PB1P, kB0WB1W, kB0WB1P, kB0PB1W,
  kS1L1W, kS1R2P, kS1WVl, kS0UB0UB1U, kS1US0U,
  // ambiguity classes
  kB0Amb, kS0Amb, kB0AmbP, kS0AmbP, kB1Amb, kS0PB0Amb, kS1Amb,
};

std::uint64_t distance_bucket(std::int32_t a, std::int32_t b) noexcept {
  if (a == kNone || b == kNone) return 0;
  const std::int32_t d = b > a ? b - a : a - b;
  if (d <= 4) return static_cast<std::uint64_t>(d);
  if (d <= 9) return 5;
  return 6;
}

}  // namespace

void describe_words(std::span<const std::string_view> forms, std::span<const std::string_view> xpos,
                    std::span<const std::string_view> upos, const ParserLexicon& lexicon,
                    std::vector<ParserWord>& out) {
  out.resize(forms.size() + 1);
  out[0] = ParserWord{kRootWord, kRootWord, kRootWord, kRootWord};
  for (std::size_t i = 0; i < forms.size(); ++i) {
    out[i + 1].form = hash_text(model::lower_word(model::normalize_word(forms[i])));
    out[i + 1].tag = hash_text(xpos[i]);
    out[i + 1].upos = hash_text(upos[i]);
    out[i + 1].ambiguity = lexicon.ambiguity(out[i + 1].form);
  }
}

void add_features(const ParseState& state, std::span<const ParserWord> words, std::vector<model::FeatureKey>& out,
                  FeaturePart part) {
  out.clear();
  const std::int32_t s0 = state.stack(0), s1 = state.stack(1), s2 = state.stack(2);
  const std::int32_t b0 = state.buffer(0), b1 = state.buffer(1), b2 = state.buffer(2);
  const auto w = [&](std::int32_t p) { return p == kNone ? kAbsent : words[static_cast<std::size_t>(p)].form; };
  const auto t = [&](std::int32_t p) { return p == kNone ? kAbsent : words[static_cast<std::size_t>(p)].tag; };
  const auto u = [&](std::int32_t p) { return p == kNone ? kAbsent : words[static_cast<std::size_t>(p)].upos; };
  const auto l = [&](std::int32_t p) -> std::uint64_t { return p == kNone ? 0xffff : state.label(p); };
  static const Children kNoChildren{};
  const auto kids = [&](std::int32_t p) -> const Children& { return p == kNone ? kNoChildren : state.children(p); };
  const Children& c0 = kids(s0);
  const Children& c1 = kids(s1);
  const Children& cb = kids(b0);
  // Features of the buffer's words alone (add_buffer) change only when b0
  // does; the others with every move. Inlined at every call, so that the
  // template number is a constant and its share of the hash is folded at
  // compile time: called out of line, each key hashed its template again.
  const auto add = [&](auto... values) __attribute__((always_inline)) {
    if (part != FeaturePart::Buffer) out.push_back(feature_key(values...));
  };
  const auto add_buffer = [&](auto... values) __attribute__((always_inline)) {
    if (part != FeaturePart::State) out.push_back(feature_key(values...));
  };

  const std::uint64_t s0w = w(s0), s0p = t(s0), b0w = w(b0), b0p = t(b0), s1w = w(s1), s1p = t(s1);
  const std::uint64_t b1p = t(b1), b2p = t(b2);
  add(kS0WP, s0w, s0p);
  add(kS0W, s0w);
  add(kS0P, s0p);
  add_buffer(kB0WP, b0w, b0p);
  add_buffer(kB0W, b0w);
  add_buffer(kB0P, b0p);
  add_buffer(kB1WP, w(b1), b1p);
  add_buffer(kB1W, w(b1));
  add_buffer(kB1P, b1p);
  add_buffer(kB2WP, w(b2), b2p);
  add_buffer(kB2W, w(b2));
  add_buffer(kB2P, b2p);
  add(kS1WP, s1w, s1p);
  add(kS1W, s1w);
  add(kS1P, s1p);
  add(kS2W, w(s2));
  add(kS2P, t(s2));

  add(kS0WPB0WP, s0w, s0p, feature_key(0, b0w, b0p));
  add(kS0WPB0W, s0w, s0p, b0w);
  add(kS0WB0WP, s0w, b0w, b0p);
  add(kS0WPB0P, s0w, s0p, b0p);
  add(kS0PB0WP, s0p, b0w, b0p);
  add(kS0WB0W, s0w, b0w);
  add(kS0PB0P, s0p, b0p);
  add_buffer(kB0PB1P, b0p, b1p);
  add(kS1WPS0WP, s1w, s1p, feature_key(0, s0w, s0p));
  add(kS1WS0W, s1w, s0w);
  add(kS1PS0P, s1p, s0p);
  add(kS1PS0W, s1p, s0w);
  add(kS1WS0P, s1w, s0p);
  add(kS1PB0P, s1p, b0p);
  add(kS1WB0W, s1w, b0w);

  add_buffer(kB0PB1PB2P, b0p, b1p, b2p);
  add(kS0PB0PB1P, s0p, b0p, b1p);
  add(kS1PS0PB0P, s1p, s0p, b0p);
  add(kS0PS0L1PB0P, s0p, t(c0.left1), b0p);
  add(kS0PS0R1PB0P, s0p, t(c0.right1), b0p);
  add(kS0PB0PB0L1P, s0p, b0p, t(cb.left1));
  add(kS2PS1PS0P, t(s2), s1p, s0p);
  add(kS1PS1R1PS0P, s1p, t(c1.right1), s0p);
  add(kS1PS0PS0L1P, s1p, s0p, t(c0.left1));

  const std::uint64_t d01 = distance_bucket(s0, b0), d10 = distance_bucket(s1, s0);
  add(kS0WDist, s0w, d01);
  add(kS0PDist, s0p, d01);
  add(kB0WDist, b0w, d01);
  add(kB0PDist, b0p, d01);
  add(kS0WB0WDist, s0w, b0w, d01);
  add(kS0PB0PDist, s0p, b0p, d01);
  add(kS1PS0PDist, s1p, s0p, d10);
  add(kS1WS0WDist, s1w, s0w, d10);

  add(kS0WVr, s0w, c0.right_count);
  add(kS0PVr, s0p, c0.right_count);
  add(kS0WVl, s0w, c0.left_count);
  add(kS0PVl, s0p, c0.left_count);
  add(kB0WVl, b0w, cb.left_count);
  add(kB0PVl, b0p, cb.left_count);
  add(kS1WVr, s1w, c1.right_count);
  add(kS1PVr, s1p, c1.right_count);
  add(kS1PVl, s1p, c1.left_count);

  add(kS0L1W, w(c0.left1));
  add(kS0L1P, t(c0.left1));
  add(kS0L1L, l(c0.left1));
  add(kS0R1W, w(c0.right1));
  add(kS0R1P, t(c0.right1));
  add(kS0R1L, l(c0.right1));
  add(kB0L1W, w(cb.left1));
  add(kB0L1P, t(cb.left1));
  add(kB0L1L, l(cb.left1));
  add(kS1R1W, w(c1.right1));
  add(kS1R1P, t(c1.right1));
  add(kS1R1L, l(c1.right1));
  add(kS1L1P, t(c1.left1));
  add(kS1L1L, l(c1.left1));
  add(kS0L2W, w(c0.left2));
  add(kS0L2P, t(c0.left2));
  add(kS0L2L, l(c0.left2));
  add(kS0R2W, w(c0.right2));
  add(kS0R2P, t(c0.right2));
  add(kS0R2L, l(c0.right2));
  add(kB0L2W, w(cb.left2));
  add(kB0L2P, t(cb.left2));
  add(kB0L2L, l(cb.left2));
  add(kS0PS0L1PS0L2P, s0p, t(c0.left1), t(c0.left2));
  add(kS0PS0R1PS0R2P, s0p, t(c0.right1), t(c0.right2));
  add(kB0PB0L1PB0L2P, b0p, t(cb.left1), t(cb.left2));

  add(kS0WSr, s0w, c0.right_labels);
  add(kS0PSr, s0p, c0.right_labels);
  add(kS0WSl, s0w, c0.left_labels);
  add(kS0PSl, s0p, c0.left_labels);
  add(kB0WSl, b0w, cb.left_labels);
  add(kB0PSl, b0p, cb.left_labels);
  add(kS1PSr, s1p, c1.right_labels);

  add(kS0UB0U, u(s0), u(b0));
  add(kS1US0UB0U, u(s1), u(s0), u(b0));

  add(kS1WPS0P, s1w, s1p, s0p);
  add(kS1PS0WP, s1p, s0w, s0p);
  add(kS1PS0PS0R1P, s1p, s0p, t(c0.right1));
  add(kS1PS1L1PS0P, s1p, t(c1.left1), s0p);
  add(kS1WSl, s1w, c1.left_labels);
  add(kS1PSl, s1p, c1.left_labels);
  add(kS1L1W, w(c1.left1));
  add(kS1R2P, t(c1.right2));
  add(kS1WVl, s1w, c1.left_count);
  add(kS0PB1P, s0p, b1p);
  add_buffer(kB0WB1W, b0w, w(b1));
  add_buffer(kB0WB1P, b0w, b1p);
  add_buffer(kB0PB1W, b0p, w(b1));
  add(kS0UB0UB1U, u(s0), u(b0), u(b1));
  add(kS1US0U, u(s1), u(s0));


  const auto amb = [&](std::int32_t p) { return p == kNone ? kAbsent : words[static_cast<std::size_t>(p)].ambiguity; };
  add_buffer(kB0Amb, amb(b0));
  add(kS0Amb, amb(s0));
  add(kB0AmbP, amb(b0), b0p);
  add(kS0AmbP, amb(s0), s0p);
  add_buffer(kB1Amb, amb(b1));
  add(kS0PB0Amb, s0p, amb(b0));
  add(kS1Amb, amb(s1));
}

}  // namespace ng::nlp::parsing
