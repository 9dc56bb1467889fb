#include "loaders/records/record_builder.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "common/ascii.hpp"
#include "loaders/input/iri_text.hpp"
#include "loaders/input/iso_date.hpp"
#include "loaders/input/text_cleanup.hpp"

namespace ng::loaders {

namespace {

std::optional<std::string> optional_text(std::string_view raw) {
  std::string text = clean_line(raw);
  if (text.empty()) return std::nullopt;
  return text;
}

// Cleaned, without empty values and repeats, in the given order.
std::vector<std::string> clean_list(const std::vector<std::string>& raw) {
  std::vector<std::string> out;
  for (const auto& value : raw) {
    std::string text = clean_line(value);
    if (!text.empty() && std::find(out.begin(), out.end(), text) == out.end()) out.push_back(std::move(text));
  }
  return out;
}

std::optional<bool> parse_direct(std::string_view raw) {
  const std::string text = ascii_lower(clean_line(raw));
  if (text.empty() || text == "true" || text == "yes" || text == "1") return true;
  if (text == "false" || text == "no" || text == "0") return false;
  return std::nullopt;
}

}  // namespace

Built<EntityRecord> build_entity(const EntityFields& fields, std::string origin) {
  Built<EntityRecord> out;
  EntityRecord record;
  record.origin = std::move(origin);
  record.id = clean_line(fields.id);
  record.name = clean_line(fields.name);
  const std::string type = clean_line(fields.type);
  if (record.id.empty()) {
    out.error = "missing id";
    return out;
  }
  if (record.name.empty()) {
    out.error = fmt::format("entity '{}' has no name", record.id);
    return out;
  }
  const auto parsed = ontology::parse_entity_type(type);
  if (!parsed) {
    out.error = type.empty() ? fmt::format("entity '{}' has no type (Person, Organization or Place)", record.id)
                             : fmt::format("entity '{}' has unknown type '{}' (expected Person, Organization or Place)",
                                           record.id, type);
    return out;
  }
  record.type = *parsed;
  record.aliases = clean_list(fields.aliases);
  std::erase(record.aliases, record.name);
  record.description = optional_text(fields.description);
  record.role = optional_text(fields.role);
  record.affiliation = optional_text(fields.affiliation);
  for (std::string& iri : clean_list(fields.same_as)) {
    if (is_http_iri(iri)) {
      record.same_as.push_back(std::move(iri));
    } else {
      out.warnings.push_back(fmt::format("same_as '{}' is not an absolute http(s) IRI; dropped", iri));
    }
  }
  out.record = std::move(record);
  return out;
}

Built<StatementRecord> build_statement(const StatementFields& fields, std::string origin) {
  Built<StatementRecord> out;
  StatementRecord record;
  record.origin = std::move(origin);
  record.id = clean_line(fields.id);
  record.speaker = clean_line(fields.speaker);
  record.text = clean_line(fields.text);
  if (record.id.empty()) {
    out.error = "missing id";
    return out;
  }
  if (record.speaker.empty()) {
    out.error = fmt::format("statement '{}' has no speaker", record.id);
    return out;
  }
  if (record.text.empty()) {
    out.error = fmt::format("statement '{}' has no text", record.id);
    return out;
  }
  const auto direct = parse_direct(fields.direct);
  if (!direct) {
    out.error = fmt::format("statement '{}': direct must be true/false/yes/no/1/0, not '{}'", record.id,
                            clean_line(fields.direct));
    return out;
  }
  record.direct = *direct;
  record.about = clean_list(fields.about);
  record.verb = optional_text(fields.verb);
  record.source = optional_text(fields.source);
  if (const auto date = optional_text(fields.date)) {
    if (auto iso = normalize_date(*date)) {
      record.date = std::move(iso);
    } else {
      out.warnings.push_back(fmt::format("date '{}' is not a date this reader understands; dropped", *date));
    }
  }
  out.record = std::move(record);
  return out;
}

std::vector<std::string> split_list(std::string_view cell) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= cell.size()) {
    std::size_t end = cell.find('|', start);
    if (end == std::string_view::npos) end = cell.size();
    out.emplace_back(cell.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::optional<std::string> IdRegistry::first_use(const std::string& id, const std::string& origin) {
  const auto [it, inserted] = seen_.try_emplace(id, origin);
  if (inserted) return std::nullopt;
  return it->second;
}

}  // namespace ng::loaders
