#pragma once
// A thread's memory of what a model worked out for the words it has seen:
// a word's description (forms, shape, affixes; lexical flags for the name
// finder) depends only on the word and the model's lexicon, and working it
// out builds strings and asks big hash tables, mostly cache misses. News
// repeats its words, names above all, so each thread keeps the answers and
// works each word out once. The answers are the same either way.
//
// A memo serves one model object at a time (`bind` with the number
// `new_memo_owner` gave it); it holds at most kMaxWords words and then
// starts again empty, so its memory stays bounded.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ng::nlp::model {

// A number no other model object of this process has.
inline std::uint64_t new_memo_owner() {
  static std::atomic<std::uint64_t> next{1};
  return next++;
}

template <class Value>
class WordMemo {
 public:
  static constexpr std::size_t kMaxWords = 50'000;

  // Makes the memo serve the model numbered `owner`, emptying it if it
  // served another.
  void bind(std::uint64_t owner) {
    if (owner == owner_) return;
    owner_ = owner;
    values_.clear();
  }

  // The value of `word`: remembered, or `compute()` (then remembered). The
  // reference holds until the next call.
  template <class Compute>
  const Value& get(std::string_view word, Compute&& compute) {
    key_.assign(word);
    if (const auto it = values_.find(key_); it != values_.end()) return it->second;
    if (values_.size() >= kMaxWords) values_.clear();
    return values_.emplace(key_, compute()).first->second;
  }

  std::size_t size() const noexcept { return values_.size(); }

 private:
  std::uint64_t owner_ = 0;
  std::string key_;  // reused: a lookup allocates nothing
  std::unordered_map<std::string, Value> values_;
};

}  // namespace ng::nlp::model
