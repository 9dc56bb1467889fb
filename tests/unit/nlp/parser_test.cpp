#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "loaders/nlp/model/feature_hash.hpp"
#include "loaders/nlp/parser/oracle.hpp"
#include "loaders/nlp/parser/parser_lexicon.hpp"
#include "loaders/nlp/parser/parser.hpp"
#include "loaders/nlp/parser/parser_trainer.hpp"
#include "loaders/nlp/parser/transition_system.hpp"
#include "loaders/nlp/model/ud_words.hpp"
#include "loaders/nlp/tagger/tagger.hpp"
#include "loaders/nlp/tokenizer.hpp"
#include "models_test_support.hpp"

using namespace ng::nlp;
using ng::nlp::test::words_of;

namespace {

// The parse of an invented sentence with the built-in tagger and parser.
struct Parsed {
  std::vector<std::string_view> words;
  std::vector<Dependency> arcs;

  // The index of the first word spelled `form`.
  std::size_t at(std::string_view form) const {
    return static_cast<std::size_t>(std::find(words.begin(), words.end(), form) - words.begin());
  }
  // The word whose head is `head` with relation `relation`, or "".
  std::string_view dependent(std::string_view head, std::string_view relation) const {
    for (std::size_t i = 0; i < arcs.size(); ++i) {
      if (arcs[i].head == static_cast<std::int32_t>(at(head)) && arcs[i].relation == relation) return words[i];
    }
    return "";
  }
  std::string_view root() const {
    for (std::size_t i = 0; i < arcs.size(); ++i) {
      if (arcs[i].head < 0) return words[i];
    }
    return "";
  }
};

Parsed parse(std::string_view sentence) {
  Parsed p{words_of(sentence), {}};
  p.arcs = Parser::builtin().parse(p.words, Tagger::builtin().tag(p.words));
  return p;
}

// Whether heads form one tree: one root, every word reaches it.
bool is_tree(const std::vector<Dependency>& arcs) {
  int roots = 0;
  for (std::size_t i = 0; i < arcs.size(); ++i) {
    if (arcs[i].head < 0) {
      ++roots;
      continue;
    }
    std::size_t steps = 0;
    for (std::int32_t h = arcs[i].head; h >= 0; h = arcs[static_cast<std::size_t>(h)].head) {
      if (++steps > arcs.size()) return false;
    }
  }
  return roots == 1;
}

}  // namespace

TEST_CASE("following the oracle's zero-cost moves rebuilds a projective gold tree", "[nlp][parser]") {
  for (const auto& sentence : test::tiny_treebank()) {
    const std::size_t n = sentence.words.size();
    std::vector<std::int32_t> heads(n + 1, 0);
    std::vector<std::uint16_t> labels(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
      heads[i + 1] = static_cast<std::int32_t>(sentence.words[i].head);
      labels[i + 1] = sentence.words[i].deprel == "root" ? 0 : 1;
    }
    const parsing::GoldTree gold{heads, labels};
    parsing::ParseState state(n);
    std::size_t moves = 0;
    while (!state.terminal()) {
      const auto costs = parsing::move_costs(state, gold);
      parsing::Action chosen{parsing::Move::Shift, 0};
      bool found = false;
      for (auto move : {parsing::Move::Left, parsing::Move::Right, parsing::Move::Shift}) {
        for (std::uint16_t label : {std::uint16_t{0}, std::uint16_t{1}}) {
          const parsing::Action action{move, label};
          if (!found && state.allowed(action, 0) && parsing::action_cost(state, gold, costs, action) == 0) {
            chosen = action;
            found = true;
          }
        }
      }
      REQUIRE(found);
      state.apply(chosen);
      ++moves;
    }
    CHECK(moves == 2 * n);
    for (std::size_t i = 1; i <= n; ++i) {
      CHECK(state.head(static_cast<std::int32_t>(i)) == heads[i]);
      CHECK(state.label(static_cast<std::int32_t>(i)) == labels[i]);
    }
  }
}

TEST_CASE("the oracle charges a move for every gold arc it makes unreachable", "[nlp][parser]") {
  // "Police arrested men": Police <- arrested -> men, arrested <- root.
  const std::vector<std::int32_t> heads = {0, 2, 0, 2};
  const std::vector<std::uint16_t> labels = {0, 1, 0, 1};
  const parsing::GoldTree gold{heads, labels};
  parsing::ParseState state(3);
  state.apply({parsing::Move::Shift, 0});  // stack: root Police; buffer: arrested men
  auto costs = parsing::move_costs(state, gold);
  CHECK(costs.left == 0);   // Police <- arrested: right
  CHECK(costs.shift == 2);  // "arrested" would lose its dependent Police and its head, the root
  CHECK(parsing::action_cost(state, gold, costs, {parsing::Move::Left, 0}) == 1);  // wrong label
  state.apply({parsing::Move::Left, 1});
  state.apply({parsing::Move::Shift, 0});  // stack: root arrested; buffer: men
  costs = parsing::move_costs(state, gold);
  CHECK(costs.shift == 0);
  CHECK(costs.left == 2);   // "arrested" would lose its head (root) and its dependent "men"
  CHECK_FALSE(state.allowed({parsing::Move::Right, 0}, 0));  // the root takes its word last
}

TEST_CASE("the parser lexicon keeps the tags of frequent words and reads back the same", "[nlp][parser]") {
  parsing::ParserLexicon::Counts counts;
  counts["saw"] = {{"VBD", 40}, {"NN", 8}, {"VBN", 0}};
  counts["rare"] = {{"JJ", 2}};
  const auto lexicon = parsing::ParserLexicon::build(counts);
  CHECK(lexicon.size() == 1);
  const std::uint64_t saw = lexicon.ambiguity(model::hash_text("saw"));
  CHECK(saw != lexicon.ambiguity(model::hash_text("rare")));
  CHECK(lexicon.ambiguity(model::hash_text("rare")) == lexicon.ambiguity(model::hash_text("unseen")));
  CHECK(lexicon.serialize() == "saw\tNN VBD\n");
  const auto reread = parsing::ParserLexicon::parse(lexicon.serialize());
  CHECK(reread.ambiguity(model::hash_text("saw")) == saw);
  CHECK_THROWS_AS(parsing::ParserLexicon::parse("no tab here\n"), ng::Error);
}

TEST_CASE("training the parser on a tiny treebank fits it, byte for byte the same twice", "[nlp][parser]") {
  const auto tiny = test::tiny_treebank();
  parsing::ParserTrainOptions options;
  options.epochs = 8;
  options.compress.min_updates = 0;  // on 22 sentences most features are updated rarely
  const std::string first = parsing::train_parser(tiny, options);
  CHECK(first == parsing::train_parser(tiny, options));
  const Parser parser(first);
  const auto score = parsing::score_parser(parser, tiny);
  CHECK(score.words > 150);
  CHECK(score.uas() >= 0.95);
  CHECK(score.las() >= 0.95);
  // Whatever the words, every parse is a tree.
  const auto nonsense = words_of("reopen the the . said would bridge , , mayor on Friday");
  const std::vector<std::string_view> xpos(nonsense.size(), "NN"), upos(nonsense.size(), "NOUN");
  CHECK(is_tree(parser.parse(nonsense, xpos, upos)));
}

TEST_CASE("the built-in parser finds the speaker and the reported clause", "[nlp][parser]") {
  const auto p = parse("The mayor of Tulsa said on Monday that the bridge would reopen .");
  CHECK(is_tree(p.arcs));
  CHECK(p.root() == "said");
  CHECK(p.dependent("said", "nsubj") == "mayor");
  CHECK(p.dependent("said", "ccomp") == "reopen");
  CHECK(p.dependent("reopen", "nsubj") == "bridge");
  CHECK(p.dependent("reopen", "mark") == "that");
  CHECK(p.dependent("mayor", "nmod") == "Tulsa");
}

TEST_CASE("the built-in parser labels passives, agents and relative clauses", "[nlp][parser]") {
  const auto passive = parse("The report was published by the ministry on Tuesday .");
  CHECK(passive.dependent("published", "nsubj:pass") == "report");
  CHECK(passive.dependent("published", "aux:pass") == "was");
  CHECK(passive.dependent("published", "obl:agent") == "ministry");
  const auto relative = parse("The minister who resigned last week spoke to reporters .");
  CHECK(relative.root() == "spoke");
  CHECK(relative.dependent("minister", "acl:relcl") == "resigned");
  CHECK(relative.dependent("spoke", "nsubj") == "minister");
}

TEST_CASE("the built-in parser reads a quote with the speaker after it", "[nlp][parser]") {
  // UD English: the reporting verb is the root, the quote its ccomp.
  const auto p = parse("\" We will rebuild the school , \" the governor told reporters .");
  CHECK(p.root() == "told");
  CHECK(p.dependent("told", "nsubj") == "governor");
  CHECK(p.dependent("told", "ccomp") == "rebuild");
  CHECK(p.dependent("rebuild", "nsubj") == "We");
}

TEST_CASE("text from newsgraph's tokenizer parses through UD words", "[nlp][parser]") {
  const std::string text = "\u201CWe can\u2019t wait,\u201D the well-known mayor said.";
  std::vector<std::string_view> tokens;
  for (const Token& t : tokenize(text)) tokens.push_back(t.span.of(text));
  const auto words = model::to_ud_words(tokens);
  std::vector<std::string_view> forms;
  for (const auto& w : words) forms.push_back(w.form);
  CHECK(forms == std::vector<std::string_view>{"\u201C", "We", "ca", "n\u2019t", "wait", ",", "\u201D", "the", "well",
                                               "-", "known", "mayor", "said", "."});
  const auto arcs = Parser::builtin().parse(forms, Tagger::builtin().tag(forms));
  REQUIRE(is_tree(arcs));
  // "said" is the root; its subject is "mayor", which came from token 8.
  const auto said = static_cast<std::int32_t>(std::find(forms.begin(), forms.end(), "said") - forms.begin());
  CHECK(arcs[static_cast<std::size_t>(said)].head == -1);
  std::size_t subject = forms.size();
  for (std::size_t i = 0; i < arcs.size(); ++i) {
    if (arcs[i].head == said && arcs[i].relation == "nsubj") subject = i;
  }
  REQUIRE(subject < forms.size());
  CHECK(forms[subject] == "mayor");
  CHECK(words[subject].token == 8);
  CHECK(arcs[3].relation == "advmod");  // n't
}

TEST_CASE("parsing gives the same trees on any number of threads", "[nlp][parser]") {
  const std::vector<std::string> sentences = {
      "Officials in Norland said the port would close on Friday .",
      "She told reporters she had not seen the report .",
      "Prices rose 3 % in March , the agency said .",
  };
  const auto heads_of = [](const std::string& s) {
    std::vector<std::pair<std::int32_t, std::string_view>> out;
    for (const auto& d : parse(s).arcs) out.emplace_back(d.head, d.relation);
    return out;
  };
  std::vector<std::vector<std::pair<std::int32_t, std::string_view>>> expected;
  for (const auto& s : sentences) expected.push_back(heads_of(s));
  std::vector<int> mismatches(4, 0);
  test::on_threads(4, [&](std::size_t t) {
    for (int round = 0; round < 30; ++round) {
      for (std::size_t s = 0; s < sentences.size(); ++s) {
        if (heads_of(sentences[s]) != expected[s]) ++mismatches[t];
      }
    }
  });
  CHECK(mismatches == std::vector<int>(4, 0));
}

TEST_CASE("a parser refuses bytes that are not a parser model and tags that do not fit", "[nlp][parser]") {
  CHECK_THROWS_AS(Parser("no model here"), ng::Error);
  const std::vector<std::string_view> words = {"Hello"};
  const std::vector<std::string_view> none;
  CHECK_THROWS_AS(Parser::builtin().parse(words, none, none), ng::Error);
}
