#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <iterator>

#include "common/error.hpp"
#include "models/train/commands.hpp"

namespace ng::models {

void log_line(const std::string& line) { fmt::print(stderr, "{}\n", line); }

std::vector<nlp::model::ConlluSentence> read_treebanks(const std::vector<std::string>& paths) {
  std::vector<nlp::model::ConlluSentence> all;
  for (const auto& path : paths) {
    auto sentences = nlp::model::read_conllu_file(path);
    std::move(sentences.begin(), sentences.end(), std::back_inserter(all));
  }
  return all;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError("cannot open " + path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_file(const std::string& path, const std::string& bytes) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw IoError("cannot write " + tmp);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw IoError("cannot write " + tmp);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) throw IoError("cannot rename " + tmp + " to " + path);
}

}  // namespace ng::models
