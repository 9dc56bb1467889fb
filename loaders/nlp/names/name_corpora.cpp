#include "loaders/nlp/names/name_corpora.hpp"

#include <algorithm>
#include <fstream>
#include <istream>
#include <map>
#include <optional>

#include "common/error.hpp"

namespace ng::nlp::names {

namespace {

std::vector<std::string_view> split(std::string_view line, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = line.find(separator, start);
    parts.push_back(line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

}  // namespace

std::vector<NameSentence> read_iob2(std::istream& in, std::string_view name) {
  std::vector<NameSentence> out;
  NameSentence current;
  std::vector<Label> labels;
  const auto finish = [&] {
    if (current.words.empty()) return;
    // IOB2 to spans: B opens, I of the same type continues, anything else closes.
    std::optional<LabelSpan> open;
    for (std::uint32_t i = 0; i <= labels.size(); ++i) {
      const Label l = i < labels.size() ? labels[i] : kOutside;
      const bool continues = open && l != kOutside && label_position(l) == Position::Inside &&
                             label_type(l) == open->type;
      if (open && !continues) {
        open->end = i;
        current.names.push_back(*open);
        open.reset();
      }
      if (l != kOutside && !continues) open = LabelSpan{i, i, label_type(l)};
    }
    out.push_back(std::move(current));
    current = {};
    labels.clear();
  };
  std::string line;
  std::size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      finish();
      continue;
    }
    if (line[0] == '#') continue;
    const auto columns = split(line, '\t');
    if (columns.size() < 3) throw ParseError(std::string(name), line_number, 1, "expected id, word and tag");
    current.words.emplace_back(columns[1]);
    const std::string_view tag = columns[2];
    Label label = kOutside;
    if (tag.size() > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-') {
      if (const auto type = parse_type(tag.substr(2))) {
        label = make_label(*type, tag[0] == 'B' ? Position::Begin : Position::Inside);
      }
    } else if (tag != "O") {
      throw ParseError(std::string(name), line_number, 1, "unknown tag " + std::string(tag));
    }
    labels.push_back(label);
  }
  finish();
  return out;
}

std::vector<NameSentence> read_iob2_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw IoError("cannot open " + path);
  return read_iob2(in, path);
}

namespace {

struct Mention {
  std::uint32_t first = 0;
  std::uint32_t end = 0;
  std::string type;
  std::string identity;  // the Wikipedia title GUM links the entity to, if any
};

// The mentions of one sentence from the Entity= fields: "(12-person-..."
// opens, "12)" closes, "(12-person-...)" is one word.
std::vector<Mention> mentions_of(const model::ConlluSentence& sentence) {
  std::vector<Mention> mentions;
  std::map<std::string, std::vector<Mention>> open;  // by id (a stack: ids may nest)
  for (std::uint32_t i = 0; i < sentence.words.size(); ++i) {
    const std::string_view misc = sentence.words[i].misc;
    for (std::string_view field : split(misc, '|')) {
      if (!field.starts_with("Entity=")) continue;
      std::string_view value = field.substr(7);
      std::size_t k = 0;
      while (k < value.size()) {
        if (value[k] == '(') {
          std::size_t e = k + 1;
          while (e < value.size() && value[e] != '(' && value[e] != ')') ++e;
          const auto parts = split(value.substr(k + 1, e - k - 1), '-');
          const std::string id(parts[0]);
          // GRP-etype-infstat-salience-centering-minspan-link-identity
          Mention m{i, i + 1, parts.size() > 1 ? std::string(parts[1]) : std::string(),
                    parts.size() > 7 ? std::string(parts[7]) : std::string()};
          if (e < value.size() && value[e] == ')') {
            mentions.push_back(m);
            ++e;
          } else {
            open[id].push_back(m);
          }
          k = e;
        } else {
          std::size_t e = k;
          while (e < value.size() && value[e] != ')' && value[e] != '(') ++e;
          const std::string id(value.substr(k, e - k));
          if (e < value.size() && value[e] == ')') {
            auto it = open.find(id);
            if (it != open.end() && !it->second.empty()) {
              Mention m = it->second.back();
              it->second.pop_back();
              m.end = i + 1;
              mentions.push_back(m);
            }
            ++e;
          }
          k = e;
        }
      }
    }
  }
  return mentions;
}

bool joins_name(std::string_view form) {
  return form == "of" || form == "the" || form == "and" || form == "de" || form == "'s" || form == "&" ||
         form == "for" || form == "-" || form == "du" || form == "von" || form == "van" || form == "der";
}

}  // namespace

std::vector<NameSentence> gum_names(const std::vector<model::ConlluSentence>& sentences) {
  std::vector<NameSentence> out;
  for (const auto& s : sentences) {
    NameSentence ns;
    for (const auto& w : s.words) ns.words.push_back(w.form);
    std::vector<Mention> mentions = mentions_of(s);
    // Outermost first: longer mentions before the ones inside them.
    std::stable_sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
      return a.end - a.first > b.end - b.first;
    });
    std::vector<std::uint8_t> taken(s.words.size(), 0);
    std::vector<LabelSpan> names;
    for (const Mention& m : mentions) {
      // The head: the word whose head lies outside the mention.
      std::optional<std::uint32_t> head;
      for (std::uint32_t k = m.first; k < m.end && !head; ++k) {
        const std::uint32_t h = s.words[k].head;
        if (h == 0 || h - 1 < m.first || h - 1 >= m.end) head = k;
      }
      if (!head || s.words[*head].upos != "PROPN") continue;
      std::optional<NameType> type;
      if (m.type == "person") type = NameType::Person;
      else if (m.type == "organization") type = NameType::Organization;
      else if (m.type == "place") type = NameType::Place;
      // Groups of people ("White people", "Hispanic" as a census
      // category) are mentions of persons, not names of one.
      if (type == NameType::Person && m.identity.ends_with("_people")) type.reset();
      // The run of proper nouns and capitalised words ("United" of "the
      // United Kingdom" is tagged a verb) around the head, within the mention.
      const auto proper = [&](std::uint32_t k) {
        const auto& w = s.words[k];
        if (w.upos == "PROPN") return true;
        const bool capital = !w.form.empty() && w.form[0] >= 'A' && w.form[0] <= 'Z';
        return capital && w.upos != "DET" && w.upos != "PRON" && w.upos != "PUNCT" && w.upos != "ADP" &&
               w.upos != "CCONJ";
      };
      std::uint32_t first = *head, end = *head + 1;
      while (true) {
        if (first > m.first && proper(first - 1)) { --first; continue; }
        if (first > m.first + 1 && joins_name(s.words[first - 1].form) && proper(first - 2)) { first -= 2; continue; }
        break;
      }
      while (true) {
        if (end < m.end && proper(end)) { ++end; continue; }
        if (end + 1 < m.end && joins_name(s.words[end].form) && proper(end + 1)) { end += 2; continue; }
        break;
      }
      bool free = true;
      for (std::uint32_t k = first; k < end; ++k) free = free && !taken[k];
      // A named mention of another type (an event, a work) is no name, and
      // keeps the names inside it from being read as names too.
      for (std::uint32_t k = first; k < end; ++k) taken[k] = 1;
      if (free && type) names.push_back({first, end, *type});
    }
    std::sort(names.begin(), names.end(), [](const LabelSpan& a, const LabelSpan& b) { return a.first < b.first; });
    ns.names = std::move(names);
    out.push_back(std::move(ns));
  }
  return out;
}

std::vector<NameSentence> read_bracketed(std::istream& in, std::string_view name) {
  std::vector<NameSentence> out;
  std::string line;
  std::size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    NameSentence s;
    std::optional<LabelSpan> open;
    for (std::string_view token : split(line, ' ')) {
      if (token.empty()) continue;
      if (token.size() > 1 && token[0] == '[' && !open) {
        const auto type = parse_type(token.substr(1));
        if (!type) throw ParseError(std::string(name), line_number, 1, "unknown name type " + std::string(token));
        open = LabelSpan{static_cast<std::uint32_t>(s.words.size()), 0, *type};
        continue;
      }
      bool closes = false;
      if (open && token.size() > 1 && token.back() == ']') {
        token.remove_suffix(1);
        closes = true;
      }
      s.words.emplace_back(token);
      if (closes) {
        open->end = static_cast<std::uint32_t>(s.words.size());
        s.names.push_back(*open);
        open.reset();
      }
    }
    if (open) throw ParseError(std::string(name), line_number, 1, "a name is not closed with ]");
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<NameSentence> read_bracketed_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw IoError("cannot open " + path);
  return read_bracketed(in, path);
}

std::string to_bracketed(const NameSentence& sentence) {
  std::string out;
  std::size_t next = 0;
  for (std::uint32_t i = 0; i < sentence.words.size(); ++i) {
    if (!out.empty()) out += ' ';
    if (next < sentence.names.size() && sentence.names[next].first == i) {
      out += '[';
      out += type_name(sentence.names[next].type);
      out += ' ';
    }
    out += sentence.words[i];
    if (next < sentence.names.size() && sentence.names[next].end == i + 1) {
      out += ']';
      ++next;
    }
  }
  return out;
}

}  // namespace ng::nlp::names
