#include "lexicons/lexicon.hpp"

#include <array>
#include <charconv>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "lexicons/name_index.hpp"

namespace ng::nlp {
namespace {

using detail::CaseRule;
using detail::NameIndex;

constexpr std::size_t kMaxFields = 6;

// Walks the rows of one TSV table: '#' lines are comments, every other
// line has exactly `columns` tab-separated fields.
class TsvReader {
 public:
  TsvReader(std::string_view table, std::string_view text, std::size_t columns)
      : table_(table), text_(text), columns_(columns) {}

  // Number of data rows, to size the tables before reading.
  std::size_t count_rows() const noexcept {
    std::size_t rows = 0;
    for (std::size_t pos = 0; pos < text_.size();) {
      std::size_t end = text_.find('\n', pos);
      end = end == std::string_view::npos ? text_.size() : end;
      rows += end > pos && text_[pos] != '#';
      pos = end + 1;
    }
    return rows;
  }

  bool next(std::array<std::string_view, kMaxFields>& fields) {
    while (pos_ < text_.size()) {
      std::size_t end = text_.find('\n', pos_);
      if (end == std::string_view::npos) {
        end = text_.size();
      }
      const std::string_view line = text_.substr(pos_, end - pos_);
      pos_ = end + 1;
      ++line_;
      if (line.empty() || line.front() == '#') {
        continue;
      }
      std::size_t count = 0;
      std::size_t start = 0;
      while (true) {
        const std::size_t tab = line.find('\t', start);
        if (count == columns_) {
          fail(start + 1, "more than " + std::to_string(columns_) + " fields");
        }
        fields[count++] = line.substr(start, tab == std::string_view::npos ? tab : tab - start);
        if (tab == std::string_view::npos) {
          break;
        }
        start = tab + 1;
      }
      if (count != columns_) {
        fail(line.size(), "expected " + std::to_string(columns_) + " fields, found " +
                              std::to_string(count));
      }
      if (fields[0].empty()) {
        fail(1, "empty name");
      }
      return true;
    }
    return false;
  }

  [[noreturn]] void fail(std::size_t column, const std::string& message) const {
    throw ParseError("lexicons/data/" + std::string(table_) + ".tsv", line_, column, message);
  }

  std::uint32_t number(std::string_view field) const {
    std::uint32_t value = 0;
    const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value);
    if (error != std::errc() || end != field.data() + field.size()) {
      fail(1, "not a number: '" + std::string(field) + "'");
    }
    return value;
  }

  bool flag(std::string_view field) const {
    if (field != "0" && field != "1") {
      fail(1, "expected 0 or 1, found '" + std::string(field) + "'");
    }
    return field == "1";
  }

 private:
  std::string_view table_;
  std::string_view text_;
  std::size_t columns_;
  std::size_t pos_ = 0;
  std::size_t line_ = 0;
};

struct PlaceRow {
  std::string_view country_code;
  std::string_view canonical;
  std::uint32_t population;
  PlaceKind kind;
  bool ambiguous;
};

PlaceKind parse_place_kind(const TsvReader& reader, std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, PlaceKind>, 11> kKinds{{
      {"Country", PlaceKind::Country},     {"Region", PlaceKind::Region},
      {"City", PlaceKind::City},           {"Continent", PlaceKind::Continent},
      {"River", PlaceKind::River},         {"Sea", PlaceKind::Sea},
      {"Lake", PlaceKind::Lake},           {"Island", PlaceKind::Island},
      {"Mountain", PlaceKind::Mountain},   {"Peninsula", PlaceKind::Peninsula},
      {"Other", PlaceKind::Other},
  }};
  for (const auto& [name, kind] : kKinds) {
    if (name == text) {
      return kind;
    }
  }
  reader.fail(1, "unknown place kind '" + std::string(text) + "'");
}

OrganizationKind parse_organization_kind(const TsvReader& reader, std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, OrganizationKind>, 9> kKinds{{
      {"Generic", OrganizationKind::Generic},
      {"Government", OrganizationKind::Government},
      {"NewsMedia", OrganizationKind::NewsMedia},
      {"Party", OrganizationKind::Party},
      {"Company", OrganizationKind::Company},
      {"International", OrganizationKind::International},
      {"Military", OrganizationKind::Military},
      {"Education", OrganizationKind::Education},
      {"Sports", OrganizationKind::Sports},
  }};
  for (const auto& [name, kind] : kKinds) {
    if (name == text) {
      return kind;
    }
  }
  reader.fail(1, "unknown organisation kind '" + std::string(text) + "'");
}

Gender parse_gender(const TsvReader& reader, std::string_view text) {
  if (text == "F") {
    return Gender::Female;
  }
  if (text == "M") {
    return Gender::Male;
  }
  if (text != "U") {
    reader.fail(1, "unknown gender '" + std::string(text) + "'");
  }
  return Gender::Unknown;
}

}  // namespace

struct Lexicon::Tables {
  NameIndex place_names;
  std::vector<PlaceRow> places;
  NameIndex organization_names;
  std::vector<OrganizationInfo> organizations;
  NameIndex people;
  NameIndex demonyms;
  std::vector<std::string_view> demonym_countries;
  NameIndex adjective_countries;  // keyed by a country's canonical name
  std::vector<std::string_view> adjectives;
  NameIndex given_names;
  std::vector<Gender> genders;
  NameIndex surnames;
  NameIndex words;
  std::vector<std::uint8_t> frequent;
  NameIndex annotated_names;
  std::vector<AnnotatedName> annotated;
};

namespace {

// Reads a table's rows into `index` (first column) and calls `row` with the
// fields of each row, in order.
template <class RowFn>
void read_table(std::string_view table, std::string_view text, std::size_t columns,
                NameIndex& index, RowFn&& row) {
  TsvReader reader(table, text, columns);
  index.reserve(reader.count_rows());
  std::array<std::string_view, kMaxFields> fields{};
  while (reader.next(fields)) {
    index.add(fields[0]);
    row(reader, fields);
  }
  index.build();
}

}  // namespace

Lexicon::Lexicon(const Sources& sources) : tables_(new Tables) {
  Tables& t = *tables_;
  try {
    read_table("places", sources.places, 6, t.place_names, [&](auto& reader, auto& f) {
      t.places.push_back(PlaceRow{f[2], f[4].empty() ? f[0] : f[4], reader.number(f[3]),
                                  parse_place_kind(reader, f[1]), reader.flag(f[5])});
    });
    read_table("organizations", sources.organizations, 3, t.organization_names,
               [&](auto& reader, auto& f) {
                 t.organizations.push_back(
                     OrganizationInfo{parse_organization_kind(reader, f[1]), reader.flag(f[2])});
               });
    read_table("people", sources.people, 1, t.people, [](auto&, auto&) {});
    t.adjective_countries.reserve(512);
    read_table("demonyms", sources.demonyms, 3, t.demonyms, [&](auto& reader, auto& f) {
      t.demonym_countries.push_back(f[1]);
      if (reader.flag(f[2])) {
        t.adjective_countries.add(f[1]);
        t.adjectives.push_back(f[0]);
      }
    });
    t.adjective_countries.build();
    read_table("given_names", sources.given_names, 2, t.given_names, [&](auto& reader, auto& f) {
      t.genders.push_back(parse_gender(reader, f[1]));
    });
    read_table("surnames", sources.surnames, 1, t.surnames, [](auto&, auto&) {});
    read_table("common_words", sources.common_words, 2, t.words, [&](auto& reader, auto& f) {
      t.frequent.push_back(reader.flag(f[1]) ? 1 : 0);
    });
    read_table("annotated_names", sources.annotated_names, 5, t.annotated_names, [&](auto& reader, auto& f) {
      t.annotated.push_back(
          AnnotatedName{reader.number(f[1]), reader.number(f[2]), reader.number(f[3]), reader.number(f[4])});
    });
  } catch (...) {
    delete tables_;
    throw;
  }
}

Lexicon::~Lexicon() { delete tables_; }

std::optional<PlaceInfo> Lexicon::place(std::string_view name) const {
  const auto row = tables_->place_names.find(name, CaseRule::kInitials);
  if (!row) {
    return std::nullopt;
  }
  const PlaceRow& p = tables_->places[*row];
  return PlaceInfo{p.kind, p.country_code, p.population, p.canonical, p.ambiguous};
}

std::optional<OrganizationInfo> Lexicon::organization_info(std::string_view name) const {
  const auto row = tables_->organization_names.find(name, CaseRule::kInitials);
  if (!row) {
    return std::nullopt;
  }
  return tables_->organizations[*row];
}

std::optional<OrganizationKind> Lexicon::organization(std::string_view name) const {
  const auto info = organization_info(name);
  if (!info) {
    return std::nullopt;
  }
  return info->kind;
}

bool Lexicon::is_known_person(std::string_view name) const {
  return tables_->people.find(name, CaseRule::kInitials).has_value();
}

std::optional<std::string_view> Lexicon::demonym_country(std::string_view demonym) const {
  const auto row = tables_->demonyms.find(demonym, CaseRule::kInitials);
  if (!row) {
    return std::nullopt;
  }
  return tables_->demonym_countries[*row];
}

std::optional<std::string_view> Lexicon::country_adjective(std::string_view country) const {
  // Any name of the country works ("Burma", "Myanmar"): go through its
  // canonical name, which is what the demonym table is keyed by.
  const auto info = place(country);
  const std::string_view canonical =
      info && info->kind == PlaceKind::Country ? info->canonical : country;
  const auto row = tables_->adjective_countries.find(canonical, CaseRule::kInitials);
  if (!row) {
    return std::nullopt;
  }
  return tables_->adjectives[*row];
}

std::optional<AnnotatedName> Lexicon::annotated_name(std::string_view name) const {
  const auto row = tables_->annotated_names.find(name, CaseRule::kInitials);
  if (!row) {
    return std::nullopt;
  }
  return tables_->annotated[*row];
}

bool Lexicon::is_given_name(std::string_view word) const {
  return tables_->given_names.find(word, CaseRule::kInitials).has_value();
}

Gender Lexicon::given_name_gender(std::string_view word) const {
  const auto row = tables_->given_names.find(word, CaseRule::kInitials);
  return row ? tables_->genders[*row] : Gender::Unknown;
}

bool Lexicon::is_surname(std::string_view word) const {
  return tables_->surnames.find(word, CaseRule::kInitials).has_value();
}

bool Lexicon::is_common_word(std::string_view lower_word) const {
  return tables_->words.find(lower_word, CaseRule::kInsensitive).has_value();
}

bool Lexicon::is_frequent_word(std::string_view lower_word) const {
  const auto row = tables_->words.find(lower_word, CaseRule::kInsensitive);
  return row && tables_->frequent[*row] != 0;
}

Lexicon::Sizes Lexicon::sizes() const noexcept {
  const Tables& t = *tables_;
  return Sizes{t.places.size(),      t.organizations.size(), t.people.size(),
               t.demonyms.size(),    t.given_names.size(),   t.surnames.size(),
               t.words.size(),       t.annotated.size()};
}

}  // namespace ng::nlp
