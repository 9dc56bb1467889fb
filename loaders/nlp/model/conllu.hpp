#pragma once
// CoNLL-U (https://universaldependencies.org/format.html), the format of
// the Universal Dependencies treebanks newsgraph's models are trained and
// evaluated on. Only syntactic words are kept: multiword-token range lines
// ("1-2 don't") and empty nodes ("1.1") are skipped, comments are kept per
// sentence. Training and evaluation only; nothing reads CoNLL-U at
// newsgraph's run time.

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace ng::nlp::model {

struct ConlluWord {
  std::string form;
  std::string lemma;
  std::string upos;
  std::string xpos;
  std::string feats;
  std::uint32_t head = 0;  // 0 = the root; word i (1-based) otherwise
  std::string deprel;
  std::string misc;
};

struct ConlluSentence {
  std::vector<std::string> comments;  // without the leading "# "
  std::vector<ConlluWord> words;      // words[i] has ID i + 1
};

// Reads every sentence of `in`; `name` is the file name for errors. Throws
// ng::ParseError (with the line) on a malformed line: a wrong number of
// columns, an ID out of sequence, a HEAD that is not a number or points
// outside the sentence.
std::vector<ConlluSentence> read_conllu(std::istream& in, std::string_view name);
// Reads a file; throws ng::IoError when it cannot be opened.
std::vector<ConlluSentence> read_conllu_file(const std::string& path);

// Writes sentences back as CoNLL-U (ids renumbered from 1, no ranges): for
// looking at a model's output next to the gold file.
void write_conllu(std::ostream& out, const std::vector<ConlluSentence>& sentences);

}  // namespace ng::nlp::model
