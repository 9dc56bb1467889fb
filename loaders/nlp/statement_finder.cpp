#include "loaders/nlp/statement_finder.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <string>

#include "common/ascii.hpp"
#include "loaders/nlp/cues.hpp"

namespace ng::nlp {

namespace {

constexpr std::uint32_t kMinQuoteWordsWithoutClause = 4;

struct Draft {
  StatementKind kind = StatementKind::Reported;
  Span content;
  Span cut;
  Speaker speaker;
  std::string verb;
  double confidence = 0.5;
  std::uint32_t paragraph = 0;
  std::uint32_t quoted_bytes = 0;  // how much of the content is inside quotation marks
  bool direct_clause = false;      // quoted speech without marks (an interview answer)
  std::uint32_t reach = 0;         // where the statement and its clause end
};

class Assembler {
 public:
  Assembler(std::string_view text, const std::vector<Quote>& quotes,
            const std::vector<ReportingClause>& clauses, Document& analysis)
      : text_(text), quotes_(quotes), clauses_(clauses), analysis_(analysis) {}

  void run() {
    for (const ReportingClause& c : clauses_) {
      Draft d;
      d.content = c.content;
      d.cut = c.cut;
      d.speaker = c.speaker;
      d.verb = c.verb;
      d.confidence = c.confidence;
      d.paragraph = paragraph_of(c.content.begin);
      d.direct_clause = c.direct;
      if (c.direct) d.kind = StatementKind::Direct;
      drafts_.push_back(d);
    }
    attribute_quotes();
    merge_overlapping();
    emit();
  }

 private:
  std::uint32_t sentence_of(std::uint32_t offset) const {
    const auto& sentences = analysis_.sentences;
    const auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                                     [](std::uint32_t o, const Sentence& s) { return o < s.span.begin; });
    return it == sentences.begin() ? 0 : static_cast<std::uint32_t>(it - sentences.begin() - 1);
  }
  std::uint32_t paragraph_of(std::uint32_t offset) const {
    return analysis_.sentences.empty() ? 0 : analysis_.sentences[sentence_of(offset)].paragraph;
  }

  void attribute_quotes() {
    std::optional<Draft> previous;  // the statement before the quote, for continuations
    std::size_t next_clause = 0;
    for (const Quote& q : quotes_) {
      const std::uint32_t sentence = sentence_of(q.content.begin);
      if (analysis_.sentences[sentence].title || analysis_.sentences[sentence].title_case) continue;
      while (next_clause < clauses_.size() && clauses_[next_clause].content.end <= q.content.begin) {
        previous = draft_of(clauses_[next_clause], q.paragraph);
        ++next_clause;
      }
      const ReportingClause* clause = nullptr;
      // A clause whose content holds the quote, else one in the paragraph.
      for (const ReportingClause& c : clauses_) {
        if (c.content.overlaps(q.content) && paragraph_of(c.content.begin) == q.paragraph) {
          clause = &c;
          break;
        }
      }
      // "“...,” a union official said": the quotation has a reporting
      // clause of its own whose speaker is not named; it is nobody's
      // statement, never the last named speaker's.
      if (!clause && (has_own_reporting_verb(q) || introduced_by_document(q))) {
        previous.reset();
        continue;
      }
      if (!clause && q.words >= kMinQuoteWordsWithoutClause) {
        std::uint32_t best_distance = UINT32_MAX;
        for (const ReportingClause& c : clauses_) {
          if (paragraph_of(c.content.begin) != q.paragraph) continue;
          const std::uint32_t verb_at = analysis_.tokens[c.verb_token].span.begin;
          const std::uint32_t distance = verb_at > q.content.end ? verb_at - q.content.end
                                                                 : q.content.begin - std::min(verb_at, q.content.begin);
          if (distance < best_distance) {
            best_distance = distance;
            clause = &c;
          }
        }
      }
      // A quotation left open at the end of its paragraph and closed in the
      // next ("“A ¶ B,” she said"): its first part is said by whoever says
      // the second.
      if (!clause && !q.closed) {
        const auto next = std::find_if(quotes_.begin(), quotes_.end(),
                                       [&](const Quote& x) { return x.open_token > q.close_token; });
        if (next != quotes_.end() && next->paragraph == q.paragraph + 1 && next->closed) {
          for (const ReportingClause& c : clauses_) {
            if (paragraph_of(c.content.begin) != next->paragraph) continue;
            const std::uint32_t verb_at = analysis_.tokens[c.verb_token].span.begin;
            if (c.content.overlaps(next->content) ||
                (verb_at >= next->content.end && verb_at - next->content.end < 40)) {
              clause = &c;
              break;
            }
          }
        }
      }
      Draft d;
      d.kind = StatementKind::Direct;
      d.content = q.content;
      d.paragraph = q.paragraph;
      d.quoted_bytes = q.content.size();
      if (clause) {
        d.speaker = clause->speaker;
        d.verb = clause->verb;
        d.confidence = std::min(0.95, clause->confidence + 0.05);
      } else if (previous && q.words >= kMinQuoteWordsWithoutClause && q.paragraph <= previous->paragraph + 1 &&
                 !other_reporting_verb(previous->reach, q.open_token, previous->speaker.entity)) {
        // A quotation that goes on after the speaker was named.
        d.speaker = previous->speaker;
        d.speaker.form = Mention::Form::Pronoun;
        d.speaker.span = {};
        d.verb = previous->verb;
        d.confidence = 0.6;
      } else {
        continue;
      }
      d.reach = d.content.end;
      drafts_.push_back(d);
      previous = d;
    }
  }

  // Whether a speech verb stands right after the quotation in its sentence
  // ("“...,” a firefighter told reporters") or right before it, introducing
  // it ("a union official said: “...”").
  bool has_own_reporting_verb(const Quote& q) const {
    const auto& tokens = analysis_.tokens;
    const auto is_verb = [&](std::uint32_t k) {
      if (tokens[k].kind != TokenKind::Word) return false;
      const std::string lower = ascii_lower(tokens[k].span.of(text_));
      const auto lemma = cues::speech_verb_lemma(lower);
      if (!lemma && !cues::frame_speech_verb_lemma(lower)) return false;
      if (lemma == "think" || lemma == "believe") return false;  // thinking is not a reporting clause
      // A verb whose speaker was found is the quotation's clause after all.
      return std::none_of(clauses_.begin(), clauses_.end(),
                          [&](const ReportingClause& c) { return c.verb_token == k; });
    };
    if (q.closed) {
      const Sentence& sentence = analysis_.sentences[sentence_of(tokens[q.close_token].span.begin)];
      const std::uint32_t end = std::min(sentence.end_token, q.close_token + 8);
      for (std::uint32_t k = q.close_token + 1; k < end; ++k) {
        if (tokens[k].kind == TokenKind::OpenQuote) break;
        if (is_verb(k)) return true;
      }
    }
    const Sentence& sentence = analysis_.sentences[sentence_of(tokens[q.open_token].span.begin)];
    if (q.open_token <= sentence.first_token) return false;
    const std::string_view before = tokens[q.open_token - 1].span.of(text_);
    if (before != ":" && before != ",") return false;
    for (std::uint32_t k = q.open_token - 1; k > sentence.first_token && q.open_token - k < 8; --k) {
      if (tokens[k - 1].kind == TokenKind::CloseQuote) break;
      if (is_verb(k - 1)) return true;
    }
    return false;
  }

  // "there was a message from his lawyers, “...”": a quotation introduced
  // by a document or message of someone else is no continuation of the
  // last speaker's words.
  bool introduced_by_document(const Quote& q) const {
    const auto& tokens = analysis_.tokens;
    const Sentence& sentence = analysis_.sentences[sentence_of(tokens[q.open_token].span.begin)];
    if (q.open_token <= sentence.first_token) return false;
    const std::string_view before = tokens[q.open_token - 1].span.of(text_);
    if (before != ":" && before != ",") return false;
    static constexpr std::string_view kNouns[] = {"message", "statement", "letter", "note", "email", "post",
                                                  "tweet", "notice", "text", "reply", "response"};
    for (std::uint32_t k = q.open_token - 1; k > sentence.first_token && q.open_token - k < 8; --k) {
      if (tokens[k - 1].kind == TokenKind::CloseQuote) break;
      const std::string lower = ascii_lower(tokens[k - 1].span.of(text_));
      if (std::find(std::begin(kNouns), std::end(kNouns), lower) != std::end(kNouns)) return true;
    }
    return false;
  }

  Draft draft_of(const ReportingClause& c, std::uint32_t) const {
    Draft d;
    d.speaker = c.speaker;
    d.verb = c.verb;
    d.paragraph = paragraph_of(c.content.begin);
    d.reach = std::max(c.content.end, analysis_.tokens[c.verb_token].span.end);
    return d;
  }

  // Whether a reporting verb of someone else stands between `from` and the
  // quotation ("Omar Sadiq, who said he spoke for the crew, commented:
  // ¶ “...”"): then the quotation is not the last speaker's going on, even
  // when that other speaker is not known.
  bool other_reporting_verb(std::uint32_t from, std::uint32_t quote_open, std::uint32_t speaker) const {
    const auto& tokens = analysis_.tokens;
    auto it = std::lower_bound(tokens.begin(), tokens.end(), from,
                               [](const Token& t, std::uint32_t o) { return t.span.begin < o; });
    for (auto k = static_cast<std::uint32_t>(it - tokens.begin()); k < quote_open; ++k) {
      if (tokens[k].kind != TokenKind::Word || inside_quote(k)) continue;
      const std::string lower = ascii_lower(tokens[k].span.of(text_));
      if (!cues::speech_verb_lemma(lower) && !cues::frame_speech_verb_lemma(lower)) continue;
      const bool same = std::any_of(clauses_.begin(), clauses_.end(), [&](const ReportingClause& c) {
        return c.verb_token == k && c.speaker.entity == speaker;
      });
      if (!same) return true;
    }
    return false;
  }

  bool inside_quote(std::uint32_t token) const {
    const std::uint32_t at = analysis_.tokens[token].span.begin;
    return std::any_of(quotes_.begin(), quotes_.end(), [&](const Quote& q) {
      return analysis_.tokens[q.open_token].span.begin <= at && at <= analysis_.tokens[q.close_token].span.begin;
    });
  }

  // A quotation inside a clause's content (or the clause whose content is a
  // quotation) is one statement, direct.
  void merge_overlapping() {
    std::sort(drafts_.begin(), drafts_.end(),
              [](const Draft& a, const Draft& b) { return a.content.begin < b.content.begin; });
    std::vector<Draft> merged;
    for (Draft& d : drafts_) {
      bool joined = false;
      for (Draft& m : merged) {
        if (m.speaker.entity != d.speaker.entity || !m.content.overlaps(d.content)) continue;
        m.content = {std::min(m.content.begin, d.content.begin), std::max(m.content.end, d.content.end)};
        m.quoted_bytes += d.quoted_bytes;
        // Direct when the quotation is most of it; a few quoted words inside
        // reported speech ("what he called “a private dispute”") stay reported.
        m.direct_clause = m.direct_clause || d.direct_clause;
        m.kind = m.direct_clause || m.quoted_bytes * 2 >= m.content.size() ? StatementKind::Direct
                                                                          : StatementKind::Reported;
        if (m.cut.empty()) m.cut = d.cut;
        if (m.speaker.span.empty()) m.speaker = d.speaker;
        m.confidence = std::max(m.confidence, d.confidence);
        joined = true;
        break;
      }
      if (!joined) merged.push_back(d);
    }
    drafts_ = std::move(merged);
  }

  void emit() {
    for (const Draft& d : drafts_) {
      Statement s;
      s.kind = d.kind;
      s.content = d.content;
      s.text = statement_text(text_, analysis_.tokens, d.content, d.cut);
      if (std::count(s.text.begin(), s.text.end(), ' ') < 1) continue;
      s.speaker = d.speaker.entity;
      s.speaker_span = d.speaker.span;
      s.verb = d.verb;
      s.confidence = d.confidence;
      s.sentence = sentence_of(d.content.begin);
      std::set<std::uint32_t> about;
      const auto& mentions = analysis_.mentions;
      for (std::size_t i = 0; i < mentions.size(); ++i) {
        const Mention& m = mentions[i];
        if (m.span.begin >= d.content.end) break;
        if (!d.content.contains(m.span) || (!d.cut.empty() && d.cut.overlaps(m.span))) continue;
        if (m.entity == d.speaker.entity) continue;
        if (i + 1 < mentions.size() && owns_next(m, mentions[i + 1])) continue;
        about.insert(m.entity);
      }
      s.about.assign(about.begin(), about.end());
      if (d.speaker.form != Mention::Form::Name && !d.speaker.span.empty()) {
        speaker_mentions_.push_back(Mention{d.speaker.span, d.speaker.entity,
                                            sentence_of(d.speaker.span.begin), d.speaker.form});
      }
      analysis_.statements.push_back(std::move(s));
    }
    for (const Mention& m : speaker_mentions_) {
      const bool known = std::any_of(analysis_.mentions.begin(), analysis_.mentions.end(),
                                     [&](const Mention& x) { return x.span == m.span; });
      if (!known) analysis_.mentions.push_back(m);
    }
    std::sort(analysis_.mentions.begin(), analysis_.mentions.end(),
              [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
  }

  // "Russia's Defence Ministry": Russia is part of the ministry's name
  // there (the ministry is known by that alias), not a second subject.
  bool owns_next(const Mention& owner, const Mention& next) const {
    if (next.span.begin > owner.span.end + 8) return false;
    const std::string prefix = std::string(owner.span.of(text_));
    for (const auto& alias : analysis_.entities[next.entity].aliases) {
      if (alias.rfind(prefix + "'s ", 0) == 0 || alias.rfind(prefix + "\u2019s ", 0) == 0) return true;
    }
    return false;
  }

  std::string_view text_;
  const std::vector<Quote>& quotes_;
  const std::vector<ReportingClause>& clauses_;
  Document& analysis_;
  std::vector<Draft> drafts_;
  std::vector<Mention> speaker_mentions_;
};

}  // namespace

std::string statement_text(std::string_view text, const std::vector<Token>& tokens, Span content, Span cut) {
  std::string out;
  auto it = std::lower_bound(tokens.begin(), tokens.end(), content.begin,
                             [](const Token& t, std::uint32_t o) { return t.span.begin < o; });
  bool pending_space = false;
  for (; it != tokens.end() && it->span.end <= content.end; ++it) {
    if (!cut.empty() && cut.overlaps(it->span)) {
      pending_space = true;
      continue;
    }
    if (it->space_before) pending_space = true;
    // Quotation marks go; a plural possessive's apostrophe ("players' spirit") stays.
    const bool apostrophe = it->kind == TokenKind::CloseQuote && !it->space_before && !out.empty() &&
                            (out.back() == 's' || out.back() == 'S') && it->span.size() <= 3 &&
                            (it->span.of(text) == "'" || it->span.of(text) == "\u2019");
    if ((it->kind == TokenKind::OpenQuote || it->kind == TokenKind::CloseQuote) && !apostrophe) continue;
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += it->span.of(text);
  }
  while (!out.empty() && (out.back() == ',' || out.back() == ' ' || out.back() == ';' || out.back() == ':')) {
    out.pop_back();
  }
  return out;
}

void find_statements(const std::vector<Quote>& quotes, const std::vector<ReportingClause>& clauses, Document& doc) {
  Assembler(doc.text, quotes, clauses, doc).run();
}

}  // namespace ng::nlp
