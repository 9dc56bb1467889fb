#include <catch2/catch.hpp>

#include <sstream>

#include "common/error.hpp"
#include "loaders/nlp/model/conllu.hpp"

using namespace ng::nlp::model;

TEST_CASE("the CoNLL-U reader keeps words and skips ranges and empty nodes", "[nlp][conllu]") {
  std::istringstream in(
      "# sent_id = a\n"
      "# text = They didn't go.\n"
      "1\tThey\tthey\tPRON\tPRP\t_\t4\tnsubj\t4:nsubj\t_\n"
      "2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t4:aux\t_\n"
      "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n"
      "4\tgo\tgo\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No\n"
      "4.1\tgone\tgo\tVERB\tVBN\t_\t_\t_\t4:conj\t_\n"
      "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n"
      "\n"
      "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t0:root\t_\n");
  const auto sentences = read_conllu(in, "test.conllu");
  REQUIRE(sentences.size() == 2);
  const auto& s = sentences[0];
  CHECK(s.comments == std::vector<std::string>{"sent_id = a", "text = They didn't go."});
  REQUIRE(s.words.size() == 5);
  CHECK(s.words[1].form == "did");
  CHECK(s.words[2].form == "n't");
  CHECK(s.words[3].head == 0);
  CHECK(s.words[3].deprel == "root");
  CHECK(s.words[3].misc == "SpaceAfter=No");
  CHECK(s.words[4].head == 4);
  CHECK(sentences[1].words.size() == 1);
}

TEST_CASE("malformed CoNLL-U lines are reported with their line number", "[nlp][conllu]") {
  const auto line_of_error = [](const std::string& text) -> std::size_t {
    std::istringstream in(text);
    try {
      read_conllu(in, "bad.conllu");
    } catch (const ng::ParseError& e) {
      return e.line();
    }
    return 0;
  };
  CHECK(line_of_error("1\tA\ta\tDET\tDT\t_\t0\troot\t_\t_\n2\tshort line\n") == 2);
  CHECK(line_of_error("1\tA\ta\tDET\tDT\t_\t0\troot\t_\t_\n3\tB\tb\tX\tX\t_\t1\tdep\t_\t_\n") == 2);
  CHECK(line_of_error("1\tA\ta\tDET\tDT\t_\tx\troot\t_\t_\n") == 1);
  CHECK(line_of_error("1\tA\ta\tDET\tDT\t_\t5\troot\t_\t_\n\n") == 1);
}

TEST_CASE("sentences written as CoNLL-U read back the same", "[nlp][conllu]") {
  std::istringstream in("# text = Hi\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n\n");
  const auto sentences = read_conllu(in, "a");
  std::ostringstream out;
  write_conllu(out, sentences);
  std::istringstream again(out.str());
  const auto reread = read_conllu(again, "b");
  REQUIRE(reread.size() == 1);
  CHECK(reread[0].words[0].form == "Hi");
  CHECK(reread[0].words[0].deprel == "root");
  CHECK(reread[0].comments == sentences[0].comments);
}
