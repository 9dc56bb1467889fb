// Accuracy floors of the built-in tagger and parser on the test part of UD
// English EWT, which stays outside the project (../shared/corpora beside
// the checkout, or $NG_CORPORA). Without it the test says it is skipped
// (ctest shows it as skipped) instead of passing silently.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "loaders/nlp/parser/parser_trainer.hpp"
#include "loaders/nlp/tagger/tagger_trainer.hpp"

using namespace ng::nlp;

namespace {

std::string ewt_test_path() {
  const char* corpora = std::getenv("NG_CORPORA");
  const std::string root = corpora ? corpora : std::string(NG_SOURCE_DIR) + "/../shared/corpora";
  return root + "/ud-english-ewt/en_ewt-ud-test.conllu";
}

}  // namespace

TEST_CASE("the built-in tagger and parser keep their accuracy on EWT test", "[nlp][accuracy]") {
  const std::string path = ewt_test_path();
  if (!std::filesystem::exists(path)) {
    WARN("EWT test treebank not found at " << path << ": accuracy test skipped");
    return;
  }
  const auto gold = model::read_conllu_file(path);
  const auto tagging = tagging::score_tagger(Tagger::builtin(), gold);
  const auto parsing = parsing::score_parser(Parser::builtin(), gold, &Tagger::builtin());
  INFO("UPOS " << tagging.upos() << ", XPOS " << tagging.xpos() << ", UAS " << parsing.uas() << ", LAS "
               << parsing.las());
  CHECK(tagging.words == 25094);
  // Floors a little under the committed models' figures (models/README.md).
  CHECK(tagging.upos() >= NG_FLOOR_UPOS);
  CHECK(tagging.xpos() >= NG_FLOOR_XPOS);
  CHECK(parsing.uas() >= NG_FLOOR_UAS);
  CHECK(parsing.las() >= NG_FLOOR_LAS);
}
