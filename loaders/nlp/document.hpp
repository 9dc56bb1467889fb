#pragma once
// What the extractor finds in one article, as plain structs: sentences,
// tokens with byte offsets, mentions of named entities, the entities they
// refer to (after coreference), roles, and statements with their speakers.
// No RDF here: loaders/to_rdf maps these to triples.
//
// Offsets are byte offsets into Document::text (valid UTF-8); to_rdf
// converts them to the code-point offsets NIF uses.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loaders/nlp/tagger/pos_tag.hpp"
#include "ontology/entity_type.hpp"

namespace ng::nlp {

using ontology::EntityType;

struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;  // one past the last byte
  std::uint32_t size() const noexcept { return end - begin; }
  bool empty() const noexcept { return end <= begin; }
  bool contains(const Span& other) const noexcept { return begin <= other.begin && other.end <= end; }
  bool overlaps(const Span& other) const noexcept { return begin < other.end && other.begin < end; }
  std::string_view of(std::string_view text) const noexcept { return text.substr(begin, end - begin); }
  bool operator==(const Span&) const = default;
};

enum class TokenKind : std::uint8_t {
  Word,         // letters, digits, inner apostrophes, hyphens and dots ("U.S.", "al-Assad")
  Number,       // digits with separators ("25,000", "0500")
  OpenQuote,    // “ « „ ‘ (and a straight quote judged opening)
  CloseQuote,   // ” » ’ (and a straight quote judged closing)
  Punctuation,  // everything else that is not space
};

struct Token {
  Span span;
  TokenKind kind = TokenKind::Word;
  bool capitalized = false;  // first letter upper case
  bool all_caps = false;     // two or more letters, none lower case
  bool space_before = false; // whitespace between the previous token and this one
  bool line_break_before = false;
};

struct Sentence {
  Span span;
  std::uint32_t first_token = 0;  // index into Document::tokens
  std::uint32_t end_token = 0;    // one past the last token
  std::uint32_t first_word = 0;   // index into Document::words
  std::uint32_t end_word = 0;     // one past the last word
  bool parsed = false;            // its words have heads and relations
  std::uint32_t paragraph = 0;
  bool title = false;       // the article's title (first paragraph of a titled article)
  bool title_case = false;  // a headline in Title Case: capitals say nothing about names
  bool dateline = false;  // starts with "CITY -" or "CITY (Agency) -"
};

// A syntactic word of Universal Dependencies: a token, or a part of one
// ("do" and "n't" of "don't"), with its part of speech (every sentence)
// and, in parsed sentences, its head and relation.
struct Word {
  Span span;                  // bytes of the text
  std::uint32_t token = 0;    // index of the token it is part of
  Upos upos = Upos::X;
  std::string_view xpos;      // Penn tag; views the built-in tagger's tag set (lives for the program)
  std::int32_t head = -1;     // index into Document::words; -1: root of the sentence, or not parsed
  std::string_view relation;  // "nsubj", "ccomp", "obl:agent"...; empty when not parsed
};

// A name the trained name finder found (names/name_tagger.hpp), over
// tokens: evidence the entity stage weighs with the cues and lexicons.
struct NameSpan {
  Span span;
  std::uint32_t first_token = 0;
  std::uint32_t end_token = 0;  // one past the last token
  std::uint32_t sentence = 0;
  EntityType type = EntityType::Person;
  // The model's preference for Person, Organization and Place over no name,
  // per word, in its weight units (0 when it prefers no name).
  std::array<float, 3> type_scores{};
};

struct Paragraph {
  Span span;
  std::uint32_t first_sentence = 0;
  std::uint32_t end_sentence = 0;
};

// One occurrence of a name (or of a pronoun or description resolved to an
// entity, when it speaks).
struct Mention {
  Span span;
  std::uint32_t entity = 0;    // index into Document::entities
  std::uint32_t sentence = 0;  // index into Document::sentences
  enum class Form : std::uint8_t { Name, Pronoun, Description } form = Form::Name;
};

// A job title and what it belongs to ("Defence Minister" of Germany,
// "Secretary General" of NATO).
struct Role {
  std::string title;
  std::optional<std::uint32_t> organization;  // entity index, an Organization
  std::optional<std::uint32_t> place;         // entity index, a Place (jurisdiction)
};

enum class PlaceDetail : std::uint8_t {
  Unknown, Country, Region, City, Continent, River, Sea, Lake, Island, Mountain, Structure
};
enum class OrganizationDetail : std::uint8_t {
  Unknown, Government, NewsMedia, Party, Company, International, Military, Education, Sports
};

struct Entity {
  EntityType type = EntityType::Person;
  std::string name;                  // fullest form in the text
  std::string key_name;              // the lexicon's name when it differs ("Kyiv" for "Kiev"): IRIs use it
  std::vector<std::string> aliases;  // other forms in the text, sorted, without name
  std::vector<Role> roles;
  PlaceDetail place_detail = PlaceDetail::Unknown;
  OrganizationDetail organization_detail = OrganizationDetail::Unknown;
  std::string catalog_iri;  // set when the entity was linked to a known IRI
  std::uint32_t mention_count = 0;
};

enum class StatementKind : std::uint8_t { Direct, Reported };

struct Statement {
  StatementKind kind = StatementKind::Reported;
  std::string text;            // the content, without the reporting clause
  Span content;                // where the content is (first to last byte)
  std::uint32_t speaker = 0;   // entity index
  Span speaker_span;           // the mention that names or refers to the speaker
  std::string verb;            // "said", "warned", "according to"
  double confidence = 0.5;
  std::vector<std::uint32_t> about;  // entity indices, sorted, without the speaker
  std::uint32_t sentence = 0;        // the sentence where the content starts
};

// One article as the extractor's stages see it: the text and every layer
// found in it, each layer pointing into the text by byte offsets. Stages
// read the layers before them and fill their own (tokens → sentences and
// paragraphs → words with tags and trees → entities and mentions →
// statements).
struct Document {
  std::string text;  // valid UTF-8: the article's title, then its body
  std::vector<Token> tokens;
  std::vector<Word> words;  // sentence by sentence (Sentence::first_word)
  std::vector<Sentence> sentences;
  std::vector<Paragraph> paragraphs;
  std::vector<NameSpan> names;        // the name model's spans, in text order
  std::vector<Entity> entities;
  std::vector<Mention> mentions;      // sorted by span
  std::vector<Statement> statements;  // sorted by content span
};

}  // namespace ng::nlp
