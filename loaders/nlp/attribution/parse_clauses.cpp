#include "loaders/nlp/attribution/parse_clauses.hpp"

#include <algorithm>
#include <string>

#include "common/ascii.hpp"
#include "loaders/nlp/cues.hpp"

namespace ng::nlp {

namespace {

bool is_subject(std::string_view relation) { return relation == "nsubj" || relation == "csubj"; }

bool is_relative_pronoun(std::string_view lower) { return lower == "who" || lower == "which" || lower == "that"; }

// Verbs that only report speech with a clause, a colon or a quotation
// after them: "continued: ...", "the letter reads, ...", "reasoned that".
bool needs_clause(std::string_view lemma) {
  return lemma == "continue" || lemma == "read" || lemma == "reason" || lemma == "think" ||
         lemma == "believe" || lemma == "signal" || lemma == "indicate" || lemma == "agree" ||
         lemma == "cite" || lemma == "welcome" || lemma == "observe" || lemma == "recall" ||
         lemma == "repeat" || lemma == "point" || lemma == "express" || lemma == "voice" ||
         lemma == "report" || lemma == "estimate" || lemma == "predict" || lemma == "forecast" ||
         lemma == "sigh" || lemma == "recount" || lemma == "clarify" || lemma == "rule";
}

// Nouns of documents and messages that speak for whoever issued them:
// "the ministry's letter reads", "posted a statement which read".
bool is_statement_noun(std::string_view lower) {
  static constexpr std::string_view kNouns[] = {
      "statement", "letter", "message", "post", "tweet", "release", "note", "memo", "notice", "email",
      "communique", "declaration", "announcement", "ruling", "judgment", "judgement", "report", "filing",
      "petition", "reply", "response", "submission", "document", "decision", "study", "survey", "poll",
      "opinion", "findings", "paper", "analysis"};
  return std::find(std::begin(kNouns), std::end(kNouns), lower) != std::end(kNouns);
}

// Verbs whose object is who is spoken to, not what is said.
bool object_is_addressee(std::string_view lemma) {
  return lemma == "tell" || lemma == "inform" || lemma == "assure" || lemma == "remind";
}

}  // namespace

struct ParseClauses::Tree {
  std::uint32_t first = 0;  // first word of the sentence
  std::uint32_t end = 0;
  std::vector<std::vector<std::uint32_t>> children;  // by word - first, absolute indices
  std::vector<std::uint32_t> low, high;              // subtree's first and last word, absolute

  const std::vector<std::uint32_t>& of(std::uint32_t w) const { return children[w - first]; }
  std::optional<std::uint32_t> child(std::uint32_t w, std::string_view relation, const Document& doc) const {
    for (std::uint32_t c : of(w)) {
      if (doc.words[c].relation == relation) return c;
    }
    return std::nullopt;
  }
};

ParseClauses::ParseClauses(const Document& doc, const SpeakerResolver& speakers, const std::vector<bool>& in_quote)
    : analysis_(doc), speakers_(speakers), in_quote_(in_quote) {}

// The subject a verb has, or shares with the verb it is coordinated with
// or hangs from ("X called it reckless and warned ...", "..., saying").
std::optional<std::uint32_t> ParseClauses::subject_of(const Tree& tree, std::uint32_t verb, int depth) const {
  for (std::uint32_t c : tree.of(verb)) {
    if (is_subject(analysis_.words[c].relation)) return c;
  }
  // "“...,” said one of the judges": after a fronted quotation the parser
  // may take the inverted subject for an object.
  bool fronted = false;
  for (std::uint32_t c : tree.of(verb)) {
    fronted = fronted || (c < verb && analysis_.words[c].relation == "ccomp");
    if (fronted && c > verb && analysis_.words[c].relation == "obj") return c;
  }
  if (const auto passive = tree.child(verb, "nsubj:pass", analysis_)) {
    (void)passive;
    if (const auto agent = tree.child(verb, "obl:agent", analysis_)) return *agent;
    return std::nullopt;
  }
  const Word& w = analysis_.words[verb];
  if (depth > 2 || w.head < 0) return std::nullopt;
  const std::string_view relation = w.relation;
  // "issued a statement saying ...": the statement speaks.
  if (relation == "acl" && is_statement_noun(ascii_lower(form(static_cast<std::uint32_t>(w.head))))) {
    return static_cast<std::uint32_t>(w.head);
  }
  // "went on to say", "X stepped forward to say": an infinitive of
  // purpose or sequence shares the subject of the verb it hangs on.
  const auto mark = tree.child(verb, "mark", analysis_);
  const bool infinitive = relation == "advcl" && mark && ascii_lower(form(*mark)) == "to";
  if (relation == "conj" || relation == "xcomp" || infinitive ||
      (relation == "advcl" && form(verb).size() > 4 && ascii_lower(form(verb)).ends_with("ing"))) {
    return subject_of(tree, static_cast<std::uint32_t>(w.head), depth + 1);
  }
  return std::nullopt;
}

std::optional<Speaker> ParseClauses::speaker_of(const Tree& tree, std::uint32_t word, std::size_t sentence_first,
                                                std::optional<std::uint32_t> previous) const {
  const Word& w = analysis_.words[word];
  // "X, who warned that": the antecedent of the relative pronoun.
  if (is_relative_pronoun(ascii_lower(form(word)))) {
    const Word& verb = analysis_.words[static_cast<std::size_t>(w.head)];
    if (verb.relation != "acl:relcl" || verb.head < 0) return std::nullopt;
    return speaker_of(tree, static_cast<std::uint32_t>(verb.head), sentence_first, previous);
  }
  if (const auto m = speakers_.mention_at(w.token)) {
    const Mention& mention = analysis_.mentions[*m];
    return Speaker{mention.entity, mention.span, Mention::Form::Name};
  }
  // "The ministry's letter reads", "the Harbour Council statement said",
  // "X posted a statement which read": whoever issued the document.
  if (is_statement_noun(ascii_lower(form(word)))) {
    for (std::uint32_t c : tree.of(word)) {
      const std::string_view relation = analysis_.words[c].relation;
      if (relation == "nmod:poss" || relation == "compound") {
        if (c < word) return speaker_of(tree, c, sentence_first, previous);
      }
    }
    if (w.relation == "obj" && w.head >= 0) {
      if (const auto subject = subject_of(tree, static_cast<std::uint32_t>(w.head), 0)) {
        return speaker_of(tree, *subject, sentence_first, previous);
      }
    }
    return std::nullopt;
  }
  // "analyst Hazem Nuaeimi", "the company's chief, Ida Holm": the name
  // in apposition or compounded with the head noun.
  for (std::uint32_t c : tree.of(word)) {
    const std::string_view relation = analysis_.words[c].relation;
    // Not a compound: "US officials" are unnamed officials, not the US.
    if (relation != "appos" && relation != "flat") continue;
    if (const auto m = speakers_.mention_at(analysis_.words[c].token)) {
      const Mention& mention = analysis_.mentions[*m];
      return Speaker{mention.entity, mention.span, Mention::Form::Name};
    }
  }
  // "one of the judges, Lord Justice X": the name in apposition to the
  // of-phrase; "the official account of The Harbour Union": the
  // organisation whose voice the noun is.
  // "a spokesman for the Harbour Union", "a member of staff at X": one
  // unnamed person of the organisation, an unnamed source, not its voice.
  const auto determiner = tree.child(word, "det", analysis_);
  const bool indefinite = determiner && (ascii_lower(form(*determiner)) == "a" || ascii_lower(form(*determiner)) == "an");
  if ((w.upos == Upos::NOUN || w.upos == Upos::NUM || w.upos == Upos::PRON) && !indefinite) {
    for (std::uint32_t c : tree.of(word)) {
      if (analysis_.words[c].relation != "nmod" || c < word) continue;
      for (std::uint32_t d : tree.of(c)) {
        if (analysis_.words[d].relation != "appos") continue;
        if (const auto m = speakers_.mention_at(analysis_.words[d].token)) {
          const Mention& mention = analysis_.mentions[*m];
          return Speaker{mention.entity, mention.span, Mention::Form::Name};
        }
      }
      const auto m = speakers_.mention_at(analysis_.words[c].token);
      if (m && analysis_.entities[analysis_.mentions[*m].entity].type == EntityType::Organization) {
        const Mention& mention = analysis_.mentions[*m];
        return Speaker{mention.entity, mention.span, Mention::Form::Description};
      }
    }
  }
  // "a spokesman said": nobody named.
  if (indefinite) return std::nullopt;
  // A pronoun or a description ("she", "the ministry").
  return speakers_.subject_ending_at(w.token, sentence_first, previous, false);
}

// The names listed after "including" or "such as" in a subject, up to its
// verb: "Members of the council including A, Dr B and C said". Only a
// plain list (names, commas, "and") counts.
std::vector<Speaker> ParseClauses::listed_speakers(std::uint32_t subject, std::uint32_t verb) const {
  std::vector<Speaker> out;
  const std::uint32_t first = analysis_.words[subject].token, last = analysis_.words[verb].token;
  std::uint32_t t = first + 1;
  while (t < last) {
    const std::string x = ascii_lower(analysis_.tokens[t].span.of(analysis_.text));
    if (x == "including") break;
    if (x == "such" && t + 1 < last && ascii_lower(analysis_.tokens[t + 1].span.of(analysis_.text)) == "as") {
      ++t;
      break;
    }
    ++t;
  }
  if (t >= last) return out;
  for (++t; t < last;) {
    if (in_quote_[t]) return {};
    const std::string x = ascii_lower(analysis_.tokens[t].span.of(analysis_.text));
    if (x == "," || x == "and") {
      ++t;
      continue;
    }
    const auto m = speakers_.mention_at(t);
    if (!m && (cues::is_title_head(analysis_.tokens[t].span.of(analysis_.text)) ||
               cues::is_honorific(analysis_.tokens[t].span.of(analysis_.text)))) {
      ++t;  // "Dr", "Senator" before the name
      continue;
    }
    if (!m && analysis_.tokens[t].capitalized && analysis_.tokens[t].kind == TokenKind::Word) {
      ++t;  // a name nobody recognised: it says the same, but is not known
      continue;
    }
    if (!m) return {};
    const Mention& mention = analysis_.mentions[*m];
    out.push_back(Speaker{mention.entity, mention.span, Mention::Form::Name});
    while (t < last && analysis_.tokens[t].span.begin < mention.span.end) ++t;
  }
  return out;
}

// "A, B and C expressed ... Those members also asked for ...": a plural
// "those"/"these" description, or "they", right after a statement that
// several named speakers made together, is the same group.
std::vector<Speaker> ParseClauses::group_named_before(std::uint32_t subject, std::uint32_t sentence,
                                                      std::size_t first_of_sentence,
                                                      const std::vector<ReportingClause>& out) const {
  const Word& w = analysis_.words[subject];
  const std::string lower = ascii_lower(form(subject));
  bool group = lower == "they";
  if (!group && w.xpos == "NNS") {
    for (std::uint32_t c = analysis_.sentences[sentence_of_word(subject)].first_word; c < subject; ++c) {
      const std::string x = ascii_lower(form(c));
      if (analysis_.words[c].head == static_cast<std::int32_t>(subject) && (x == "those" || x == "these")) group = true;
    }
  }
  if (!group || first_of_sentence == 0) return {};
  const ReportingClause& last = out[first_of_sentence - 1];
  if (last.sentence + 1 != sentence) return {};
  std::vector<Speaker> speakers;
  for (std::size_t i = first_of_sentence; i-- > 0;) {
    if (out[i].verb_token != last.verb_token || !(out[i].content == last.content)) break;
    Speaker speaker = out[i].speaker;
    speaker.form = lower == "they" ? Mention::Form::Pronoun : Mention::Form::Description;
    speaker.span = {};
    speakers.insert(speakers.begin(), speaker);
  }
  if (speakers.size() < 2) return {};
  return speakers;
}

std::uint32_t ParseClauses::sentence_of_word(std::uint32_t word) const {
  const auto& sentences = analysis_.sentences;
  const auto it = std::upper_bound(sentences.begin(), sentences.end(), word,
                                   [](std::uint32_t w, const Sentence& s) { return w < s.first_word; });
  return static_cast<std::uint32_t>(it - sentences.begin() - 1);
}

bool ParseClauses::speech_clause(const Tree& tree, std::uint32_t word) const {
  const std::string lower = ascii_lower(form(word));
  const auto lemma = cues::speech_verb_lemma(lower);
  if (!lemma && !cues::frame_speech_verb_lemma(lower)) return false;
  if (lemma == "think" || lemma == "believe") return false;  // what was said may be what one thinks
  return tree.child(word, "nsubj", analysis_).has_value();
}

// "X called for a revolt and supporters have been protesting": the
// content the token patterns found stops before a coordinated clause with
// a subject of its own.
void ParseClauses::trim_at_coordinated_clause(const Tree& tree, std::uint32_t verb, std::size_t first_of_sentence,
                                              std::vector<ReportingClause>& out) const {
  for (std::uint32_t c : tree.of(verb)) {
    if (c < verb || analysis_.words[c].relation != "conj" || !tree.child(c, "nsubj", analysis_)) continue;
    std::uint32_t e = tree.low[c - tree.first];
    while (e > verb + 1 && (analysis_.words[e - 1].upos == Upos::PUNCT || analysis_.words[e - 1].upos == Upos::CCONJ)) {
      --e;
    }
    if (e <= verb + 1) return;
    const std::uint32_t stop = analysis_.words[e - 1].span.end;
    for (auto clause = out.begin() + static_cast<std::ptrdiff_t>(first_of_sentence); clause != out.end(); ++clause) {
      if (clause->verb_token != analysis_.words[verb].token || !clause->cut.empty()) continue;
      if (clause->content.begin < stop && clause->content.end > analysis_.words[c].span.begin) clause->content.end = stop;
    }
    return;
  }
}

std::uint32_t ParseClauses::token_of(std::uint32_t offset) const {
  const auto& tokens = analysis_.tokens;
  const auto it = std::upper_bound(tokens.begin(), tokens.end(), offset,
                                   [](std::uint32_t o, const Token& t) { return o < t.span.begin; });
  return static_cast<std::uint32_t>(it - tokens.begin()) - 1;
}

// Whether a colon or a quotation mark stands between the verb and the
// clause `from` starts ("welcomed the vote: “...”").
bool ParseClauses::semicolon_between(std::uint32_t verb, std::uint32_t from) const {
  for (std::uint32_t k = verb + 1; k < from; ++k) {
    if (form(k) == ";") return true;
  }
  return false;
}

bool ParseClauses::introduces_speech(std::uint32_t verb, std::uint32_t from) const {
  const std::uint32_t last = analysis_.words[from].token;
  for (std::uint32_t t = analysis_.words[verb].token + 1; t <= last && t < analysis_.tokens.size(); ++t) {
    if (analysis_.tokens[t].kind == TokenKind::OpenQuote || analysis_.tokens[t].span.of(analysis_.text) == ":") {
      return true;
    }
  }
  return false;
}

std::optional<Span> ParseClauses::content_of(const Tree& tree, std::uint32_t verb, std::string_view lemma) const {
  std::optional<std::uint32_t> from, to;
  const auto take = [&](std::uint32_t c) {
    from = from ? std::min(*from, tree.low[c - tree.first]) : tree.low[c - tree.first];
    to = to ? std::max(*to, tree.high[c - tree.first]) : tree.high[c - tree.first];
  };
  bool clause = false;
  for (std::uint32_t c : tree.of(verb)) {
    const std::string_view relation = analysis_.words[c].relation;
    // A clause before the verb is fronted content ("“...,” X said").
    if (c < verb && relation != "ccomp") continue;
    // A parataxis is content only when introduced as speech ("said: “...”");
    // "X has ordered jets, the airline said" is two clauses.
    if (relation == "parataxis" && !introduces_speech(verb, tree.low[c - tree.first])) continue;
    // "X has ordered jets, the airline said": a reporting clause of its
    // own is no content.
    if (speech_clause(tree, c)) continue;
    // "X was found dead, Y confirmed; reports suggested ...": a clause
    // after a semicolon is a sentence of its own, not what Y said.
    if (c > verb && semicolon_between(verb, tree.low[c - tree.first])) continue;
    if (relation == "ccomp" || relation == "parataxis") {
      take(c);
      clause = true;
      break;  // a second reported clause is a clause of its own
    }
  }
  if (!clause) {
    // "welcomed the vote: “...”": after a colon, the rest of the sentence.
    const Sentence& sentence = analysis_.sentences[sentence_of_word(verb)];
    for (std::uint32_t k = verb + 1; k < tree.end && k < verb + 10; ++k) {
      if (analysis_.words[k].upos == Upos::VERB || analysis_.words[k].upos == Upos::AUX) break;
      if (form(k) != ":") continue;
      std::uint32_t b = k + 1, e = tree.end - 1;
      while (b < e && analysis_.words[b].upos == Upos::PUNCT) ++b;
      while (e > b && analysis_.words[e].upos == Upos::PUNCT) --e;
      if (e > b && analysis_.words[e].token < sentence.end_token) {
        return Span{analysis_.words[b].span.begin, analysis_.words[e].span.end};
      }
      // "X said:" ends the paragraph and the quotation fills the next.
      const Paragraph& paragraph = analysis_.paragraphs[sentence.paragraph];
      const bool last = analysis_.words[k].token + 1 >= sentence.end_token &&
                        &sentence == &analysis_.sentences[paragraph.end_sentence - 1];
      if (last && sentence.paragraph + 1 < analysis_.paragraphs.size()) {
        const Paragraph& next = analysis_.paragraphs[sentence.paragraph + 1];
        if (next.first_sentence < next.end_sentence) {
          const Sentence& opening = analysis_.sentences[next.first_sentence];
          if (opening.first_token < opening.end_token &&
              analysis_.tokens[opening.first_token].kind == TokenKind::OpenQuote) {
            return next.span;
          }
        }
      }
      break;
    }
    // "expressed their dissatisfaction with the plan", "voiced concern
    // over the cuts": the attitude and what it is about.
    if (lemma == "express" || lemma == "voice") {
      const auto object = tree.child(verb, "obj", analysis_);
      if (!object || *object < verb) return std::nullopt;
      take(*object);
      for (std::uint32_t c : tree.of(verb)) {
        if (c < *object || analysis_.words[c].relation != "obl") continue;
        const auto k = tree.child(c, "case", analysis_);
        const std::string case_word = k ? ascii_lower(form(*k)) : std::string();
        if (case_word == "with" || case_word == "over" || case_word == "about" || case_word == "at" ||
            case_word == "for" || case_word == "regarding" || case_word == "towards" || case_word == "toward") {
          take(c);
        }
      }
    } else if (needs_clause(lemma)) {
      return std::nullopt;
    }
    std::optional<std::uint32_t> object;
    bool predicate = false;
    for (std::uint32_t c : tree.of(verb)) {
      if (c < verb) continue;
      const std::string_view relation = analysis_.words[c].relation;
      if (relation == "obj" || relation == "iobj") {
        object = c;
      } else if (relation == "xcomp") {
        take(c);
        predicate = true;
      } else if (relation == "advcl" && lemma == "speak") {
        // "spoke of suffering from depression".
        const auto mark = tree.child(c, "mark", analysis_);
        const std::string mark_word = mark ? ascii_lower(form(*mark)) : std::string();
        if ((mark_word == "of" || mark_word == "about") && *mark == tree.low[c - tree.first]) {
          from = from ? std::min(*from, *mark + 1) : *mark + 1;
          to = to ? std::max(*to, tree.high[c - tree.first]) : tree.high[c - tree.first];
          predicate = true;
        }
      } else if (relation == "obl") {
        // "described it as historic", "called for a ceasefire", "warned
        // Turkey against an incursion".
        std::string case_word;
        if (const auto k = tree.child(c, "case", analysis_)) case_word = ascii_lower(form(*k));
        const bool as = case_word == "as" && (lemma == "describe" || lemma == "characterize" || lemma == "rate" ||
                                              lemma == "hail" || lemma == "condemn" || lemma == "criticize");
        const bool called_for = case_word == "for" && (lemma == "call" || lemma == "ask" || lemma == "appeal");
        const bool against = (case_word == "against" || case_word == "of" || case_word == "about") && lemma == "warn";
        // "spoke of suffering from depression": what was spoken of.
        const bool spoken_of = (case_word == "of" || case_word == "about") && lemma == "speak";
        if (as || against) {
          take(c);
          predicate = true;
        } else if (called_for || spoken_of) {
          // What is called for, without "for".
          from = from ? std::min(*from, tree.low[c - tree.first] + 1) : tree.low[c - tree.first] + 1;
          to = to ? std::max(*to, tree.high[c - tree.first]) : tree.high[c - tree.first];
          predicate = true;
        }
      }
    }
    if (object && !predicate) {
      // "called the plan “reckless”": a predicate hanging on the object.
      for (std::uint32_t c : tree.of(*object)) {
        const std::string_view relation = analysis_.words[c].relation;
        if (c > *object && (relation == "appos" || relation == "xcomp" || relation == "amod")) predicate = true;
      }
    }
    if (object) {
      const bool addressee = object_is_addressee(lemma);
      if (!addressee && (predicate || cues::object_is_content(lemma)) &&
          (predicate || (lemma != "call" && lemma != "ask" && lemma != "order"))) {
        take(*object);
      }
    }
    if (!from || (!predicate && !cues::object_is_content(lemma))) return std::nullopt;
    if (!predicate && !object) return std::nullopt;
  }
  std::uint32_t b = *from, e = *to;
  // "retorted that X: “...”": the quotation after the colon is a
  // statement of its own.
  for (std::uint32_t k = b + 1; k + 1 <= e; ++k) {
    if (form(k) == ":" && analysis_.tokens[analysis_.words[k].token + 1].kind == TokenKind::OpenQuote) {
      e = k - 1;
      break;
    }
  }
  // "that" and punctuation at the edges are not content.
  while (b <= e && (analysis_.words[b].upos == Upos::PUNCT || ascii_lower(form(b)) == "that")) ++b;
  while (e > b && analysis_.words[e].upos == Upos::PUNCT) --e;
  if (b > e) return std::nullopt;
  std::size_t words = 0;
  for (std::uint32_t k = b; k <= e; ++k) words += analysis_.words[k].upos != Upos::PUNCT;
  if (words < 2) return std::nullopt;
  return Span{analysis_.words[b].span.begin, analysis_.words[e].span.end};
}

void ParseClauses::add(std::uint32_t s, std::optional<std::uint32_t>& previous, std::size_t first_of_sentence,
                       std::vector<ReportingClause>& out) const {
  const Sentence& sentence = analysis_.sentences[s];
  if (!sentence.parsed || sentence.title || sentence.title_case || sentence.end_word <= sentence.first_word) return;
  Tree tree;
  tree.first = sentence.first_word;
  tree.end = sentence.end_word;
  const std::uint32_t n = tree.end - tree.first;
  tree.children.assign(n, {});
  tree.low.resize(n);
  tree.high.resize(n);
  for (std::uint32_t w = tree.first; w < tree.end; ++w) {
    tree.low[w - tree.first] = tree.high[w - tree.first] = w;
    const std::int32_t head = analysis_.words[w].head;
    if (head >= static_cast<std::int32_t>(tree.first) && head < static_cast<std::int32_t>(tree.end)) {
      tree.children[static_cast<std::uint32_t>(head) - tree.first].push_back(w);
    }
  }
  // Subtree extents: walk every word up to the root (sentences are short).
  for (std::uint32_t w = tree.first; w < tree.end; ++w) {
    std::int32_t h = analysis_.words[w].head;
    for (std::uint32_t guard = 0; h >= static_cast<std::int32_t>(tree.first) && guard < n; ++guard) {
      const std::uint32_t u = static_cast<std::uint32_t>(h) - tree.first;
      tree.low[u] = std::min(tree.low[u], w);
      tree.high[u] = std::max(tree.high[u], w);
      h = analysis_.words[static_cast<std::uint32_t>(h)].head;
    }
  }

  std::optional<std::uint32_t> dateline_end;  // the dash token of "CITY (Agency) -"
  if (sentence.dateline) {
    for (std::uint32_t t = sentence.first_token; t < sentence.end_token && t < sentence.first_token + 8; ++t) {
      const std::string_view x = analysis_.tokens[t].span.of(analysis_.text);
      if (x == "-" || x == "\u2013" || x == "\u2014") {
        dateline_end = t;
        break;
      }
    }
  }
  for (std::uint32_t verb = tree.first; verb < tree.end; ++verb) {
    const Word& w = analysis_.words[verb];
    if (w.upos != Upos::VERB || in_quote_[w.token]) continue;
    const std::string lower = ascii_lower(form(verb));
    auto lemma = cues::speech_verb_lemma(lower);
    if (!lemma) lemma = cues::frame_speech_verb_lemma(lower);
    // Thinking is not saying ("he believes this breaches his rights"),
    // unless a reporting verb above says so, which is its own clause.
    if (!lemma || *lemma == "think" || *lemma == "believe") continue;
    // "the land it claims", "a so-called deal": a verb modifying a noun
    // reports nothing; its subject must be a relative pronoun naming the
    // speaker ("X, who warned that").
    const bool document_verb = (w.relation == "acl" || w.relation == "acl:relcl") && w.head >= 0 &&
                               (*lemma == "say" || *lemma == "read" || *lemma == "state") &&
                               is_statement_noun(ascii_lower(form(static_cast<std::uint32_t>(w.head))));
    // "by announcing the annexation", "after warning": a participle that
    // tells how or when something was done is a deed, not a statement.
    if (lower.ends_with("ing")) {
      std::uint32_t head = verb;
      while (analysis_.words[head].relation == "conj" && analysis_.words[head].head >= 0) {
        head = static_cast<std::uint32_t>(analysis_.words[head].head);
      }
      const bool saying = *lemma == "say" || *lemma == "add" || *lemma == "state" || *lemma == "write";
      if (!saying && (tree.child(verb, "mark", analysis_) || tree.child(head, "mark", analysis_))) continue;
    }
    if (w.relation == "amod" || (w.relation == "acl" && !document_verb)) continue;
    auto subject = subject_of(tree, verb, 0);
    if (!subject) continue;
    // "OSLO - The mayor said": the dateline is no subject; what stands in
    // apposition to it is.
    if (sentence.dateline && dateline_end && analysis_.words[*subject].token < *dateline_end) {
      subject = tree.child(*subject, "appos", analysis_);
      if (!subject) continue;
    }
    if (w.relation == "acl:relcl" && !is_relative_pronoun(ascii_lower(form(*subject)))) continue;
    // The speaker and everyone coordinated with it ("Both the district and
    // the police said"): one statement each.
    std::vector<std::uint32_t> subjects{*subject};
    for (std::uint32_t c : tree.of(*subject)) {
      if (analysis_.words[c].relation == "conj") subjects.push_back(c);
    }
    // "The Ledger quotes X as saying ...", "X is quoted by the Ledger as
    // saying ...": X said it, and the Ledger reported it.
    if (w.relation == "advcl" && w.head >= 0) {
      const std::uint32_t head = static_cast<std::uint32_t>(w.head);
      const std::string head_form = ascii_lower(form(head));
      if (head_form == "quotes" || head_form == "quoted" || head_form == "quote" || head_form == "quoting") {
        subjects.clear();
        for (std::string_view relation : {"obj", "nsubj:pass", "nsubj", "obl:agent"}) {
          if (const auto c = tree.child(head, relation, analysis_)) subjects.push_back(*c);
        }
      }
    }
    // A verb the token patterns read already: only the speakers they
    // missed, with the content they found.
    std::optional<Span> content;
    for (auto c = out.begin() + static_cast<std::ptrdiff_t>(first_of_sentence); c != out.end(); ++c) {
      if (c->verb_token == w.token) content = c->content;
    }
    const bool covered = content.has_value();
    // "Members of the assembly including A, B and C expressed ...": each
    // one listed speaks.
    std::vector<Speaker> listed = listed_speakers(*subject, verb);
    const bool group = listed.empty();
    if (group) listed = group_named_before(*subject, s, first_of_sentence, out);
    if (!listed.empty()) {
      if (!covered) content = content_of(tree, verb, *lemma);
      if (!content) continue;
      // "they" is the group, not whoever the pronoun alone would find.
      if (group) {
        out.erase(std::remove_if(out.begin() + static_cast<std::ptrdiff_t>(first_of_sentence), out.end(),
                                 [&](const ReportingClause& c) {
                                   return c.verb_token == w.token &&
                                          std::none_of(listed.begin(), listed.end(), [&](const Speaker& x) {
                                            return x.entity == c.speaker.entity;
                                          });
                                 }),
                  out.end());
      }
      for (const Speaker& speaker : listed) {
        const bool known = std::any_of(out.begin() + static_cast<std::ptrdiff_t>(first_of_sentence), out.end(),
                                       [&](const ReportingClause& c) {
                                         return c.verb_token == w.token && c.speaker.entity == speaker.entity;
                                       });
        if (known || speaker.span.overlaps(*content)) continue;
        ReportingClause clause;
        clause.shape = ReportingClause::Shape::SubjectVerb;
        clause.speaker = speaker;
        clause.verb_token = w.token;
        clause.verb = std::string(form(verb));
        clause.sentence = s;
        clause.content = *content;
        clause.confidence = 0.7;
        previous = speaker.entity;
        out.push_back(clause);
      }
      continue;
    }
    if (covered) trim_at_coordinated_clause(tree, verb, first_of_sentence, out);
    if (covered) {
      // Only the speakers coordinated with the one the patterns found.
      if (subjects.size() < 2) continue;
      bool agrees = false;
      for (std::uint32_t subject_word : subjects) {
        const auto one = speaker_of(tree, subject_word, sentence.first_token, previous);
        agrees = agrees || (one && std::any_of(out.begin() + static_cast<std::ptrdiff_t>(first_of_sentence),
                                               out.end(), [&](const ReportingClause& c) {
                                                 return c.verb_token == w.token && c.speaker.entity == one->entity;
                                               }));
      }
      if (!agrees) continue;
    }
    if (!covered) content = content_of(tree, verb, *lemma);
    // "“...,” the minister's letter said", "X was found dead, her publicist
    // Y confirmed": a reporting clause that ends the sentence reports the
    // words before it.
    const bool ends_sentence = [&] {
      for (std::uint32_t k = tree.high[verb - tree.first] + 1; k < tree.end; ++k) {
        if (form(k) == ";") return true;
        if (analysis_.words[k].upos != Upos::PUNCT) return false;
      }
      return true;
    }();
    const std::uint32_t low = tree.low[verb - tree.first];
    const bool after_comma = form(low) == "," || (low > tree.first && form(low - 1) == ",");
    const bool tail = w.relation == "parataxis" ||
                      ((w.relation == "conj" || w.relation == "advcl" || w.relation == "ccomp") && ends_sentence &&
                       tree.child(verb, "nsubj", analysis_).has_value() && after_comma);
    if (!content && tail && w.head >= 0 && static_cast<std::uint32_t>(w.head) < verb) {
      const std::uint32_t head = static_cast<std::uint32_t>(w.head);
      std::uint32_t b = tree.low[head - tree.first];
      std::uint32_t e = tree.low[verb - tree.first];
      while (b < e && analysis_.words[b].upos == Upos::PUNCT) ++b;
      while (e > b && analysis_.words[e - 1].upos == Upos::PUNCT) --e;
      if (e > b + 1) content = Span{analysis_.words[b].span.begin, analysis_.words[e - 1].span.end};
    }
    const bool says = *lemma == "say" || *lemma == "read" || *lemma == "state";
    if (!content && (document_verb || (says && w.relation == "advcl"))) {
      // The parser often hangs the words said on the verb above ("posted a
      // statement which read, “...”", "is quoted as saying, “...”").
      const std::int32_t above = document_verb ? analysis_.words[static_cast<std::uint32_t>(w.head)].head : w.head;
      if (above >= 0) {
        for (std::uint32_t c : tree.of(static_cast<std::uint32_t>(above))) {
          const std::string_view relation = analysis_.words[c].relation;
          // "goes on to say these rules are, “...”": a quotation the parser
          // coordinated with the verb above.
          const bool quoted_conj = relation == "conj" && introduces_speech(verb, c);
          if (c > verb && (relation == "ccomp" || relation == "parataxis" || quoted_conj)) {
            std::uint32_t b = std::min(verb + 1, tree.low[c - tree.first]);
            std::uint32_t e = tree.high[c - tree.first];
            while (b < e && (analysis_.words[b].upos == Upos::PUNCT || ascii_lower(form(b)) == "that")) ++b;
            while (e > b && analysis_.words[e].upos == Upos::PUNCT) --e;
            content = Span{analysis_.words[b].span.begin, analysis_.words[e].span.end};
            break;
          }
        }
      }
    }
    // "X called the plan unrealistic and warned that ...", "X welcomed the
    // decision but warned that ...": coordinated speech verbs of one
    // speaker are one statement, from the first content to the last.
    for (std::uint32_t c : tree.of(verb)) {
      if (c < verb || analysis_.words[c].relation != "conj" || covered) continue;
      const std::string conj_form = ascii_lower(form(c));
      if (!cues::speech_verb_lemma(conj_form) || tree.child(c, "nsubj", analysis_)) continue;
      std::uint32_t e = tree.high[c - tree.first];
      while (e > c && analysis_.words[e].upos == Upos::PUNCT) --e;
      if (!content) {
        std::uint32_t b = verb + 1;
        while (b < c && analysis_.words[b].upos == Upos::PUNCT) ++b;
        if (b >= c) break;
        content = Span{analysis_.words[b].span.begin, analysis_.words[e].span.end};
      } else {
        content->end = std::max(content->end, analysis_.words[e].span.end);
      }
      break;
    }
    if (!content) continue;
    for (std::uint32_t subject_word : subjects) {
      const auto speaker = speaker_of(tree, subject_word, sentence.first_token, previous);
      if (!speaker) continue;
      // A clause of the same speaker over part of this content grows to
      // all of it ("called X unfair and warned that Y": one statement).
      bool known = false;
      for (auto c = out.begin() + static_cast<std::ptrdiff_t>(first_of_sentence); c != out.end(); ++c) {
        if (c->speaker.entity != speaker->entity || !c->content.overlaps(*content)) continue;
        known = true;
        if (c->cut.empty()) {
          c->content = {std::min(c->content.begin, content->begin), std::max(c->content.end, content->end)};
        }
      }
      if (known || speaker->span.overlaps(*content)) continue;
      ReportingClause clause;
      clause.shape = ReportingClause::Shape::SubjectVerb;
      clause.speaker = *speaker;
      clause.verb_token = w.token;
      clause.verb = std::string(form(verb));
      clause.sentence = s;
      clause.content = *content;
      clause.confidence = speaker->form == Mention::Form::Name ? 0.75 : 0.65;
      previous = speaker->entity;
      out.push_back(clause);
    }
  }
  add_quoted_by(tree, sentence, first_of_sentence, out);
}

// "X said ..., as quoted by the Ledger", "X told reporters, quoted by the
// Ledger": the outlet reports what X said (nested attribution), and the
// phrase is no content.
void ParseClauses::add_quoted_by(const Tree& tree, const Sentence& sentence, std::size_t first_of_sentence,
                                 std::vector<ReportingClause>& out) const {
  for (std::uint32_t w = tree.first; w < tree.end; ++w) {
    const Word& quoted = analysis_.words[w];
    if (ascii_lower(form(w)) != "quoted" || quoted.head < 0 || in_quote_[quoted.token]) continue;
    const auto agent = tree.child(w, "obl:agent", analysis_);
    if (!agent) continue;
    const std::uint32_t verb_token = analysis_.words[static_cast<std::uint32_t>(quoted.head)].token;
    std::optional<ReportingClause> reported;
    for (auto c = out.begin() + static_cast<std::ptrdiff_t>(first_of_sentence); c != out.end(); ++c) {
      if (c->verb_token == verb_token) reported = *c;
    }
    if (!reported) continue;
    const auto speaker = speaker_of(tree, *agent, sentence.first_token, std::nullopt);
    if (!speaker || speaker->entity == reported->speaker.entity) continue;
    ReportingClause clause = *reported;
    // The whole quotation the reported words are part of.
    std::uint32_t b = token_of(clause.content.begin), e = token_of(clause.content.end - 1);
    // A quotation of several sentences is reported whole.
    while (b > 0 && in_quote_[b - 1] && analysis_.tokens[b].kind != TokenKind::OpenQuote) --b;
    while (e + 1 < in_quote_.size() && in_quote_[e + 1] && analysis_.tokens[e].kind != TokenKind::CloseQuote) ++e;
    while (b < e && analysis_.tokens[b].kind != TokenKind::Word) ++b;
    while (e > b && analysis_.tokens[e].kind != TokenKind::Word && analysis_.tokens[e].kind != TokenKind::Number) --e;
    clause.content = {analysis_.tokens[b].span.begin, analysis_.tokens[e].span.end};
    clause.speaker = *speaker;
    clause.verb_token = quoted.token;
    clause.verb = "quoted";
    clause.confidence = 0.7;
    out.push_back(clause);
  }
}

}  // namespace ng::nlp
