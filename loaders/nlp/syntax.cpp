#include "loaders/nlp/syntax.hpp"

#include <string_view>
#include <vector>

#include "common/ascii.hpp"
#include "loaders/nlp/cues.hpp"
#include "loaders/nlp/model/ud_words.hpp"
#include "loaders/nlp/parser/parser.hpp"
#include "loaders/nlp/tagger/tagger.hpp"

namespace ng::nlp {

bool needs_parse(const Document& doc, const Sentence& sentence) {
  for (std::uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
    const Token& token = doc.tokens[t];
    if (token.kind == TokenKind::OpenQuote || token.kind == TokenKind::CloseQuote) return true;
    if (token.kind != TokenKind::Word) continue;
    const std::string lower = ascii_lower(token.span.of(doc.text));
    if (lower == "according" || cues::speech_verb_lemma(lower) || cues::frame_speech_verb_lemma(lower)) {
      return true;
    }
  }
  return false;
}

void add_syntax(Document& doc) {
  const Tagger& tagger = Tagger::builtin();
  const Parser& parser = Parser::builtin();
  std::vector<std::string_view> token_texts;
  std::vector<std::string_view> forms;
  std::vector<PosTag> tags;
  doc.words.clear();
  for (Sentence& sentence : doc.sentences) {
    sentence.first_word = sentence.end_word = static_cast<std::uint32_t>(doc.words.size());
    sentence.parsed = false;
    if (sentence.end_token <= sentence.first_token) continue;
    token_texts.clear();
    for (std::uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
      token_texts.push_back(doc.tokens[t].span.of(doc.text));
    }
    const std::vector<model::UdWord> ud = model::to_ud_words(token_texts);
    forms.clear();
    for (const model::UdWord& w : ud) forms.push_back(w.form);
    tagger.tag(forms, tags);
    for (std::size_t i = 0; i < ud.size(); ++i) {
      const std::uint32_t token = sentence.first_token + ud[i].token;
      const std::uint32_t begin = doc.tokens[token].span.begin + ud[i].offset;
      Word word;
      word.span = {begin, begin + static_cast<std::uint32_t>(ud[i].form.size())};
      word.token = token;
      word.upos = tags[i].upos;
      word.xpos = tags[i].xpos;
      doc.words.push_back(word);
    }
    sentence.end_word = static_cast<std::uint32_t>(doc.words.size());
    if (!needs_parse(doc, sentence)) continue;
    const std::vector<Dependency> tree = parser.parse(forms, tags);
    for (std::size_t i = 0; i < tree.size(); ++i) {
      Word& word = doc.words[sentence.first_word + i];
      word.head = tree[i].head < 0 ? -1 : static_cast<std::int32_t>(sentence.first_word) + tree[i].head;
      word.relation = tree[i].relation;
    }
    sentence.parsed = true;
  }
}

}  // namespace ng::nlp
