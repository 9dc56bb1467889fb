// The generated tables of lexicons/data, compiled into the library (paths
// come from lexicons/CMakeLists.txt).

#include <cstddef>

#include "common/embed.hpp"
#include "lexicons/lexicon.hpp"

NG_EMBED_FILE(ng_lexicon_places, NG_LEXICON_DATA_DIR "/places.tsv")
NG_EMBED_FILE(ng_lexicon_organizations, NG_LEXICON_DATA_DIR "/organizations.tsv")
NG_EMBED_FILE(ng_lexicon_people, NG_LEXICON_DATA_DIR "/people.tsv")
NG_EMBED_FILE(ng_lexicon_demonyms, NG_LEXICON_DATA_DIR "/demonyms.tsv")
NG_EMBED_FILE(ng_lexicon_given_names, NG_LEXICON_DATA_DIR "/given_names.tsv")
NG_EMBED_FILE(ng_lexicon_surnames, NG_LEXICON_DATA_DIR "/surnames.tsv")
NG_EMBED_FILE(ng_lexicon_common_words, NG_LEXICON_DATA_DIR "/common_words.tsv")
NG_EMBED_FILE(ng_lexicon_annotated_names, NG_LEXICON_DATA_DIR "/annotated_names.tsv")

namespace ng::nlp {

const Lexicon& Lexicon::builtin() {
  // A function-local static: built once, on first use, and thread-safe.
  static const Lexicon lexicon;
  return lexicon;
}

Lexicon::Lexicon()
    : Lexicon(Sources{
          NG_EMBEDDED(ng_lexicon_places), NG_EMBEDDED(ng_lexicon_organizations),
          NG_EMBEDDED(ng_lexicon_people), NG_EMBEDDED(ng_lexicon_demonyms),
          NG_EMBEDDED(ng_lexicon_given_names), NG_EMBEDDED(ng_lexicon_surnames),
          NG_EMBEDDED(ng_lexicon_common_words), NG_EMBEDDED(ng_lexicon_annotated_names)}) {}

}  // namespace ng::nlp
