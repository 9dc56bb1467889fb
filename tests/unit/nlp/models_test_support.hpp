#pragma once
// Helpers for the tests of the tagger and parser: the tiny treebank written
// for the tests (tests/data/models/), words of invented sentences, and a
// run of a function on several threads at once.

#include <functional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "loaders/nlp/model/conllu.hpp"

namespace ng::nlp::test {

inline std::vector<model::ConlluSentence> tiny_treebank() {
  return model::read_conllu_file(std::string(NG_TEST_DATA) + "/models/tiny_news.conllu");
}

// Splits on spaces: the invented sentences are written word by word.
inline std::vector<std::string_view> words_of(std::string_view sentence) {
  std::vector<std::string_view> words;
  while (!sentence.empty()) {
    const std::size_t space = sentence.find(' ');
    if (space != 0) words.push_back(sentence.substr(0, space));
    if (space == std::string_view::npos) break;
    sentence.remove_prefix(space + 1);
  }
  return words;
}

// Runs `job(i)` for i in [0, threads) on that many threads at once.
inline void on_threads(std::size_t threads, const std::function<void(std::size_t)>& job) {
  std::vector<std::thread> pool;
  for (std::size_t i = 0; i < threads; ++i) pool.emplace_back(job, i);
  for (auto& t : pool) t.join();
}

}  // namespace ng::nlp::test
