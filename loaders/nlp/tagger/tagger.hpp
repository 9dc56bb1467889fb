#pragma once
// The part-of-speech tagger: a greedy left-to-right averaged perceptron
// over words (UD English words: see model/ud_words.hpp for newsgraph
// tokens), predicting one UPOS + XPOS pair per word. Trained on UD English
// EWT (tagger_trainer.hpp); the trained model is compiled into newsgraph
// (models/).
//
// Thread safety: a Tagger is immutable after construction; tag() may run
// on any number of threads at once. Its output depends only on the words.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "loaders/nlp/model/weight_table.hpp"
#include "loaders/nlp/tagger/pos_tag.hpp"
#include "loaders/nlp/tagger/tagger_lexicon.hpp"

namespace ng::nlp {

class Tagger {
 public:
  // The tagger compiled into newsgraph, built on first use (thread-safe).
  // Defined in models/ (link ng_models).
  static const Tagger& builtin();

  // A tagger over the bytes of a tagger model file, which must outlive it.
  // Throws ng::Error when they are not one.
  explicit Tagger(std::string_view model_bytes);
  Tagger(const Tagger&) = delete;
  Tagger& operator=(const Tagger&) = delete;
  Tagger(Tagger&&) noexcept = default;
  Tagger& operator=(Tagger&&) noexcept = default;

  // One tag per word. Words are as written ("Obama", "n't", "”").
  std::vector<PosTag> tag(std::span<const std::string_view> words) const;
  void tag(std::span<const std::string_view> words, std::vector<PosTag>& out) const;

  std::size_t num_tags() const noexcept { return tags_.size(); }
  const PosTag& tag_by_id(std::uint16_t id) const { return tags_.at(id); }
  // The model's description ("meta" section): training data, epochs, scores.
  std::string_view description() const noexcept { return description_; }
  std::size_t weight_bytes() const noexcept { return weights_.size_bytes(); }

 private:
  std::vector<PosTag> tags_;
  model::WeightTable weights_;
  tagging::TaggerLexicon lexicon_;
  std::string_view description_;
  // A number no other Tagger of this process has: what each thread's
  // WordDataMemo (tagger_features.hpp) checks to know whose words it holds.
  std::uint64_t id_ = 0;
};

}  // namespace ng::nlp
