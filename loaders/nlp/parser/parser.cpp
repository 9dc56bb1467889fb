#include "loaders/nlp/parser/parser.hpp"

#include <algorithm>

#include "common/error.hpp"
#include "loaders/nlp/model/model_file.hpp"
#include "loaders/nlp/model/training.hpp"
#include "loaders/nlp/parser/parser_features.hpp"
#include "loaders/nlp/parser/transition_system.hpp"

namespace ng::nlp {

using parsing::Action;
using parsing::Move;

Parser::Parser(std::string_view model_bytes) {
  const auto file = model::ModelFile::view(model_bytes, "parser model");
  if (file.section("kind") != "parser 1") throw Error("parser model: not a parser model of this version");
  std::string_view labels = file.section("labels");
  bool has_root = false;
  while (!labels.empty()) {
    const std::size_t end = labels.find('\n');
    const std::string_view label = labels.substr(0, end);
    if (label.empty()) throw Error("parser model: empty label");
    if (label == "root") {
      root_label_ = static_cast<std::uint16_t>(labels_.size());
      has_root = true;
    }
    labels_.push_back(label);
    if (end == std::string_view::npos) break;
    labels.remove_prefix(end + 1);
  }
  if (!has_root) throw Error("parser model: no root label");
  lexicon_ = parsing::ParserLexicon::parse(file.section("lexicon"));
  weights_ = model::WeightTable::view(file.section("weights"));
  if (weights_.num_classes() != 1 + 2 * labels_.size()) throw Error("parser model: weights do not match the labels");
  description_ = file.section("meta");
}

std::vector<Dependency> Parser::parse(std::span<const std::string_view> words, std::span<const PosTag> tags) const {
  std::vector<std::string_view> xpos, upos;
  xpos.reserve(tags.size());
  upos.reserve(tags.size());
  for (const PosTag& tag : tags) {
    xpos.push_back(tag.xpos);
    upos.push_back(upos_name(tag.upos));
  }
  return parse(words, xpos, upos);
}

std::vector<Dependency> Parser::parse(std::span<const std::string_view> words, std::span<const std::string_view> xpos,
                                      std::span<const std::string_view> upos) const {
  if (xpos.size() != words.size() || upos.size() != words.size())
    throw Error("parser: one tag per word is needed");
  // Scratch space per thread, reused from sentence to sentence.
  thread_local std::vector<parsing::ParserWord> described;
  thread_local std::vector<model::FeatureKey> features;
  thread_local std::vector<std::int32_t> scores;
  thread_local std::vector<std::int32_t> buffer_scores;
  thread_local std::vector<std::uint8_t> allowed;
  thread_local parsing::ParseState state(0);
  const std::size_t num_classes = weights_.num_classes();
  scores.resize(num_classes);
  buffer_scores.resize(num_classes);
  allowed.resize(num_classes);
  parsing::describe_words(words, xpos, upos, lexicon_, described);
  state.reset(words.size());
  const std::size_t num_labels = labels_.size();
  std::int32_t scored_b0 = -2;  // no buffer word scored yet
  while (!state.terminal()) {
    // Which actions are allowed depends on the move, and on the label only
    // through "root" (see transition_system.hpp): three checks per move.
    const auto fill = [&](Move move, std::size_t first) {
      const bool plain = state.allowed({move, static_cast<std::uint16_t>(root_label_ == 0 ? 1 : 0)}, root_label_);
      const bool root = state.allowed({move, root_label_}, root_label_);
      std::fill(allowed.begin() + static_cast<std::ptrdiff_t>(first),
                allowed.begin() + static_cast<std::ptrdiff_t>(first + num_labels), plain);
      allowed[first + root_label_] = root;
    };
    allowed[0] = state.allowed({Move::Shift, 0}, root_label_);
    fill(Move::Left, 1);
    fill(Move::Right, 1 + num_labels);
    // A move that is the only one allowed needs no scores (the first SHIFT
    // from the root, the last RIGHT to it): argmax would pick it whatever
    // they were.
    if (std::count(allowed.begin(), allowed.end(), std::uint8_t{1}) == 1) {
      const auto only = static_cast<std::size_t>(std::find(allowed.begin(), allowed.end(), std::uint8_t{1}) -
                                                 allowed.begin());
      state.apply(parsing::class_action(only, labels_.size()));
      continue;
    }
    // The scores of the buffer's features hold until the next SHIFT: the
    // sums are integers, so adding them in two parts changes nothing.
    if (state.buffer(0) != scored_b0) {
      scored_b0 = state.buffer(0);
      parsing::add_features(state, described, features, parsing::FeaturePart::Buffer);
      std::fill(buffer_scores.begin(), buffer_scores.end(), 0);
      weights_.add_scores(features, buffer_scores);
    }
    parsing::add_features(state, described, features, parsing::FeaturePart::State);
    std::copy(buffer_scores.begin(), buffer_scores.end(), scores.begin());
    weights_.add_scores(features, scores);
    const std::size_t best = model::argmax<std::int32_t>(scores, allowed);
    state.apply(parsing::class_action(best, labels_.size()));
  }
  std::vector<Dependency> out(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto position = static_cast<std::int32_t>(i + 1);
    out[i].head = state.head(position) - 1;
    out[i].label = state.label(position);
    out[i].relation = labels_[out[i].label];
  }
  return out;
}

}  // namespace ng::nlp
