#include "loaders/nlp/parser/parser_lexicon.hpp"

#include "common/error.hpp"
#include "loaders/nlp/model/feature_hash.hpp"
#include "loaders/nlp/model/model_file.hpp"

namespace ng::nlp::parsing {

using model::hash_text;
using model::mix64;

namespace {
const std::uint64_t kUnknown = hash_text("<unknown word>");
}  // namespace

void ParserLexicon::add(const std::string& form, const std::vector<std::string>& tags) {
  std::uint64_t value = 0x2545f4914f6cdd1dULL;
  std::string line = form + '\t';
  for (std::size_t i = 0; i < tags.size(); ++i) {
    value = mix64(value ^ hash_text(tags[i]));
    if (i) line += ' ';
    line += tags[i];
  }
  if (value == 0) value = 1;
  lines_.push_back(std::move(line));
  // Grow to keep the table at most half full.
  if (2 * (count_ + 1) > slot_keys_.size()) {
    std::vector<std::uint64_t> keys = std::move(slot_keys_), values = std::move(slot_values_);
    const std::size_t size = keys.empty() ? 64 : 2 * keys.size();
    slot_keys_.assign(size, 0);
    slot_values_.assign(size, 0);
    count_ = 0;
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (values[i] == 0) continue;
      std::size_t slot = keys[i] & (size - 1);
      while (slot_values_[slot] != 0) slot = (slot + 1) & (size - 1);
      slot_keys_[slot] = keys[i];
      slot_values_[slot] = values[i];
      ++count_;
    }
  }
  const std::uint64_t key = hash_text(form);
  const std::size_t mask = slot_keys_.size() - 1;
  std::size_t slot = key & mask;
  while (slot_values_[slot] != 0 && slot_keys_[slot] != key) slot = (slot + 1) & mask;
  if (slot_values_[slot] == 0) ++count_;
  slot_keys_[slot] = key;
  slot_values_[slot] = value;
}

ParserLexicon ParserLexicon::build(const Counts& counts, std::uint32_t min_count, double min_share) {
  ParserLexicon lexicon;
  for (const auto& [form, tags] : counts) {
    std::uint64_t total = 0;
    for (const auto& [tag, n] : tags) total += n;
    if (total < min_count) continue;
    std::vector<std::string> kept;
    for (const auto& [tag, n] : tags) {
      if (static_cast<double>(n) >= min_share * static_cast<double>(total)) kept.push_back(tag);
    }
    lexicon.add(form, kept);
  }
  return lexicon;
}

std::string ParserLexicon::serialize() const { return model::join_lines(lines_); }

ParserLexicon ParserLexicon::parse(std::string_view text) {
  ParserLexicon lexicon;
  for (const std::string& line : model::split_lines(text)) {
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0) throw Error("parser lexicon: bad line: " + line);
    std::vector<std::string> tags;
    std::string_view rest = std::string_view(line).substr(tab + 1);
    while (!rest.empty()) {
      const std::size_t space = rest.find(' ');
      tags.emplace_back(rest.substr(0, space));
      if (space == std::string_view::npos) break;
      rest.remove_prefix(space + 1);
    }
    lexicon.add(line.substr(0, tab), tags);
  }
  return lexicon;
}

std::uint64_t ParserLexicon::ambiguity(std::uint64_t form_hash) const noexcept {
  if (slot_keys_.empty()) return kUnknown;
  const std::size_t mask = slot_keys_.size() - 1;
  for (std::size_t slot = form_hash & mask;; slot = (slot + 1) & mask) {
    if (slot_values_[slot] == 0) return kUnknown;
    if (slot_keys_[slot] == form_hash) return slot_values_[slot];
  }
}

}  // namespace ng::nlp::parsing
