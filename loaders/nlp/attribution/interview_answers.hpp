#pragma once
// Interview transcripts: a paragraph that opens with a person's name and a
// colon ("Jane Roe: We never planned to sell.") is that person's answer,
// quoted speech without quotation marks; the whole paragraph is one
// statement. Questions ("Q:", "((Reporter))") are nobody's statement.

#include <cstdint>
#include <optional>

#include "loaders/nlp/document.hpp"
#include "loaders/nlp/reporting_clauses.hpp"
#include "loaders/nlp/speaker_resolver.hpp"

namespace ng::nlp {

// The answer that sentence `s` opens, if it opens a paragraph with "Name:".
std::optional<ReportingClause> interview_answer(const Document& doc, const SpeakerResolver& speakers,
                                                std::uint32_t s);

}  // namespace ng::nlp
