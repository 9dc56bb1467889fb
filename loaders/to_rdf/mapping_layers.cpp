#include "loaders/to_rdf/mapping_layers.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdint>
#include <limits>

namespace ng::loaders {

namespace {

// Bump when the stored form changes: a form of another version is not read,
// and its article is extracted again.
constexpr std::string_view kTag = "L1,";

// A statement's text: some of its content's bytes, or a string of its own.
constexpr std::uint64_t kOwnText = 0;
constexpr std::uint64_t kOtherText = 1;

bool is_dash(std::string_view token) { return token == "-" || token == "--" || token == "\u2013" || token == "\u2014"; }

// Where a dateline's credit is: the bytes between the parentheses of
// "VELMORA (Northwire) -". Empty when the sentence has none.
nlp::Span dateline_credit(const nlp::Document& document, const nlp::Sentence& sentence) {
  if (!sentence.dateline) return {};
  const auto& tokens = document.tokens;
  const std::string_view text = document.text;
  for (std::uint32_t i = sentence.first_token; i < sentence.end_token; ++i) {
    const std::string_view token = tokens[i].span.of(text);
    if (is_dash(token)) return {};
    if (token != "(") continue;
    for (std::uint32_t j = i + 1; j + 1 < sentence.end_token; ++j) {
      if (tokens[j].span.of(text) != ")") continue;
      if (!is_dash(tokens[j + 1].span.of(text))) return {};
      return {tokens[i].span.end, tokens[j].span.begin};
    }
    return {};
  }
  return {};
}

// Fields end with ','; a string is its byte length, ':' and its bytes.
class Writer {
 public:
  void put(std::uint64_t value) { fmt::format_to(std::back_inserter(out_), "{},", value); }
  // A difference of two offsets (mostly small, sometimes negative).
  void put_difference(std::uint32_t value, std::uint32_t from) {
    const std::int64_t difference = std::int64_t{value} - std::int64_t{from};
    fmt::format_to(std::back_inserter(out_), "{},", difference);
  }
  void put(std::string_view text) {
    fmt::format_to(std::back_inserter(out_), "{}:", text.size());
    out_ += text;
  }
  // The shortest form that reads back as the same double.
  void put_double(double value) { fmt::format_to(std::back_inserter(out_), "{},", value); }
  std::string take() { return std::move(out_); }
  explicit Writer(std::string_view tag) : out_(tag) {}

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}

  bool get(std::uint64_t& value) { return number(value); }
  bool get(std::uint32_t& value) {
    std::uint64_t wide = 0;
    if (!number(wide) || wide > std::numeric_limits<std::uint32_t>::max()) return false;
    value = static_cast<std::uint32_t>(wide);
    return true;
  }
  // An offset written as its difference from `from`.
  bool get_offset(std::uint32_t& value, std::uint32_t from) {
    std::int64_t difference = 0;
    if (!number(difference)) return false;
    const std::int64_t offset = std::int64_t{from} + difference;
    if (offset < 0 || offset > std::numeric_limits<std::uint32_t>::max()) return false;
    value = static_cast<std::uint32_t>(offset);
    return true;
  }
  bool get(std::string& text) {
    const std::size_t colon = in_.find(':', at_);
    if (colon == std::string_view::npos) return false;
    std::size_t size = 0;
    const auto [end, error] = std::from_chars(in_.data() + at_, in_.data() + colon, size);
    if (error != std::errc() || end != in_.data() + colon || in_.size() - colon - 1 < size) return false;
    text.assign(in_.substr(colon + 1, size));
    at_ = colon + 1 + size;
    return true;
  }
  bool get_double(double& value) { return number(value); }
  bool done() const noexcept { return at_ == in_.size(); }
  // A count of items each at least `min_bytes` long: never more than the
  // rest of the text can hold, so a damaged count allocates nothing large.
  bool get_count(std::size_t& count, std::size_t min_bytes) {
    std::uint64_t value = 0;
    if (!number(value) || value > (in_.size() - at_) / min_bytes) return false;
    count = static_cast<std::size_t>(value);
    return true;
  }

 private:
  template <class T>
  bool number(T& value) {
    const std::size_t comma = in_.find(',', at_);
    if (comma == std::string_view::npos || comma == at_) return false;
    const auto [end, error] = std::from_chars(in_.data() + at_, in_.data() + comma, value);
    if (error != std::errc() || end != in_.data() + comma) return false;
    at_ = comma + 1;
    return true;
  }

  std::string_view in_;
  std::size_t at_ = 0;
};

template <class Enum>
bool get_enum(Reader& in, Enum& value, Enum last) {
  std::uint32_t raw = 0;
  if (!in.get(raw) || raw > static_cast<std::uint32_t>(last)) return false;
  value = static_cast<Enum>(raw);
  return true;
}

bool fits(const nlp::Span& span, std::string_view text) { return span.begin <= span.end && span.end <= text.size(); }

}  // namespace

MappingLayers mapping_layers(const nlp::Document& document) {
  MappingLayers layers;
  layers.sentences.reserve(document.sentences.size());
  for (const nlp::Sentence& s : document.sentences) layers.sentences.push_back({s.span, dateline_credit(document, s)});
  layers.entities = document.entities;
  layers.mentions = document.mentions;
  layers.statements = document.statements;
  return layers;
}

std::string to_stored_layers(const MappingLayers& layers, std::string_view text) {
  Writer out(kTag);
  out.put(layers.sentences.size());
  std::uint32_t previous = 0;
  std::size_t credits = 0;
  for (const MappedSentence& s : layers.sentences) {
    out.put_difference(s.span.begin, previous);
    out.put(s.span.size());
    previous = s.span.end;
    if (!s.credit.empty()) ++credits;
  }
  out.put(credits);
  for (std::size_t i = 0; i < layers.sentences.size(); ++i) {
    const MappedSentence& s = layers.sentences[i];
    if (s.credit.empty()) continue;
    out.put(i);
    out.put_difference(s.credit.begin, s.span.begin);
    out.put(s.credit.size());
  }

  out.put(layers.entities.size());
  for (const nlp::Entity& e : layers.entities) {
    out.put(static_cast<std::uint64_t>(e.place_detail));
    out.put(static_cast<std::uint64_t>(e.organization_detail));
    out.put(e.catalog_iri);
    out.put(e.roles.size());
    for (const nlp::Role& role : e.roles) {
      out.put(role.title);
      out.put(role.organization ? std::uint64_t{*role.organization} + 1 : 0);
      out.put(role.place ? std::uint64_t{*role.place} + 1 : 0);
    }
  }

  out.put(layers.mentions.size());
  previous = 0;
  for (const nlp::Mention& m : layers.mentions) {
    out.put_difference(m.span.begin, previous);
    out.put(m.span.size());
    out.put(m.entity);
    out.put(m.sentence);
    previous = m.span.begin;
  }

  out.put(layers.statements.size());
  previous = 0;
  for (const nlp::Statement& s : layers.statements) {
    out.put(static_cast<std::uint64_t>(s.kind));
    out.put_difference(s.content.begin, previous);
    out.put(s.content.size());
    previous = s.content.begin;
    out.put(s.speaker);
    // An empty speaker span is written as size 0 alone (mapping writes none).
    out.put(s.speaker_span.empty() ? 0 : s.speaker_span.size());
    if (!s.speaker_span.empty()) out.put_difference(s.speaker_span.begin, s.content.begin);
    out.put(s.verb);
    out.put_double(s.confidence);
    out.put(s.about.size());
    for (const std::uint32_t about : s.about) out.put(about);
    out.put(s.sentence);
    // Mostly the content's own bytes, or some of them (without its
    // quotation marks, or a trailing comma): then only where they are.
    const std::string_view content = fits(s.content, text) ? s.content.of(text) : std::string_view();
    const std::size_t at = s.text.empty() ? std::string_view::npos : content.find(s.text);
    if (at != std::string_view::npos) {
      out.put(std::uint64_t{kOwnText});
      out.put(at);
      out.put(content.size() - at - s.text.size());
    } else {
      out.put(std::uint64_t{kOtherText});
      out.put(s.text);
    }
  }
  return out.take();
}

std::optional<MappingLayers> parse_stored_layers(std::string_view stored, const std::vector<EntityClaim>& claims,
                                                 std::string_view text) {
  if (!stored.starts_with(kTag)) return std::nullopt;
  Reader in(stored.substr(kTag.size()));
  MappingLayers layers;
  const auto fail = [] { return std::optional<MappingLayers>(); };

  std::size_t count = 0;
  if (!in.get_count(count, 4)) return fail();
  layers.sentences.resize(count);
  std::uint32_t previous = 0;
  for (MappedSentence& s : layers.sentences) {
    std::uint32_t size = 0;
    if (!in.get_offset(s.span.begin, previous) || !in.get(size)) return fail();
    s.span.end = s.span.begin + size;
    if (s.span.end < s.span.begin || !fits(s.span, text)) return fail();
    previous = s.span.end;
  }
  if (!in.get_count(count, 6)) return fail();
  for (std::size_t i = 0; i < count; ++i) {
    std::uint64_t index = 0;
    std::uint32_t size = 0;
    nlp::Span credit;
    if (!in.get(index) || index >= layers.sentences.size()) return fail();
    MappedSentence& s = layers.sentences[static_cast<std::size_t>(index)];
    if (!in.get_offset(credit.begin, s.span.begin) || !in.get(size)) return fail();
    credit.end = credit.begin + size;
    if (credit.end < credit.begin || !fits(credit, text)) return fail();
    s.credit = credit;
  }

  if (!in.get_count(count, 7) || count != claims.size()) return fail();
  layers.entities.resize(count);
  for (std::size_t i = 0; i < count; ++i) {
    nlp::Entity& e = layers.entities[i];
    const EntityClaim& claim = claims[i];
    e.type = claim.type;
    e.name = claim.name;
    e.key_name = claim.key_name;
    e.aliases = claim.aliases;
    std::size_t roles = 0;
    if (!get_enum(in, e.place_detail, nlp::PlaceDetail::Structure) ||
        !get_enum(in, e.organization_detail, nlp::OrganizationDetail::Sports) || !in.get(e.catalog_iri) ||
        !in.get_count(roles, 6)) {
      return fail();
    }
    e.roles.resize(roles);
    for (nlp::Role& role : e.roles) {
      std::uint64_t organization = 0, place = 0;
      if (!in.get(role.title) || !in.get(organization) || !in.get(place)) return fail();
      if (organization > count || place > count) return fail();
      if (organization > 0) role.organization = static_cast<std::uint32_t>(organization - 1);
      if (place > 0) role.place = static_cast<std::uint32_t>(place - 1);
    }
  }
  const std::size_t entities = layers.entities.size();

  if (!in.get_count(count, 8)) return fail();
  layers.mentions.resize(count);
  previous = 0;
  for (nlp::Mention& m : layers.mentions) {
    std::uint32_t size = 0;
    if (!in.get_offset(m.span.begin, previous) || !in.get(size) || !in.get(m.entity) || !in.get(m.sentence)) {
      return fail();
    }
    m.span.end = m.span.begin + size;
    if (m.span.end < m.span.begin || !fits(m.span, text) || m.entity >= entities ||
        m.sentence >= layers.sentences.size()) {
      return fail();
    }
    previous = m.span.begin;
  }

  if (!in.get_count(count, 16)) return fail();
  layers.statements.resize(count);
  previous = 0;
  for (nlp::Statement& s : layers.statements) {
    std::uint32_t size = 0, speaker_size = 0;
    std::size_t about = 0;
    std::uint64_t own = 0;
    if (!get_enum(in, s.kind, nlp::StatementKind::Reported) || !in.get_offset(s.content.begin, previous) ||
        !in.get(size)) {
      return fail();
    }
    s.content.end = s.content.begin + size;
    if (s.content.end < s.content.begin || !fits(s.content, text)) return fail();
    previous = s.content.begin;
    if (!in.get(s.speaker) || s.speaker >= entities || !in.get(speaker_size)) return fail();
    if (speaker_size > 0) {
      if (!in.get_offset(s.speaker_span.begin, s.content.begin)) return fail();
      s.speaker_span.end = s.speaker_span.begin + speaker_size;
      if (s.speaker_span.end < s.speaker_span.begin || !fits(s.speaker_span, text)) return fail();
    }
    if (!in.get(s.verb) || !in.get_double(s.confidence) || !in.get_count(about, 2)) return fail();
    s.about.resize(about);
    for (std::uint32_t& a : s.about) {
      if (!in.get(a) || a >= entities) return fail();
    }
    if (!in.get(s.sentence) || s.sentence >= layers.sentences.size() || !in.get(own)) return fail();
    if (own == kOwnText) {
      std::uint64_t skip = 0, cut = 0;
      if (!in.get(skip) || !in.get(cut) || skip > s.content.size() || cut > s.content.size() - skip) return fail();
      s.text = std::string(s.content.of(text).substr(skip, s.content.size() - skip - cut));
    } else if (own != kOtherText || !in.get(s.text)) {
      return fail();
    }
  }
  if (!in.done()) return fail();
  return layers;
}

}  // namespace ng::loaders
