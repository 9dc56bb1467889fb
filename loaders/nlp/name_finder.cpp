#include "loaders/nlp/name_finder.hpp"

#include <algorithm>
#include <iterator>

#include "common/unicode.hpp"
#include "loaders/nlp/cues.hpp"
#include "loaders/nlp/sentence_splitter.hpp"
#include "loaders/nlp/tokenizer.hpp"

namespace ng::nlp {

std::string title_case(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool word_start = true;
  for (char c : text) {
    const bool letter = is_ascii_alpha(c);
    if (letter) {
      out += word_start ? static_cast<char>(c & ~0x20) : static_cast<char>(c | 0x20);
      word_start = false;
    } else {
      out += c;
      word_start = c == ' ' || c == '-' || c == '\'';
    }
  }
  return out;
}

namespace {

OrganizationDetail organization_detail_of_head(std::string_view head) {
  static constexpr std::string_view kNews[] = {"News", "Times", "Post", "Journal", "Herald", "Tribune",
                                               "Gazette", "Telegraph", "Press", "Media", "Network",
                                               "Broadcasting", "Television", "Radio", "TV",
                                               "Magazine", "Daily", "Weekly"};
  static constexpr std::string_view kGovernment[] = {
      "Ministry", "Department", "Agency", "Council", "Commission", "Parliament", "Assembly",
      "Congress", "Senate", "Duma", "Rada", "Knesset", "Bundestag", "Cabinet", "Government",
      "Administration", "Office", "Bureau", "Service", "Services", "Authority", "Secretariat",
      "Directorate", "Inspectorate", "Court", "Tribunal", "Ministries", "Treasury", "Police"};
  static constexpr std::string_view kMilitary[] = {"Army", "Navy", "Forces", "Guard", "Guards",
                                                   "Command", "Corps", "Brigade", "Battalion",
                                                   "Regiment", "Division", "Fleet", "Brigades",
                                                   "Militia"};
  static constexpr std::string_view kEducation[] = {"University", "College", "Institute",
                                                    "Academy", "School"};
  static constexpr std::string_view kSports[] = {"Club", "FC"};
  for (auto h : kNews) if (head == h) return OrganizationDetail::NewsMedia;
  for (auto h : kGovernment) if (head == h) return OrganizationDetail::Government;
  for (auto h : kMilitary) if (head == h) return OrganizationDetail::Military;
  for (auto h : kEducation) if (head == h) return OrganizationDetail::Education;
  for (auto h : kSports) if (head == h) return OrganizationDetail::Sports;
  if (head == "Party") return OrganizationDetail::Party;
  return OrganizationDetail::Company;
}

PlaceDetail place_detail_of_head(std::string_view lower_head) {
  if (cues::is_region_head(lower_head)) return PlaceDetail::Region;
  if (lower_head == "river" || lower_head == "creek" || lower_head == "stream") return PlaceDetail::River;
  if (lower_head == "sea" || lower_head == "ocean" || lower_head == "gulf" || lower_head == "bay" ||
      lower_head == "strait") {
    return PlaceDetail::Sea;
  }
  if (lower_head == "lake" || lower_head == "reservoir") return PlaceDetail::Lake;
  if (lower_head == "island" || lower_head == "islands" || lower_head == "isles") return PlaceDetail::Island;
  if (lower_head == "mountain" || lower_head == "mountains" || lower_head == "mount") {
    return PlaceDetail::Mountain;
  }
  if (lower_head == "city" || lower_head == "town" || lower_head == "village") return PlaceDetail::City;
  return PlaceDetail::Structure;
}

bool is_article(std::string_view word) { return word == "The" || word == "A" || word == "An"; }

// "38th", "5th", "1st": an ordinal number, the first word of names such
// as "38th Street" and "5th Fleet".
bool is_ordinal(std::string_view word) {
  if (word.size() < 3 || word[0] < '0' || word[0] > '9') return false;
  const std::string_view suffix = word.substr(word.size() - 2);
  for (std::size_t k = 0; k + 2 < word.size(); ++k) {
    if (word[k] < '0' || word[k] > '9') return false;
  }
  return suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th";
}

// "W" of "George W. Bush": one capital letter, a middle initial.
bool is_initial(std::string_view word) { return word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z'; }

// Letters after a name that are honours, degrees or ranks, not names
// ("Ken Ward, QC, said").
bool is_post_nominal(std::string_view word) {
  static constexpr std::string_view kPostNominals[] = {"QC", "KC", "SC", "MBE", "OBE", "CBE", "KBE", "DBE",
                                                       "PhD", "MD", "Jr", "Sr", "Esq", "FRS", "RN",
                                                       "MP", "MSP", "MEP", "MLA", "MPP", "TD"};
  return std::find(std::begin(kPostNominals), std::end(kPostNominals), word) != std::end(kPostNominals);
}

// Last words of names of things that are neither people, organisations nor
// places: laws and bills, events, competitions and awards ("Clean Air Act",
// "Winter Games", "Nobel Peace Prize").
bool is_non_entity_head(std::string_view word) {
  static constexpr std::string_view kHeads[] = {
      "Act", "Acts", "Bill", "Law", "Regulation", "Regulations", "Amendment", "Treaty", "Accord", "Accords",
      "Cup", "Games", "Olympics", "Paralympics", "Championship", "Championships", "Prize", "Award", "Awards",
      "Trophy", "Festival", "Marathon", "Tournament", "Reading", "Doctrine", "Plan", "Strategy",
      "Declaration", "Convention", "Charter", "Constitution", "Covenant", "Protocol", "Resolution",
      "Pride", "Parade", "Carnival", "Summit", "Expo"};
  return std::find(std::begin(kHeads), std::end(kHeads), word) != std::end(kHeads);
}

// Words after a name that are not the noun it modifies ("Tarsk French
// was", "X LGBT who").
bool is_function_word(std::string_view lower_word) {
  static constexpr std::string_view kWords[] = {
      "is", "was", "were", "are", "be", "been", "has", "have", "had", "will", "would", "can", "could", "may",
      "might", "must", "should", "shall", "do", "does", "did", "to", "with", "as", "for", "by", "who", "whom",
      "whose", "which", "that", "and", "or", "but", "nor", "on", "at", "in", "of", "the", "a", "an", "than",
      "said", "says", "also", "not", "then", "when", "while", "where", "if", "so", "after", "before", "since"};
  return std::find(std::begin(kWords), std::end(kWords), lower_word) != std::end(kWords) ||
         (lower_word.size() > 3 && lower_word.ends_with("ed"));
}

// Words of a country's armed forces named generically ("the Velmorian Air
// Force", "Tarsk's Navy"): with a demonym before them they describe, as
// "the Russian military" does; they name nothing of their own.
bool is_generic_military_word(std::string_view word) {
  static constexpr std::string_view kWords[] = {"Army",  "Navy",    "Air",    "Force",   "Forces", "Armed",
                                                "Military", "Marines", "Coast", "Guard", "Special", "Land",
                                                "Naval", "Ground",  "Troops", "Defence", "Defense"};
  return std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
}

// "the Federal Government", "the Interim Administration": a government
// described by an adjective, no one's name (a place or demonym before it
// names one: "the Velmor Government").
bool is_generic_government(const std::vector<std::string_view>& words, const Lexicon& lexicon) {
  if (words.size() < 2) return false;
  const std::string_view head = words.back();
  if (head != "Government" && head != "Administration" && head != "Cabinet") return false;
  for (std::size_t k = 0; k + 1 < words.size(); ++k) {
    if (!lexicon.is_common_word(ascii_lower(words[k])) || lexicon.demonym_country(words[k]) || lexicon.place(words[k])) {
      return false;
    }
  }
  return true;
}

// Heads of documents, laws and agreements that take "of" ("Declaration of",
// "Treaty of", "Act of").
bool is_document_head(std::string_view word) {
  static constexpr std::string_view kHeads[] = {"Declaration", "Convention", "Charter", "Constitution", "Covenant",
                                                "Protocol",    "Resolution", "Treaty",  "Act",          "Law",
                                                "Bill",        "Accord",     "Statute", "Code"};
  return std::find(std::begin(kHeads), std::end(kHeads), word) != std::end(kHeads);
}

// Offices written as letters after a party or place ("Liberal MEP", "a
// Tory MP"): a role, not part of a name.
bool is_office_letters(std::string_view word) {
  return word == "MP" || word == "MSP" || word == "MEP" || word == "MLA" || word == "MPP" || word == "MPs" ||
         word == "MSPs" || word == "MEPs" || word == "MLAs";
}

// "Southern", "Mainland", "Communist", "Occupied": words that describe a
// country before its name ("Southern Sudan" is Sudan's south); a noun
// before a country's name ("Lifeline Norway", "Relief Canada") makes
// the name of a national branch instead.
bool describes_country(std::string_view word) {
  static constexpr std::string_view kDescriptive[] = {
      "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Mainland",
      "Greater", "Occupied", "Free", "Modern", "Ancient", "Imperial", "Soviet", "Communist", "Independent",
      "Post-war", "Pre-war", "Rural", "Urban", "Coastal", "Neighbouring", "Neighboring", "Wartime"};
  return std::find(std::begin(kDescriptive), std::end(kDescriptive), word) != std::end(kDescriptive) ||
         word.ends_with("ern") || word.ends_with("ist") || word.ends_with("ed");
}

// Nouns before the name of a ship or boat ("the tanker Ocean Star").
bool is_vessel_noun(std::string_view lower_word) {
  static constexpr std::string_view kVessels[] = {"ship",    "vessel", "tanker",    "freighter", "frigate",
                                                  "destroyer", "yacht", "ferry",   "boat",      "submarine",
                                                  "cruiser", "trawler", "warship", "steamer",   "liner"};
  return std::find(std::begin(kVessels), std::end(kVessels), lower_word) != std::end(kVessels);
}

}  // namespace

NameFinder::NameFinder(std::string_view text, const std::vector<Token>& tokens,
                       const std::vector<Sentence>& sentences, const Lexicon& lexicon,
                       const std::vector<NameSpan>* names)
    : text_(text), tokens_(tokens), sentences_(sentences), lexicon_(lexicon), names_(names) {}

void NameFinder::read_model(NameCandidate& c) const {
  if (!names_ || sentences_[c.sentence].title_case) return;
  // The model's names are in text order and do not overlap: the first one
  // ending after the candidate's first token is the first that can overlap.
  auto it = std::lower_bound(names_->begin(), names_->end(), c.first_token,
                             [](const NameSpan& n, std::uint32_t token) { return n.end_token <= token; });
  const NameSpan* best = nullptr;
  std::uint32_t best_overlap = 0;
  for (; it != names_->end() && it->first_token < c.end_token; ++it) {
    const std::uint32_t overlap = std::min(it->end_token, c.end_token) - std::max(it->first_token, c.first_token);
    if (overlap > best_overlap) {
      best = &*it;
      best_overlap = overlap;
    }
  }
  if (!best) {
    c.model_outside = true;
    return;
  }
  c.model_type = best->type;
  c.model_exact = best->first_token == c.first_token && best->end_token == c.end_token;
  c.model_scores = best->type_scores;
}

std::string NameFinder::lower(std::size_t i) const { return ascii_lower(word(i)); }

std::string NameFinder::join(std::size_t first, std::size_t end) const {
  if (first >= end) return {};
  return std::string(text_.substr(tokens_[first].span.begin,
                                  tokens_[end - 1].span.end - tokens_[first].span.begin));
}

bool NameFinder::has_organization_head(std::size_t first, std::size_t end) const {
  for (std::size_t k = first; k < end; ++k) {
    if (cues::is_organization_head(word(k))) return true;
  }
  return false;
}

bool NameFinder::has_place_head(std::size_t first, std::size_t end) const {
  for (std::size_t k = first; k < end; ++k) {
    if (cues::is_place_head(word(k))) return true;
  }
  return false;
}

bool NameFinder::joins_headed_name(std::size_t first, std::size_t and_token, std::size_t end) const {
  if (and_token - first > 3) return false;
  for (std::size_t k = first; k < and_token; ++k) {
    if (!lexicon_.is_common_word(lower(k)) || likely_given_name(k) || lexicon_.place(word(k)) ||
        lexicon_.demonym_country(word(k))) {
      return false;
    }
  }
  std::size_t k = and_token + 1;
  while (k < end && k < and_token + 4 && is_name_word(k) && !cues::is_organization_head(word(k))) ++k;
  return k < end && is_name_word(k) && cues::is_organization_head(word(k));
}

bool NameFinder::likely_given_name(std::size_t i) const {
  const std::string_view w = word(i);
  return lexicon_.is_given_name(w) && !cues::is_organization_head(w) && !cues::is_place_head(w) &&
         !cues::is_title_head(w) && !cues::is_title_modifier(w);
}

bool NameFinder::is_name_word(std::size_t i) const {
  const Token& t = tokens_[i];
  if (t.kind != TokenKind::Word) return false;
  const std::string_view w = word(i);
  if (!t.capitalized) {
    // "al-Assad", "el-Sisi", "bin-Salman": a lower-case particle joined to a name.
    const std::size_t hyphen = w.find('-');
    if (hyphen == std::string_view::npos || hyphen + 1 >= w.size()) return false;
    const char after = w[hyphen + 1];
    return after >= 'A' && after <= 'Z' && cues::is_name_particle(w.substr(0, hyphen));
  }
  if (cues::is_never_entity(w)) return false;
  // "Russian-installed", "Kremlin-backed": an adjective, not a name.
  const std::size_t hyphen = w.rfind('-');
  if (hyphen != std::string_view::npos && hyphen + 1 < w.size()) {
    const char after = w[hyphen + 1];
    if (after >= 'a' && after <= 'z') return false;
  }
  return true;
}

bool NameFinder::starts_sentence(std::size_t i, const Sentence& sentence) const {
  for (std::size_t k = sentence.first_token; k < i; ++k) {
    const Token& t = tokens_[k];
    if (t.kind == TokenKind::Word || t.kind == TokenKind::Number) return false;
    const std::string_view w = word(k);
    if (t.kind == TokenKind::Punctuation && w != "(" && w != "[" && !is_dash(w) && w != "*" &&
        w != "\u2022" && w != ":") {
      return false;
    }
  }
  return true;
}

bool NameFinder::droppable_first_word(std::size_t i) const {
  const std::string_view w = word(i);
  if (is_article(w)) return true;
  const std::string l = lower(i);
  // "New York Weekly said": the first two words are a known name.
  if (i + 1 < tokens_.size() && is_name_word(i + 1) && tokens_[i + 1].space_before) {
    const std::string two = join(i, i + 2);
    if (lexicon_.place(two) || lexicon_.organization(two)) return false;
  }
  if (lexicon_.demonym_country(w)) return false;
  if (cues::is_party_plural(w) || cues::is_government_seat(w)) return false;
  if (const auto place = lexicon_.place(w); place && !place->ambiguous) return false;
  if (const auto org = lexicon_.organization_info(w); org && !org->ambiguous) return false;
  if (lexicon_.is_known_person(w) && !lexicon_.is_frequent_word(l)) return false;
  const bool next_is_name = i + 1 < tokens_.size() && is_name_word(i + 1) && tokens_[i + 1].space_before;
  if (next_is_name && likely_given_name(i)) return false;
  if (cues::is_title_head(w) && next_is_name) return false;
  // "Minister of Education Anna Berg said", "CEO of the Tenant Council Omar
  // Field": a title with its complement; "Rep. Peter Lang": with its dot.
  if (cues::is_title_head(w) && i + 2 < tokens_.size()) {
    const std::size_t after = i + 2 < tokens_.size() && word(i + 2) == "the" ? i + 3 : i + 2;
    if (word(i + 1) == "of" && after < tokens_.size() && is_name_word(after)) return false;
    if (word(i + 1) == "." && !tokens_[i + 1].space_before && is_name_word(i + 2)) return false;
  }
  if (cues::is_title_modifier(w) && next_is_name) return false;
  // "Conservative MSP Dana Ferrow said": a party before an office's letters.
  if (next_is_name && is_office_letters(word(i + 1))) return false;
  return lexicon_.is_common_word(l) || cues::subject_pronoun(l).has_value();
}

std::size_t NameFinder::extend_run(std::size_t first, std::size_t end) const {
  std::size_t last = first;
  // A document's name runs on through "of" too ("Velmor Charter of Tenant
  // Rights"): the whole is then no entity, and its parts are none either.
  bool has_head = cues::is_organization_head(word(first)) || cues::is_place_head(word(first)) ||
                  cues::is_title_head(word(first)) || is_non_entity_head(word(first));
  while (true) {
    std::size_t k = last + 1;
    // "Gen. Sergei", "St. Petersburg": an abbreviation's dot inside the run.
    if (k < end && word(k) == "." && !tokens_[k].space_before &&
        (is_abbreviation(word(last)) || (is_initial(word(last)) && last > first))) {
      ++k;
    }
    if (k >= end || tokens_[k].line_break_before) break;
    // "the Fishermen's Federation", "St John's Hospital": a possessive inside
    // an organisation's name, unless what owns is a known place or
    // organisation ("Russia's Defence Ministry" is Russia's ministry).
    if (is_possessive(word(k)) && !tokens_[k].space_before && k + 1 < end && is_name_word(k + 1) &&
        word(k).size() > 1) {
      std::size_t head_end = k + 1;
      while (head_end < end && is_name_word(head_end)) ++head_end;
      bool has_org_head = false;
      for (std::size_t h = k + 1; h < head_end; ++h) has_org_head = has_org_head || cues::is_organization_head(word(h));
      const std::string owner = join(first, last + 1);
      if (has_org_head && !lexicon_.place(owner) && !lexicon_.organization(owner) &&
          !lexicon_.demonym_country(owner)) {
        last = head_end - 1;
        continue;
      }
      break;
    }
    if (is_name_word(k)) {
      last = k;
      has_head = has_head || cues::is_organization_head(word(k)) || cues::is_place_head(word(k)) ||
                 cues::is_title_head(word(k)) || is_non_entity_head(word(k));
      continue;
    }
    // "Ben & Jerry", "Marks & Spencer": an ampersand between two names joins them.
    if (word(k) == "&" && k + 1 < end && is_name_word(k + 1)) {
      last = k + 1;
      continue;
    }
    if (tokens_[k].kind != TokenKind::Word || k + 1 >= end) break;
    const std::string l = lower(k);
    if (!tokens_[k].capitalized && cues::is_name_particle(l)) {
      // "van der Berg", "de la Cruz": one or more particles, then a name.
      std::size_t next = k + 1;
      while (next < end && next < k + 3 && !tokens_[next].capitalized &&
             cues::is_name_particle(lower(next))) {
        ++next;
      }
      if (next < end && is_name_word(next)) {
        last = next;
        continue;
      }
      break;
    }
    if (cues::is_phrase_connector(l) && !tokens_[k].capitalized) {
      std::size_t next = k + 1;
      // "Bank of the Philippine Islands" joins; "Condor Minerals in the
      // Yacari valley" does not.
      if (word(next) == "the" && next + 1 < end) {
        if (l != "of") break;
        ++next;
      }
      if (!is_name_word(next)) break;
      if (l == "and") {
        // "Bosnia and Herzegovina" and "Ministry of Trade and Industry" join;
        // "Democrats and Republicans" and "the Ministry and the Institute" do not.
        if (next != k + 1) break;
        if (!has_head && !lexicon_.place(join(first, next + 1)) && !joins_headed_name(first, k, end)) break;
        // "the European Union and NATO": a known name or an acronym after
        // "and" is a second name.
        if (tokens_[next].all_caps || lexicon_.organization(word(next)) || lexicon_.place(word(next)) ||
            cues::is_title_head(word(next))) {
          break;
        }
        // "Dr Ida Holm and Ken Ward": after a title and a person's name, a
        // given name after "and" starts a second person (the title's head
        // noun joins nothing).
        if (likely_given_name(next) && !has_organization_head(first, last + 1) &&
            !has_place_head(first, last + 1)) {
          break;
        }
      } else if (!has_head) {
        break;
      } else if (l == "of" && cues::is_title_head(word(last)) == false && !is_document_head(word(last)) &&
                 !has_organization_head(first, last + 1) && !has_place_head(first, last + 1)) {
        break;  // "Senator Rand Paul of Kentucky": "of" after a name
      } else if ((l == "in" || l == "on") && !has_organization_head(first, last + 1)) {
        break;  // "Wembley Stadium in London" is two names
      } else if ((l == "in" || l == "on" || l == "at") && lexicon_.place(word(next))) {
        break;  // "Fuji Investment Co. in Tokyo": the place where it is
      }
      last = next;
      has_head = has_head || cues::is_organization_head(word(next)) || cues::is_place_head(word(next));
      continue;
    }
    break;
  }
  return last + 1;
}

void NameFinder::find_in_sentence(std::uint32_t index, std::vector<NameCandidate>& out) const {
  const Sentence& sentence = sentences_[index];
  if (sentence.title_case) return;  // names in headlines are matched later
  std::size_t i = sentence.first_token;
  const std::size_t end = sentence.end_token;
  if (sentence.dateline) {
    // "KYIV (Reuters) -": the place, then the agency, then the dash.
    std::size_t k = i;
    while (k < end && !is_dash(word(k))) ++k;
    std::size_t place_end = i;
    while (place_end < k && tokens_[place_end].kind == TokenKind::Word) ++place_end;
    if (place_end > i) {
      const std::size_t before = out.size();
      in_dateline_ = true;
      emit(i, place_end - 1, index, true, out);
      in_dateline_ = false;
      for (std::size_t c = before; c < out.size(); ++c) out[c].dateline = true;
    }
    for (std::size_t p = place_end; p < k; ++p) {
      if (word(p) == "," && p + 1 < k && is_name_word(p + 1)) {
        // "DOHA, Qatar -": the country of the dateline's city.
        const std::size_t run_end = extend_run(p + 1, k);
        emit(p + 1, run_end - 1, index, false, out);
        out.back().dateline = true;
        p = run_end - 1;
        continue;
      }
      if (is_name_word(p) && p > place_end && word(p - 1) == "(") {
        // "KYIV (Reuters) -": the agency in brackets is an organisation.
        const std::size_t run_end = extend_run(p, k);
        const std::size_t before = out.size();
        emit(p, run_end - 1, index, false, out);
        for (std::size_t c = before; c < out.size(); ++c) {
          out[c].structural_type = EntityType::Organization;
          out[c].organization_detail = OrganizationDetail::NewsMedia;
        }
        p = run_end - 1;
      }
    }
    i = k + 1;
  }
  while (i < end) {
    if (!is_name_word(i)) {
      ++i;
      continue;
    }
    const std::size_t run_end = extend_run(i, end);
    std::size_t first = i;
    // "White House press secretary", "United Nations said": a known whole
    // name keeps its first word even at the start of a sentence.
    const std::string whole = join(i, run_end);
    const bool known_whole = cues::is_government_seat(whole) ||
                             (run_end - i >= 2 && (lexicon_.organization(whole) || lexicon_.place(whole)));
    const bool initial = starts_sentence(i, sentence) && !known_whole;
    // "Bush said", "Field added": the surname of a person named in full
    // earlier in the article; "Kestrel Systems said" after "Kestrel Systems
    // Corporation": an organisation named before without its head nouns.
    // Such a first word is the name, not a capitalised common word.
    const bool seen_before = (run_end - i == 1 && surnames_seen_.count(whole) != 0 && acts_alone(run_end, end)) ||
                             (run_end - i >= 2 && short_forms_seen_.count(whole) != 0) ||
                             own_word_before_head(i, run_end);
    while (first < run_end &&
           (is_article(word(first)) || (initial && !seen_before && first == i && droppable_first_word(first)))) {
      ++first;
      while (first < run_end && !tokens_[first].capitalized) ++first;  // "of" after a dropped word
    }
    // "38th Street", "5th Fleet": an ordinal before a head noun is part of the name.
    if (first == i && first > sentence.first_token && tokens_[first].space_before &&
        is_ordinal(word(first - 1)) && (cues::is_place_head(word(first)) || cues::is_organization_head(word(first)))) {
      --first;
    }
    if (first < run_end) emit(first, run_end - 1, index, initial && first == i, out);
    i = run_end;
  }
}

std::size_t NameFinder::split_title(std::size_t first, std::size_t end, NameCandidate& c) const {
  // The last title head that is followed by at least one name word.
  std::size_t head = end;
  for (std::size_t k = first; k + 1 < end; ++k) {
    if (cues::is_title_head(word(k))) head = k;
  }
  if (head == end) return first;
  std::size_t name_first = head + 1;
  if (name_first < end && word(name_first) == ".") ++name_first;
  // "Secretary of State Antony Blinken": the role runs on through "of ...".
  // Without a person after it ("the Governor of the Volsk region"), what
  // follows "of" is a name of its own and the title only describes.
  bool title_only = false;
  if (name_first < end && tokens_[name_first].kind == TokenKind::Word && !tokens_[name_first].capitalized) {
    std::size_t k = name_first;
    while (k < end && !likely_given_name(k)) ++k;
    if (k >= end) {
      k = name_first + 1;
      while (k < end && !tokens_[k].capitalized) ++k;
      title_only = true;
      // "Minister of Sport Vitaly Dorok", "Minister for the Olympics Tessa
      // Vell", "CEO of Norvex Group Omar Dahl", with a given name no list
      // has: a complement that ends with a common word, a head noun or a
      // known name, then two or three words that are none of these name
      // the person holding the office.
      std::size_t person = k;
      for (std::size_t p = k; p < end; ++p) {
        const std::string_view w = word(p);
        if (lexicon_.is_common_word(lower(p)) || cues::is_organization_head(w) || cues::is_place_head(w) ||
            is_non_entity_head(w) || lexicon_.place(w) || lexicon_.organization(w)) {
          person = p + 1;
        }
      }
      bool plain_name = person > k && end - person >= 2 && end - person <= 3;
      for (std::size_t p = person; p < end && plain_name; ++p) {
        const std::string_view w = word(p);
        plain_name = tokens_[p].capitalized && !tokens_[p].all_caps && !lexicon_.is_common_word(lower(p)) &&
                     !cues::is_organization_head(w) && !cues::is_place_head(w) && !cues::is_title_head(w) &&
                     !lexicon_.place(w) && !lexicon_.organization(w) && !lexicon_.demonym_country(w);
      }
      if (plain_name) {
        k = person;
        title_only = false;
      }
    }
    name_first = k;
  }
  if (name_first >= end) return first;
  // A surname that is also a title word ("John Major") is not a title.
  if (head == first && end - name_first == 0) return first;
  // The title runs up to the name ("U.S. Secretary of State").
  std::size_t title_end = name_first;
  while (title_end > head + 1 && word(title_end - 1) == ".") --title_end;
  c.title = join(first, title_end);
  c.title_span = {tokens_[first].span.begin, tokens_[title_end - 1].span.end};
  c.title_only = title_only;
  for (std::size_t k = first; k < head; ++k) {
    const std::string_view w = word(k);
    if (cues::is_title_head(w) || cues::is_title_modifier(w)) continue;
    c.title_qualifier = c.title_qualifier.empty() ? std::string(w) : c.title_qualifier + " " + std::string(w);
  }
  return name_first;
}

void NameFinder::emit(std::size_t first, std::size_t last, std::uint32_t sentence_index,
                      bool sentence_initial, std::vector<NameCandidate>& out) const {
  const Sentence& sentence = sentences_[sentence_index];
  std::size_t end = last + 1;
  NameCandidate c;
  c.sentence = sentence_index;
  c.sentence_initial = sentence_initial;
  const std::size_t name_first = split_title(first, end, c);
  if (!c.title.empty() && !c.title_only) c.structural_type = EntityType::Person;
  if (c.title_only) {
    // The title describes someone unnamed; the name after "of" stands
    // alone, and so does a place or organisation inside the title ("the
    // United Kingdom Minister for Sport").
    emit_title_qualifiers(first, name_first, sentence_index, out);
    emit(name_first, last, sentence_index, false, out);
    return;
  }
  // "NATO Secretary General X", "US President X": the organisation or
  // country inside the title is named too.
  if (name_first > first) emit_title_qualifiers(first, name_first, sentence_index, out);
  first = name_first;
  // "Liberal MEP", "a Tory MP" with no name after: the office is a role, the
  // word before it names the party.
  bool before_office = false;
  if (c.title.empty() && end - first >= 2 && is_office_letters(word(end - 1))) {
    --end;
    --last;
    before_office = true;
  }
  if (c.title.empty() && end - first == 1 && is_office_letters(word(first))) return;
  // "the Bill", "the Treaty": a law or agreement named by its head alone.
  if (c.title.empty() && end - first == 1 && is_non_entity_head(word(first)) && first > sentence.first_token &&
      (word(first - 1) == "the" || word(first - 1) == "The")) {
    return;
  }
  if (c.title.empty()) first = trim_to_known_suffix(first, end);
  // "Velmor Russian vodka", "Oslo LGBT community": a demonym or an
  // acronym at the end of a run, before a lower-case noun, describes the
  // noun; the place before it stands alone, and so does the acronym when
  // it names a known organisation ("UK NHS staff").
  const std::string next = end < sentence.end_token ? lower(end) : std::string();
  const bool before_noun = end < sentence.end_token && tokens_[end].kind == TokenKind::Word &&
                           !tokens_[end].capitalized && lexicon_.is_common_word(next) &&
                           !cues::speech_verb_lemma(next) && !cues::is_phrase_connector(next) &&
                           !cues::is_verb_filler(next) && !cues::is_place_preposition(next) &&
                           !is_function_word(next);
  const bool demonym_last = lexicon_.demonym_country(word(end - 1)).has_value();
  const bool acronym_after_place = tokens_[end - 1].all_caps &&
                                   (lexicon_.demonym_country(word(first)) || lexicon_.place(word(first)));
  if (c.title.empty() && before_noun && end - first == 2 && !likely_given_name(first) &&
      !lexicon_.organization(join(first, end)) && !lexicon_.place(join(first, end)) &&
      (demonym_last || acronym_after_place)) {
    if (!lexicon_.demonym_country(word(first))) emit(first, first, sentence_index, sentence_initial, out);
    if (!demonym_last && lexicon_.organization(word(end - 1))) emit(end - 1, end - 1, sentence_index, false, out);
    return;
  }
  // "Russian Velkanov Center", "Chinese Xinhua News Agency": a demonym
  // before a name of its own (a word no dictionary has) says where the
  // organisation is; before generic words it is part of the name
  // ("Chinese Foreign Ministry", "Turkish Airlines").
  if (c.title.empty() && end - first >= 3 && lexicon_.demonym_country(word(first)) &&
      cues::is_organization_head(word(end - 1)) && !lexicon_.organization(join(first, end))) {
    bool own_word = false;
    for (std::size_t k = first + 1; k + 1 < end; ++k) {
      own_word = own_word || (tokens_[k].kind == TokenKind::Word && !tokens_[k].all_caps &&
                              !lexicon_.is_common_word(lower(k)) && !lexicon_.place(word(k)) &&
                              !lexicon_.demonym_country(word(k)) && !cues::is_organization_head(word(k)));
    }
    if (own_word) ++first;
  }
  // "Minister for the Olympics Tessa Vell": the end of a title's complement
  // ("Olympics", "Sport") before a given name and a surname is no part of
  // the person's name.
  if (c.title.empty() && end - first >= 3 && follows_title_complement(first, sentence.first_token)) {
    for (std::size_t m = first + 1; m + 1 < end; ++m) {
      const std::string_view w = word(m - 1);
      if (!lexicon_.is_common_word(lower(m - 1)) && !is_non_entity_head(w)) break;
      if (likely_given_name(m)) {
        emit(m, last, sentence_index, false, out);
        return;
      }
    }
  }
  // "Russia Ivan Dorn": a known place or organisation directly before a
  // given name is a separate name.
  const bool known_whole = lexicon_.place(sentence.dateline ? title_case(join(first, end)) : join(first, end)) ||
                           lexicon_.organization(join(first, end));
  for (std::size_t m = first + 1; m + 1 < end && c.title.empty() && !known_whole && !sentence.dateline; ++m) {
    // Only a country or a big place, then a full name of two words or more
    // ("Russia Ivan Dorn"); not "Morgan Stanley" or "San Francisco".
    if (!likely_given_name(m) || has_organization_head(m, end)) continue;  // "Kenya Red Cross Society"
    const std::string prefix = join(first, m);
    const auto place = lexicon_.place(prefix);
    const bool big_place = place && !place->ambiguous &&
                           (place->kind == PlaceKind::Country || place->kind == PlaceKind::Region ||
                            place->population >= 100000);
    if (big_place || lexicon_.organization(prefix)) {
      emit(first, m - 1, sentence_index, sentence_initial, out);
      emit(m, last, sentence_index, false, out);
      return;
    }
  }
  // "the United Kingdom Minister for Sport": a known place or organisation
  // before a title with no name after it is named alone.
  if (c.title.empty() && end - first >= 2 && cues::is_title_head(word(end - 1)) && !sentence.dateline) {
    const std::string qualifier = join(first, end - 1);
    if (lexicon_.place(qualifier) || lexicon_.organization(qualifier)) {
      emit(first, end - 2, sentence_index, sentence_initial, out);
      return;
    }
  }
  // No entity at all: letters after a name ("Ken Ward, QC, said"), the name
  // of a law, event or award ("Clean Air Act", "Winter Games"; the place
  // it starts with is named: "Beijing Olympics"), a ship ("the tanker
  // Ocean Star").
  if (end - first == 1 && is_post_nominal(word(first)) && first > sentence.first_token && word(first - 1) == ",") {
    return;
  }
  if (end - first == 1 && first == skip_acronym_at_) return;
  // Descriptions with a common head, not names: a demonym with the
  // generic words of armed forces ("Velmorian Air Force"), a government
  // named by an adjective ("the Federal Government"), the board of a
  // company ("Board of Directors").
  if (c.title.empty() && !sentence.dateline && end - first >= 2 && !lexicon_.organization(join(first, end))) {
    std::vector<std::string_view> words;
    for (std::size_t k = first; k < end; ++k) words.push_back(word(k));
    bool military = lexicon_.demonym_country(words.front()).has_value();
    for (std::size_t k = 1; k < words.size() && military; ++k) military = is_generic_military_word(words[k]);
    const bool board = words.size() >= 3 && words[0] == "Board" && words[1] == "of" &&
                       (words[2] == "Directors" || words[2] == "Trustees" || words[2] == "Management" ||
                        words[2] == "Supervisors");
    // "the Board of Directors of Velm Tor Holdings": the company is named.
    if (board && words.size() >= 5 && words[3] == "of") {
      std::size_t company = first + 4;
      if (word(company) == "the" && company + 1 < end) ++company;
      emit(company, last, sentence_index, false, out);
      return;
    }
    if (military || (board && words.size() == 3) || is_generic_government(words, lexicon_)) return;
  }
  // "Velmor Charter of Tenant Rights", "Treaty of Velmor": a
  // document named with "of" is no entity either.
  for (std::size_t k = first; k + 1 < end && c.title.empty() && !sentence.dateline; ++k) {
    if (is_document_head(word(k)) && word(k + 1) == "of" && !lexicon_.organization(join(first, end))) return;
  }
  if (c.title.empty() && !sentence.dateline && is_non_entity_head(word(end - 1)) &&
      (end - first >= 2 || word(first) == "Olympics" || word(first) == "Paralympics")) {
    if (end - first >= 2 && !lexicon_.organization(join(first, end))) {
      // "the Frontier Rules Act (FRA)": its acronym is no entity either.
      if (end + 2 < sentence.end_token && word(end) == "(" && word(end + 2) == ")") skip_acronym_at_ = end + 1;
      if (const auto place = lexicon_.place(word(first)); place && !place->ambiguous) {
        emit(first, first, sentence_index, sentence_initial, out);
      }
      return;
    }
    if (end - first == 1) return;
  }
  if (first > sentence.first_token && tokens_[first - 1].kind == TokenKind::Word &&
      is_vessel_noun(lower(first - 1))) {
    return;
  }
  c.first_token = static_cast<std::uint32_t>(first);
  c.end_token = static_cast<std::uint32_t>(end);
  c.span = {tokens_[first].span.begin, tokens_[end - 1].span.end};
  // "JAKARTA" in a dateline is Jakarta; "AP", "AFP", "U.S." stay acronyms.
  const bool dateline_caps = in_dateline_ && tokens_[first].all_caps && end - first <= 3 &&
                             tokens_[end - 1].span.end - tokens_[first].span.begin >= 4;
  c.text = dateline_caps ? title_case(join(first, end)) : join(first, end);
  c.base_name = c.text;
  c.word_count = 0;
  for (std::size_t k = first; k < end; ++k) c.word_count += tokens_[k].kind == TokenKind::Word;
  c.acronym = end - first == 1 && (tokens_[first].all_caps || word(first).find('.') != std::string_view::npos) &&
              tokens_[first].span.size() <= 8 && !sentence.dateline;
  c.possessive = end < sentence.end_token && is_possessive(word(end)) && !tokens_[end].space_before;

  // Head nouns inside the name: the one before "of", else the last one.
  std::size_t head = end;
  for (std::size_t k = first; k < end; ++k) {
    const std::string_view w = word(k);
    if (cues::is_organization_head(w) || cues::is_place_head(w)) head = k;
    if (head != end && k + 1 < end && word(k + 1) == "of") break;
  }
  const auto known_place = lexicon_.place(c.text);
  if (known_place && !known_place->ambiguous && end - first >= 2) {
    // A known multi-word place ("Russian Federation", "Gulf of Mexico")
    // needs no head noun to be typed.
    c.structural_type = EntityType::Place;
  } else if (lexicon_.organization(c.text) && end - first >= 2) {
    c.structural_type = EntityType::Organization;
  } else if (cues::is_party_plural(c.text)) {
    c.structural_type = EntityType::Organization;
    c.organization_detail = OrganizationDetail::Party;
  } else if (cues::is_government_seat(c.text)) {
    c.structural_type = EntityType::Organization;
    c.organization_detail = OrganizationDetail::Government;
  } else if (head != end && c.title.empty() && end - first >= 2) {
    const std::string_view h = word(head);
    // "Velmor West Detention Centre", "Tarsk Convention Center": a centre
    // that is a building (a prison, a hall) is a place, like a prison.
    static constexpr std::string_view kBuildings[] = {"Detention", "Correctional", "Remand", "Shopping",
                                                      "Convention", "Exhibition", "Conference"};
    const bool building = (h == "Centre" || h == "Center" || h == "Facility") && head > first &&
                          std::find(std::begin(kBuildings), std::end(kBuildings), word(head - 1)) !=
                              std::end(kBuildings);
    if (building) {
      c.structural_type = EntityType::Place;
      c.place_detail = PlaceDetail::Structure;
    } else if (cues::is_organization_head(h)) {
      c.structural_type = EntityType::Organization;
      c.organization_detail = organization_detail_of_head(h);
    } else {
      c.structural_type = EntityType::Place;
      c.place_head = ascii_lower(h);
      c.place_detail = place_detail_of_head(c.place_head);
      if (head == end - 1) {
        // "Velmor Railway Station": the base name is "Velmor".
        std::size_t base_end = end - 1;
        if (base_end - first >= 2 && cues::place_suffix(lower(end - 2), c.place_head) == 2) --base_end;
        c.base_name = join(first, base_end);
      }
    }
  }
  c.before_office = before_office;
  read_model(c);
  read_suffix(end, sentence.end_token, c);
  read_prefix(first, sentence.first_token, c);
  read_context(first, end, sentence.first_token, sentence.end_token, c);
  remember_forms(first, end, c);
  out.push_back(std::move(c));
}

void NameFinder::remember_forms(std::size_t first, std::size_t end, const NameCandidate& c) const {
  if (end - first < 2) return;
  if (c.structural_type == EntityType::Person || (likely_given_name(first) && !c.structural_type)) {
    if (end - first <= 4 && tokens_[end - 1].capitalized && !tokens_[end - 1].all_caps) {
      surnames_seen_.emplace(word(end - 1));
    }
    return;
  }
  // "Kestrel Systems Corporation": "Kestrel Systems" and "Kestrel" are
  // its short forms when the words after them are head nouns.
  if (c.structural_type != EntityType::Organization) return;
  std::size_t short_end = end;
  while (short_end - first >= 2 && cues::is_organization_head(word(short_end - 1))) {
    --short_end;
    short_forms_seen_.insert(join(first, short_end));
  }
}

// "Young said", "Young, 42, was": what follows a one-word name at the start
// of a sentence is punctuation or a verb, not the noun the word
// describes ("Young people said").
bool NameFinder::acts_alone(std::size_t next, std::size_t sentence_end) const {
  if (next >= sentence_end || tokens_[next].kind != TokenKind::Word) return true;
  if (tokens_[next].capitalized) return false;
  const std::string l = lower(next);
  return is_function_word(l) || cues::speech_verb_lemma(l).has_value() || cues::is_verb_filler(l) ||
         !lexicon_.is_common_word(l);
}

// "Minister for the X", "Secretary of X": the words before `first` are a
// title head and the preposition of its complement.
bool NameFinder::follows_title_complement(std::size_t first, std::size_t sentence_first) const {
  std::size_t k = first;
  if (k > sentence_first && word(k - 1) == "the") --k;
  if (k < sentence_first + 2) return false;
  const std::string_view preposition = word(k - 1);
  return (preposition == "for" || preposition == "of" || preposition == "to") && cues::is_title_head(word(k - 2));
}

// "Kestrel Systems Corporation said": a first word no frequent word, then
// words up to an organisation's head noun; the first word is the
// organisation's own ("Yesterday Norvex Corporation" starts with a
// frequent word, which is dropped).
bool NameFinder::own_word_before_head(std::size_t first, std::size_t end) const {
  if (end - first < 3 || !cues::is_organization_head(word(end - 1))) return false;
  const std::string l = lower(first);
  return !is_article(word(first)) && !lexicon_.is_frequent_word(l) && !cues::is_title_head(word(first)) &&
         !cues::is_title_modifier(word(first)) && !cues::subject_pronoun(l) &&
         !lexicon_.demonym_country(word(first)) && !cues::is_organization_head(word(first));
}

void NameFinder::emit_title_qualifiers(std::size_t first, std::size_t end, std::uint32_t sentence_index,
                                       std::vector<NameCandidate>& out) const {
  for (std::size_t k = first; k < end; ++k) {
    const std::string_view w = word(k);
    if (tokens_[k].kind != TokenKind::Word || cues::is_title_head(w) || cues::is_title_modifier(w) ||
        lexicon_.demonym_country(w) || !is_name_word(k)) {
      continue;
    }
    std::size_t run_end = k + 1;
    while (run_end < end && is_name_word(run_end) && !cues::is_title_head(word(run_end)) &&
           !cues::is_title_modifier(word(run_end))) {
      ++run_end;
    }
    const std::string name = join(k, run_end);
    // "CEO of the Tenant Council Omar Field": an organisation named by its
    // head noun inside the title is named too.
    const bool headed = run_end - k >= 2 && (cues::is_organization_head(word(run_end - 1)) ||
                                             cues::is_place_head(word(run_end - 1)));
    // "Liberal MEP Ada Vell": the word before an office's letters is a party.
    const bool office = run_end < end && is_office_letters(word(run_end));
    if (lexicon_.place(name) || lexicon_.organization(name) || tokens_[k].all_caps || headed || office) {
      const std::size_t before = out.size();
      emit(k, run_end - 1, sentence_index, false, out);
      if (office && out.size() == before + 1) out.back().before_office = true;
    }
    k = run_end - 1;
  }
}

// "European NATO", "Ukrainian Telegram": adjectives before a known name are
// not part of it.
std::size_t NameFinder::trim_to_known_suffix(std::size_t first, std::size_t end) const {
  if (end - first < 2 || lexicon_.place(join(first, end)) || lexicon_.organization(join(first, end))) return first;
  // "Green Alliance", "Civic Union": a head noun at the end makes the whole
  // run one name, whatever the lexicon knows of the head alone; "Mitt
  // Romney" starts with a given name.
  if (cues::is_organization_head(word(end - 1)) || cues::is_place_head(word(end - 1))) return first;
  if (likely_given_name(first) || has_organization_head(first, end)) return first;
  for (std::size_t m = first + 1; m < end; ++m) {
    const std::string suffix = join(m, end);
    const auto place = lexicon_.place(suffix);
    const bool known = (place && !place->ambiguous) || lexicon_.organization(suffix);
    if (!known) continue;
    bool adjectives = true;
    for (std::size_t k = first; k < m && adjectives; ++k) {
      const std::string_view w = word(k);
      adjectives = lexicon_.demonym_country(w).has_value() || lexicon_.is_common_word(lower(k)) ||
                   cues::is_title_modifier(w) || w.ends_with("an") || w.ends_with("ese");
    }
    // "Lifeline Norway", "Relief Canada": a noun before a country's
    // name makes a national branch's name; "Southern Sudan" describes.
    if (adjectives && m == end - 1 && place && place->kind == PlaceKind::Country && m - first == 1 &&
        !lexicon_.demonym_country(word(first)) && !cues::is_title_modifier(word(first)) &&
        !describes_country(word(first)) && !word(first).ends_with("an") && !word(first).ends_with("ese")) {
      return first;
    }
    if (adjectives) return m;
  }
  return first;
}

void NameFinder::read_suffix(std::size_t end, std::size_t sentence_end, NameCandidate& c) const {
  if (end >= sentence_end || c.possessive || c.structural_type == EntityType::Person) return;
  if (tokens_[end].kind != TokenKind::Word || tokens_[end].capitalized) return;
  // "the Ukrainian city of", "Russian news agencies": a demonym before a
  // head noun is a description, not a name.
  if (lexicon_.demonym_country(c.text)) return;
  const std::string first = lower(end);
  const std::string second = end + 1 < sentence_end ? lower(end + 1) : std::string();
  if (const int n = cues::place_suffix(first, second); n > 0 && !c.structural_type) {
    const std::size_t head_token = end + static_cast<std::size_t>(n) - 1;
    c.structural_type = EntityType::Place;
    c.place_head = lower(head_token);
    c.place_detail = place_detail_of_head(c.place_head);
    c.base_name = c.text;
    c.span.end = tokens_[head_token].span.end;
    c.text = std::string(c.span.of(text_));
    return;
  }
  // "Tarsk administration": a known place before a generic head is a
  // description of the place's institutions, not a name.
  // ("a Singapore newspaper": a country before a media head describes
  // where the outlet is; it names none.)
  const auto known_place = lexicon_.place(c.text);
  const bool media_head = (first == "news" || first == "newspaper" || first == "broadcaster") &&
                          !(known_place && known_place->kind == PlaceKind::Country);
  if (const int n = cues::organization_suffix(first, second); n > 0 && (media_head || !known_place)) {
    const std::size_t head_token = end + static_cast<std::size_t>(n) - 1;
    c.structural_type = EntityType::Organization;
    if (first == "news" || first == "newspaper" || first == "broadcaster" || first == "daily" ||
        first == "press" || first == "wire" || first == "media" || first == "television" ||
        first == "magazine" || first == "tabloid" || first == "website" || first == "outlet") {
      c.organization_detail = OrganizationDetail::NewsMedia;
    } else if (first == "party" || second == "party") {
      c.organization_detail = OrganizationDetail::Party;
    }
    c.extra_aliases.push_back(std::string(
        text_.substr(c.span.begin, tokens_[head_token].span.end - c.span.begin)));
  }
}

void NameFinder::read_prefix(std::size_t first, std::size_t sentence_first, NameCandidate& c) const {
  // "the city of Tarsk", "the province of X", "the port of Y".
  if (first < sentence_first + 2 || c.structural_type == EntityType::Organization) return;
  if (word(first - 1) != "of") return;
  const std::string head = lower(first - 2);
  if (tokens_[first - 2].capitalized || !cues::place_suffix(head, "")) return;
  // "the Volsk region of Russia": the region belongs to Russia, it is not
  // named Russia; and a country is never "the region of" anything.
  // ("the Russian city of Sochi": a demonym describes, it names no owner.)
  if (first >= sentence_first + 3 && tokens_[first - 3].capitalized && !lexicon_.demonym_country(word(first - 3))) {
    return;
  }
  if (const auto place = lexicon_.place(c.text); place && place->kind == PlaceKind::Country) return;
  c.structural_type = EntityType::Place;
  c.place_head = head;
  c.place_detail = place_detail_of_head(head);
  c.base_name = c.text;
  c.extra_aliases.push_back(head + " of " + c.text);
  // "the province of Malatya" names the province, not the city.
  if (cues::is_region_head(head)) c.text = c.text + " " + head;
}

void NameFinder::read_context(std::size_t first, std::size_t end, std::size_t sentence_first,
                              std::size_t sentence_end, NameCandidate& c) const {
  std::size_t before = first;  // the first token of the title, if any, else of the name
  if (!c.title.empty()) {
    while (before > sentence_first && tokens_[before - 1].span.begin >= c.title_span.begin) --before;
  }
  if (before > sentence_first) {
    // "the shipping company X", "union leader X", "the port city X".
    const std::size_t n = before - 1;
    if (tokens_[n].kind == TokenKind::Word && !tokens_[n].capitalized) {
      const std::string l = lower(n);
      if (cues::is_role_noun(l)) c.prefix_person = true;
      if (cues::organization_suffix(l, "") > 0 || l == "firm" || l == "maker" || l == "manufacturer" ||
          l == "carrier" || l == "group" || l == "company" || l == "startup" || l == "charity" ||
          l == "organisation" || l == "organization" || l == "foundation" || l == "movement" ||
          l == "coalition" || l == "alliance" || l == "ngo" || l == "regulator" || l == "publisher") {
        c.prefix_organization = true;
      }
      if (l == "city" || l == "town" || l == "village" || l == "capital" || l == "port" || l == "province" ||
          l == "region" || l == "country" || l == "island" || l == "district") {
        c.prefix_place = true;
      }
    }
    // "coastal towns such as X (and Y)": the plural head says what X is,
    // and what every name of the list is ("groups such as A, B and the C").
    for (std::size_t q = before; q >= sentence_first + 3 && before - q < 14; --q) {
      if (lower(q - 1) == "as" && lower(q - 2) == "such") {
        const std::string head = lower(q - 3);
        if (head == "towns" || head == "cities" || head == "villages" || head == "countries" ||
            head == "regions" || head == "provinces" || head == "ports" || head == "states" ||
            head == "places" || head == "nations" || head == "capitals") {
          c.prefix_place = true;
        } else if (head == "companies" || head == "firms" || head == "groups" || head == "organisations" ||
                   head == "organizations" || head == "agencies" || head == "parties" || head == "banks") {
          c.prefix_organization = true;
        } else if (cues::is_role_noun(head) || head == "people" || head == "figures" || head == "leaders") {
          c.prefix_person = true;
        }
        break;
      }
      if (is_sentence_final(word(q - 1)) || word(q - 1) == ";") break;
      // Only names, commas and "and" / "the" / "of" stand between a list's
      // names and its "such as".
      if (tokens_[q - 1].kind == TokenKind::Word && !tokens_[q - 1].capitalized) {
        const std::string l = lower(q - 1);
        if (l != "and" && l != "or" && l != "the" && l != "as" && l != "of" && l != "for") break;
      }
    }
    // "analysts at X", "researchers from X": people who work for X.
    {
      std::size_t q = before - 1;
      if (word(q) == "the" && q > sentence_first) --q;
      const std::string prep = lower(q);
      if ((prep == "at" || prep == "from") && q > sentence_first) {
        const std::string staff = lower(q - 1);
        static constexpr std::string_view kStaff[] = {
            "analysts", "researchers", "economists", "officials", "executives", "employees", "workers",
            "staff", "engineers", "scientists", "doctors", "strategists", "lawyers", "investigators",
            "experts", "managers", "traders", "spokesman", "spokeswoman", "spokesperson", "analyst",
            "economist", "researcher", "executive", "scientist", "professor", "director"};
        if (std::find(std::begin(kStaff), std::end(kStaff), staff) != std::end(kStaff)) {
          c.employer = true;
        }
      }
    }
    std::size_t p = before - 1;
    c.after_the = (word(p) == "the" || word(p) == "The") && end - first == 1;
    if (p >= sentence_first + 2 && word(p) == "on") {
      const std::string verb = lower(p - 1);
      c.posted_on = verb == "posted" || verb == "published" || verb == "shared" || verb == "uploaded" ||
                    verb == "broadcast" || verb == "streamed" || verb == "announced" || verb == "wrote";
    }
    if (word(p) == "the" && p > sentence_first) --p;
    if (word(p) == "The" && p == before - 1 && p > sentence_first) c.capital_the = true;
    const std::string l = lower(p);
    c.after_place_preposition = cues::is_place_preposition(l) && !tokens_[p].capitalized;
    c.object_of_speech = cues::speech_verb_lemma(l).has_value() && !tokens_[p].capitalized;
    if (p > sentence_first && (l == "of" || l == "at") && !tokens_[p].capitalized) {
      // "the owner of X", "a founder of X", "members of X": what people are
      // of an organisation (not "mayor of X": offices of places are not here).
      static constexpr std::string_view kParts[] = {
          "owner", "owners", "founder", "founders", "co-founder", "ceo", "chairman", "chairwoman",
          "chairperson", "shareholders", "shareholder", "employees", "employee", "members", "member",
          "subsidiary", "shares", "headquarters", "board", "director-general", "staff"};
      const std::string noun = lower(p - 1);
      c.part_of_organization = std::find(std::begin(kParts), std::end(kParts), noun) != std::end(kParts);
    }
    if (p > sentence_first && !tokens_[p].capitalized) {
      const std::string verb = lower(p - 1);
      c.according_to = l == "to" && verb == "according";
      // "a report by X", "published by X", "as quoted by X": the maker of
      // a report or a publication.
      static constexpr std::string_view kReports[] = {
          "report", "reports", "reported", "published", "quoted", "cited", "broadcast", "aired",
          "interview", "interviews", "interviewed", "survey", "poll", "investigation", "commissioned",
          "demonstration", "protest", "campaign", "petition", "study", "lawsuit", "complaint", "rally",
          "boycott", "analysis", "audit", "founded", "owned", "operated", "run", "organised", "organized",
          "march", "vigil", "strike", "appeal"};
      c.report_by = l == "by" && std::find(std::begin(kReports), std::end(kReports), verb) != std::end(kReports);
    }
    if (is_possessive(word(p)) && p > sentence_first) {
      // "Russia's Defence Ministry": remember the possessor.
      std::size_t q = p;
      while (q > sentence_first && is_name_word(q - 1)) --q;
      if (q < p) c.possessor = join(q, p);
    }
  }
  // What follows the name (and its suffix).
  std::size_t k = end;
  while (k < sentence_end && tokens_[k].span.end <= c.span.end) ++k;
  if (c.possessive) {
    // "Sarvania's Supreme Court", "Velmora's mayor": owners of institutions
    // and offices are places (or organisations).
    std::size_t h = k + 1;
    while (h < sentence_end && h < k + 4 && tokens_[h].kind == TokenKind::Word) {
      const std::string_view w = word(h);
      const std::string l = lower(h);
      // "X's website", "X's correspondent", "X's board": parts only an
      // organisation has.
      static constexpr std::string_view kOrganizationParts[] = {
          "website", "correspondent", "correspondents", "reporter", "reporters", "editor", "editors",
          "newsroom", "headquarters", "shareholders", "subsidiary", "subsidiaries", "board", "founder",
          "founders", "chairman", "chairwoman", "chairperson", "ceo", "membership", "broadcasts",
          // a company's, a platform's or an outlet's
          "shares", "shareholder", "stock", "profit", "profits", "revenue", "revenues", "customers", "stores",
          "branches", "factories", "factory", "plants", "products", "brand", "users", "readers", "viewers",
          "listeners", "app", "employees", "workforce", "subsidiary", "executives"};
      if (h == k + 1 && std::find(std::begin(kOrganizationParts), std::end(kOrganizationParts), l) !=
                            std::end(kOrganizationParts)) {
        c.possessor_of_organization_part = true;
      }
      if (cues::is_organization_head(w) || cues::is_title_head(w) || cues::is_role_noun(l) ||
          l == "government" || l == "capital" || l == "parliament" || l == "army" || l == "economy" ||
          l == "president" || l == "people") {
        c.possessor_of_institution = true;
        break;
      }
      ++h;
    }
    return;
  }
  if (k < sentence_end && tokens_[k].kind == TokenKind::Word && !tokens_[k].capitalized) {
    // "HIMARS rocket launchers": a name used as a modifier of a common noun
    // (a product or weapon, rarely an entity). Past tenses are verbs.
    const std::string l = lower(k);
    const bool past_tense = l.size() > 3 && l.compare(l.size() - 2, 2, "ed") == 0;
    static constexpr std::string_view kMembers[] = {
        "politician", "politicians", "lawmaker", "lawmakers", "legislator", "legislators", "candidate",
        "candidates", "activist", "activists", "supporters", "members", "deputies", "councillor",
        "councillors", "councilor", "councilors", "senators", "militants", "fighters", "loyalists"};
    c.before_member_noun = std::find(std::begin(kMembers), std::end(kMembers), l) != std::end(kMembers);
    static constexpr std::string_view kPlatformNouns[] = {"account", "accounts", "page",  "feed",      "handle",
                                                          "post",    "posts",    "video", "livestream", "channel"};
    c.before_platform_noun =
        std::find(std::begin(kPlatformNouns), std::end(kPlatformNouns), l) != std::end(kPlatformNouns);
    c.modifies_noun = lexicon_.is_common_word(l) && !past_tense && !cues::speech_verb_lemma(l) &&
                      !cues::is_verb_filler(l) && !cues::is_phrase_connector(l) &&
                      !cues::is_place_preposition(l);
  }
  if (k < sentence_end && word(k) == ",") {
    // An appositive: ", a Ukrainian military official," / ", a village in".
    std::size_t a = k + 1;
    const std::size_t limit = std::min(sentence_end, a + 9);
    bool determiner = a < limit && (word(a) == "a" || word(a) == "an" || word(a) == "the" ||
                                    word(a) == "its" || word(a) == "his" || word(a) == "her");
    for (; a < limit && word(a) != "," && tokens_[a].kind != TokenKind::OpenQuote; ++a) {
      const std::string l = lower(a);
      if (!determiner && a > k + 1) break;
      if (cues::is_role_noun(l)) c.appositive_person = true;
      if (l == "village" || l == "town" || l == "city" || l == "region" || l == "province" ||
          l == "country" || l == "capital" || l == "port" || l == "district" || l == "suburb" ||
          l == "island" || l == "river" || l == "republic" || l == "enclave" || l == "settlement" ||
          l == "municipality" || l == "state" || l == "county" || l == "area" || l == "hamlet") {
        c.appositive_place = true;
      }
      if (l == "company" || l == "group" || l == "agency" || l == "party" || l == "organization" ||
          l == "organisation" || l == "firm" || l == "ministry" || l == "newspaper" ||
          l == "broadcaster" || l == "bank" || l == "militia" || l == "alliance" || l == "union") {
        c.appositive_organization = true;
      }
    }
    if (k + 1 < sentence_end && is_name_word(k + 1)) {
      const std::size_t next_end = extend_run(k + 1, sentence_end);
      if (const auto place = lexicon_.place(join(k + 1, next_end)); place && place->kind == PlaceKind::Country) {
        c.followed_by_country = true;
      }
    }
    // Skip a closed appositive before looking for the verb.
    std::size_t close = k + 1;
    while (close < sentence_end && close < k + 16 && word(close) != ",") ++close;
    if (close < sentence_end && word(close) == ",") k = close + 1;
  }
  while (k < sentence_end && cues::is_verb_filler(lower(k))) ++k;
  if (k < sentence_end) {
    const std::string l = lower(k);
    c.subject_of_speech = cues::speech_verb_lemma(l).has_value() || l == "according";
    static constexpr std::string_view kOutletVerbs[] = {
        "reported", "reports", "quoted", "quotes", "quoting", "interviewed", "interviews",
        "published", "publishes", "broadcast", "broadcasts", "aired", "airs", "cited", "cites"};
    c.outlet_verb = std::find(std::begin(kOutletVerbs), std::end(kOutletVerbs), l) != std::end(kOutletVerbs);
  }
}

std::vector<NameCandidate> NameFinder::find() const {
  surnames_seen_.clear();
  short_forms_seen_.clear();
  std::vector<NameCandidate> out;
  for (std::uint32_t s = 0; s < sentences_.size(); ++s) find_in_sentence(s, out);
  return out;
}

}  // namespace ng::nlp
