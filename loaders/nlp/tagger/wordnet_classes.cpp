#include "loaders/nlp/tagger/wordnet_classes.hpp"

#include <array>
#include <fstream>
#include <set>
#include <string_view>

#include "common/error.hpp"

namespace ng::nlp::tagging {

namespace {

std::ifstream open(const std::string& dir, const std::string& name) {
  std::ifstream in(dir + "/" + name, std::ios::binary);
  if (!in) throw IoError("cannot open WordNet file " + dir + "/" + name);
  return in;
}

// Lemmas of one part of speech (index.noun...); multiword lemmas are left out.
std::set<std::string> read_index(const std::string& dir, const std::string& pos) {
  std::ifstream in = open(dir, "index." + pos);
  std::set<std::string> lemmas;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;  // the licence header
    const std::string lemma = line.substr(0, line.find(' '));
    if (lemma.find('_') == std::string::npos) lemmas.insert(lemma);
  }
  return lemmas;
}

// Inflected forms listed as exceptions (noun.exc...): "form lemma...".
std::set<std::string> read_exceptions(const std::string& dir, const std::string& pos) {
  std::ifstream in = open(dir, pos + ".exc");
  std::set<std::string> forms;
  std::string line;
  while (std::getline(in, line)) {
    const std::string form = line.substr(0, line.find(' '));
    if (!form.empty() && form.find('_') == std::string::npos) forms.insert(form);
  }
  return forms;
}

struct Suffix {
  std::string_view ending;
  std::string_view replacement;
};

// WordNet's morphy detachment rules, grouped by what they undo.
constexpr std::array<Suffix, 8> kNounPlural = {{{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"},
                                                {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}}};
constexpr std::array<Suffix, 4> kVerbS = {{{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}}};
constexpr std::array<Suffix, 2> kVerbEd = {{{"ed", "e"}, {"ed", ""}}};
constexpr std::array<Suffix, 2> kVerbIng = {{{"ing", "e"}, {"ing", ""}}};
constexpr std::array<Suffix, 2> kComparative = {{{"er", ""}, {"er", "e"}}};
constexpr std::array<Suffix, 2> kSuperlative = {{{"est", ""}, {"est", "e"}}};

template <std::size_t N>
bool inflects(const std::string& form, const std::array<Suffix, N>& rules, const std::set<std::string>& lemmas) {
  for (const Suffix& rule : rules) {
    if (form.size() <= rule.ending.size() + 1 || !form.ends_with(rule.ending)) continue;
    std::string lemma = form.substr(0, form.size() - rule.ending.size());
    lemma += rule.replacement;
    if (lemmas.count(lemma)) return true;
  }
  return false;
}

}  // namespace

std::map<std::string, std::uint16_t> read_wordnet_classes(const std::string& dict_dir) {
  const auto nouns = read_index(dict_dir, "noun");
  const auto verbs = read_index(dict_dir, "verb");
  const auto adjectives = read_index(dict_dir, "adj");
  const auto adverbs = read_index(dict_dir, "adv");
  const auto noun_exceptions = read_exceptions(dict_dir, "noun");
  const auto verb_exceptions = read_exceptions(dict_dir, "verb");
  const auto adj_exceptions = read_exceptions(dict_dir, "adj");

  // Candidate forms: every lemma and listed form, and the regular
  // inflections of every lemma; the rules below then say what each can be.
  std::set<std::string> forms;
  for (const auto* set : {&nouns, &verbs, &adjectives, &adverbs, &noun_exceptions, &verb_exceptions, &adj_exceptions})
    forms.insert(set->begin(), set->end());
  const auto y_stem = [](const std::string& w) { return w.ends_with("y") ? w.substr(0, w.size() - 1) : w; };
  const auto e_stem = [](const std::string& w) { return w.ends_with("e") ? w.substr(0, w.size() - 1) : w; };
  for (const auto& v : verbs) {
    for (const std::string& f : {v + "s", v + "es", y_stem(v) + "ies", v + "d", v + "ed", y_stem(v) + "ied",
                                 v + "ing", e_stem(v) + "ing"})
      forms.insert(f);
  }
  for (const auto& n : nouns) {
    for (const std::string& f : {n + "s", n + "es", y_stem(n) + "ies"}) forms.insert(f);
  }
  for (const auto& a : adjectives) {
    for (const std::string& f : {a + "er", a + "est", a + "r", a + "st"}) forms.insert(f);
  }

  std::map<std::string, std::uint16_t> classes;
  for (const std::string& form : forms) {
    std::uint16_t c = 0;
    if (nouns.count(form)) c |= kWnNoun;
    if (verbs.count(form)) c |= kWnVerb;
    if (adjectives.count(form)) c |= kWnAdjective;
    if (adverbs.count(form)) c |= kWnAdverb;
    if (noun_exceptions.count(form) || inflects(form, kNounPlural, nouns)) c |= kWnPluralNoun;
    if (inflects(form, kVerbS, verbs)) c |= kWnVerbS;
    if (inflects(form, kVerbEd, verbs)) c |= kWnVerbEd;
    if (inflects(form, kVerbIng, verbs)) c |= kWnVerbIng;
    if (verb_exceptions.count(form)) c |= kWnVerbIrregular;
    if (inflects(form, kComparative, adjectives)) c |= kWnComparative;
    if (inflects(form, kSuperlative, adjectives)) c |= kWnSuperlative;
    if (adj_exceptions.count(form)) c |= kWnAdjIrregular;
    if (c) classes.emplace(form, c);
  }
  return classes;
}

}  // namespace ng::nlp::tagging
