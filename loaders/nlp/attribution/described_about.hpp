#pragma once
// What a statement is about beyond the names in its content: the named
// entities its content refers to by a description (the annotation
// conventions' "about"):
//   - a demonym phrase that plainly means a named country's government
//     ("the Iraqi government", "Turkish authorities") -> that country;
//   - "our country", "our nation", "the nation" -> the speaker's country (the country of
//     the speaker's role, else the article's most named country);
//   - a definite description of an organisation ("the ministry", "the
//     council") -> the latest organisation named before with that head noun.
// The country or organisation must be named in the article; the speaker is
// never what its own statement is about.

#include "lexicons/lexicon.hpp"
#include "loaders/nlp/document.hpp"

namespace ng::nlp {

// Adds those entities to every statement's `about` (kept sorted, unique).
void add_described_about(Document& doc, const Lexicon& lexicon);

}  // namespace ng::nlp
