#include "loaders/nlp/reporting_clauses.hpp"

#include <algorithm>
#include <iterator>

#include "loaders/nlp/attribution/interview_answers.hpp"
#include "loaders/nlp/attribution/parse_clauses.hpp"
#include "loaders/nlp/cues.hpp"
#include "loaders/nlp/name_finder.hpp"
#include "loaders/nlp/tokenizer.hpp"

namespace ng::nlp {

namespace {

bool is_time_word(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
      "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december", "week", "weekend", "month", "year", "morning", "afternoon",
      "evening", "night", "day", "today", "yesterday", "tonight", "time", "hours", "days",
      "weeks", "months", "years", "moment"};
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

bool is_venue_word(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "statement", "statements", "interview", "video", "message", "address", "speech", "post",
      "briefing", "remarks", "conference", "tweet", "letter", "email", "broadcast", "televised",
      "report", "note", "comments", "telegram", "podcast", "op-ed", "column", "blog", "memo",
      "meeting", "session", "hearing", "summit", "rally", "parliament", "court", "ceremony", "opinion",
      "ruling", "judgment", "judgement", "filing", "affidavit", "book", "article", "essay", "column",
      "release", "announcement", "appearance", "radio", "television", "tv", "programme", "program",
      "newsletter", "website", "platform", "channel", "account", "debate", "forum", "event", "visit"};
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

bool is_auxiliary_start(std::string_view lower) {
  static constexpr std::string_view kWords[] = {"has", "have", "had", "is", "was", "were", "are",
                                                "been", "be", "will", "would", "to", "can",
                                                "could", "should", "being", "by"};
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

bool is_determiner(std::string_view lower) {
  return lower == "the" || lower == "a" || lower == "an" || lower == "its" || lower == "their" ||
         lower == "his" || lower == "her" || lower == "our" || lower == "these" || lower == "those" ||
         lower == "this" || lower == "my" || lower == "your" || lower == "such" || lower == "no";
}

bool is_punctuation_end(std::string_view w) {
  return w == "." || w == "," || w == ";" || w == ":" || w == "!" || w == "?" || w == "\u2026" ||
         is_dash(w);
}

}  // namespace

ClauseFinder::ClauseFinder(const Document& doc, const std::vector<Quote>& quotes, const SpeakerResolver& speakers)
    : text_(doc.text), analysis_(doc), quotes_(quotes), speakers_(speakers), in_quote_(doc.tokens.size(), false) {
  for (const Quote& q : quotes_) {
    for (std::uint32_t k = q.open_token; k <= q.close_token && k < in_quote_.size(); ++k) in_quote_[k] = true;
  }
}

std::string ClauseFinder::lower(std::size_t i) const { return ascii_lower(word(i)); }
bool ClauseFinder::inside_quote(std::size_t token) const { return in_quote_[token]; }

std::size_t ClauseFinder::token_at(std::uint32_t offset) const {
  const auto& tokens = analysis_.tokens;
  const auto it = std::lower_bound(tokens.begin(), tokens.end(), offset,
                                   [](const Token& t, std::uint32_t o) { return t.span.begin < o; });
  return static_cast<std::size_t>(it - tokens.begin());
}

std::vector<ReportingClause> ClauseFinder::find() const {
  std::vector<ReportingClause> out;
  std::optional<std::uint32_t> previous;
  const ParseClauses parse(analysis_, speakers_, in_quote_);
  for (std::uint32_t s = 0; s < analysis_.sentences.size(); ++s) {
    if (auto answer = interview_answer(analysis_, speakers_, s)) {
      previous = answer->speaker.entity;
      out.push_back(*answer);
    }
    find_in_sentence(s, previous, parse, out);
  }
  return out;
}

// Steps back from the token before a verb over auxiliaries, adverbs, time
// phrases, an appositive or a relative "who", to the end of the subject.
std::size_t ClauseFinder::skip_back(std::size_t k, std::size_t first) const {
  while (k > first) {
    const std::string w = lower(k);
    const bool adverb = w.size() > 4 && w.compare(w.size() - 2, 2, "ly") == 0 && !analysis_.tokens[k].capitalized;
    if (cues::is_verb_filler(w) || adverb) {
      --k;
      continue;
    }
    if ((is_time_word(w) || analysis_.tokens[k].kind == TokenKind::Number) && k > first + 1) {
      const std::string p = lower(k - 1);
      if (p == "on" || p == "in" || p == "at" || p == "last" || p == "this" || p == "earlier" || p == "late") {
        k -= 2;
        continue;
      }
    }
    if ((w == "who" || w == "which") && k > first + 1 && word(k - 1) == ",") return k - 2;  // relative
    if (w == ",") {
      // "X, a shopkeeper in Malatya, said": an appositive between the
      // subject and its verb; the subject ends before the first comma.
      // "X, 35, an activist who brought the complaint, said": up to three
      // commas back.
      int commas = 0;
      for (std::size_t p = k - 1; p > first && k - p < 30 && commas < 3; --p) {
        if (inside_quote(p)) break;
        if (word(p) == ",") {
          if (speakers_.mention_ending_at(p - 1)) return p - 1;
          ++commas;
        }
      }
      // "The company's chief executive, Henrik Solvang, warned": the name
      // right before the comma is the subject.
      return k - 1;
    }
    return k;
  }
  return k;
}

std::size_t ClauseFinder::content_start(std::size_t c, std::size_t end, std::string_view lemma) const {
  if (c < end && (word(c) == ":" || word(c) == ",")) ++c;
  // "said on Friday that", "told Reuters that", "reported to X that": only
  // short phrases (time, venue, addressee) may stand before "that"; in "said
  // it was leaving the bank that includes X" the "that" is a relative.
  for (std::size_t i = c; i < end && i < c + 12; ++i) {
    const std::string x = lower(i);
    if (x == "that") return i + 1;
    const Token& t = analysis_.tokens[i];
    // "told state broadcaster TRT that": an addressee of a few words.
    if ((lemma == "tell" || lemma == "inform" || lemma == "assure") && i < c + 6 && t.kind == TokenKind::Word &&
        !is_auxiliary_start(x)) {
      continue;
    }
    const bool skippable = t.capitalized || t.kind == TokenKind::Number || is_time_word(x) || is_venue_word(x) ||
                           is_determiner(x) || x == "on" || x == "in" || x == "at" || x == "to" ||
                           x == "during" || x == "last" || x == "this" || x == "reporters" ||
                           x == "journalists" || x == "him" || x == "her" || x == "them" || x == "us" ||
                           x == "also" || x == "repeatedly" || x == "publicly" || x == "." || is_possessive(word(i));
    if (!skippable) break;
  }
  // Time and venue phrases: "on Friday", "in a statement", "last week".
  for (int round = 0; round < 3 && c < end; ++round) {
    const std::string w = lower(c);
    if (w != "on" && w != "in" && w != "at" && w != "during" && w != "late" && w != "early" &&
        w != "last" && w != "this" && w != "earlier" && w != "over" && w != "via") {
      break;
    }
    std::size_t k = c + 1;
    bool matched = false;
    while (k < end && k < c + 6) {
      const std::string x = lower(k);
      if (is_time_word(x) || is_venue_word(x) || analysis_.tokens[k].kind == TokenKind::Number) matched = true;
      if (!(is_determiner(x) || is_time_word(x) || is_venue_word(x) || x == "of" ||
            analysis_.tokens[k].kind == TokenKind::Number || analysis_.tokens[k].capitalized ||
            x == "news" || x == "press" || x == "posted" || x == "published" || x == "televised" ||
            x == "video")) {
        break;
      }
      ++k;
    }
    if (!matched) break;
    c = k;
    if (c < end && word(c) == ",") ++c;
  }
  if (cues::takes_addressee(lemma) && (lemma == "tell" || lemma == "inform" || lemma == "assure")) {
    // "told Reuters", "told reporters", "told him".
    std::size_t k = c;
    while (k < end && k < c + 5 && (analysis_.tokens[k].capitalized || is_determiner(lower(k)))) ++k;
    if (k == c && k < end) {
      const std::string x = lower(k);
      static constexpr std::string_view kAudiences[] = {
          "reporters", "journalists", "him", "her", "them", "us", "me", "parliament", "lawmakers",
          "analysts", "investors", "legislators", "senators", "supporters", "residents", "students",
          "delegates", "crowds", "listeners", "viewers", "employees", "staff", "shareholders",
          "members", "colleagues", "officials", "diplomats", "troops", "soldiers", "voters"};
      if (std::find(std::begin(kAudiences), std::end(kAudiences), x) != std::end(kAudiences)) ++k;
    }
    c = k;
    if (c < end && (word(c) == "," || word(c) == ":")) ++c;
  }
  return c;
}

std::size_t ClauseFinder::content_end(std::size_t start, std::size_t end, bool embedded) const {
  std::size_t e = end;
  if (embedded) {
    for (std::size_t i = start + 2; i < end; ++i) {
      if (word(i) == "," && !inside_quote(i)) {
        e = i;
        break;
      }
    }
  }
  while (e > start && is_punctuation_end(word(e - 1))) --e;
  // "requested X in a video message posted on Telegram": where it was said
  // is not what was said.
  for (std::size_t i = start + 3; i + 1 < e; ++i) {
    if (lower(i) != "in" || inside_quote(i)) continue;
    std::size_t k = i + 1;
    if (k < e && is_determiner(lower(k))) ++k;
    while (k < e && k < i + 4 && !is_venue_word(lower(k)) && analysis_.tokens[k].kind == TokenKind::Word &&
           !analysis_.tokens[k].capitalized) {
      ++k;
    }
    if (k < e && is_venue_word(lower(k)) && k > i + 1) {
      e = i;
      break;
    }
  }
  while (e > start && is_punctuation_end(word(e - 1))) --e;
  return e;
}

// The comma (or closing quote) before the subject, when the clause ends the
// sentence: "CONTENT, X said (in a statement)."
std::optional<std::size_t> ClauseFinder::tail_comma(std::size_t subject_first, std::size_t verb,
                                                    const Sentence& sentence) const {
  std::size_t before = subject_first;
  while (before > sentence.first_token && (word(before - 1) == "the" || word(before - 1) == "The")) --before;
  if (before <= sentence.first_token + 1) return std::nullopt;
  if (word(before - 1) != "," && analysis_.tokens[before - 1].kind != TokenKind::CloseQuote) {
    // A long subject after a quotation: "“...,” Tarsk's head of
    // government X said." The quotation must close right before it.
    std::size_t k = before - 1;
    while (k > sentence.first_token && before - k < 16 && analysis_.tokens[k].kind != TokenKind::CloseQuote &&
           word(k) != ",") {
      --k;
    }
    const bool quote_before = analysis_.tokens[k].kind == TokenKind::CloseQuote ||
                              (word(k) == "," && k > sentence.first_token &&
                               analysis_.tokens[k - 1].kind == TokenKind::CloseQuote);
    // "CONTENT, researchers at the X Institute said": a short noun phrase
    // with a preposition between the comma and the name.
    bool noun_phrase = word(k) == "," && before - k <= 6;
    bool preposition = false;
    for (std::size_t i = k + 1; i < before && noun_phrase; ++i) {
      const std::string x = lower(i);
      preposition = preposition || x == "at" || x == "from" || x == "of" || x == "for";
      noun_phrase = analysis_.tokens[i].kind == TokenKind::Word && !cues::speech_verb_lemma(x);
    }
    if (!quote_before && !(noun_phrase && preposition)) return std::nullopt;
    before = k + 1;
  } else if (word(before - 1) == ",") {
    // "“…,” the agency's regional director, X, said": the description of
    // the speaker between the quotation and the name is not content.
    for (std::size_t k = before - 1; k > sentence.first_token && before - k < 10; --k) {
      const Token& t = analysis_.tokens[k - 1];
      if (t.kind == TokenKind::CloseQuote || (word(k - 1) == "," && k > sentence.first_token + 1 &&
                                              analysis_.tokens[k - 2].kind == TokenKind::CloseQuote)) {
        before = k;
        break;
      }
      if (t.kind != TokenKind::Word && !is_possessive(word(k - 1))) break;
      if (cues::speech_verb_lemma(lower(k - 1))) break;
    }
  }
  // A tail has no content of its own after the verb: at most a time or
  // venue ("said on Monday", "said in a statement"), never an object
  // ("urged both sides to return"). A semicolon ends the clause ("...,
  // her agent confirmed; reports suggested ...").
  std::size_t clause_end = sentence.end_token;
  for (std::size_t k = verb + 1; k < sentence.end_token; ++k) {
    // "“...,” she sighs, pointing to the harbour": a participle after the
    // comma tells what the speaker did.
    const bool participle = word(k) == "," && k + 1 < sentence.end_token && lower(k + 1).size() > 4 &&
                            lower(k + 1).ends_with("ing") &&
                            cues::speech_verb_lemma(lower(k + 1)).value_or("point") == "point";
    // "“...,” she remarked, though her brother was more hopeful": what
    // follows is the writer's, not the speaker's.
    const bool concessive = word(k) == "," && k + 1 < sentence.end_token &&
                            (lower(k + 1) == "though" || lower(k + 1) == "although" || lower(k + 1) == "whereas");
    if ((word(k) == ";" || participle || concessive) && !inside_quote(k)) {
      clause_end = k;
      break;
    }
  }
  for (std::size_t k = verb + 1; k < clause_end; ++k) {
    if (lower(k) == "that" || analysis_.tokens[k].kind == TokenKind::OpenQuote) return std::nullopt;
  }
  const std::string lemma(cues::speech_verb_lemma(lower(verb)).value_or(""));
  const std::size_t rest = content_start(verb + 1, clause_end, lemma);
  std::size_t words = 0;
  for (std::size_t k = rest; k < clause_end; ++k) words += analysis_.tokens[k].kind == TokenKind::Word;
  // "told reporters outside the harbour gates", "told the club's website":
  // a short place phrase or addressee after "say"/"tell" is no content.
  const std::string first_rest = rest < clause_end ? lower(rest) : std::string();
  const bool place_phrase = first_rest == "outside" || first_rest == "at" || first_rest == "in" ||
                            first_rest == "on" || first_rest == "during" || first_rest == "after" ||
                            first_rest == "before" || first_rest == "from" || first_rest == "near" ||
                            first_rest == "inside" || first_rest == "via" || first_rest == "through";
  const bool short_adjunct = words <= 5 && ((place_phrase && (lemma == "say" || lemma == "tell" ||
                                                              lemma == "add" || lemma == "explain" ||
                                                              lemma == "write" || lemma == "report")) ||
                                            (lemma == "tell" && words <= 4));
  if (words > 0 && !short_adjunct) return std::nullopt;
  return before - 1;
}

// Whether the words after a reporting verb say something: a content with
// no verb is only an adjunct when it starts with a preposition ("said
// Wednesday on television", "reports from the State Department", "said of
// the defeat"), and only an object of a verb that is not about speech
// ("wrote songs", "announced the annexation") unless quoted.
// "A spokesman for X said", "a member of staff at X said": the name
// belongs to a phrase about someone unnamed, an unnamed source.
bool ClauseFinder::unnamed_member(std::size_t name_first, std::size_t sentence_first) const {
  std::size_t k = name_first;
  while (k > sentence_first && analysis_.tokens[k - 1].capitalized && k + 8 > name_first) --k;  // titles, names
  if (k < sentence_first + 3) return false;
  const std::string preposition = lower(k - 1);
  if (preposition != "for" && preposition != "of" && preposition != "at" && preposition != "from") return false;
  for (std::size_t d = k - 1; d > sentence_first && k - d <= 4; --d) {
    const std::string x = lower(d - 1);
    if (x == "a" || x == "an") return true;
    if (analysis_.tokens[d - 1].kind != TokenKind::Word || analysis_.tokens[d - 1].capitalized) return false;
  }
  return false;
}

// "The Constitution of Tarsk states “...”", "the Declaration of Tenants'
// Rights, which states ...": quoted legal text has no speaker.
bool ClauseFinder::legal_text(std::size_t name_first, std::size_t sentence_first) const {
  static constexpr std::string_view kLaws[] = {"constitution", "declaration", "article", "act", "charter",
                                               "convention", "treaty", "code", "law", "bill", "amendment",
                                               "statute", "protocol", "covenant"};
  for (std::size_t d = name_first; d > sentence_first && name_first - d < 6; --d) {
    const std::string x = lower(d - 1);
    if (std::find(std::begin(kLaws), std::end(kLaws), x) != std::end(kLaws)) return true;
    if (x != "of" && x != "the" && !analysis_.tokens[d - 1].capitalized) return false;
  }
  return false;
}

// Whether the word at `k` follows a name that follows a closing quotation
// mark (and a comma): "“...,” Maria Ostrova sighs".
bool ClauseFinder::after_quote_and_name(std::size_t k, std::size_t first) const {
  if (k <= first + 2) return false;
  const auto m = speakers_.mention_ending_at(k - 1);
  if (!m) return false;
  std::size_t b = token_at(analysis_.mentions[*m].span.begin);
  if (b > first && word(b - 1) == ",") --b;
  return b > first && analysis_.tokens[b - 1].kind == TokenKind::CloseQuote;
}

// Whether tokens [b, e) are a clause with a subject of its own: no verb
// first ("and left the room" is a deed), a finite verb later, no quotation.
bool ClauseFinder::reported_clause(std::size_t b, std::size_t e) const {
  if (e < b + 4) return false;
  const auto& words = analysis_.words;
  auto w = std::lower_bound(words.begin(), words.end(), b, [](const Word& x, std::size_t t) { return x.token < t; });
  if (w == words.end() || w->token != b || w->upos == Upos::VERB || w->upos == Upos::AUX || w->upos == Upos::ADV) {
    return false;
  }
  bool finite = false;
  for (; w != words.end() && w->token < e; ++w) {
    if (in_quote_[w->token]) return false;
    finite = finite || w->xpos == "VBD" || w->xpos == "VBZ" || w->xpos == "VBP" || w->xpos == "MD";
  }
  return finite;
}

bool ClauseFinder::tagged_noun(std::size_t k) const {
  const auto& words = analysis_.words;
  const auto w = std::lower_bound(words.begin(), words.end(), k,
                                  [](const Word& x, std::size_t t) { return x.token < t; });
  return w != words.end() && w->token == k && (w->upos == Upos::NOUN || w->upos == Upos::PROPN);
}

// Whether the parse makes the verb at token `k` a relative clause ("the
// land it claims to have annexed").
bool ClauseFinder::relative_clause_verb(std::size_t k) const {
  const auto& words = analysis_.words;
  const auto w = std::lower_bound(words.begin(), words.end(), k,
                                  [](const Word& x, std::size_t t) { return x.token < t; });
  if (w == words.end() || w->token != k) return true;  // unknown: not a statement
  return w->head < 0 ? false : (w->relation == "acl:relcl" || w->relation == "acl");
}

bool ClauseFinder::statement_content(std::size_t c, std::size_t e, std::string_view lemma,
                                     ReportingClause::Shape shape) const {
  if (shape != ReportingClause::Shape::SubjectVerb && shape != ReportingClause::Shape::Inverted) return true;
  for (std::size_t k = c; k < e; ++k) {
    if (analysis_.tokens[k].kind == TokenKind::OpenQuote) return true;
  }
  const auto& words = analysis_.words;
  auto w = std::lower_bound(words.begin(), words.end(), c,
                            [](const Word& x, std::size_t t) { return x.token < t; });
  bool verb = false, finite = false;
  for (; w != words.end() && w->token < e; ++w) {
    verb = verb || w->upos == Upos::VERB || w->upos == Upos::AUX;
    finite = finite || w->xpos == "VBD" || w->xpos == "VBZ" || w->xpos == "VBP" || w->xpos == "MD";
  }
  const std::string first = lower(c);
  // "with ABC News, as quoted by the Ledger": a participle is no clause.
  const bool adjunct = is_time_word(first) || first == "from" || first == "of" || first == "with" ||
                       first == "on" || first == "in" || first == "at" || first == "during" ||
                       first == "after" || first == "before";
  if (adjunct) return finite;
  if (verb) return true;
  if (shape == ReportingClause::Shape::Inverted) return true;
  return cues::object_is_content(lemma);
}

std::optional<ReportingClause> ClauseFinder::according_to(std::size_t k, const Sentence& s,
                                                          std::optional<std::uint32_t> previous) const {
  const auto speaker = speakers_.subject_starting_at(k + 2, s.end_token, previous);
  if (!speaker) return std::nullopt;
  ReportingClause clause;
  clause.shape = ReportingClause::Shape::AccordingTo;
  clause.speaker = *speaker;
  clause.verb_token = static_cast<std::uint32_t>(k);
  clause.verb = "according to";
  clause.confidence = 0.8;
  std::size_t phrase_end = token_at(speaker->span.end);
  // "according to Russia's Interfax news agency": the lower-case head too.
  while (phrase_end < s.end_token && !analysis_.tokens[phrase_end].capitalized &&
         analysis_.tokens[phrase_end].kind == TokenKind::Word &&
         cues::organization_suffix(lower(phrase_end), "") > 0) {
    ++phrase_end;
  }
  if (phrase_end < s.end_token && lower(phrase_end) == "news") ++phrase_end;
  if (phrase_end < s.end_token && lower(phrase_end) == "agency") ++phrase_end;
  std::size_t phrase_begin = k;
  if (phrase_begin > s.first_token && word(phrase_begin - 1) == ",") --phrase_begin;
  if (k == s.first_token) {
    std::size_t c = phrase_end;
    if (c < s.end_token && word(c) == ",") ++c;
    const std::size_t e = content_end(c, s.end_token, false);
    if (e <= c) return std::nullopt;
    clause.content = {analysis_.tokens[c].span.begin, analysis_.tokens[e - 1].span.end};
  } else {
    const std::size_t e = content_end(s.first_token, s.end_token, false);
    if (e <= s.first_token) return std::nullopt;
    clause.content = {analysis_.tokens[s.first_token].span.begin, analysis_.tokens[e - 1].span.end};
    std::size_t cut_end = phrase_end;
    if (cut_end < s.end_token && word(cut_end) == ",") ++cut_end;
    clause.cut = {analysis_.tokens[phrase_begin].span.begin,
                  analysis_.tokens[std::min<std::size_t>(cut_end, s.end_token) - 1].span.end};
  }
  return clause;
}

void ClauseFinder::find_in_sentence(std::uint32_t s, std::optional<std::uint32_t>& previous,
                                    const ParseClauses& parse, std::vector<ReportingClause>& out) const {
  const Sentence& sentence = analysis_.sentences[s];
  if (sentence.title || sentence.title_case) return;
  const std::size_t first = sentence.first_token;
  const std::size_t end = sentence.end_token;
  const std::size_t clauses_before = out.size();
  for (std::size_t k = first; k < end; ++k) {
    const Token& t = analysis_.tokens[k];
    if (inside_quote(k) || t.kind != TokenKind::Word) continue;
    const std::string l = lower(k);
    if (l == "according" && k + 1 < end && lower(k + 1) == "to") {
      if (auto clause = according_to(k, sentence, previous)) {
        clause->sentence = s;
        previous = clause->speaker.entity;
        out.push_back(*clause);
      }
      continue;
    }
    if (t.capitalized) continue;
    auto lemma = cues::speech_verb_lemma(l);
    // "“...,” Maria Ostrova sighs": a verb that reports only in some
    // frames reports a quotation right before its named subject.
    if (!lemma && after_quote_and_name(k, first)) lemma = cues::frame_speech_verb_lemma(l);
    if (!lemma) continue;
    if (k > first && (is_determiner(lower(k - 1)) || is_possessive(word(k - 1)) || lower(k - 1) == "to")) {
      continue;  // "Russia's claims", "the report", "to say"
    }
    std::size_t after = k + 1;
    std::string verb(word(k));
    if (*lemma == "express" || *lemma == "voice") {
      std::size_t noun = after;
      while (noun < end && noun < after + 3 && (is_determiner(lower(noun)) || lower(noun) == "deep" ||
                                                lower(noun) == "cautious" || lower(noun) == "grave")) {
        ++noun;
      }
      if (noun >= end || !cues::is_speech_noun(lower(noun))) continue;
      verb += " " + lower(noun);
      after = (noun + 1 < end && lower(noun + 1) == "that") ? noun + 2 : noun;
    } else if (*lemma == "call" || *lemma == "point") {
      if (after >= end || (lower(after) != "for" && lower(after) != "on" && lower(after) != "out")) continue;
      verb += " " + lower(after);
      if (*lemma == "point") ++after;
    } else if (*lemma == "order" || *lemma == "command" || *lemma == "ask" || *lemma == "urge" ||
               *lemma == "advise" || *lemma == "recommend") {
      // "ordered troops to withdraw" is speech; "ordered forty jets" is a purchase.
      bool to_follows = after < end && lower(after) == "that";
      for (std::size_t i = after; i < end && i < after + 8 && !to_follows; ++i) to_follows = lower(i) == "to";
      if (!to_follows) continue;
    } else if (*lemma == "describe" || *lemma == "cite" || *lemma == "threaten" || *lemma == "welcome" ||
               *lemma == "think" || *lemma == "believe" || *lemma == "signal" || *lemma == "indicate" ||
               *lemma == "agree") {
      // Weaker speech verbs: only with a "that" clause right after.
      if (after >= end || lower(after) != "that") continue;
    }

    ReportingClause clause;
    clause.verb_token = static_cast<std::uint32_t>(k);
    clause.verb = verb;
    clause.sentence = s;
    std::optional<Speaker> speaker;
    const bool participle = l.size() > 4 && l.compare(l.size() - 3, 3, "ing") == 0;
    if (participle && k > first && word(k - 1) == ",") {
      // "X said A, adding B" joins A; "X defended his record, saying B" is
      // said by the sentence's subject.
      if (out.size() > clauses_before) {
        speaker = out.back().speaker;
      } else {
        speaker = speakers_.sentence_subject(first, k);
      }
      if (!speaker) continue;
      clause.shape = ReportingClause::Shape::Participle;
      clause.confidence = 0.7;
    } else if (participle) {
      continue;  // "saying", "warning" without a clause to join
    } else if (k > first && (analysis_.tokens[k - 1].kind == TokenKind::CloseQuote ||
                             (word(k - 1) == "," && k > first + 1 &&
                              analysis_.tokens[k - 2].kind == TokenKind::CloseQuote))) {
      speaker = speakers_.subject_starting_at(k + 1, end, previous);
      // "“...,” said one of the judges, Lord Justice X": the name after
      // the description.
      for (std::size_t i = k + 1; !speaker && i < end && i < k + 8; ++i) {
        if (analysis_.tokens[i].kind != TokenKind::Word && word(i) != ",") break;
        if (word(i) == ",") speaker = speakers_.subject_starting_at(i + 1, end, previous);
        if (word(i) == ",") break;
      }
      clause.shape = ReportingClause::Shape::Inverted;
      clause.confidence = 0.9;
    } else if (k > first) {
      const std::size_t subject_end = skip_back(k - 1, first);
      const bool relative = subject_end + 2 < k && (lower(subject_end + 2) == "who" || lower(subject_end + 2) == "which");
      // "It is reported that", "Ken was told that": the subject of a
      // passive is not who spoke (an agent is read off the parse).
      bool passive = false;
      for (std::size_t i = subject_end + 1; i < k && !participle; ++i) {
        const std::string x = lower(i);
        passive = passive || x == "is" || x == "was" || x == "were" || x == "are" || x == "been" || x == "be" ||
                  x == "being";
      }
      if (passive) continue;
      speaker = speakers_.subject_ending_at(subject_end, first, previous, relative);
      // "X called the plan unrealistic and warned that": the verb after
      // "and" shares the sentence's subject.
      if (!speaker && (lower(subject_end) == "and" || lower(subject_end) == "but")) {
        speaker = speakers_.sentence_subject(first, subject_end);
      }
      clause.shape = ReportingClause::Shape::SubjectVerb;
      clause.confidence = 0.8;
    }
    if (!speaker) continue;
    // "the package announced by X": a participle with its agent is no
    // reporting clause of the noun before it.
    if (k + 1 < end && lower(k + 1) == "by") continue;
    // "the Gulf states announced ...": the tagger reads a noun.
    if (tagged_noun(k) && k + 1 < end && lower(k + 1) != "that" && analysis_.tokens[k + 1].kind == TokenKind::Word) {
      continue;
    }
    if (clause.shape != ReportingClause::Shape::Inverted && !speaker->span.empty() &&
        (unnamed_member(token_at(speaker->span.begin), first) || legal_text(token_at(speaker->span.begin), first))) {
      continue;
    }
    clause.speaker = *speaker;
    if (speaker->form == Mention::Form::Pronoun) clause.confidence -= 0.1;
    if (speaker->form == Mention::Form::Description) clause.confidence -= 0.15;

    std::size_t c = 0, e = 0;
    const std::size_t subject_first = token_at(speaker->span.begin);
    if (clause.shape == ReportingClause::Shape::Inverted) {
      c = first;
      e = k;
    } else if (clause.shape == ReportingClause::Shape::SubjectVerb) {
      if (const auto comma = tail_comma(subject_first, k, sentence)) {
        clause.shape = ReportingClause::Shape::Tail;
        c = first;
        e = *comma;
      }
    }
    if (e == 0) {
      c = content_start(after, end, *lemma);
      // "..., Y confirmed; reports suggested ...": nothing said after the verb.
      if (c < end && word(c) == ";") continue;
      // "X, who said he was a spokesman, commented on ...": a relative
      // clause's content ends with the clause.
      const bool embedded = (subject_first > first &&
                             (lower(subject_first - 1) == "that" || lower(subject_first - 1) == "which")) ||
                            (k > first + 1 && (lower(k - 1) == "who" || lower(k - 2) == "who") &&
                             word(k - (lower(k - 1) == "who" ? 2 : 3)) == ",");
      // "urged locals to flee on Thursday, in one of the clearest signs...":
      // an object-and-infinitive complement ends at the first comma; a
      // "that" clause or a quotation runs on.
      const bool directive = *lemma == "urge" || *lemma == "ask" || *lemma == "order" ||
                             *lemma == "command" || *lemma == "advise" || *lemma == "request" ||
                             *lemma == "propose" || *lemma == "promise" || *lemma == "pledge" ||
                             *lemma == "vow" || *lemma == "call" || *lemma == "recommend" ||
                             *lemma == "demand" || *lemma == "appeal";
      const bool clause_follows = c > after && lower(c - 1) == "that";
      e = content_end(c, end, embedded || (directive && !clause_follows));
      // "Russia claims has been annexed": a relative clause's gap, no content.
      // But "promised to freeze rents" is a promise.
      const bool to_complement = c < e && lower(c) == "to" && (*lemma == "promise" || *lemma == "pledge" ||
                                                      *lemma == "vow" || *lemma == "threaten" ||
                                                      *lemma == "agree" || *lemma == "propose" ||
                                                      (*lemma == "claim" && !relative_clause_verb(k)));
      if (c < e && clause.shape == ReportingClause::Shape::SubjectVerb && is_auxiliary_start(lower(c)) &&
          !to_complement) {
        continue;
      }
    }
    // "X criticised “A” and said B": the quotation is one statement, what
    // the second verb says another. "X said “A” and the public was
    // divided": the quotation and the reported clause are two statements.
    std::optional<std::pair<std::size_t, std::size_t>> reported_after;
    if (analysis_.tokens[c].kind == TokenKind::OpenQuote) {
      for (std::size_t q = c + 1; q + 2 < e; ++q) {
        if (analysis_.tokens[q].kind != TokenKind::CloseQuote) continue;
        if (lower(q + 1) != "and" && lower(q + 1) != "but") break;
        if (cues::speech_verb_lemma(lower(q + 2))) {
          e = q + 1;
        } else if (reported_clause(q + 2, e)) {
          reported_after = std::make_pair(q + 2, e);
          e = q + 1;
        }
        break;
      }
    }
    // "argued against the claim that X: “...”": the quotation after the
    // colon is a statement of its own.
    // "said late on Tuesday: “...”": with no clause before the colon, the
    // quotation is the content.
    for (std::size_t q = c + 2; q + 1 < e; ++q) {
      if (word(q) == ":" && analysis_.tokens[q + 1].kind == TokenKind::OpenQuote && !inside_quote(q)) {
        if (statement_content(c, q, *lemma, clause.shape)) {
          e = q;
        } else {
          c = q + 1;
        }
        break;
      }
    }
    if (c == first && sentence.dateline) {
      // "OSLO (Agency) - CONTENT, X said": the dateline is not content.
      while (c < e && !is_dash(word(c))) ++c;
      if (c < e) ++c;
    }
    while (e > c && is_punctuation_end(word(e - 1))) --e;
    while (c < e && (word(c) == "," || word(c) == ":")) ++c;
    std::size_t words = 0;
    for (std::size_t i = c; i < e; ++i) words += analysis_.tokens[i].kind == TokenKind::Word;
    if (words < 2) continue;
    if (!statement_content(c, e, *lemma, clause.shape)) continue;
    clause.content = {analysis_.tokens[c].span.begin, analysis_.tokens[e - 1].span.end};
    previous = speaker->entity;
    out.push_back(clause);
    if (reported_after) {
      clause.content = {analysis_.tokens[reported_after->first].span.begin,
                        analysis_.tokens[reported_after->second - 1].span.end};
      out.push_back(clause);
    }
  }
  parse.add(s, previous, clauses_before, out);
  std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(clauses_before), out.end(),
                   [](const ReportingClause& a, const ReportingClause& b) { return a.verb_token < b.verb_token; });
  // A clause whose content runs into a later tail clause of the same
  // sentence ("the Ministry claimed X, TASS reported") stops before it.
  for (std::size_t a = clauses_before; a < out.size(); ++a) {
    for (std::size_t b = a + 1; b < out.size(); ++b) {
      if (out[b].shape != ReportingClause::Shape::Tail) continue;
      const std::uint32_t subject_begin = out[b].speaker.span.begin;
      if (out[a].content.begin < subject_begin && out[a].content.end > subject_begin) {
        std::size_t stop = token_at(subject_begin);
        while (stop > 0 && (word(stop - 1) == "the" || word(stop - 1) == "The")) --stop;
        while (stop > 0 && is_punctuation_end(word(stop - 1))) --stop;
        if (stop > 0) out[a].content.end = analysis_.tokens[stop - 1].span.end;
      }
    }
  }
}

}  // namespace ng::nlp
