// The trained models of models/data, compiled into the library (paths come
// from models/CMakeLists.txt), and the accessors that build them once.

#include "common/embed.hpp"
#include "lexicons/lexicon.hpp"
#include "loaders/nlp/names/name_tagger.hpp"
#include "loaders/nlp/parser/parser.hpp"
#include "loaders/nlp/tagger/tagger.hpp"

NG_EMBED_FILE(ng_model_tagger, NG_MODEL_DATA_DIR "/tagger.bin")
NG_EMBED_FILE(ng_model_parser, NG_MODEL_DATA_DIR "/parser.bin")
NG_EMBED_FILE(ng_model_names, NG_MODEL_DATA_DIR "/names.bin")

namespace ng::nlp {

const Tagger& Tagger::builtin() {
  // Function-local statics: built once, on first use, and thread-safe. The
  // models are used in place, from the embedded bytes.
  static const Tagger tagger(NG_EMBEDDED(ng_model_tagger));
  return tagger;
}

const Parser& Parser::builtin() {
  static const Parser parser(NG_EMBEDDED(ng_model_parser));
  return parser;
}

const names::NameTagger& names::NameTagger::builtin() {
  static const NameTagger names(NG_EMBEDDED(ng_model_names), Lexicon::builtin());
  return names;
}

}  // namespace ng::nlp
