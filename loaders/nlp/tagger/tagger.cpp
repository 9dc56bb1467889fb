#include "loaders/nlp/tagger/tagger.hpp"

#include "common/error.hpp"
#include "loaders/nlp/model/model_file.hpp"
#include "loaders/nlp/model/training.hpp"
#include "loaders/nlp/tagger/tagger_features.hpp"

namespace ng::nlp {

Tagger::Tagger(std::string_view model_bytes) {
  const auto file = model::ModelFile::view(model_bytes, "tagger model");
  if (file.section("kind") != "tagger 1") throw Error("tagger model: not a tagger model of this version");
  // Class names are "UPOS TAB XPOS" lines; the views point into the model bytes.
  std::string_view classes = file.section("classes");
  while (!classes.empty()) {
    const std::size_t end = classes.find('\n');
    const std::string_view line = classes.substr(0, end);
    const std::size_t tab = line.find('\t');
    const auto upos = parse_upos(line.substr(0, tab));
    if (tab == std::string_view::npos || !upos) throw Error("tagger model: bad class " + std::string(line));
    tags_.push_back(PosTag{*upos, line.substr(tab + 1), static_cast<std::uint16_t>(tags_.size())});
    if (end == std::string_view::npos) break;
    classes.remove_prefix(end + 1);
  }
  weights_ = model::WeightTable::view(file.section("weights"));
  if (weights_.num_classes() != tags_.size()) throw Error("tagger model: weights do not match the classes");
  lexicon_ = tagging::TaggerLexicon::parse(file.section("lexicon"), file.section("wordnet"), tags_.size());
  description_ = file.section("meta");
  id_ = model::new_memo_owner();
}

std::vector<PosTag> Tagger::tag(std::span<const std::string_view> words) const {
  std::vector<PosTag> out;
  tag(words, out);
  return out;
}

void Tagger::tag(std::span<const std::string_view> words, std::vector<PosTag>& out) const {
  out.clear();
  out.reserve(words.size());
  // Scratch space per thread, reused from sentence to sentence: nothing in
  // it outlives a call, so threads share nothing.
  thread_local std::vector<tagging::WordData> data;
  thread_local std::vector<model::FeatureKey> features;
  thread_local std::vector<std::int32_t> scores;
  thread_local tagging::WordDataMemo memo;
  scores.resize(tags_.size());
  memo.bind(id_);
  tagging::describe_words(words, lexicon_, data, &memo);
  std::uint32_t prev1 = tagging::kNoTag, prev2 = tagging::kNoTag;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::uint16_t best;
    if (data[i].info && data[i].info->sure) {
      best = data[i].info->top;
    } else {
      tagging::add_features(data, i, prev1, prev2, features);
      std::fill(scores.begin(), scores.end(), 0);
      weights_.add_scores(features, scores);
      best = static_cast<std::uint16_t>(model::argmax<std::int32_t>(scores));
    }
    out.push_back(tags_[best]);
    prev2 = prev1;
    prev1 = best;
  }
}

}  // namespace ng::nlp
