#include "loaders/nlp/attribution/interview_answers.hpp"

namespace ng::nlp {

std::optional<ReportingClause> interview_answer(const Document& doc, const SpeakerResolver& speakers,
                                                std::uint32_t s) {
  const Sentence& sentence = doc.sentences[s];
  if (sentence.title || sentence.end_token <= sentence.first_token + 2) return std::nullopt;
  const Paragraph& paragraph = doc.paragraphs[sentence.paragraph];
  if (paragraph.first_sentence != s) return std::nullopt;
  const auto m = speakers.mention_at(sentence.first_token);
  if (!m) return std::nullopt;
  const Mention& mention = doc.mentions[*m];
  if (doc.entities[mention.entity].type != EntityType::Person) return std::nullopt;
  // The name must be all that stands before the colon.
  std::uint32_t colon = sentence.first_token;
  while (colon < sentence.end_token && doc.tokens[colon].span.end <= mention.span.end) ++colon;
  if (colon >= sentence.end_token || doc.tokens[colon].span.of(doc.text) != ":") return std::nullopt;
  const Sentence& last = doc.sentences[paragraph.end_sentence - 1];
  if (colon + 1 >= last.end_token) return std::nullopt;
  std::uint32_t words = 0;
  for (std::uint32_t t = colon + 1; t < last.end_token; ++t) words += doc.tokens[t].kind == TokenKind::Word;
  if (words < 2) return std::nullopt;
  ReportingClause clause;
  clause.shape = ReportingClause::Shape::SubjectVerb;
  clause.speaker = Speaker{mention.entity, mention.span, Mention::Form::Name};
  clause.verb_token = colon;
  clause.verb = ":";
  clause.sentence = s;
  clause.content = {doc.tokens[colon + 1].span.begin, doc.tokens[last.end_token - 1].span.end};
  clause.confidence = 0.8;
  clause.direct = true;
  return clause;
}

}  // namespace ng::nlp
