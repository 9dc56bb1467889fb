#pragma once
// Gold annotations: one JSON file per article (`*.gold.json`), the format of
// tests/data/corpus/gold and docs/evaluation.md. Reading is strict: a file
// that is not valid JSON, an entity of an unknown type, a duplicate id or a
// statement whose speaker or about names an id the file does not define
// throws ParseError with a one-line message naming the file.

#include <array>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace ng::evaluation {

// The three kinds of entity, in the order reports list them.
enum class EntityKind { Person, Organization, Place };
inline constexpr std::array<EntityKind, 3> kEntityKinds = {EntityKind::Person, EntityKind::Organization,
                                                           EntityKind::Place};
// "Person", "Organization", "Place".
std::string_view kind_name(EntityKind kind) noexcept;

struct GoldEntity {
  std::string id;
  EntityKind kind = EntityKind::Person;
  std::string name;             // as written in the file, for reports
  std::set<std::string> names;  // normalize_name of name and aliases, without ""
};

struct GoldStatement {
  std::size_t speaker = 0;           // index into GoldArticle::entities
  std::string text;
  std::vector<std::size_t> about;    // indices into GoldArticle::entities (repeats count twice)
};

struct GoldArticle {
  std::string doc;   // the article's file name ("x.txt"): "doc", else the gold file's stem + ".txt"
  std::string path;  // the gold file, for messages
  std::vector<GoldEntity> entities;
  std::vector<GoldStatement> statements;
};

// Parses one gold file's text; `path` names it in errors and gives the
// default "doc". Throws ParseError.
GoldArticle parse_gold(std::string_view json_text, const std::string& path);

// Every `*.gold.json` file of `directory` (not recursive), sorted by file
// name. Throws IoError when the directory is missing or holds no gold file,
// ParseError for a bad file.
std::vector<GoldArticle> read_gold_directory(const std::filesystem::path& directory);

}  // namespace ng::evaluation
