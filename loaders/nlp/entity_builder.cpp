#include "loaders/nlp/entity_builder.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include <spdlog/spdlog.h>

#include "common/ascii.hpp"
#include "common/unicode.hpp"
#include "loaders/nlp/cues.hpp"
#include "loaders/nlp/entity_evidence.hpp"

namespace ng::nlp {

namespace {

// Candidates that name the same thing by the same words, pooled.
struct Group {
  std::string key;
  std::vector<std::size_t> members;  // candidate indices, in text order
  Evidence evidence;
  std::optional<EntityType> type;
  std::size_t merged_into = SIZE_MAX;  // another group this one joined
};

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!current.empty()) words.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

// Candidates with the same key name the same thing: "Tarsk region",
// "Tarsk Oblast" and "province of Tarsk" share "tarsk|region";
// "Velmor Railway Station" and "Velmor train station" share
// "velmor|station"; "Tarsk city" is "tarsk"; "Russian Federation" is
// the lexicon's canonical "russia".
std::string group_key(const NameCandidate& c, const Lexicon& lexicon) {
  if (!c.place_head.empty() && cues::is_region_head(c.place_head)) {
    return case_fold(c.base_name) + "|region";
  }
  if (c.place_head == "city" || c.place_head == "town" || c.place_head == "village") return case_fold(c.base_name);
  if (!c.place_head.empty() && cues::place_head_shares_name(c.place_head)) {
    return case_fold(c.base_name) + "|" + c.place_head;
  }
  if (c.structural_type != EntityType::Organization && c.structural_type != EntityType::Person) {
    if (const auto place = lexicon.place(c.text); place && !place->ambiguous && !place->canonical.empty()) {
      return case_fold(place->canonical);
    }
  }
  return case_fold(c.text);
}

// "Dr." -> "Dr" (honorifics are listed without their dot).
std::string_view trim_dot(std::string_view title) {
  while (!title.empty() && title.back() == '.') title.remove_suffix(1);
  return title;
}

// Whether `acronym` spells the initials of the capitalised words of `name`.
bool is_acronym_of(std::string_view acronym, const std::vector<std::string>& name) {
  std::string initials;
  for (const auto& w : name) {
    if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z') initials += w[0];
  }
  return initials.size() >= 2 && initials == acronym;
}

class Builder {
 public:
  Builder(std::string_view text, const Lexicon& lexicon, const std::vector<NameCandidate>& candidates,
          Document& analysis)
      : text_(text), lexicon_(lexicon), candidates_(candidates), analysis_(analysis) {}

  void run() {
    make_groups();
    for (Group& g : groups_) {
      g.type = decide_type(g.evidence);
      spdlog::trace("name '{}': person {:.2f} organization {:.2f} place {:.2f} structural {}/{}/{} -> {}", g.key,
                    g.evidence.person, g.evidence.organization, g.evidence.place, g.evidence.structural_person,
                    g.evidence.structural_organization, g.evidence.structural_place,
                    g.type ? ontology::to_string(*g.type) : "none");
    }
    join_bracketed_acronyms();
    join_people();
    join_legal_forms();
    join_organizations();
    join_places();
    make_entities();
    match_title_case_sentences();
    std::sort(analysis_.mentions.begin(), analysis_.mentions.end(),
              [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
  }

 private:
  void make_groups() {
    std::unordered_map<std::string, std::size_t> by_key;
    for (std::size_t i = 0; i < candidates_.size(); ++i) {
      const NameCandidate& c = candidates_[i];
      if (c.text.size() < 2 || lexicon_.demonym_country(c.text)) continue;
      const std::string key = group_key(c, lexicon_);
      auto [it, inserted] = by_key.emplace(key, groups_.size());
      if (inserted) groups_.push_back(Group{key, {}, {}, std::nullopt});
      Group& g = groups_[it->second];
      g.members.push_back(i);
      g.evidence.add(score_candidate(c, lexicon_));
    }
  }

  const NameCandidate& first_of(const Group& g) const { return candidates_[g.members.front()]; }

  std::size_t root(std::size_t g) const {
    while (groups_[g].merged_into != SIZE_MAX) g = groups_[g].merged_into;
    return g;
  }

  void merge(std::size_t from, std::size_t into) {
    from = root(from);
    into = root(into);
    if (from == into) return;
    groups_[from].merged_into = into;
    groups_[into].evidence.add(groups_[from].evidence);
  }

  // The head word of the first title of a group's mentions that is not an
  // honorific ("Senator"; "Minister" of "Foreign Minister"; "Rep" of
  // "Rep."); empty when none.
  std::string role_title(const Group& group) const {
    for (std::size_t i : group.members) {
      const NameCandidate& c = candidates_[i];
      if (c.title.empty()) continue;
      const std::string_view title = trim_dot(c.title);
      if (cues::is_honorific(title)) continue;
      const auto words = words_of(title);
      if (!words.empty()) return std::string(trim_dot(words.back()));
    }
    return {};
  }

  // "Northern Highlands Tribal Areas (NHTA)": an acronym in brackets right
  // after a name is that name's, whatever its letters spell in English
  // ("Jamiat Ulema-e Islam (JUI)"), when it starts with the name's first
  // letter or the name is an organisation's; it takes the name's type.
  void join_bracketed_acronyms() {
    std::unordered_map<std::uint32_t, std::size_t> group_ending_at;  // byte after a name -> its group
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      for (std::size_t i : groups_[g].members) group_ending_at[candidates_[i].span.end] = g;
    }
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      for (std::size_t i : groups_[g].members) {
        const NameCandidate& c = candidates_[i];
        if (!c.acronym || c.dateline || c.span.begin < 2 || c.span.end >= text_.size()) continue;
        if (text_[c.span.end] != ')') continue;
        std::uint32_t open = c.span.begin - 1;
        if (text_[open] != '(') continue;
        while (open > 0 && text_[open - 1] == ' ') --open;
        const auto it = group_ending_at.find(open);
        if (it == group_ending_at.end() || it->second == g) continue;
        const Group& long_group = groups_[it->second];
        const std::string& long_name = first_of(long_group).text;
        // An organisation's acronym may come from its name in another
        // language ("Velmor Workers Party (PKV)"): after an organisation's
        // name any acronym in brackets is its own.
        const bool organization = long_group.type == EntityType::Organization;
        if (long_name.empty() || (long_name[0] != c.text[0] && !organization) || words_of(long_name).size() < 2) {
          continue;
        }
        merge(g, it->second);
        if (long_group.type) groups_[g].type = long_group.type;
        break;
      }
    }
  }

  // Head nouns that name one institution on their own: a country's
  // legislature ("Parliament voted"), and a newspaper called "The Times" or
  // "The Herald" (its "The" written with a capital).
  bool names_itself(const Group& group) const {
    static constexpr std::string_view kLegislatures[] = {"Parliament", "Senate", "Congress", "Duma",
                                                         "Knesset", "Bundestag", "Rada", "Storting"};
    static constexpr std::string_view kNewspapers[] = {"Times", "Post", "Journal", "Herald", "Tribune",
                                                       "Gazette", "Telegraph", "Guardian", "Independent",
                                                       "Observer", "Courier", "Chronicle"};
    const NameCandidate& c = first_of(group);
    const auto in = [&](const auto& list) {
      return std::find(std::begin(list), std::end(list), c.text) != std::end(list);
    };
    if (in(kLegislatures)) return true;
    if (!in(kNewspapers)) return false;
    for (std::size_t i : group.members) {
      const NameCandidate& m = candidates_[i];
      const std::size_t before = m.span.begin >= 4 ? m.span.begin - 4 : 0;
      if (m.span.begin >= 4 && text_.substr(before, 4) == "The ") return true;
    }
    return false;
  }

  // A surname (or title + surname) joins the one full name that ends with it.
  void join_people() {
    std::map<std::string, std::vector<std::size_t>> by_surname;
    std::map<std::string, std::vector<std::size_t>> by_given_name;
    // "Le Toux" of "Sebastien Le Toux": a surname of two words whose first
    // is a particle.
    std::map<std::string, std::vector<std::size_t>> by_particle_surname;
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      if (groups_[g].type != EntityType::Person) continue;
      const auto words = words_of(first_of(groups_[g]).text);
      if (words.size() >= 3 && cues::is_name_particle(ascii_lower(words[words.size() - 2]))) {
        by_particle_surname[case_fold(words[words.size() - 2] + " " + words.back())].push_back(g);
      }
      if (words.size() >= 2) {
        by_surname[case_fold(words.back())].push_back(g);
        by_given_name[case_fold(words.front())].push_back(g);
        // "Haddadi" of "Karim al-Haddadi": the surname without its particle.
        const std::string& last = words.back();
        const std::size_t hyphen = last.find('-');
        if (hyphen != std::string::npos && hyphen + 1 < last.size() && last[hyphen + 1] >= 'A' &&
            last[hyphen + 1] <= 'Z' && cues::is_name_particle(ascii_lower(last.substr(0, hyphen)))) {
          by_surname[case_fold(last.substr(hyphen + 1))].push_back(g);
        }
      }
    }
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      const auto words = words_of(first_of(groups_[g]).text);
      if (words.size() == 2 && cues::is_name_particle(ascii_lower(words.front()))) {
        const auto particle = by_particle_surname.find(case_fold(words.front() + " " + words.back()));
        if (particle != by_particle_surname.end() && particle->second.size() == 1 &&
            (!groups_[g].type || groups_[g].type == EntityType::Person)) {
          merge(g, particle->second.front());
          groups_[g].type = EntityType::Person;
        }
        continue;
      }
      if (words.size() != 1) continue;
      const auto it = by_surname.find(case_fold(words.front()));
      if (it == by_surname.end()) {
        // "Yusuf" after "Yusuf Karam": a given name alone joins the
        // one person named in full with it; so does a family name
        // written first ("Wu" of "Wu Jianmin") when the name has two words.
        const auto given = by_given_name.find(case_fold(words.front()));
        const auto family_name_first = [&] {
          return lexicon_.is_surname(words.front()) && !lexicon_.is_given_name(words.front()) &&
                 words_of(first_of(groups_[given->second.front()]).text).size() == 2;
        };
        if (given != by_given_name.end() && given->second.size() == 1 &&
            (lexicon_.is_given_name(words.front()) || family_name_first()) &&
            (!groups_[g].type || groups_[g].type == EntityType::Person)) {
          merge(g, given->second.front());
          groups_[g].type = EntityType::Person;
        }
        continue;
      }
      // Typed otherwise by hints only ("said Jalali" after a preposition),
      // a word that is the surname of a person named in full is that
      // person; a place or organisation the lexicon or a head noun knows is not.
      const Evidence& ev = groups_[g].evidence;
      const bool settled_otherwise = ev.structural_place > 0 || ev.structural_organization > 0 ||
                                     lexicon_.place(words.front()) || lexicon_.organization(words.front());
      if (groups_[g].type && groups_[g].type != EntityType::Person && !ev.person_cue() && settled_otherwise) {
        continue;
      }
      // Two people of the same surname: the short form is the one named
      // last before it ("Peter Lang ... Anna Lang ... Lang said" is Anna),
      // and a person in any case, whatever prepositions say.
      std::optional<std::size_t> target;
      if (it->second.size() == 1) {
        target = it->second.front();
      } else {
        const std::uint32_t at = first_of(groups_[g]).span.begin;
        for (std::size_t h : it->second) {
          const std::uint32_t named = first_of(groups_[h]).span.begin;
          if (named < at && (!target || first_of(groups_[*target]).span.begin < named)) target = h;
        }
        // Named before any full name (a headline, a first sentence): the
        // first person named in full after it.
        for (std::size_t h : it->second) {
          if (target) break;
          if (first_of(groups_[h]).span.begin > at) target = h;
        }
        groups_[g].type = EntityType::Person;
        if (!target) continue;
      }
      // "Senator Lang" is not "Rep. Peter Lang": different titles, different people.
      const std::string short_title = role_title(groups_[g]);
      const std::string long_title = role_title(groups_[*target]);
      if (!short_title.empty() && !long_title.empty() && short_title != long_title) {
        groups_[g].type = EntityType::Person;
        continue;
      }
      merge(g, *target);
      groups_[g].type = EntityType::Person;
    }
  }

  // "Norvex Corp." joins "Norvex Corporation", "Brannock Holdings" joins
  // "Brannock Holdings Ltd": organisations whose names differ only in the
  // letters of their legal form are one company; the first named keeps
  // the name.
  void join_legal_forms() {
    static constexpr std::string_view kLegalForms[] = {"Corporation", "Corp", "Company", "Co", "Inc",
                                                       "Incorporated", "Ltd", "Limited", "LLC", "Plc",
                                                       "PLC", "AG", "GmbH", "SA", "NV", "BV"};
    const auto legal_form = [&](std::string_view w) {
      if (!w.empty() && w.back() == '.') w.remove_suffix(1);
      return std::find(std::begin(kLegalForms), std::end(kLegalForms), w) != std::end(kLegalForms);
    };
    std::map<std::string, std::size_t> first_with_core;
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      if (groups_[g].type != EntityType::Organization) continue;
      auto words = words_of(first_of(groups_[g]).text);
      const std::size_t all = words.size();
      while (words.size() >= 2 && (legal_form(words.back()) || words.back() == ",")) words.pop_back();
      // "Co" alone after a name is the legal form; a name that is all
      // legal words, or a known place, is no core.
      if (words.size() == all && all < 2) continue;
      std::string core;
      for (const auto& w : words) core += (core.empty() ? "" : " ") + case_fold(w);
      if (lexicon_.place(core)) continue;
      const auto [it, inserted] = first_with_core.emplace(core, g);
      if (inserted) continue;
      const std::size_t other = it->second;
      const bool other_first = first_of(groups_[other]).span.begin < first_of(groups_[g]).span.begin;
      if (other_first) {
        merge(g, other);
      } else {
        merge(other, g);
        it->second = g;
      }
    }
  }

  // "Defence Ministry" joins "Russian Defence Ministry"; "NATO" joins
  // "North Atlantic Treaty Organization"; "the Ministry" joins the ministry
  // named before it.
  void join_organizations() {
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      const NameCandidate& short_form = first_of(groups_[g]);
      const auto short_words = words_of(short_form.text);
      const bool bare_head = short_words.size() == 1 && cues::is_organization_head(short_words.front());
      // A one-word name that no clue makes a person may be the short form
      // of an organisation named with its head nouns ("Velcast" of
      // "Velcast News"), whatever hints typed it.
      // ("Velm Tor" of "Velm Tor Holdings" too, unless it starts with a
      // given name.)
      const bool maybe_prefix = (short_words.size() == 1 ||
                                 (short_words.size() <= 3 && !lexicon_.is_given_name(short_words.front()))) &&
                                groups_[g].evidence.structural_person == 0 &&
                                groups_[g].evidence.structural_place == 0 && !lexicon_.place(short_form.text);
      const bool organization = groups_[g].type == EntityType::Organization;
      if (!organization && !bare_head && !short_form.all_caps_acronym() && !maybe_prefix) continue;
      std::optional<std::size_t> best;
      for (std::size_t h = 0; h < groups_.size(); ++h) {
        if (h == g || groups_[h].type != EntityType::Organization) continue;
        const NameCandidate& long_form = first_of(groups_[h]);
        const auto long_words = words_of(long_form.text);
        if (long_words.size() <= short_words.size()) continue;
        const bool suffix = std::equal(short_words.rbegin(), short_words.rend(), long_words.rbegin());
        // "KTV" and "KTV News", "Norvex" and "Norvex Group": the name
        // without the head nouns after it.
        const bool prefix =
            std::equal(short_words.begin(), short_words.end(), long_words.begin()) &&
            std::all_of(long_words.begin() + static_cast<std::ptrdiff_t>(short_words.size()), long_words.end(),
                        [](const std::string& w) { return cues::is_organization_head(w); });
        const bool contains_head = bare_head && std::find(long_words.begin(), long_words.end(),
                                                          short_words.front()) != long_words.end();
        const bool acronym = short_words.size() == 1 && is_acronym_of(short_words.front(), long_words);
        if (!suffix && !prefix && !contains_head && !acronym) continue;
        if (!organization && !bare_head && !short_form.all_caps_acronym() && !prefix) continue;
        // The nearest one named before the short form, else the first after.
        if (!best || (long_form.span.begin < short_form.span.begin &&
                      first_of(groups_[*best]).span.begin < long_form.span.begin)) {
          best = h;
        }
      }
      if (best) {
        merge(g, *best);
        groups_[g].type = EntityType::Organization;
      } else if (bare_head && names_itself(groups_[g])) {
        groups_[g].type = EntityType::Organization;  // "Parliament voted", "The Times reported"
      } else if (bare_head && !lexicon_.organization(short_form.text)) {
        // "the Ministry" with no ministry named: not a name; "the Senate"
        // and "Congress" are institutions of their own.
        groups_[g].type.reset();
      }
    }
  }

  // "the Dnipro" joins "the Dnipro river" (and a bare name its one
  // structure: "Orlin" and "Orlin bridge"), unless the bare name is a
  // known city of its own; "Crimean peninsula" joins "Crimea".
  void join_places() {
    std::map<std::string, std::vector<std::size_t>> by_base;
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      const std::size_t bar = groups_[g].key.find('|');
      if (bar != std::string::npos && groups_[g].type == EntityType::Place) {
        by_base[groups_[g].key.substr(0, bar)].push_back(g);
      }
    }
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      const NameCandidate& c = first_of(groups_[g]);
      if (groups_[g].key.find('|') != std::string::npos) {
        // "Crimean peninsula" -> "Crimea", "Korean peninsula" -> "Korea".
        const std::string base = case_fold(c.base_name);
        if (c.place_head.empty() || base.size() < 4 || base.back() != 'n') continue;
        const std::string stem = base.substr(0, base.size() - 1);
        for (std::size_t h = 0; h < groups_.size(); ++h) {
          if (h != g && groups_[h].key == stem && groups_[h].type == EntityType::Place) merge(g, h);
        }
        continue;
      }
      const auto it = by_base.find(groups_[g].key);
      if (it == by_base.end() || it->second.size() != 1) continue;
      const std::size_t target = it->second.front();
      const std::string& head = first_of(groups_[target]).place_head;
      const auto place = lexicon_.place(c.text);
      const bool own_city = place && place->kind == PlaceKind::City && head != "river";
      // "Tarsk region" is not the city of Tarsk, but "Velmor Oblast" is
      // the region Velmor when the lexicon knows Velmor as a region.
      const bool own_region = place && place->kind == PlaceKind::Region;
      if ((cues::is_region_head(head) && !own_region) || own_city) continue;
      merge(g, target);
      groups_[g].type = EntityType::Place;
    }
  }

  // The lexicon's name for a known place: a country goes by it ("Russia"
  // for "Russian Federation"); a city keeps the name the text uses and the
  // lexicon's becomes its key ("Kiev" keyed "Kyiv", so articles meet).
  struct KnownPlace {
    std::string name;
    bool country = false;  // or a continent
  };
  std::optional<KnownPlace> known_place(const std::vector<std::size_t>& members) const {
    for (std::size_t i : members) {
      const NameCandidate& c = candidates_[i];
      if (!c.place_head.empty()) continue;
      const auto place = lexicon_.place(c.text);
      if (place && !place->ambiguous && !place->canonical.empty()) {
        return KnownPlace{std::string(place->canonical),
                          place->kind == PlaceKind::Country || place->kind == PlaceKind::Continent};
      }
    }
    return std::nullopt;
  }

  std::string canonical_name(const std::vector<std::size_t>& members, EntityType type,
                             const std::optional<KnownPlace>& known) const {
    if (known && known->country) return known->name;
    std::string best;
    std::size_t best_words = 0;
    for (std::size_t i : members) {
      const NameCandidate& c = candidates_[i];
      std::string name = c.text;
      // "Tarsk city" and "the city of Tarsk" are Tarsk.
      if (c.place_head == "city" || c.place_head == "town" || c.place_head == "village") name = c.base_name;
      if (type == EntityType::Organization && !c.possessor.empty() && is_generic_organization(c.text)) {
        if (const auto adjective = lexicon_.country_adjective(c.possessor)) {
          name = std::string(*adjective) + " " + c.text;
        }
      }
      const std::size_t n = words_of(name).size();
      if (n > best_words) {
        best = name;
        best_words = n;
      }
    }
    return best;
  }

  bool is_generic_organization(std::string_view name) const {
    for (const auto& w : words_of(name)) {
      if (!cues::is_organization_head(w) && !cues::is_title_modifier(w)) return false;
    }
    return true;
  }

  void make_entities() {
    std::map<std::size_t, std::vector<std::size_t>> clusters;  // root -> members of all its groups
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      const std::size_t r = root(g);
      if (!groups_[r].type) continue;
      auto& members = clusters[r];
      members.insert(members.end(), groups_[g].members.begin(), groups_[g].members.end());
    }
    // Entities in order of first mention.
    std::vector<std::pair<std::size_t, std::size_t>> order;  // (first candidate, root)
    for (auto& [r, members] : clusters) {
      std::sort(members.begin(), members.end());
      order.emplace_back(members.front(), r);
    }
    std::sort(order.begin(), order.end());
    for (const auto& [first, r] : order) {
      const auto& members = clusters[r];
      Entity entity;
      entity.type = *groups_[r].type;
      const auto known = entity.type == EntityType::Place ? known_place(members) : std::nullopt;
      entity.name = canonical_name(members, entity.type, known);
      if (known && known->name != entity.name) entity.key_name = known->name;
      std::set<std::string> aliases;
      for (std::size_t i : members) {
        const NameCandidate& c = candidates_[i];
        aliases.insert(c.text);
        for (const auto& a : c.extra_aliases) aliases.insert(a);
        if (!c.possessor.empty() && entity.type == EntityType::Organization) {
          aliases.insert(c.possessor + "'s " + c.text);
        }
        if (!c.title.empty()) aliases.insert(c.title + " " + c.text);
        if (c.place_detail != PlaceDetail::Unknown && entity.place_detail == PlaceDetail::Unknown) {
          entity.place_detail = c.place_detail;
        }
        if (c.organization_detail != OrganizationDetail::Unknown &&
            entity.organization_detail == OrganizationDetail::Unknown) {
          entity.organization_detail = c.organization_detail;
        }
      }
      if (entity.type == EntityType::Place && entity.place_detail == PlaceDetail::Unknown) {
        entity.place_detail = place_detail_from_lexicon(entity.name, lexicon_);
      }
      aliases.erase(entity.name);
      entity.aliases.assign(aliases.begin(), aliases.end());
      const auto index = static_cast<std::uint32_t>(analysis_.entities.size());
      for (std::size_t i : members) {
        const NameCandidate& c = candidates_[i];
        analysis_.mentions.push_back(Mention{c.span, index, c.sentence, Mention::Form::Name});
        if (!c.title.empty() && !cues::is_honorific(trim_dot(c.title))) roles_.push_back({index, i});
      }
      entity.mention_count = static_cast<std::uint32_t>(members.size());
      analysis_.entities.push_back(std::move(entity));
    }
    attach_roles();
  }

  // Titles become roles, with the country or organisation they name.
  void attach_roles() {
    for (const auto& [entity, candidate] : roles_) {
      const NameCandidate& c = candidates_[candidate];
      Role role;
      role.title = c.title;
      if (!c.title_qualifier.empty()) {
        const std::string qualifier = c.title_qualifier;
        std::string place_name = qualifier;
        if (const auto country = lexicon_.demonym_country(qualifier)) place_name = std::string(*country);
        for (std::uint32_t e = 0; e < analysis_.entities.size(); ++e) {
          const Entity& other = analysis_.entities[e];
          const bool named = other.name == qualifier || other.name == place_name ||
                             std::find(other.aliases.begin(), other.aliases.end(), qualifier) !=
                                 other.aliases.end();
          if (!named) continue;
          if (other.type == EntityType::Organization) role.organization = e;
          if (other.type == EntityType::Place) role.place = e;
        }
      }
      auto& roles = analysis_.entities[entity].roles;
      const bool known = std::any_of(roles.begin(), roles.end(),
                                     [&](const Role& r) { return r.title == role.title; });
      if (!known) roles.push_back(std::move(role));
    }
  }

  void match_title_case_sentences();

  std::string_view text_;
  const Lexicon& lexicon_;
  const std::vector<NameCandidate>& candidates_;
  Document& analysis_;
  std::vector<Group> groups_;
  std::vector<std::pair<std::uint32_t, std::size_t>> roles_;  // (entity, candidate)
};

void Builder::match_title_case_sentences() {
  // Every name and alias of the article's entities, by its words.
  std::map<std::string, std::uint32_t> surfaces;
  for (std::uint32_t e = 0; e < analysis_.entities.size(); ++e) {
    surfaces.emplace(analysis_.entities[e].name, e);
    for (const auto& a : analysis_.entities[e].aliases) surfaces.emplace(a, e);
  }
  const auto& tokens = analysis_.tokens;
  for (std::uint32_t s = 0; s < analysis_.sentences.size(); ++s) {
    const Sentence& sentence = analysis_.sentences[s];
    if (!sentence.title_case) continue;
    for (std::size_t i = sentence.first_token; i < sentence.end_token; ++i) {
      if (!tokens[i].capitalized) continue;
      // Longest match first, up to five tokens.
      for (std::size_t n = std::min<std::size_t>(5, sentence.end_token - i); n >= 1; --n) {
        const Span span{tokens[i].span.begin, tokens[i + n - 1].span.end};
        const std::string surface(span.of(text_));
        std::optional<std::uint32_t> entity;
        if (const auto it = surfaces.find(surface); it != surfaces.end()) {
          entity = it->second;
        } else if (const auto place = lexicon_.place(surface);
                   place && !place->ambiguous &&
                   (place->kind == PlaceKind::Country || place->population >= 1000000)) {
          Entity created;
          created.type = EntityType::Place;
          created.name = surface;
          created.place_detail = place->kind == PlaceKind::Country ? PlaceDetail::Country : PlaceDetail::City;
          entity = static_cast<std::uint32_t>(analysis_.entities.size());
          analysis_.entities.push_back(std::move(created));
          surfaces.emplace(surface, *entity);
        }
        if (!entity) continue;
        analysis_.mentions.push_back(Mention{span, *entity, s, Mention::Form::Name});
        ++analysis_.entities[*entity].mention_count;
        i += n - 1;
        break;
      }
    }
  }
}

}  // namespace

void EntityBuilder::build(const std::vector<NameCandidate>& candidates, Document& doc) const {
  Builder(doc.text, lexicon_, candidates, doc).run();
}

}  // namespace ng::nlp
