#include "loaders/nlp/attribution/described_about.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include "common/ascii.hpp"
#include "common/unicode.hpp"

namespace ng::nlp {

namespace {

// Nouns after a demonym that make the phrase a country's government
// ("the Iraqi government", "Turkish authorities").
bool is_state_noun(std::string_view lower) {
  // Not "forces", "troops" or "military": "Russian forces are advancing"
  // is about the soldiers, and gold annotations do not make it the country.
  static constexpr std::string_view kNouns[] = {"government", "authorities", "leaders", "leadership", "regime",
                                                "administration", "decisions", "parliament", "cabinet"};
  return std::find(std::begin(kNouns), std::end(kNouns), lower) != std::end(kNouns);
}

// Heads of organisation descriptions that are also in the organisation's
// name ("the ministry" for "Ministry of Health", "the council").
bool is_organization_head(std::string_view lower) {
  static constexpr std::string_view kHeads[] = {
      "ministry", "department", "agency", "council", "court", "commission", "committee", "party",
      "union", "university", "institute", "bank", "assembly", "parliament", "senate", "board",
      "authority", "office", "corporation", "foundation", "association", "federation", "society",
      "church", "club", "network", "school", "hospital", "tribunal", "army", "navy", "fleet"};
  return std::find(std::begin(kHeads), std::end(kHeads), lower) != std::end(kHeads);
}

bool name_has_word(std::string_view name, std::string_view lower_word) {
  const std::string folded = case_fold(name);
  std::size_t at = 0;
  while ((at = folded.find(lower_word, at)) != std::string::npos) {
    const std::size_t end = at + lower_word.size();
    const bool start_ok = at == 0 || folded[at - 1] == ' ';
    const bool end_ok = end == folded.size() || folded[end] == ' ';
    if (start_ok && end_ok) return true;
    at = end;
  }
  return false;
}

class DescribedAbout {
 public:
  DescribedAbout(Document& doc, const Lexicon& lexicon) : doc_(doc), lexicon_(lexicon) {}

  void run() {
    for (Statement& s : doc_.statements) {
      std::vector<std::uint32_t> found;
      const auto first = std::lower_bound(doc_.tokens.begin(), doc_.tokens.end(), s.content.begin,
                                          [](const Token& t, std::uint32_t o) { return t.span.begin < o; });
      for (auto t = first; t != doc_.tokens.end() && t->span.end <= s.content.end; ++t) {
        const auto k = static_cast<std::size_t>(t - doc_.tokens.begin());
        if (const auto e = described_entity(k, s)) found.push_back(*e);
      }
      for (std::uint32_t e : found) {
        if (e == s.speaker) continue;
        if (std::find(s.about.begin(), s.about.end(), e) == s.about.end()) s.about.push_back(e);
      }
      std::sort(s.about.begin(), s.about.end());
    }
  }

 private:
  std::string_view word(std::size_t k) const { return doc_.tokens[k].span.of(doc_.text); }
  std::string lower(std::size_t k) const { return ascii_lower(word(k)); }
  bool in_mention(std::size_t k) const {
    const Span span = doc_.tokens[k].span;
    const auto m = std::upper_bound(doc_.mentions.begin(), doc_.mentions.end(), span.begin,
                                    [](std::uint32_t o, const Mention& x) { return o < x.span.begin; });
    return m != doc_.mentions.begin() && std::prev(m)->span.contains(span);
  }

  std::optional<std::uint32_t> country_entity(std::string_view country) const {
    for (std::uint32_t e = 0; e < doc_.entities.size(); ++e) {
      const Entity& entity = doc_.entities[e];
      if (entity.type != EntityType::Place) continue;
      if (entity.name == country || entity.key_name == country ||
          std::find(entity.aliases.begin(), entity.aliases.end(), country) != entity.aliases.end()) {
        return e;
      }
    }
    return std::nullopt;
  }

  std::optional<std::uint32_t> speakers_country(const Statement& s) const {
    const Entity& speaker = doc_.entities[s.speaker];
    for (const Role& role : speaker.roles) {
      if (role.place && doc_.entities[*role.place].place_detail == PlaceDetail::Country) return role.place;
    }
    std::optional<std::uint32_t> best;
    for (std::uint32_t e = 0; e < doc_.entities.size(); ++e) {
      const Entity& entity = doc_.entities[e];
      if (entity.type != EntityType::Place || entity.place_detail != PlaceDetail::Country) continue;
      if (!best || entity.mention_count > doc_.entities[*best].mention_count) best = e;
    }
    return best;
  }

  std::optional<std::uint32_t> described_entity(std::size_t k, const Statement& s) const {
    if (doc_.tokens[k].kind != TokenKind::Word || in_mention(k)) return std::nullopt;
    const std::size_t end = doc_.tokens.size();
    // "Iraqi government forces", "the Turkish military".
    if (doc_.tokens[k].capitalized && k + 1 < end && is_state_noun(lower(k + 1))) {
      if (const auto country = lexicon_.demonym_country(word(k))) return country_entity(*country);
    }
    const std::string l = lower(k);
    // "our country", "our nation", "the nation": the speaker's.
    if ((l == "our" || l == "the" || l == "this") && k + 1 < end &&
        (lower(k + 1) == "nation" || (l != "the" && lower(k + 1) == "country"))) {
      return speakers_country(s);
    }
    // "the ministry": the latest organisation named before with that head.
    if (l == "the" && k + 1 < end && is_organization_head(lower(k + 1)) &&
        !(k + 2 < end && (doc_.tokens[k + 2].capitalized || lower(k + 2) == "of"))) {
      const std::string head = lower(k + 1);
      for (auto m = doc_.mentions.rbegin(); m != doc_.mentions.rend(); ++m) {
        if (m->span.begin >= s.content.begin) continue;
        const Entity& entity = doc_.entities[m->entity];
        if (entity.type != EntityType::Organization) continue;
        if (name_has_word(entity.name, head)) return m->entity;
      }
    }
    return std::nullopt;
  }

  Document& doc_;
  const Lexicon& lexicon_;
};

}  // namespace

void add_described_about(Document& doc, const Lexicon& lexicon) { DescribedAbout(doc, lexicon).run(); }

}  // namespace ng::nlp
