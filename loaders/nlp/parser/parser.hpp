#pragma once
// The dependency parser: labelled Universal Dependencies trees (basic
// HEAD/DEPREL, relations with subtypes such as nsubj:pass, obl:agent,
// acl:relcl) over the words of a sentence and their part-of-speech tags.
// Greedy arc-hybrid transitions chosen by an averaged perceptron
// (transition_system.hpp, parser_features.hpp), trained with a dynamic
// oracle on UD English EWT (parser_trainer.hpp). The trained model is
// compiled into newsgraph (models/).
//
// Thread safety: a Parser is immutable after construction; parse() may
// run on any number of threads at once. Its output depends only on the
// words and tags.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "loaders/nlp/model/weight_table.hpp"
#include "loaders/nlp/parser/parser_lexicon.hpp"
#include "loaders/nlp/tagger/pos_tag.hpp"

namespace ng::nlp {

struct Dependency {
  std::int32_t head = -1;       // index of the head word in the sentence; -1 for the root word
  std::string_view relation;    // "nsubj", "obl:agent", "root"... (views the parser's label set)
  std::uint16_t label = 0;      // the relation's id in the parser's label set
};

class Parser {
 public:
  // The parser compiled into newsgraph, built on first use (thread-safe).
  // Defined in models/ (link ng_models).
  static const Parser& builtin();

  // A parser over the bytes of a parser model file, which must outlive it.
  // Throws ng::Error when they are not one.
  explicit Parser(std::string_view model_bytes);
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
  Parser(Parser&&) noexcept = default;
  Parser& operator=(Parser&&) noexcept = default;

  // One dependency per word: a tree with exactly one root word. `tags`
  // come from the tagger (one per word).
  std::vector<Dependency> parse(std::span<const std::string_view> words, std::span<const PosTag> tags) const;
  // The same with tags as strings (XPOS and UPOS per word).
  std::vector<Dependency> parse(std::span<const std::string_view> words, std::span<const std::string_view> xpos,
                                std::span<const std::string_view> upos) const;

  std::size_t num_labels() const noexcept { return labels_.size(); }
  std::string_view label_name(std::uint16_t label) const { return labels_.at(label); }
  std::string_view description() const noexcept { return description_; }
  std::size_t weight_bytes() const noexcept { return weights_.size_bytes(); }

 private:
  std::vector<std::string_view> labels_;  // views into the model bytes
  std::uint16_t root_label_ = 0;
  parsing::ParserLexicon lexicon_;
  model::WeightTable weights_;
  std::string_view description_;
};

}  // namespace ng::nlp
