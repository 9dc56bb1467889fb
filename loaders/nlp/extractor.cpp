#include "loaders/nlp/extractor.hpp"

#include "loaders/nlp/attribution/described_about.hpp"
#include "loaders/nlp/cues.hpp"
#include "loaders/nlp/entity_builder.hpp"
#include "loaders/nlp/name_finder.hpp"
#include "loaders/nlp/name_model.hpp"
#include "loaders/nlp/quote_finder.hpp"
#include "loaders/nlp/reporting_clauses.hpp"
#include "loaders/nlp/sentence_splitter.hpp"
#include "loaders/nlp/speaker_resolver.hpp"
#include "loaders/nlp/syntax.hpp"
#include "loaders/nlp/statement_finder.hpp"
#include "loaders/nlp/tokenizer.hpp"

namespace ng::nlp {

namespace {

// Drops the sentences of web-page furniture ("Advertisement", "Read also:")
// so that they produce no names.
void drop_boilerplate(Document& doc) {
  for (Paragraph& p : doc.paragraphs) {
    if (!cues::is_boilerplate_line(p.span.of(doc.text))) continue;
    for (std::uint32_t s = p.first_sentence; s < p.end_sentence; ++s) {
      doc.sentences[s].end_token = doc.sentences[s].first_token;
    }
  }
}

}  // namespace

Document analyze(std::string text, const Lexicon& lexicon, const ExtractOptions& options) {
  Document doc;
  doc.text = std::move(text);
  doc.tokens = tokenize(doc.text);
  if (doc.tokens.empty()) return doc;
  SentenceSplit split = split_sentences(doc.text, doc.tokens, options.has_title);
  doc.sentences = std::move(split.sentences);
  doc.paragraphs = std::move(split.paragraphs);
  drop_boilerplate(doc);
  add_syntax(doc);
  add_name_spans(doc);

  const NameFinder finder(doc.text, doc.tokens, doc.sentences, lexicon, &doc.names);
  const std::vector<NameCandidate> candidates = finder.find();
  EntityBuilder(lexicon).build(candidates, doc);

  const std::vector<Quote> quotes = find_quotes(doc.text, doc.tokens, doc.paragraphs, doc.sentences);
  const SpeakerResolver speakers(doc, lexicon);
  const std::vector<ReportingClause> clauses = ClauseFinder(doc, quotes, speakers).find();
  find_statements(quotes, clauses, doc);
  add_described_about(doc, lexicon);
  return doc;
}

}  // namespace ng::nlp
