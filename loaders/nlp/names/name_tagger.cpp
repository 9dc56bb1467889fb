#include "loaders/nlp/names/name_tagger.hpp"

#include <algorithm>

#include "common/error.hpp"
#include "loaders/nlp/model/model_file.hpp"
#include "loaders/nlp/model/training.hpp"
#include "loaders/nlp/names/name_features.hpp"

namespace ng::nlp::names {

NameTagger::NameTagger(std::string_view model_bytes, const Lexicon& lexicon) : lexicon_(lexicon) {
  const auto file = model::ModelFile::view(model_bytes, "names model");
  if (file.section("kind") != "names 1") throw Error("names model: not a names model of this version");
  weights_ = model::WeightTable::view(file.section("weights"));
  if (weights_.num_classes() != kNumLabels) throw Error("names model: weights do not match the labels");
  description_ = file.section("meta");
  id_ = model::new_memo_owner();
}

void NameTagger::label(std::span<const std::string_view> words, std::span<const PosTag> tags,
                       std::vector<Label>& out) const {
  run(words, tags, out, nullptr);
}

std::vector<FoundName> NameTagger::find(std::span<const std::string_view> words,
                                        std::span<const PosTag> tags) const {
  thread_local std::vector<Label> labels;
  std::vector<FoundName> names;
  run(words, tags, labels, &names);
  return names;
}

void NameTagger::run(std::span<const std::string_view> words, std::span<const PosTag> tags,
                     std::vector<Label>& labels, std::vector<FoundName>* names) const {
  labels.clear();
  // Scratch space per thread, reused from sentence to sentence.
  thread_local std::vector<NameWord> data;
  thread_local std::vector<model::FeatureKey> features;
  thread_local std::vector<std::array<std::int32_t, kNumLabels>> scores;
  thread_local WordLexicalMemo memo;
  std::array<std::int32_t, kNumLabels> row{};
  memo.bind(id_);
  describe_name_words(words, tags, lexicon_, data, &memo);
  scores.resize(words.size());
  Label prev1 = kOutside, prev2 = kOutside;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto& allowed = allowed_after(prev1);
    Label best = kOutside;
    const bool open = !allowed[kOutside];
    if (open ? !may_continue_name(data[i]) : !may_start_name(data[i])) {
      scores[i].fill(0);
    } else {
      add_name_features(data, i, prev1, prev2, features);
      row.fill(0);
      weights_.add_scores(features, row);
      scores[i] = row;
      best = static_cast<Label>(model::argmax<std::int32_t>(row, allowed));
    }
    labels.push_back(best);
    prev2 = prev1;
    prev1 = best;
  }
  if (!names) return;
  const float scale = weights_.scale();
  for (const LabelSpan& span : spans_of(labels)) {
    FoundName name{span.first, span.end, span.type, {}};
    for (std::size_t t = 0; t < kNameTypes; ++t) {
      float total = 0;
      for (std::uint32_t k = span.first; k < span.end; ++k) {
        std::int32_t best = scores[k][1 + t * 4];
        for (std::size_t p = 1; p < 4; ++p) best = std::max(best, scores[k][1 + t * 4 + p]);
        total += static_cast<float>(best - scores[k][kOutside]);
      }
      name.type_scores[t] = std::max(0.0f, total * scale / static_cast<float>(span.end - span.first));
    }
    names->push_back(name);
  }
}

}  // namespace ng::nlp::names
