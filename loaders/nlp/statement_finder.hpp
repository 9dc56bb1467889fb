#pragma once
// Statements: who said what. Direct quotations are attributed to a
// reporting clause next to them ("“...,” Dorn said", "said X", "X said:
// “...”"), to the clause of their paragraph, or, for a quotation that goes
// on after an attributed one with no clause of its own, to the same speaker.
// Reported speech comes from the clauses' content. A quotation inside a
// clause's content and a clause whose content is a quotation become one
// statement. Each statement is about the entities its content names.

#include <string_view>
#include <vector>

#include "loaders/nlp/document.hpp"
#include "loaders/nlp/quote_finder.hpp"
#include "loaders/nlp/reporting_clauses.hpp"

namespace ng::nlp {

// Fills analysis.statements (and adds the pronoun and description mentions
// of speakers to analysis.mentions).
void find_statements(const std::vector<Quote>& quotes, const std::vector<ReportingClause>& clauses, Document& doc);

// The statement text of a content span: quotation marks removed, spaces
// collapsed, the `cut` span left out.
std::string statement_text(std::string_view text, const std::vector<Token>& tokens, Span content, Span cut);

}  // namespace ng::nlp
