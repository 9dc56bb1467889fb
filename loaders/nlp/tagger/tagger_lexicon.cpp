#include "loaders/nlp/tagger/tagger_lexicon.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>

#include "common/error.hpp"
#include "loaders/nlp/model/feature_hash.hpp"
#include "loaders/nlp/model/model_file.hpp"

namespace ng::nlp::tagging {

using model::hash_text;
using model::mix64;

namespace {

std::uint32_t key_of(std::uint64_t form_hash) noexcept { return static_cast<std::uint32_t>(form_hash); }

}  // namespace

void TaggerLexicon::add_word(const std::string& form, std::uint16_t top, bool sure, std::vector<std::uint16_t> tags) {
  std::sort(tags.begin(), tags.end());
  std::uint64_t ambiguity = 0x51ed270b27c1f3a5ULL;
  std::string line = form + '\t' + std::to_string(top) + '\t' + (sure ? "1" : "0") + '\t';
  for (std::size_t i = 0; i < tags.size(); ++i) {
    ambiguity = mix64(ambiguity ^ (tags[i] + 1ULL));
    if (i) line += ',';
    line += std::to_string(tags[i]);
  }
  entries_.emplace_back(key_of(hash_text(form)), WordInfo{static_cast<std::uint32_t>(ambiguity), top, 0, true, sure});
  lines_.push_back(std::move(line));
}

TaggerLexicon TaggerLexicon::build(const Counts& counts, const LexiconOptions& options, const Wordnet& wordnet) {
  TaggerLexicon lexicon;
  for (const auto& [form, per_tag] : counts) {
    std::uint64_t total = 0;
    for (std::uint32_t c : per_tag) total += c;
    if (total < options.min_count) continue;
    const auto top = static_cast<std::uint16_t>(std::max_element(per_tag.begin(), per_tag.end()) - per_tag.begin());
    std::vector<std::uint16_t> tags;
    for (std::size_t t = 0; t < per_tag.size(); ++t) {
      if (per_tag[t] > 0 && static_cast<double>(per_tag[t]) >= options.min_share * static_cast<double>(total))
        tags.push_back(static_cast<std::uint16_t>(t));
    }
    const bool sure = total >= options.sure_count &&
                      static_cast<double>(per_tag[top]) >= options.sure_share * static_cast<double>(total);
    lexicon.add_word(form, top, sure, std::move(tags));
  }
  std::vector<std::pair<std::uint32_t, std::uint16_t>> classes;
  for (const auto& [form, bits] : wordnet) classes.emplace_back(key_of(hash_text(form)), bits);
  std::sort(classes.begin(), classes.end());
  for (const auto& [key, bits] : classes) lexicon.entries_.emplace_back(key, WordInfo{0, 0, bits, false, false});
  lexicon.index();
  return lexicon;
}

std::string TaggerLexicon::serialize_words() const { return model::join_lines(lines_); }

std::string TaggerLexicon::serialize_wordnet() const {
  std::vector<std::pair<std::uint32_t, std::uint16_t>> classes;
  for (const Slot& slot : slots_) {
    if (slot.used && slot.info.wordnet) classes.emplace_back(slot.key, slot.info.wordnet);
  }
  std::sort(classes.begin(), classes.end());
  std::string out(4 + 6 * classes.size(), '\0');
  const auto count = static_cast<std::uint32_t>(classes.size());
  std::memcpy(out.data(), &count, 4);
  for (std::size_t i = 0; i < classes.size(); ++i) {
    std::memcpy(out.data() + 4 + 6 * i, &classes[i].first, 4);
    std::memcpy(out.data() + 8 + 6 * i, &classes[i].second, 2);
  }
  return out;
}

TaggerLexicon TaggerLexicon::parse(std::string_view words, std::string_view wordnet, std::size_t num_tags) {
  TaggerLexicon lexicon;
  const auto number = [&](std::string_view field, const std::string& line) {
    std::uint32_t v = 0;
    const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), v);
    if (error != std::errc() || end != field.data() + field.size() || v >= num_tags)
      throw Error("tagger lexicon: bad line: " + line);
    return static_cast<std::uint16_t>(v);
  };
  for (const std::string& line : model::split_lines(words)) {
    std::vector<std::string_view> fields;
    std::string_view rest(line);
    for (std::size_t tab; (tab = rest.find('\t')) != std::string_view::npos; rest.remove_prefix(tab + 1))
      fields.push_back(rest.substr(0, tab));
    fields.push_back(rest);
    if (fields.size() != 4 || fields[0].empty()) throw Error("tagger lexicon: bad line: " + line);
    std::vector<std::uint16_t> tags;
    std::string_view ids = fields[3];
    while (!ids.empty()) {
      const std::size_t comma = ids.find(',');
      tags.push_back(number(ids.substr(0, comma), line));
      if (comma == std::string_view::npos) break;
      ids.remove_prefix(comma + 1);
    }
    lexicon.add_word(std::string(fields[0]), number(fields[1], line), fields[2] == "1", std::move(tags));
  }
  std::uint32_t count = 0;
  if (wordnet.size() < 4) throw Error("tagger lexicon: truncated WordNet classes");
  std::memcpy(&count, wordnet.data(), 4);
  if (wordnet.size() != 4 + 6 * std::size_t{count}) throw Error("tagger lexicon: truncated WordNet classes");
  for (std::size_t i = 0; i < count; ++i) {
    std::uint32_t key = 0;
    std::uint16_t bits = 0;
    std::memcpy(&key, wordnet.data() + 4 + 6 * i, 4);
    std::memcpy(&bits, wordnet.data() + 8 + 6 * i, 2);
    lexicon.entries_.emplace_back(key, WordInfo{0, 0, bits, false, false});
  }
  lexicon.index();
  return lexicon;
}

void TaggerLexicon::index() {
  // Entries sharing a key merge into the first: a training word keeps its
  // statistics and gains the WordNet classes of the same form.
  std::size_t size = 16;
  while (size < 2 * entries_.size()) size *= 2;
  slots_.assign(size, Slot{});
  count_ = 0;
  for (const auto& [key, info] : entries_) {
    std::size_t slot = key & (size - 1);
    while (slots_[slot].used && slots_[slot].key != key) slot = (slot + 1) & (size - 1);
    Slot& s = slots_[slot];
    if (!s.used) {
      s = Slot{key, true, info};
      ++count_;
      continue;
    }
    s.info.wordnet |= info.wordnet;
    if (!s.info.trained && info.trained) {
      const std::uint16_t bits = s.info.wordnet;
      s.info = info;
      s.info.wordnet = bits;
    }
  }
  entries_.clear();
  entries_.shrink_to_fit();
}

const WordInfo* TaggerLexicon::find(std::uint64_t form_hash) const noexcept {
  if (slots_.empty()) return nullptr;
  const std::uint32_t key = key_of(form_hash);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = key & mask;; slot = (slot + 1) & mask) {
    if (!slots_[slot].used) return nullptr;
    if (slots_[slot].key == key) return &slots_[slot].info;
  }
}

}  // namespace ng::nlp::tagging
