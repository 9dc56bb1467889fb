#pragma once
// Which parts of speech an English word form can have, from WordNet 3.0
// (the Debian package wordnet-base): whether "tabled" can be a past verb
// form, "mice" a plural noun, "faster" a comparative. The tagger uses it
// for words its training data never showed it: most of the names, nouns and
// verbs in news it has never seen are in WordNet. Read by the trainer; the
// result is stored in the tagger's model file.

#include <cstdint>
#include <map>
#include <string>

namespace ng::nlp::tagging {

enum WordnetClass : std::uint16_t {
  kWnNoun = 1 << 0,
  kWnPluralNoun = 1 << 1,     // a regular or listed plural of a noun
  kWnVerb = 1 << 2,           // a verb lemma (base form)
  kWnVerbS = 1 << 3,          // -s form of a verb
  kWnVerbEd = 1 << 4,         // -ed form of a verb
  kWnVerbIng = 1 << 5,        // -ing form of a verb
  kWnVerbIrregular = 1 << 6,  // a listed irregular verb form ("went", "taken")
  kWnAdjective = 1 << 7,
  kWnComparative = 1 << 8,    // -er form of an adjective
  kWnSuperlative = 1 << 9,    // -est form of an adjective
  kWnAdjIrregular = 1 << 10,  // a listed irregular adjective form ("better")
  kWnAdverb = 1 << 11,
};

// Lower-case single-word forms (lemmas, listed exceptions and regular
// inflections of lemmas) with their classes, read from a WordNet 3.0 "dict"
// directory (index.noun ... and noun.exc ...). Throws ng::IoError when a
// file is missing.
std::map<std::string, std::uint16_t> read_wordnet_classes(const std::string& dict_dir);

}  // namespace ng::nlp::tagging
