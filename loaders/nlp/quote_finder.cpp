#include "loaders/nlp/quote_finder.hpp"

#include <optional>

namespace ng::nlp {

namespace {

bool is_single(std::string_view mark) {
  return mark == "'" || mark == "\u2018" || mark == "\u2019" || mark == "\u201A" || mark == "\u201B" ||
         mark == "\u2039" || mark == "\u203A";
}

struct Open {
  std::uint32_t token;
  bool single;
};

}  // namespace

std::vector<Quote> find_quotes(std::string_view text, const std::vector<Token>& tokens,
                               const std::vector<Paragraph>& paragraphs,
                               const std::vector<Sentence>& sentences) {
  std::vector<Quote> quotes;
  const auto make = [&](std::uint32_t open, std::uint32_t close, std::uint32_t paragraph, bool closed) {
    Quote q;
    q.open_token = open;
    q.close_token = close;
    q.paragraph = paragraph;
    q.closed = closed;
    const std::uint32_t content_end = closed ? close : close + 1;
    if (open + 1 >= content_end) return;
    q.content = {tokens[open + 1].span.begin, tokens[content_end - 1].span.end};
    for (std::uint32_t k = open + 1; k < content_end; ++k) {
      q.words += tokens[k].kind == TokenKind::Word || tokens[k].kind == TokenKind::Number;
    }
    if (q.words > 0) quotes.push_back(q);
  };

  bool carried = false;  // a double quote left open at the end of the paragraph before
  for (std::uint32_t p = 0; p < paragraphs.size(); ++p) {
    const Paragraph& paragraph = paragraphs[p];
    if (paragraph.first_sentence >= paragraph.end_sentence) continue;
    const std::uint32_t first = sentences[paragraph.first_sentence].first_token;
    const std::uint32_t end = sentences[paragraph.end_sentence - 1].end_token;
    std::optional<Open> open;
    std::uint32_t resume = first;  // where pairing starts: after a carried quotation's close
    if (carried && first < end && tokens[first].kind != TokenKind::OpenQuote) {
      // A quotation opened in the paragraph before and closed in this one
      // without reopening: its second part runs from the paragraph's start
      // to the closing mark, a quotation of its own (split at the paragraph).
      for (std::uint32_t k = first; k < end; ++k) {
        if (tokens[k].kind == TokenKind::OpenQuote && !is_single(tokens[k].span.of(text))) break;
        if (tokens[k].kind != TokenKind::CloseQuote || is_single(tokens[k].span.of(text))) continue;
        if (k > first) {
          Quote q;
          q.open_token = first;
          q.close_token = k;
          q.paragraph = p;
          q.content = {tokens[first].span.begin, tokens[k - 1].span.end};
          for (std::uint32_t w = first; w < k; ++w) {
            q.words += tokens[w].kind == TokenKind::Word || tokens[w].kind == TokenKind::Number;
          }
          if (q.words > 0) quotes.push_back(q);
          resume = k + 1;
        }
        break;
      }
    }
    carried = false;
    for (std::uint32_t k = resume; k < end; ++k) {
      const Token& t = tokens[k];
      if (t.kind != TokenKind::OpenQuote && t.kind != TokenKind::CloseQuote) continue;
      const bool single = is_single(t.span.of(text));
      if (!open) {
        if (t.kind == TokenKind::OpenQuote) open = Open{k, single};
        continue;
      }
      if (single != open->single) {
        // A single quote inside a double one (or an apostrophe): ignore.
        continue;
      }
      if (t.kind == TokenKind::CloseQuote || !t.space_before || k + 1 == end) {
        make(open->token, k, p, true);
        open.reset();
      } else {
        // Two opening marks in a row: the first was never closed; restart.
        open = Open{k, single};
      }
    }
    if (open && !open->single) {
      // Unclosed: runs to the end of the paragraph (and on, if the next
      // paragraph opens a quote, which then starts a quote of its own).
      make(open->token, end - 1, p, false);
      carried = true;
    }
  }
  return quotes;
}

}  // namespace ng::nlp
