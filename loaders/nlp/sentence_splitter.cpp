#include "loaders/nlp/sentence_splitter.hpp"

#include <algorithm>
#include <array>

#include "common/ascii.hpp"
#include "loaders/nlp/tokenizer.hpp"

namespace ng::nlp {

namespace {

// Abbreviations that are followed by a dot and, usually, a capitalised word
// that does not start a new sentence.
constexpr std::array<std::string_view, 64> kAbbreviations{
    "Adm",  "Amb",  "Apr",  "Aug",   "Brig", "Capt", "Cdr",  "Cmdr", "Co",   "Col",  "Corp",
    "Cpl",  "Dec",  "Dept", "Det",   "Dr",   "Feb",  "Fr",   "Ft",   "Gen",  "Gov",  "Hon",
    "Inc",  "Insp", "Jan",  "Jr",    "Jul",  "Jun",  "Lt",   "Ltd",  "Maj",  "Mar",  "Messrs",
    "Mme",  "Mr",   "Mrs",  "Ms",    "Msgr", "Mt",   "No",   "Nos",  "Nov",  "Oct",  "Op",
    "Pfc",  "Ph",   "Pres", "Prof",  "Pte",  "Rep",  "Reps", "Rev",  "Rt",   "Sen",  "Sens",
    "Sep",  "Sept", "Sgt",  "Sr",    "St",   "Supt", "Vol",  "vs",   "approx"};

bool can_start_sentence(std::string_view text, const Token& token) {
  switch (token.kind) {
    case TokenKind::Word: return token.capitalized;
    case TokenKind::Number: return true;
    case TokenKind::OpenQuote: return true;
    case TokenKind::CloseQuote: return false;
    case TokenKind::Punctuation: {
      const std::string_view t = token.span.of(text);
      return t == "(" || t == "[" || t == "\u2013" || t == "\u2014" || t == "-";
    }
  }
  return false;
}

bool is_closing_bracket(std::string_view t) { return t == ")" || t == "]"; }

// The dot at `dot` ends a sentence unless the word before it is an
// abbreviation or an initial.
bool dot_can_end(std::string_view text, const std::vector<Token>& tokens, std::size_t dot) {
  if (tokens[dot].span.of(text) != ".") return true;
  if (dot == 0) return true;
  const Token& before = tokens[dot - 1];
  if (before.span.end != tokens[dot].span.begin || before.kind != TokenKind::Word) return true;
  const std::string_view word = before.span.of(text);
  if (is_abbreviation(word)) return false;
  // An initial: a single capital letter ("J. Smith").
  if (word.size() == 1 && is_ascii_upper(word[0])) return false;
  return true;
}

// A dateline: one to four all-caps words (maybe with a comma and a country),
// maybe "(Agency)", then a dash, at the start of a paragraph.
bool is_dateline(std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                 std::size_t end) {
  std::size_t i = first;
  std::size_t caps = 0;
  while (i < end && caps < 6) {
    const Token& t = tokens[i];
    if (t.kind == TokenKind::Word && (t.all_caps || (caps > 0 && t.capitalized))) {
      ++caps;
      ++i;
      continue;
    }
    if (t.span.of(text) == "," && caps > 0) {
      ++i;
      continue;
    }
    break;
  }
  if (caps == 0 || !tokens[first].all_caps) return false;
  if (i < end && tokens[i].span.of(text) == "(") {
    while (i < end && tokens[i].span.of(text) != ")") ++i;
    if (i < end) ++i;
  }
  return i < end && is_dash(tokens[i].span.of(text)) && i + 1 < end;
}

bool looks_title_case(std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                      std::size_t end) {
  std::size_t long_words = 0, capitalised = 0;
  for (std::size_t i = first; i < end; ++i) {
    if (tokens[i].kind != TokenKind::Word || tokens[i].span.size() < 4) continue;
    ++long_words;
    capitalised += tokens[i].capitalized;
  }
  (void)text;
  return long_words >= 2 && capitalised * 10 >= long_words * 7;
}

}  // namespace

bool is_abbreviation(std::string_view word) noexcept {
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), word) != kAbbreviations.end();
}

SentenceSplit split_sentences(std::string_view text, const std::vector<Token>& tokens, bool has_title) {
  SentenceSplit out;
  const auto n = tokens.size();
  std::size_t paragraph_start = 0;
  while (paragraph_start < n) {
    std::size_t paragraph_end = paragraph_start + 1;
    while (paragraph_end < n && !tokens[paragraph_end].line_break_before) ++paragraph_end;

    Paragraph paragraph;
    paragraph.span = {tokens[paragraph_start].span.begin, tokens[paragraph_end - 1].span.end};
    paragraph.first_sentence = static_cast<std::uint32_t>(out.sentences.size());
    const auto paragraph_index = static_cast<std::uint32_t>(out.paragraphs.size());

    std::size_t sentence_start = paragraph_start;
    const auto close_sentence = [&](std::size_t end) {
      Sentence sentence;
      sentence.first_token = static_cast<std::uint32_t>(sentence_start);
      sentence.end_token = static_cast<std::uint32_t>(end);
      sentence.span = {tokens[sentence_start].span.begin, tokens[end - 1].span.end};
      sentence.paragraph = paragraph_index;
      out.sentences.push_back(sentence);
      sentence_start = end;
    };
    for (std::size_t i = paragraph_start; i < paragraph_end; ++i) {
      if (!is_sentence_final(tokens[i].span.of(text))) continue;
      std::size_t end = i + 1;
      while (end < paragraph_end &&
             (tokens[end].kind == TokenKind::CloseQuote || is_closing_bracket(tokens[end].span.of(text))) &&
             !tokens[end].space_before) {
        ++end;
      }
      if (end >= paragraph_end) break;
      if (!tokens[end].space_before) continue;
      if (!can_start_sentence(text, tokens[end])) continue;
      if (!dot_can_end(text, tokens, i)) continue;
      close_sentence(end);
      i = end - 1;
    }
    if (sentence_start < paragraph_end) close_sentence(paragraph_end);

    paragraph.end_sentence = static_cast<std::uint32_t>(out.sentences.size());
    Sentence& first = out.sentences[paragraph.first_sentence];
    first.title = paragraph_index == 0 && has_title;
    // A title, or a one-sentence paragraph without a final stop (a heading).
    const bool heading = first.title || (paragraph.end_sentence == paragraph.first_sentence + 1 &&
                                         !is_sentence_final(tokens[paragraph_end - 1].span.of(text)));
    first.title_case = heading && looks_title_case(text, tokens, first.first_token, first.end_token);
    first.dateline = is_dateline(text, tokens, first.first_token, first.end_token);
    out.paragraphs.push_back(paragraph);
    paragraph_start = paragraph_end;
  }
  return out;
}

}  // namespace ng::nlp
