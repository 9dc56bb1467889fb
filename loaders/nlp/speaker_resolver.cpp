#include "loaders/nlp/speaker_resolver.hpp"

#include <algorithm>
#include <string>

#include "common/unicode.hpp"
#include "loaders/nlp/cues.hpp"
#include "loaders/nlp/name_finder.hpp"
#include "loaders/nlp/tokenizer.hpp"

namespace ng::nlp {

namespace {

constexpr std::size_t kPronounReachParagraphs = 3;

bool is_preposition(std::string_view lower) {
  static constexpr std::string_view kPrepositions[] = {
      "of", "in", "at", "from", "by", "for", "with", "to", "on", "near", "into", "against", "about",
      "over", "under", "between", "among", "across", "after", "before", "during", "since",
      "toward", "towards", "via", "through", "without", "within", "outside", "inside", "like",
      "than", "behind", "beyond", "around", "upon", "onto", "off", "amid", "despite"};
  return std::find(std::begin(kPrepositions), std::end(kPrepositions), lower) != std::end(kPrepositions);
}

bool is_organization_description(std::string_view lower) {
  static constexpr std::string_view kHeads[] = {
      "ministry", "agency", "government", "department", "army", "office", "council", "court",
      "police", "company", "group", "party", "committee", "commission", "bank", "administration",
      "alliance", "organization", "organisation", "union", "service", "bureau", "authority",
      "institute", "university", "firm", "newspaper", "broadcaster", "kremlin", "cabinet",
      "parliament", "senate", "federation", "association", "coalition", "league", "network",
      "channel", "club", "board", "regulator", "watchdog", "militia", "airline", "carrier", "maker",
      "manufacturer", "lender", "insurer", "team", "charity", "institution", "tribunal", "council",
      "operator", "utility", "broadcaster", "station", "paper", "outlet", "agency"};
  return std::find(std::begin(kHeads), std::end(kHeads), lower) != std::end(kHeads);
}

bool is_person_description(std::string_view lower) {
  static constexpr std::string_view kRoles[] = {
      "governor", "president", "minister", "general", "mayor", "chancellor", "secretary",
      "premier", "king", "queen", "spokesman", "spokeswoman", "spokesperson", "leader",
      "commander", "chief", "ambassador", "senator", "judge", "prosecutor", "envoy", "chairman",
      "director", "prince", "pope", "emir", "sheikh", "colonel", "captain", "coach", "head"};
  return std::find(std::begin(kRoles), std::end(kRoles), lower) != std::end(kRoles);
}

// Nouns of people that a definite description uses for someone named
// just before ("the security contractor said", "the singer wrote"): the
// role nouns and a few more. Not "official" or "police": those are
// unnamed sources. The gender, where the noun has one.
std::optional<std::optional<cues::PronounKind>> person_noun(std::string_view lower) {
  static constexpr std::string_view kMale[] = {"boy", "man", "father", "son", "husband", "brother", "actor",
                                               "grandfather", "uncle", "nephew"};
  static constexpr std::string_view kFemale[] = {"girl", "woman", "mother", "daughter", "wife", "sister",
                                                 "actress", "grandmother", "aunt", "niece"};
  static constexpr std::string_view kOther[] = {
      "contractor", "singer", "diver", "driver", "pilot", "victim", "suspect", "defendant", "musician",
      "artist", "star", "athlete", "footballer", "veteran", "farmer", "worker", "resident", "teenager",
      "survivor", "witness", "novelist", "poet", "composer", "filmmaker", "director", "rapper", "chef",
      "entrepreneur", "billionaire", "businessman", "businesswoman", "campaigner", "protester", "whistleblower",
      "blogger", "scholar", "academic", "lawmaker", "senator", "minister", "lawyer", "coach", "player",
      "captain", "manager", "striker", "goalkeeper", "researcher", "scientist", "doctor", "activist", "founder",
      "executive", "analyst", "professor", "author", "writer", "journalist", "reporter", "priest", "bishop"};
  if (std::find(std::begin(kMale), std::end(kMale), lower) != std::end(kMale)) return cues::PronounKind::Male;
  if (std::find(std::begin(kFemale), std::end(kFemale), lower) != std::end(kFemale)) {
    return cues::PronounKind::Female;
  }
  if (std::find(std::begin(kOther), std::end(kOther), lower) != std::end(kOther)) {
    return std::optional<cues::PronounKind>{};
  }
  return std::nullopt;
}

bool contains_word(std::string_view haystack, std::string_view lower_word) {
  const std::string folded = case_fold(haystack);
  std::size_t at = 0;
  while ((at = folded.find(lower_word, at)) != std::string::npos) {
    const bool start_ok = at == 0 || folded[at - 1] == ' ' || folded[at - 1] == '-';
    const std::size_t end = at + lower_word.size();
    const bool end_ok = end == folded.size() || folded[end] == ' ' || folded[end] == '-' || folded[end] == '\'';
    if (start_ok && end_ok) return true;
    at = end;
  }
  return false;
}

}  // namespace

SpeakerResolver::SpeakerResolver(const Document& doc, const Lexicon& lexicon)
    : text_(doc.text), analysis_(doc), lexicon_(lexicon), mention_of_token_(doc.tokens.size(), -1) {
  const auto& tokens = doc.tokens;
  mark_subject_mentions();
  for (std::size_t m = 0; m < doc.mentions.size(); ++m) {
    const Span span = doc.mentions[m].span;
    auto it = std::lower_bound(tokens.begin(), tokens.end(), span.begin,
                               [](const Token& t, std::uint32_t offset) { return t.span.begin < offset; });
    for (; it != tokens.end() && it->span.end <= span.end; ++it) {
      mention_of_token_[static_cast<std::size_t>(it - tokens.begin())] = static_cast<std::int32_t>(m);
    }
  }
}

// A mention is a subject when one of its words is the subject in the
// parse; in a sentence without a tree, when it is the sentence's first
// mention and no verb comes before it.
void SpeakerResolver::mark_subject_mentions() {
  const auto& doc = analysis_;
  subject_mention_.assign(doc.mentions.size(), false);
  std::size_t w = 0;
  std::uint32_t last_sentence = UINT32_MAX;
  for (std::size_t m = 0; m < doc.mentions.size(); ++m) {
    const Mention& mention = doc.mentions[m];
    const Sentence& sentence = doc.sentences[mention.sentence];
    const bool first_in_sentence = mention.sentence != last_sentence;
    last_sentence = mention.sentence;
    while (w < doc.words.size() && doc.words[w].span.end <= mention.span.begin) ++w;
    if (sentence.parsed) {
      for (std::size_t k = w; k < doc.words.size() && doc.words[k].span.begin < mention.span.end; ++k) {
        const std::string_view relation = doc.words[k].relation;
        if (relation == "nsubj" || relation == "nsubj:pass") subject_mention_[m] = true;
      }
      continue;
    }
    if (!first_in_sentence) continue;
    bool verb_before = false;
    for (std::size_t k = sentence.first_word; k < w && k < sentence.end_word; ++k) {
      verb_before = verb_before || doc.words[k].upos == Upos::VERB || doc.words[k].upos == Upos::AUX;
    }
    subject_mention_[m] = !verb_before;
  }
}

bool SpeakerResolver::tagged_adjective(std::size_t token) const {
  const auto& words = analysis_.words;
  const auto it = std::lower_bound(words.begin(), words.end(), token,
                                   [](const Word& w, std::size_t t) { return w.token < t; });
  return it != words.end() && it->token == token && it->upos == Upos::ADJ;
}

std::optional<std::uint32_t> SpeakerResolver::mention_at(std::size_t token) const {
  if (token >= mention_of_token_.size() || mention_of_token_[token] < 0) return std::nullopt;
  return static_cast<std::uint32_t>(mention_of_token_[token]);
}

std::optional<std::uint32_t> SpeakerResolver::mention_ending_at(std::size_t token) const {
  const auto m = mention_at(token);
  if (!m) return std::nullopt;
  if (token + 1 < mention_of_token_.size() && mention_of_token_[token + 1] == mention_of_token_[token]) {
    return std::nullopt;
  }
  return m;
}

bool SpeakerResolver::governed_by_preposition(std::size_t first, std::size_t sentence_first) const {
  std::size_t k = first;
  // Skip a title before the name ("the Governor Ivan X") and "the".
  while (k > sentence_first) {
    const Token& t = analysis_.tokens[k - 1];
    const std::string_view w = word(k - 1);
    if ((t.capitalized && (cues::is_title_head(w) || cues::is_title_modifier(w))) || w == "the" ||
        w == "." || lexicon_.demonym_country(w)) {
      --k;
      continue;
    }
    break;
  }
  if (k == sentence_first) return false;
  return is_preposition(ascii_lower(word(k - 1)));
}

std::optional<Speaker> SpeakerResolver::subject_ending_at(std::size_t last, std::size_t sentence_first,
                                                          std::optional<std::uint32_t> previous,
                                                          bool relative) const {
  if (last < sentence_first || last >= analysis_.tokens.size()) return std::nullopt;
  // "the TASS news agency reported": step back over a lower-case head.
  std::size_t k = last;
  for (int step = 0; step < 2 && k > sentence_first && !mention_ending_at(k); ++step) {
    const std::string l = ascii_lower(word(k));
    if (!cues::organization_suffix(l, "") && l != "news" && l != "agency") break;
    --k;
  }
  if (const auto m = mention_ending_at(k)) {
    const Mention& mention = analysis_.mentions[*m];
    auto first = std::lower_bound(analysis_.tokens.begin(), analysis_.tokens.end(), mention.span.begin,
                                  [](const Token& t, std::uint32_t offset) { return t.span.begin < offset; });
    const auto first_index = static_cast<std::size_t>(first - analysis_.tokens.begin());
    // "echoed by X, who warned": a relative clause's antecedent may sit in a
    // prepositional phrase; a plain subject may not ("in Tarsk repeated").
    // "months after Israel confirmed that", "before Tarsk said": a
    // subordinating "after", "before", "since" or "until" makes the name
    // the subject of the clause it opens, not the object of a preposition.
    const bool subordinate = first_index > sentence_first && k + 1 < analysis_.tokens.size() &&
                             [&] {
                               const std::string before = ascii_lower(word(first_index - 1));
                               return before == "after" || before == "before" || before == "since" ||
                                      before == "until";
                             }() &&
                             k == last;
    if (!relative && !subordinate && governed_by_preposition(first_index, sentence_first)) {
      return subject_before_preposition(first_index, sentence_first, mention);
    }
    return Speaker{mention.entity, mention.span, Mention::Form::Name};
  }
  const std::string l = ascii_lower(word(last));
  if (cues::subject_pronoun(l)) return resolve_pronoun(last, previous);
  if (is_organization_description(l) || is_person_description(l)) {
    // Only "the ministry", "The Ministry", "its governor", "the region's governor".
    // "the ministry", "The Ministry", "its governor", "the Tarsk
    // region's Russian-installed governor": a determined noun phrase.
    for (std::size_t d = last; d > sentence_first && last - d < 7; --d) {
      const std::string before = ascii_lower(word(d - 1));
      if (before == "the" || before == "its" || before == "their" || before == "his" || before == "her") {
        return resolve_description(last, d - 1);
      }
      if (analysis_.tokens[d - 1].kind != TokenKind::Word && !is_possessive(word(d - 1))) break;
      if (cues::speech_verb_lemma(before) || cues::is_verb_filler(before)) break;
    }
  }
  // "The security contractor said", "the 46-year-old singer wrote": the
  // person named as a subject just before (never "his lawyer": someone else).
  if (const auto kind = person_noun(l)) {
    for (std::size_t d = last; d > sentence_first && last - d < 5; --d) {
      const std::string before = ascii_lower(word(d - 1));
      if (before == "the") return latest_person_subject(analysis_.tokens[d - 1].span.begin,
                                                        analysis_.tokens[last].span.end, *kind);
      if (analysis_.tokens[d - 1].kind != TokenKind::Word || analysis_.tokens[d - 1].capitalized) break;
      if (cues::speech_verb_lemma(before) || cues::is_verb_filler(before) || is_preposition(before)) break;
    }
  }
  return std::nullopt;
}

std::optional<Speaker> SpeakerResolver::latest_person_subject(std::uint32_t begin, std::uint32_t end,
                                                              std::optional<cues::PronounKind> gender) const {
  const auto& sentences = analysis_.sentences;
  const auto here = std::upper_bound(sentences.begin(), sentences.end(), begin,
                                     [](std::uint32_t offset, const Sentence& s) { return offset < s.span.begin; });
  const auto sentence = here == sentences.begin() ? 0u : static_cast<std::uint32_t>(here - sentences.begin() - 1);
  for (std::size_t m = analysis_.mentions.size(); m-- > 0;) {
    const Mention& mention = analysis_.mentions[m];
    if (mention.span.begin >= begin) continue;
    if (mention.sentence + 2 < sentence) break;
    const Entity& entity = analysis_.entities[mention.entity];
    if (entity.type != EntityType::Person || !subject_mention_[m]) continue;
    if (gender) {
      const std::string_view first_name = std::string_view(entity.name).substr(0, entity.name.find(' '));
      const Gender g = lexicon_.given_name_gender(first_name);
      if ((g == Gender::Male && *gender == cues::PronounKind::Female) ||
          (g == Gender::Female && *gender == cues::PronounKind::Male)) {
        continue;
      }
    }
    return Speaker{mention.entity, Span{begin, end}, Mention::Form::Description};
  }
  return std::nullopt;
}

// The head of "Noor Haddad of the Green Alliance" is Noor Haddad; the
// speaker of "researchers at the X Institute said" is the institute.
std::optional<Speaker> SpeakerResolver::subject_before_preposition(std::size_t first, std::size_t sentence_first,
                                                                   const Mention& mention) const {
  std::size_t p = first;
  while (p > sentence_first && (word(p - 1) == "the" || word(p - 1) == "The")) --p;
  if (p <= sentence_first + 1) return std::nullopt;
  const std::string preposition = ascii_lower(word(p - 1));
  if (preposition != "of" && preposition != "at" && preposition != "from" && preposition != "for") {
    return std::nullopt;
  }
  const std::size_t before = p - 2;
  if (const auto m = mention_ending_at(before)) {
    const Mention& head = analysis_.mentions[*m];
    if (analysis_.entities[head.entity].type == EntityType::Person) {
      return Speaker{head.entity, head.span, Mention::Form::Name};
    }
  }
  const std::string noun = ascii_lower(word(before));
  const bool spokespeople = noun == "researchers" || noun == "scientists" || noun == "officials" ||
                            noun == "experts" || noun == "spokesman" || noun == "spokeswoman" ||
                            noun == "spokesperson" || noun == "analysts" || noun == "economists" ||
                            noun == "doctors" || noun == "engineers";
  if (spokespeople && analysis_.entities[mention.entity].type == EntityType::Organization) {
    return Speaker{mention.entity, mention.span, Mention::Form::Description};
  }
  return std::nullopt;
}

std::optional<Speaker> SpeakerResolver::subject_starting_at(std::size_t first, std::size_t sentence_end,
                                                            std::optional<std::uint32_t> previous) const {
  if (first >= sentence_end) return std::nullopt;
  const std::string l = ascii_lower(word(first));
  if (cues::subject_pronoun(l) && (l == "he" || l == "she" || l == "they" || l == "it")) {
    return resolve_pronoun(first, previous);
  }
  // Skip "the", a demonym and a title: "said German Defence Minister X";
  // and a possessor: "according to Russia's Interfax news agency".
  for (std::size_t k = first; k < sentence_end && k < first + 8; ++k) {
    if (const auto m = mention_at(k)) {
      const Mention& mention = analysis_.mentions[*m];
      std::size_t after = k;
      while (after + 1 < sentence_end && mention_at(after + 1) == m) ++after;
      if (after + 1 < sentence_end && is_possessive(word(after + 1))) {
        k = after + 1;
        continue;
      }
      return Speaker{mention.entity, mention.span, Mention::Form::Name};
    }
    const Token& t = analysis_.tokens[k];
    const std::string w = ascii_lower(word(k));
    // "said analyst Rajesh Iyer", "said the agency's spokesman X",
    // "according to political analyst X" (an adjective before the role).
    if (!(t.capitalized || w == "the" || w == "." || w == "news" || cues::is_role_noun(w) ||
          is_possessive(word(k)) || w == "agency" || tagged_adjective(k))) {
      break;
    }
  }
  return std::nullopt;
}

std::optional<Speaker> SpeakerResolver::sentence_subject(std::size_t sentence_first, std::size_t before) const {
  // Skip an opening adverbial ("However,", "On Monday,") and a title.
  std::size_t k = sentence_first;
  if (k < before && (ascii_lower(word(k)) == "however" || ascii_lower(word(k)) == "meanwhile")) ++k;
  if (k < before && word(k) == ",") ++k;
  for (std::size_t limit = k + 6; k < before && k < limit; ++k) {
    if (const auto m = mention_at(k)) {
      const Mention& mention = analysis_.mentions[*m];
      const EntityType type = analysis_.entities[mention.entity].type;
      if (type == EntityType::Place) return std::nullopt;
      return Speaker{mention.entity, mention.span, Mention::Form::Name};
    }
    const Token& t = analysis_.tokens[k];
    if (!(t.capitalized || word(k) == "the" || word(k) == "." ||
          cues::is_role_noun(ascii_lower(word(k))))) {
      break;
    }
  }
  return std::nullopt;
}

std::optional<Speaker> SpeakerResolver::resolve_pronoun(std::size_t token,
                                                        std::optional<std::uint32_t> previous) const {
  const auto kind = cues::subject_pronoun(ascii_lower(word(token)));
  if (!kind) return std::nullopt;
  const Span span = analysis_.tokens[token].span;
  const bool personal = *kind == cues::PronounKind::Male || *kind == cues::PronounKind::Female;
  const auto compatible = [&](std::uint32_t e) {
    const Entity& entity = analysis_.entities[e];
    if (personal) {
      if (entity.type != EntityType::Person) return false;
      const std::string_view first_name = std::string_view(entity.name).substr(0, entity.name.find(' '));
      const Gender gender = lexicon_.given_name_gender(first_name);
      if (gender == Gender::Male && *kind == cues::PronounKind::Female) return false;
      if (gender == Gender::Female && *kind == cues::PronounKind::Male) return false;
      return true;
    }
    return entity.type == EntityType::Organization ||
           (entity.type == EntityType::Place && *kind == cues::PronounKind::Neuter);
  };
  const auto& sentences = analysis_.sentences;
  const auto here = std::upper_bound(sentences.begin(), sentences.end(), span.begin,
                                     [](std::uint32_t offset, const Sentence& s) { return offset < s.span.begin; });
  const std::uint32_t sentence = here == sentences.begin() ? 0 : static_cast<std::uint32_t>(here - sentences.begin() - 1);
  const std::uint32_t paragraph = sentences[sentence].paragraph;
  // The speaker named in this sentence or the one before goes on speaking
  // ("According to X, ... . “...,” he said").
  std::optional<std::uint32_t> nearest_subject, nearest;
  std::uint32_t subject_sentence = 0;
  for (auto m = analysis_.mentions.rbegin(); m != analysis_.mentions.rend(); ++m) {
    if (m->span.begin >= span.begin) continue;
    if (sentences[m->sentence].paragraph + kPronounReachParagraphs < paragraph) break;
    if (previous && m->entity == *previous && m->sentence + 1 >= sentence && compatible(*previous)) {
      return Speaker{*previous, span, Mention::Form::Pronoun};
    }
    if (!compatible(m->entity)) continue;
    if (!nearest) nearest = m->entity;
    const auto index = static_cast<std::size_t>(std::distance(analysis_.mentions.begin(), m.base()) - 1);
    if (!nearest_subject && subject_mention_[index]) {
      nearest_subject = m->entity;
      subject_sentence = m->sentence;
    }
    // Past the sentence before, only the nearest named subject is wanted.
    if (nearest_subject && m->sentence + 1 < sentence) break;
  }
  // Else a compatible named subject of this sentence or the one before
  // ("X shot Y and Z. He testified" is X), the last speaker, an earlier
  // named subject, the nearest compatible name.
  if (nearest_subject && subject_sentence + 1 >= sentence) {
    return Speaker{*nearest_subject, span, Mention::Form::Pronoun};
  }
  if (previous && compatible(*previous)) return Speaker{*previous, span, Mention::Form::Pronoun};
  if (nearest_subject) return Speaker{*nearest_subject, span, Mention::Form::Pronoun};
  if (nearest) return Speaker{*nearest, span, Mention::Form::Pronoun};
  return std::nullopt;
}

std::optional<Speaker> SpeakerResolver::resolve_description(std::size_t head, std::size_t first) const {
  const std::string l = ascii_lower(word(head));
  const Span span{analysis_.tokens[first].span.begin, analysis_.tokens[head].span.end};
  const bool organization = is_organization_description(l);
  // "the company", "the airline": any organisation named before will do;
  // "the ministry", "the court": one whose name says so.
  static constexpr std::string_view kGeneric[] = {"company", "firm", "group", "airline", "carrier", "maker",
                                                  "manufacturer", "lender", "insurer", "operator",
                                                  "utility", "charity", "organization", "organisation"};
  const bool generic = std::find(std::begin(kGeneric), std::end(kGeneric), l) != std::end(kGeneric);
  // Words in names that tell what kind of organisation a generic
  // description means: "the airline" is the one named "... Airways".
  const auto kind_word = [&](const Entity& entity) {
    static constexpr std::pair<std::string_view, std::string_view> kKinds[] = {
        {"airline", "airways"}, {"airline", "airlines"}, {"airline", "air"},   {"carrier", "airways"},
        {"carrier", "airlines"}, {"carrier", "lines"},   {"lender", "bank"},   {"insurer", "insurance"},
        {"maker", "motors"},    {"manufacturer", "motors"}, {"utility", "power"}, {"utility", "energy"}};
    for (const auto& [description, name_word] : kKinds) {
      if (description == l && contains_word(entity.name, name_word)) return true;
    }
    return false;
  };
  if (generic) {
    for (auto m = analysis_.mentions.rbegin(); m != analysis_.mentions.rend(); ++m) {
      if (m->span.begin >= span.begin) continue;
      const Entity& entity = analysis_.entities[m->entity];
      if (entity.type == EntityType::Organization && kind_word(entity)) {
        return Speaker{m->entity, span, Mention::Form::Description};
      }
    }
  }
  for (auto m = analysis_.mentions.rbegin(); m != analysis_.mentions.rend(); ++m) {
    if (m->span.begin >= span.begin) continue;
    const Entity& entity = analysis_.entities[m->entity];
    bool fits = false;
    if (organization && entity.type == EntityType::Organization) {
      fits = generic || contains_word(entity.name, l) ||
             std::any_of(entity.aliases.begin(), entity.aliases.end(),
                         [&](const std::string& a) { return contains_word(a, l); }) ||
             (l == "agency" && entity.organization_detail == OrganizationDetail::NewsMedia) ||
             ((l == "government" || l == "administration" || l == "kremlin") &&
              entity.organization_detail == OrganizationDetail::Government);
    } else if (!organization && entity.type == EntityType::Person) {
      fits = std::any_of(entity.roles.begin(), entity.roles.end(),
                         [&](const Role& r) { return contains_word(r.title, l); });
    }
    if (fits) return Speaker{m->entity, span, Mention::Form::Description};
  }
  // "the spokesperson said" of nobody named with that title: an unnamed
  // source, whose words are no named speaker's (not the organisation's).
  if (l == "spokesman" || l == "spokeswoman" || l == "spokesperson") return std::nullopt;
  if (!organization) return named_in_next_sentence(span);
  return std::nullopt;
}

// "The region's governor urged locals to flee. Ivan Petrov asked Moscow
// for help ...": a role nobody held before is named as the subject of the
// next sentence, the way news leads introduce people.
std::optional<Speaker> SpeakerResolver::named_in_next_sentence(Span description) const {
  const auto& sentences = analysis_.sentences;
  const auto here = std::upper_bound(sentences.begin(), sentences.end(), description.begin,
                                     [](std::uint32_t offset, const Sentence& s) { return offset < s.span.begin; });
  if (here == sentences.end() || here == sentences.begin()) return std::nullopt;
  const Sentence& current = *std::prev(here);
  const Sentence& next = *here;
  if (next.paragraph > current.paragraph + 2 || next.first_token >= next.end_token) return std::nullopt;
  for (std::size_t k = next.first_token; k < next.end_token && k < next.first_token + 3; ++k) {
    if (const auto m = mention_at(k)) {
      const Mention& mention = analysis_.mentions[*m];
      if (analysis_.entities[mention.entity].type != EntityType::Person) return std::nullopt;
      return Speaker{mention.entity, description, Mention::Form::Description};
    }
  }
  return std::nullopt;
}

}  // namespace ng::nlp
