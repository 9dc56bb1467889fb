#include "evaluation/gold.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "common/error.hpp"
#include "common/unicode.hpp"
#include "evaluation/text_match.hpp"

namespace ng::evaluation {

namespace {

using nlohmann::json;

constexpr std::string_view kGoldSuffix = ".gold.json";

// A string of the file as messages show it: in JSON quotes, so that an id
// with a line break still gives a one-line message.
std::string shown(const std::string& text) { return json(text).dump(); }

// A problem with the file's content (not its JSON syntax): no line to give.
[[noreturn]] void bad(const std::string& path, const std::string& message) { throw ParseError(path, 0, 0, message); }

const json& member(const json& object, const char* key, const std::string& path, const std::string& where) {
  if (!object.is_object()) bad(path, fmt::format("{}: expected a JSON object", where));
  const auto it = object.find(key);
  if (it == object.end()) bad(path, fmt::format("{}: no \"{}\"", where, key));
  return *it;
}

std::string string_member(const json& object, const char* key, const std::string& path, const std::string& where) {
  const json& value = member(object, key, path, where);
  if (!value.is_string()) bad(path, fmt::format("{}: \"{}\" is not a string", where, key));
  return value.get<std::string>();
}

const json& array_member(const json& object, const char* key, const std::string& path, const std::string& where) {
  const json& value = member(object, key, path, where);
  if (!value.is_array()) bad(path, fmt::format("{}: \"{}\" is not a list", where, key));
  return value;
}

std::optional<EntityKind> parse_kind(const std::string& name) {
  for (const EntityKind kind : kEntityKinds) {
    if (kind_name(kind) == name) return kind;
  }
  return std::nullopt;
}

// nlohmann reports a byte offset; the message names line and column.
[[noreturn]] void bad_json(const std::string& path, std::string_view text, const json::parse_error& error) {
  const std::size_t offset = std::min(error.byte == 0 ? 0 : error.byte - 1, text.size());
  const std::string_view before = text.substr(0, offset);
  const std::size_t line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t newline = before.rfind('\n');
  const std::size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
  const std::size_t column = 1 + count_code_points(before.substr(line_start));
  std::string reason = error.what();
  // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ..."
  if (const std::size_t cut = reason.find(": "); cut != std::string::npos) reason.erase(0, cut + 2);
  throw ParseError(path, line, column, "invalid JSON: " + reason);
}

}  // namespace

std::string_view kind_name(EntityKind kind) noexcept {
  switch (kind) {
    case EntityKind::Person: return "Person";
    case EntityKind::Organization: return "Organization";
    case EntityKind::Place: return "Place";
  }
  return "Person";
}

GoldArticle parse_gold(std::string_view json_text, const std::string& path) {
  json data;
  try {
    data = json::parse(json_text);
  } catch (const json::parse_error& error) {
    bad_json(path, json_text, error);
  }
  GoldArticle article;
  article.path = path;
  if (!data.is_object()) bad(path, "expected a JSON object with \"entities\" and \"statements\"");

  std::map<std::string, std::size_t> index_of;
  const json& entities = array_member(data, "entities", path, "file");
  for (std::size_t i = 0; i < entities.size(); ++i) {
    const json& item = entities[i];
    const std::string where = fmt::format("entity {}", i + 1);
    GoldEntity entity;
    entity.id = string_member(item, "id", path, where);
    const std::string type = string_member(item, "type", path, where);
    const auto kind = parse_kind(type);
    if (!kind) {
      bad(path, fmt::format("entity {}: type {} is not Person, Organization or Place", shown(entity.id), shown(type)));
    }
    if (index_of.contains(entity.id)) bad(path, fmt::format("entity {}: duplicate id", shown(entity.id)));
    entity.kind = *kind;
    entity.name = string_member(item, "name", path, where);
    std::vector<std::string> spellings{entity.name};
    if (const auto aliases = item.find("aliases"); aliases != item.end()) {
      if (!aliases->is_array()) bad(path, fmt::format("entity {}: \"aliases\" is not a list", shown(entity.id)));
      for (const json& alias : *aliases) {
        if (!alias.is_string()) bad(path, fmt::format("entity {}: an alias is not a string", shown(entity.id)));
        spellings.push_back(alias.get<std::string>());
      }
    }
    for (const auto& spelling : spellings) {
      if (std::string name = normalize_name(spelling); !name.empty()) entity.names.insert(std::move(name));
    }
    index_of.emplace(entity.id, article.entities.size());
    article.entities.push_back(std::move(entity));
  }

  const auto lookup = [&](const json& id, const std::string& where, const char* role) {
    if (!id.is_string()) bad(path, fmt::format("{}: {} is not an entity id", where, role));
    const auto it = index_of.find(id.get<std::string>());
    if (it == index_of.end()) {
      bad(path, fmt::format("{}: {} {} is not an entity id of this file", where, role, shown(id.get<std::string>())));
    }
    return it->second;
  };
  const json& statements = array_member(data, "statements", path, "file");
  for (std::size_t i = 0; i < statements.size(); ++i) {
    const json& item = statements[i];
    const std::string where = fmt::format("statement {}", i + 1);
    GoldStatement statement;
    statement.speaker = lookup(member(item, "speaker", path, where), where, "speaker");
    statement.text = string_member(item, "text", path, where);
    if (const auto about = item.find("about"); about != item.end()) {
      if (!about->is_array()) bad(path, fmt::format("{}: \"about\" is not a list", where));
      for (const json& id : *about) statement.about.push_back(lookup(id, where, "about"));
    }
    article.statements.push_back(std::move(statement));
  }

  // "doc" may be left out (or empty): the gold file's name tells the article.
  if (const auto doc = data.find("doc"); doc != data.end() && !doc->is_null()) {
    if (!doc->is_string()) bad(path, "\"doc\" is not a string");
    article.doc = doc->get<std::string>();
  }
  if (article.doc.empty()) {
    std::string stem = std::filesystem::path(path).filename().string();
    if (stem.ends_with(kGoldSuffix)) stem.resize(stem.size() - kGoldSuffix.size());
    article.doc = stem + ".txt";
  }
  return article;
}

std::vector<GoldArticle> read_gold_directory(const std::filesystem::path& directory) {
  std::error_code error;
  if (!std::filesystem::is_directory(directory, error)) {
    throw IoError(fmt::format("gold directory not found: {}", directory.string()));
  }
  std::vector<std::filesystem::path> files;
  for (std::filesystem::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
    if (it->path().filename().string().ends_with(kGoldSuffix)) files.push_back(it->path());
  }
  if (error) throw IoError(fmt::format("{}: cannot list the gold directory: {}", directory.string(), error.message()));
  if (files.empty()) throw IoError(fmt::format("no *.gold.json files in {}", directory.string()));
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
    return a.filename().string() < b.filename().string();
  });
  std::vector<GoldArticle> articles;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in.is_open()) throw IoError(fmt::format("{}: cannot read the gold file", file.string()));
    std::ostringstream text;
    text << in.rdbuf();
    articles.push_back(parse_gold(text.str(), file.string()));
  }
  return articles;
}

}  // namespace ng::evaluation
