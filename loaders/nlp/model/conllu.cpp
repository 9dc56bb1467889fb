#include "loaders/nlp/model/conllu.hpp"

#include <charconv>
#include <fstream>
#include <istream>
#include <ostream>

#include "common/error.hpp"

namespace ng::nlp::model {

namespace {

// The ten tab-separated columns of a word line, or fewer when malformed.
std::vector<std::string_view> columns(std::string_view line) {
  std::vector<std::string_view> out;
  while (true) {
    const std::size_t tab = line.find('\t');
    out.push_back(line.substr(0, tab));
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
  return out;
}

bool parse_number(std::string_view text, std::uint32_t& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::vector<ConlluSentence> read_conllu(std::istream& in, std::string_view name) {
  std::vector<ConlluSentence> sentences;
  ConlluSentence current;
  std::size_t line_number = 0;
  std::size_t sentence_line = 0;
  const auto fail = [&](const std::string& message) {
    throw ParseError(std::string(name), line_number, 1, message);
  };
  const auto finish = [&] {
    if (current.words.empty()) {
      current.comments.clear();
      return;
    }
    for (const auto& word : current.words) {
      if (word.head > current.words.size()) {
        line_number = sentence_line;
        fail("HEAD " + std::to_string(word.head) + " outside the sentence");
      }
    }
    sentences.push_back(std::move(current));
    current = ConlluSentence{};
  };
  std::string line;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      finish();
      continue;
    }
    if (line.front() == '#') {
      std::string_view comment(line);
      comment.remove_prefix(1);
      if (!comment.empty() && comment.front() == ' ') comment.remove_prefix(1);
      current.comments.emplace_back(comment);
      continue;
    }
    const auto cols = columns(line);
    if (cols.size() != 10) fail("expected 10 tab-separated columns, found " + std::to_string(cols.size()));
    const std::string_view id = cols[0];
    if (id.find_first_of("-.") != std::string_view::npos) continue;  // a range or an empty node
    std::uint32_t number = 0;
    if (!parse_number(id, number)) fail("ID is not a number: " + std::string(id));
    if (current.words.empty()) sentence_line = line_number;
    if (number != current.words.size() + 1) fail("ID " + std::string(id) + " out of sequence");
    ConlluWord word{std::string(cols[1]), std::string(cols[2]), std::string(cols[3]),
                    std::string(cols[4]), std::string(cols[5]), 0,
                    std::string(cols[7]), std::string(cols[9])};
    if (cols[6] != "_" && !parse_number(cols[6], word.head)) fail("HEAD is not a number: " + std::string(cols[6]));
    current.words.push_back(std::move(word));
  }
  finish();
  return sentences;
}

std::vector<ConlluSentence> read_conllu_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError("cannot open " + path);
  return read_conllu(in, path);
}

void write_conllu(std::ostream& out, const std::vector<ConlluSentence>& sentences) {
  const auto field = [](const std::string& s) -> const std::string& {
    static const std::string underscore = "_";
    return s.empty() ? underscore : s;
  };
  for (const auto& sentence : sentences) {
    for (const auto& comment : sentence.comments) out << "# " << comment << '\n';
    for (std::size_t i = 0; i < sentence.words.size(); ++i) {
      const ConlluWord& w = sentence.words[i];
      out << i + 1 << '\t' << field(w.form) << '\t' << field(w.lemma) << '\t' << field(w.upos) << '\t'
          << field(w.xpos) << '\t' << field(w.feats) << '\t' << w.head << '\t' << field(w.deprel)
          << "\t_\t" << field(w.misc) << '\n';
    }
    out << '\n';
  }
}

}  // namespace ng::nlp::model
