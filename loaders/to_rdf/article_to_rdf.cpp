#include "loaders/to_rdf/article_to_rdf.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "common/hash.hpp"
#include "loaders/to_rdf/dates.hpp"
#include "loaders/to_rdf/offset_mapper.hpp"
#include "loaders/to_rdf/quad_sink.hpp"
#include "ontology/vocabulary.hpp"

namespace ng::loaders {

namespace {

namespace v = ontology::vocab;
using nlp::Entity;
using ontology::EntityType;

// Bump when the extractor or the mapping changes what it writes, so that
// incremental builds redo every article.
constexpr std::string_view kMappingVersion = "newsgraph-extract-5";

bool is_absolute_iri(std::string_view text) {
  const bool scheme = text.starts_with("http://") || text.starts_with("https://") ||
                      text.starts_with("file:") || text.starts_with("urn:");
  if (!scheme) return false;
  for (char c : text) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' ||
        c == '}' || c == '|' || c == '^' || c == '`' || c == '\\') {
      return false;
    }
  }
  return true;
}

class Mapper {
 public:
  // `text`: the article's full text, which the layers point into.
  Mapper(const Article& article, std::string_view text, const MappingLayers& layers, const EntityResolver& resolver,
         const ontology::IriMinter& minter, const MappingOptions& options, QuadSink::Emitter emit = {},
         std::size_t chunk = 0)
      : article_(article), text_(text), layers_(layers), resolver_(resolver), minter_(minter),
        options_(options), iri_(minter.article(article.url)),
        sink_(emit ? QuadSink(iri_, std::move(emit), chunk) : QuadSink(iri_)), offsets_(text) {}

  ArticleGraph run() {
    find_credits();
    resolve_entities();
    write_article();
    write_entities();
    if (options_.mention_offsets) write_mentions();
    write_statements();
    ArticleGraph graph;
    graph.article_iri = iri_;
    graph.entities = layers_.entities.size();
    graph.statements = layers_.statements.size();
    sink_.flush();
    graph.quad_count = sink_.count();
    graph.quads = sink_.take();
    graph.extraction = std::move(extraction_);
    return graph;
  }

 private:
  // A news agency credited in a dateline ("VELMORA (Northwire) -") is where
  // the article comes from, not something it talks about: its credit is no
  // mention, and an agency named nowhere else is the article's
  // schema:sourceOrganization only (else it would be co-mentioned with
  // everything the agency ever wrote).
  void find_credits() {
    const std::size_t n = layers_.entities.size();
    std::vector<bool> credited(n, false), named_elsewhere(n, false);
    for (std::size_t i = 0; i < layers_.mentions.size(); ++i) {
      const nlp::Mention& m = layers_.mentions[i];
      const nlp::Span credit = layers_.sentences[m.sentence].credit;
      const bool is_credit = layers_.entities[m.entity].type == EntityType::Organization && !credit.empty() &&
                             credit.contains(m.span);
      if (is_credit) {
        credit_mentions_.insert(i);
        credited[m.entity] = true;
      } else {
        named_elsewhere[m.entity] = true;
      }
    }
    for (const nlp::Statement& s : layers_.statements) {
      named_elsewhere[s.speaker] = true;
      for (std::uint32_t about : s.about) named_elsewhere[about] = true;
    }
    for (const nlp::Entity& e : layers_.entities) {
      for (const nlp::Role& role : e.roles) {
        if (role.organization) named_elsewhere[*role.organization] = true;
        if (role.place) named_elsewhere[*role.place] = true;
      }
    }
    for (std::size_t e = 0; e < n; ++e) {
      if (credited[e]) sources_.push_back(e);
      if (credited[e] && !named_elsewhere[e]) credit_only_.insert(e);
    }
  }

  void resolve_entities() {
    extraction_.entities = entity_claims(layers_.entities);
    extraction_.date_published = article_.date_published;
    extraction_.author = article_.author;
    extraction_.publisher = article_.publisher;
    entity_iris_.reserve(layers_.entities.size());
    for (std::size_t i = 0; i < layers_.entities.size(); ++i) {
      EntityClaim& claim = extraction_.entities[i];
      const std::string& linked = layers_.entities[i].catalog_iri;
      claim.iri = linked.empty() ? resolver_.resolve(claim) : linked;
      entity_iris_.push_back(claim.iri);
    }
  }

  std::string span_iri(nlp::Span span) const {
    return ontology::IriMinter::span(iri_, offsets_.code_points_before(span.begin),
                                     offsets_.code_points_before(span.end));
  }

  // A span can be a name's mention and a statement's speaker mention (or
  // two statements' content) at once: its offsets and text are written once.
  void write_span(const std::string& node, nlp::Span span, std::string_view type) {
    sink_.add_type(node, type);
    if (!offsets_written_.insert(node).second) return;
    sink_.add_typed(node, v::nif::kBeginIndex, std::to_string(offsets_.code_points_before(span.begin)),
                    v::xsd::kNonNegativeInteger);
    sink_.add_typed(node, v::nif::kEndIndex, std::to_string(offsets_.code_points_before(span.end)),
                    v::xsd::kNonNegativeInteger);
    sink_.add_iri(node, v::nif::kReferenceContext, iri_);
  }

  std::string sentence_node(std::uint32_t sentence, bool with_text) {
    const nlp::Span span = layers_.sentences[sentence].span;
    const std::string node = span_iri(span);
    if (written_sentences_.insert(sentence).second) write_span(node, span, v::nif::kSentence);
    if (with_text && texted_sentences_.insert(sentence).second && anchored_.insert(node).second) {
      sink_.add_text(node, v::nif::kAnchorOf, span.of(text_));
    }
    return node;
  }

  void write_article() {
    sink_.add_type(iri_, v::schema::kNewsArticle);
    sink_.add_type(iri_, v::nif::kContext);
    if (is_absolute_iri(article_.url)) sink_.add_iri(iri_, v::schema::kUrl, article_.url);
    else sink_.add_text(iri_, v::schema::kUrl, article_.url);
    if (!article_.title.empty()) sink_.add_text(iri_, v::schema::kHeadline, article_.title);
    if (article_.date_published) {
      const DateParts date = split_date(*article_.date_published);
      sink_.add_typed(iri_, v::schema::kDatePublished, date.day, v::xsd::kDate);
      if (date.moment) sink_.add_typed(iri_, v::newsgraph::kDateTimePublished, *date.moment, v::xsd::kDateTime);
    }
    if (article_.language) sink_.add_text(iri_, v::schema::kInLanguage, *article_.language);
    if (article_.publisher) {
      const std::string publisher = minter_.entity(EntityType::Organization, *article_.publisher);
      sink_.add_iri(iri_, v::schema::kPublisher, publisher);
      sink_.add_type(publisher, v::schema::kOrganization);
      sink_.add_text(publisher, v::schema::kName, *article_.publisher);
    }
    if (article_.author) {
      const std::string author = minter_.entity(EntityType::Person, *article_.author);
      sink_.add_iri(iri_, v::schema::kAuthor, author);
      sink_.add_type(author, v::schema::kPerson);
      sink_.add_text(author, v::schema::kName, *article_.author);
    }
    sink_.add_text(iri_, v::newsgraph::kContentHash, article_fingerprint(article_));
    sink_.add_text(iri_, v::newsgraph::kExtraction, to_json(extraction_));
    if (options_.keep_text) {
      sink_.add_text(iri_, v::nif::kIsString, text_);
      // With the text, the article can be mapped again from the store alone.
      sink_.add_text(iri_, v::newsgraph::kMappingLayers, to_stored_layers(layers_, text_));
    }
    std::set<std::string> mentioned;
    for (std::size_t e = 0; e < entity_iris_.size(); ++e) {
      if (!credit_only_.count(e)) mentioned.insert(entity_iris_[e]);
    }
    for (const auto& e : mentioned) sink_.add_iri(iri_, v::schema::kMentions, e);
    for (const std::size_t e : sources_) sink_.add_iri(iri_, v::schema::kSourceOrganization, entity_iris_[e]);
  }

  void write_entities() {
    for (std::size_t i = 0; i < layers_.entities.size(); ++i) {
      const Entity& e = layers_.entities[i];
      const std::string& iri = entity_iris_[i];
      for (const auto& cls : entity_classes(e)) sink_.add_type(iri, cls);
      sink_.add_text(iri, v::schema::kName, e.name);
      if (!e.key_name.empty()) sink_.add_text(iri, v::schema::kAlternateName, e.key_name);
      for (const auto& alias : e.aliases) sink_.add_text(iri, v::schema::kAlternateName, alias);
      for (const auto& role : e.roles) write_role(iri, role);
    }
  }

  void write_role(const std::string& person, const nlp::Role& role) {
    sink_.add_text(person, v::schema::kJobTitle, role.title);
    const std::string role_iri = minter_.role(role.title);
    sink_.add_type(role_iri, v::org::kRole);
    sink_.add_text(role_iri, v::skos::kPrefLabel, role.title);
    const std::string organization = role.organization ? entity_iris_[*role.organization] : std::string();
    const std::string place = role.place ? entity_iris_[*role.place] : std::string();
    const std::string membership = minter_.membership(person, role_iri, organization + " " + place);
    sink_.add_type(membership, v::org::kMembership);
    sink_.add_iri(membership, v::org::kMember, person);
    sink_.add_iri(membership, v::org::kRoleProperty, role_iri);
    if (!organization.empty()) {
      sink_.add_iri(membership, v::org::kOrganization, organization);
      sink_.add_iri(person, v::schema::kAffiliation, organization);
    }
    if (!place.empty()) sink_.add_iri(membership, v::newsgraph::kJurisdiction, place);
    sink_.add_iri(membership, v::prov::kWasDerivedFrom, iri_);
  }

  void write_mentions() {
    for (std::size_t i = 0; i < layers_.mentions.size(); ++i) {
      if (credit_mentions_.count(i)) continue;
      const nlp::Mention& m = layers_.mentions[i];
      const std::string node = span_iri(m.span);
      write_span(node, m.span, v::newsgraph::kMention);
      if (anchored_.insert(node).second) sink_.add_text(node, v::nif::kAnchorOf, m.span.of(text_));
      sink_.add_iri(node, v::itsrdf::kTaIdentRef, entity_iris_[m.entity]);
      sink_.add_iri(node, v::newsgraph::kSentence, sentence_node(m.sentence, false));
    }
  }

  void write_statements() {
    for (std::size_t i = 0; i < layers_.statements.size(); ++i) {
      const nlp::Statement& s = layers_.statements[i];
      const std::string node = minter_.statement(iri_, i);
      sink_.add_type(node, v::schema::kQuotation);
      sink_.add_text(node, v::schema::kText, s.text);
      sink_.add_iri(node, v::schema::kCreator, entity_iris_[s.speaker]);
      sink_.add_iri(node, v::schema::kIsPartOf, iri_);
      for (std::uint32_t about : s.about) sink_.add_iri(node, v::schema::kAbout, entity_iris_[about]);
      sink_.add_iri(node, v::newsgraph::kStatementKindProperty,
                    s.kind == nlp::StatementKind::Direct ? v::newsgraph::kDirectQuote
                                                         : v::newsgraph::kReportedSpeech);
      if (!s.verb.empty()) sink_.add_text(node, v::newsgraph::kReportingVerb, s.verb);
      sink_.add_typed(node, v::newsgraph::kConfidence, fmt::format("{:.2f}", s.confidence), v::xsd::kDouble);
      const std::string quote = span_iri(s.content);
      write_span(quote, s.content, v::nif::kPhrase);
      sink_.add_iri(node, v::newsgraph::kQuoteSpan, quote);
      if (!s.speaker_span.empty()) {
        const std::string speaker = span_iri(s.speaker_span);
        write_span(speaker, s.speaker_span, v::nif::kPhrase);
        if (anchored_.insert(speaker).second) sink_.add_text(speaker, v::nif::kAnchorOf, s.speaker_span.of(text_));
        sink_.add_iri(node, v::newsgraph::kSpeakerMention, speaker);
      }
      sink_.add_iri(node, v::newsgraph::kSentence, sentence_node(s.sentence, true));
      sink_.add_iri(node, v::prov::kWasDerivedFrom, iri_);
      if (article_.date_published) {
        // The day; the article keeps the time when its source gave one.
        sink_.add_typed(node, v::schema::kDateCreated, split_date(*article_.date_published).day, v::xsd::kDate);
      }
    }
  }

  const Article& article_;
  std::string_view text_;
  const MappingLayers& layers_;
  const EntityResolver& resolver_;
  const ontology::IriMinter& minter_;
  const MappingOptions& options_;
  std::string iri_;
  QuadSink sink_;
  OffsetMapper offsets_;
  StoredExtraction extraction_;
  std::set<std::size_t> credit_mentions_;  // mentions that are a dateline's credit
  std::vector<std::size_t> sources_;       // entities credited in a dateline
  std::set<std::size_t> credit_only_;      // ... and named nowhere else
  std::vector<std::string> entity_iris_;
  std::set<std::uint32_t> written_sentences_;
  std::set<std::uint32_t> texted_sentences_;
  std::set<std::string> offsets_written_;  // span IRIs whose offsets are written
  std::set<std::string> anchored_;         // span IRIs whose nif:anchorOf is written
};

}  // namespace

std::string article_fingerprint(const Article& article) {
  std::uint64_t hash = stable_hash(kMappingVersion);
  const auto mix = [&hash](std::string_view part) {
    hash = stable_hash(part, hash ^ 0x9E3779B97F4A7C15ULL);
    hash = stable_hash("\x1f", hash);
  };
  mix(article.url);
  mix(article.title);
  mix(article.body);
  mix(article.date_published.value_or(""));
  mix(article.author.value_or(""));
  mix(article.publisher.value_or(""));
  mix(article.language.value_or(""));
  return fmt::format("{:016x}", hash);
}

std::vector<std::string> entity_classes(const Entity& e) {
  std::vector<std::string> classes;
  switch (e.type) {
    case EntityType::Person: classes.emplace_back(v::schema::kPerson); break;
    case EntityType::Organization:
      classes.emplace_back(v::schema::kOrganization);
      switch (e.organization_detail) {
        case nlp::OrganizationDetail::Government:
        case nlp::OrganizationDetail::Military: classes.emplace_back(v::schema::kGovernmentOrganization); break;
        case nlp::OrganizationDetail::NewsMedia: classes.emplace_back(v::schema::kNewsMediaOrganization); break;
        case nlp::OrganizationDetail::Party: classes.emplace_back(v::schema::kPoliticalParty); break;
        case nlp::OrganizationDetail::Company: classes.emplace_back(v::schema::kCorporation); break;
        case nlp::OrganizationDetail::Education: classes.emplace_back(v::schema::kEducationalOrganization); break;
        case nlp::OrganizationDetail::Sports: classes.emplace_back(v::schema::kSportsTeam); break;
        case nlp::OrganizationDetail::International:
        case nlp::OrganizationDetail::Unknown: break;
      }
      break;
    case EntityType::Place:
      classes.emplace_back(v::schema::kPlace);
      switch (e.place_detail) {
        case nlp::PlaceDetail::Country: classes.emplace_back(v::schema::kCountry); break;
        case nlp::PlaceDetail::Region: classes.emplace_back(v::schema::kAdministrativeArea); break;
        case nlp::PlaceDetail::City: classes.emplace_back(v::schema::kCity); break;
        case nlp::PlaceDetail::Continent: classes.emplace_back(v::schema::kContinent); break;
        case nlp::PlaceDetail::River: classes.emplace_back(v::schema::kRiverBodyOfWater); break;
        case nlp::PlaceDetail::Sea:
        case nlp::PlaceDetail::Lake: classes.emplace_back(v::schema::kBodyOfWater); break;
        case nlp::PlaceDetail::Island:
        case nlp::PlaceDetail::Mountain: classes.emplace_back(v::schema::kLandform); break;
        case nlp::PlaceDetail::Structure: classes.emplace_back(v::schema::kCivicStructure); break;
        case nlp::PlaceDetail::Unknown: break;
      }
      break;
  }
  return classes;
}

ArticleGraph article_to_rdf(const Article& article, const nlp::Document& document, const EntityResolver& resolver,
                            const ontology::IriMinter& minter, const MappingOptions& options) {
  return Mapper(article, document.text, mapping_layers(document), resolver, minter, options).run();
}

ArticleGraph article_to_rdf(const Article& article, const nlp::Document& document, const EntityResolver& resolver,
                            const ontology::IriMinter& minter, const MappingOptions& options, std::size_t chunk,
                            const std::function<void(std::vector<ontology::Quad>&&)>& emit) {
  return article_to_rdf(article, document.text, mapping_layers(document), resolver, minter, options, chunk, emit);
}

ArticleGraph article_to_rdf(const Article& article, std::string_view text, const MappingLayers& layers,
                            const EntityResolver& resolver, const ontology::IriMinter& minter,
                            const MappingOptions& options, std::size_t chunk,
                            const std::function<void(std::vector<ontology::Quad>&&)>& emit) {
  return Mapper(article, text, layers, resolver, minter, options, emit, std::max<std::size_t>(chunk, 1)).run();
}

}  // namespace ng::loaders
