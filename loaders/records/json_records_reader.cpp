#include "loaders/records/json_records_reader.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <set>
#include <span>

#include "loaders/input/iri_text.hpp"
#include "loaders/input/json_error.hpp"
#include "loaders/records/json_element_lines.hpp"
#include "loaders/records/record_builder.hpp"

namespace ng::loaders {

namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 9> kEntityKeys{"id", "type", "name", "aliases", "description",
                                                      "role", "affiliation", "same_as", "kind"};
constexpr std::array<std::string_view, 9> kStatementKeys{"id", "speaker", "text", "about", "direct",
                                                         "verb", "date", "source", "kind"};

// Reads typed members, keeping the first type error.
class Members {
 public:
  explicit Members(const json& object) : object_(object) {}

  std::string text(const char* key) {
    const json* value = find(key);
    if (!value) return {};
    if (value->is_string()) return value->get<std::string>();
    // Ids are often numbers in hand-written files; accept integers there.
    if (std::string_view(key) == "id" && value->is_number_integer()) return value->dump();
    fail(fmt::format("\"{}\" must be a string, not {}", key, value->type_name()));
    return {};
  }
  std::vector<std::string> list(const char* key) {
    const json* value = find(key);
    std::vector<std::string> out;
    if (!value) return out;
    if (!value->is_array()) {
      fail(fmt::format("\"{}\" must be an array of strings, not {}", key, value->type_name()));
      return out;
    }
    for (const json& item : *value) {
      if (!item.is_string()) {
        fail(fmt::format("\"{}\" must be an array of strings, but holds {}", key, item.type_name()));
        return {};
      }
      out.push_back(item.get<std::string>());
    }
    return out;
  }
  // "direct": true/false, or the strings the CSV accepts.
  std::string flag(const char* key) {
    const json* value = find(key);
    if (!value) return {};
    if (value->is_boolean()) return value->get<bool>() ? "true" : "false";
    if (value->is_string()) return value->get<std::string>();
    fail(fmt::format("\"{}\" must be true or false, not {}", key, value->type_name()));
    return {};
  }
  const std::string& error() const { return error_; }

 private:
  const json* find(const char* key) const {
    const auto it = object_.find(key);
    return it == object_.end() || it->is_null() ? nullptr : &*it;
  }
  void fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
  }
  const json& object_;
  std::string error_;
};

class JsonRecordsReader {
 public:
  JsonRecordsReader(const std::string& path, InputReport& report) : path_(path), report_(report) {
    set_.file = path;
  }

  std::optional<RecordSet> read(const std::string& text) {
    json document;
    try {
      document = json::parse(text);
    } catch (const json::parse_error& error) {
      report_.skip(locate(text, error.byte), "invalid JSON: " + json_error_message(error) + "; file skipped");
      return std::nullopt;
    }
    const auto lines = json_element_lines(text);
    const auto lines_of = [&](std::string_view key) {
      const auto it = lines.find(key);
      return it == lines.end() ? std::vector<std::size_t>{} : it->second;
    };
    if (document.is_array()) {
      const auto element_lines = lines_of("");
      for (std::size_t i = 0; i < document.size(); ++i) read_tagged(document[i], i, line_at(element_lines, i));
    } else if (document.is_object() && (document.contains("entities") || document.contains("statements"))) {
      for (const auto& [key, value] : document.items()) {
        if (key != "entities" && key != "statements") {
          report_.warn(path_, fmt::format("ignored unknown top-level key \"{}\"", key));
          continue;
        }
        if (!value.is_array()) {
          report_.skip(path_, fmt::format("\"{}\" must be an array, not {}; those records skipped", key, value.type_name()));
          continue;
        }
        const auto element_lines = lines_of(key);
        for (std::size_t i = 0; i < value.size(); ++i) {
          read_object(value[i], key == "entities", fmt::format("{}[{}]", key, i), line_at(element_lines, i));
        }
      }
    } else {
      report_.skip(path_, "expected {\"entities\": [...], \"statements\": [...]} or an array of records; file skipped");
      return std::nullopt;
    }
    return std::move(set_);
  }

 private:
  static std::size_t line_at(const std::vector<std::size_t>& lines, std::size_t i) {
    return i < lines.size() ? lines[i] : 0;
  }

  // "file.json:3:14" for a byte offset (nlohmann counts from 1).
  std::string locate(const std::string& text, std::size_t byte) const {
    const std::size_t end = std::min(byte > 0 ? byte - 1 : 0, text.size());
    const std::size_t line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
    const std::size_t line_start = text.rfind('\n', end > 0 ? end - 1 : 0);
    const std::size_t column = line_start == std::string::npos || end == 0 ? end + 1 : end - line_start;
    return fmt::format("{}:{}:{}", path_, line, column);
  }

  std::string origin(std::size_t line) const { return line ? fmt::format("{}:{}", path_, line) : path_; }

  void read_tagged(const json& value, std::size_t index, std::size_t line) {
    const std::string place = fmt::format("[{}]", index);
    if (!value.is_object()) {
      report_.skip(origin(line), fmt::format("{}: expected an object, found {}", place, value.type_name()));
      return;
    }
    const auto kind = value.find("kind");
    if (kind == value.end() || !kind->is_string() || (*kind != "entity" && *kind != "statement")) {
      report_.skip(origin(line), place + ": \"kind\" must be \"entity\" or \"statement\"");
      return;
    }
    read_object(value, *kind == "entity", place, line);
  }

  void read_object(const json& value, bool entity, const std::string& place, std::size_t line) {
    const std::string where = origin(line);
    if (!value.is_object()) {
      report_.skip(where, fmt::format("{}: expected an object, found {}", place, value.type_name()));
      return;
    }
    warn_unknown_keys(value, entity ? std::span<const std::string_view>(kEntityKeys) : std::span<const std::string_view>(kStatementKeys), where);
    Members members(value);
    if (entity) {
      EntityFields fields{members.text("id"), members.text("type"), members.text("name"), members.text("description"),
                          members.text("role"), members.text("affiliation"), members.list("aliases"),
                          members.list("same_as")};
      if (!members.error().empty()) return report_.skip(where, place + ": " + members.error());
      add(build_entity(fields, where), where, place, set_.entities, report_.entity_records);
    } else {
      StatementFields fields{members.text("id"), members.text("speaker"), members.text("text"), members.flag("direct"),
                             members.text("verb"), members.text("date"), members.text("source"), members.list("about")};
      if (!members.error().empty()) return report_.skip(where, place + ": " + members.error());
      add(build_statement(fields, where), where, place, set_.statements, report_.statement_records);
    }
  }

  // Unknown keys are reported once per file, not once per object.
  void warn_unknown_keys(const json& object, std::span<const std::string_view> known, const std::string& where) {
    for (const auto& [key, value] : object.items()) {
      if (std::find(known.begin(), known.end(), key) != known.end()) continue;
      if (warned_keys_.insert(key).second) report_.warn(where, fmt::format("ignored unknown key \"{}\"", key));
    }
  }

  template <class Record>
  void add(Built<Record>&& built, const std::string& where, const std::string& place, std::vector<Record>& out,
           std::size_t& counter) {
    if (!built.record) {
      report_.skip(where, place + ": " + built.error);
      return;
    }
    Record& record = *built.record;
    for (auto& warning : built.warnings) report_.warn(record.origin, place + ": " + warning);
    if (const auto first = ids_.first_use(record.id, record.origin)) {
      report_.skip(record.origin, fmt::format("{}: duplicate id '{}' (first used at {}); skipped", place, record.id, *first));
      return;
    }
    out.push_back(std::move(record));
    ++counter;
  }

  std::string path_;
  InputReport& report_;
  RecordSet set_;
  IdRegistry ids_;
  std::set<std::string> warned_keys_;
};

}  // namespace

std::optional<RecordSet> read_json_records(const std::string& json, const std::string& path, InputReport& report) {
  JsonRecordsReader reader(display_path(path), report);
  return reader.read(json);
}

}  // namespace ng::loaders
