#pragma once
// The name finder's model: a greedy left-to-right averaged perceptron over
// the words of a sentence, one BILOU label per word (name_labels.hpp), each
// label chosen among those the previous one allows, so that every name
// found is well formed. Trained on UNER English EWT, GUM's named mentions,
// the project's own annotated articles and sentences written for it
// (name_trainer.hpp); the trained model is compiled into newsgraph
// (models/).
//
// Thread safety: a NameTagger is immutable after construction; find() may
// run on any number of threads at once. Its output depends only on its
// input.

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "lexicons/lexicon.hpp"
#include "loaders/nlp/model/weight_table.hpp"
#include "loaders/nlp/names/name_labels.hpp"
#include "loaders/nlp/tagger/pos_tag.hpp"

namespace ng::nlp::names {

// A name the model found, over words [first, end) of the sentence given.
struct FoundName {
  std::uint32_t first = 0;
  std::uint32_t end = 0;
  NameType type = NameType::Person;
  // How much the model prefers each type over no name, per word of the span
  // (in units of the model's weights): the type scores of the span.
  std::array<float, kNameTypes> type_scores{};
};

class NameTagger {
 public:
  // The name finder compiled into newsgraph, built on first use
  // (thread-safe). Defined in models/ (link ng_models).
  static const NameTagger& builtin();

  // A name finder over the bytes of a names model file, which must outlive
  // it; the lexicon gives the lexical features. Throws ng::Error when the
  // bytes are not one.
  NameTagger(std::string_view model_bytes, const Lexicon& lexicon);
  NameTagger(const NameTagger&) = delete;
  NameTagger& operator=(const NameTagger&) = delete;

  // The labels of a sentence's words (words as written, tags from the tagger).
  void label(std::span<const std::string_view> words, std::span<const PosTag> tags,
             std::vector<Label>& out) const;
  // The names of a sentence, in order.
  std::vector<FoundName> find(std::span<const std::string_view> words, std::span<const PosTag> tags) const;

  std::string_view description() const noexcept { return description_; }
  std::size_t weight_bytes() const noexcept { return weights_.size_bytes(); }

 private:
  void run(std::span<const std::string_view> words, std::span<const PosTag> tags, std::vector<Label>& labels,
           std::vector<FoundName>* names) const;

  model::WeightTable weights_;
  const Lexicon& lexicon_;
  // A number no other NameTagger of this process has: what each thread's
  // WordLexicalMemo (name_features.hpp) checks to know whose words it holds.
  std::uint64_t id_ = 0;
  std::string_view description_;
};

}  // namespace ng::nlp::names
