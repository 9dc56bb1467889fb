#pragma once
// Training and test material for the name finder, read into one form:
// sentences of words with their names. Readers for UNER's IOB2 files
// (PER / ORG / LOC), GUM's entity layer (named mentions of people,
// organisations and places; every other mention teaches that it is no
// name), and newsgraph's own bracketed sentences ("[PER Anna Berg] said
// ."). Training and evaluation only; nothing reads these at run time.

#include <string>
#include <string_view>
#include <vector>

#include "loaders/nlp/model/conllu.hpp"
#include "loaders/nlp/names/name_labels.hpp"

namespace ng::nlp::names {

struct NameSentence {
  std::vector<std::string> words;
  std::vector<LabelSpan> names;  // sorted, not overlapping
};

// UNER (https://www.universalner.org) IOB2: "id TAB word TAB tag ..." lines,
// a blank line between sentences, "#" comments. Tags other than PER, ORG
// and LOC (OTH in some releases) are read as O. Throws ng::ParseError on a
// malformed line, ng::IoError when the file cannot be read.
std::vector<NameSentence> read_iob2(std::istream& in, std::string_view name);
std::vector<NameSentence> read_iob2_file(const std::string& path);

// GUM's `Entity=` annotations of CoNLL-U sentences. A mention is named when
// its head word (the one whose head is outside the mention) is a proper
// noun; its name is the run of proper nouns around the head, joined by
// "of", "the", "and", "de", "'s" ("University of Leeds", not "the famous
// University of Leeds"). person → PER, organization → ORG, place → LOC;
// named mentions of other types (events, works, objects) and unnamed
// mentions are no names. Nested names keep the outermost.
std::vector<NameSentence> gum_names(const std::vector<model::ConlluSentence>& sentences);

// Sentences written for newsgraph, one per line, words separated by
// spaces, names in brackets with their type: "[ORG Norvex] said ." Blank
// lines and lines starting with "#" are skipped. Throws ng::ParseError on
// an unclosed bracket or an unknown type.
std::vector<NameSentence> read_bracketed(std::istream& in, std::string_view name);
std::vector<NameSentence> read_bracketed_file(const std::string& path);

// The sentence back in the bracketed form.
std::string to_bracketed(const NameSentence& sentence);

}  // namespace ng::nlp::names
