#include "loaders/nlp/name_model.hpp"

#include <string_view>
#include <vector>

#include "loaders/nlp/names/name_tagger.hpp"

namespace ng::nlp {

namespace {

EntityType entity_type(names::NameType type) {
  switch (type) {
    case names::NameType::Person: return EntityType::Person;
    case names::NameType::Organization: return EntityType::Organization;
    case names::NameType::Place: return EntityType::Place;
  }
  return EntityType::Person;
}

}  // namespace

void add_name_spans(Document& doc) {
  const names::NameTagger& model = names::NameTagger::builtin();
  std::vector<std::string_view> forms;
  std::vector<PosTag> tags;
  doc.names.clear();
  for (std::uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sentence = doc.sentences[s];
    if (sentence.title_case || sentence.end_word <= sentence.first_word) continue;
    bool capital = false;
    for (std::uint32_t t = sentence.first_token; t < sentence.end_token && !capital; ++t) {
      capital = doc.tokens[t].capitalized;
    }
    if (!capital) continue;
    forms.clear();
    tags.clear();
    for (std::uint32_t w = sentence.first_word; w < sentence.end_word; ++w) {
      const Word& word = doc.words[w];
      forms.push_back(word.span.of(doc.text));
      tags.push_back(PosTag{word.upos, word.xpos, 0});
    }
    for (const names::FoundName& found : model.find(forms, tags)) {
      const Word& first = doc.words[sentence.first_word + found.first];
      const Word& last = doc.words[sentence.first_word + found.end - 1];
      NameSpan name;
      name.span = {first.span.begin, last.span.end};
      name.first_token = first.token;
      name.end_token = last.token + 1;
      name.sentence = s;
      name.type = entity_type(found.type);
      name.type_scores = found.type_scores;
      doc.names.push_back(name);
    }
  }
}

}  // namespace ng::nlp
