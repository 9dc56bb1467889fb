#include "loaders/nlp/extractor.hpp"

#include "loaders/nlp/cues.hpp"
#include "loaders/nlp/entity_builder.hpp"
#include "loaders/nlp/name_finder.hpp"
#include "loaders/nlp/quote_finder.hpp"
#include "loaders/nlp/reporting_clauses.hpp"
#include "loaders/nlp/sentence_splitter.hpp"
#include "loaders/nlp/speaker_resolver.hpp"
#include "loaders/nlp/statement_finder.hpp"
#include "loaders/nlp/tokenizer.hpp"

namespace ng::nlp {

namespace {

// Drops the sentences of web-page furniture ("Advertisement", "Read also:")
// so that they produce no names.
void drop_boilerplate(std::string_view text, Analysis& analysis) {
  for (Paragraph& p : analysis.paragraphs) {
    if (!cues::is_boilerplate_line(p.span.of(text))) continue;
    for (std::uint32_t s = p.first_sentence; s < p.end_sentence; ++s) {
      analysis.sentences[s].end_token = analysis.sentences[s].first_token;
    }
  }
}

}  // namespace

Analysis analyze(std::string_view text, const Lexicon& lexicon, const ExtractOptions& options) {
  Analysis analysis;
  analysis.tokens = tokenize(text);
  if (analysis.tokens.empty()) return analysis;
  SentenceSplit split = split_sentences(text, analysis.tokens, options.has_title);
  analysis.sentences = std::move(split.sentences);
  analysis.paragraphs = std::move(split.paragraphs);
  drop_boilerplate(text, analysis);

  const NameFinder finder(text, analysis.tokens, analysis.sentences, lexicon);
  const std::vector<NameCandidate> candidates = finder.find();
  EntityBuilder(text, lexicon).build(candidates, analysis);

  const std::vector<Quote> quotes = find_quotes(text, analysis.tokens, analysis.paragraphs, analysis.sentences);
  const SpeakerResolver speakers(text, analysis, lexicon);
  const std::vector<ReportingClause> clauses = ClauseFinder(text, analysis, quotes, speakers).find();
  find_statements(text, quotes, clauses, analysis);
  return analysis;
}

}  // namespace ng::nlp
