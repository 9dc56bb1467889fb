#pragma once
// The container of one trained model: named sections of bytes (its
// metadata, class names, weight table, tag dictionary...), each aligned to
// 16 bytes so that a WeightTable can be used in place. One file per model;
// the files are compiled into the binary (models/) and read once.
//
// Layout (little-endian): "NGMODEL1", u32 section count, u32 0, then per
// section {name[16], u64 offset, u64 size}, then the sections.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ng::nlp::model {

class ModelFileWriter {
 public:
  // Adds a section; names are at most 15 bytes and unique.
  void add(std::string_view name, std::string_view bytes);
  // The file's bytes. Sections appear in the order they were added.
  std::string finish() const;

 private:
  std::vector<std::pair<std::string, std::string>> sections_;
};

class ModelFile {
 public:
  // A view of `bytes`, which must outlive it. `what` names the model in
  // error messages. Throws ng::Error when the bytes are not a model file.
  static ModelFile view(std::string_view bytes, std::string_view what);

  std::optional<std::string_view> find(std::string_view name) const;
  // The section called `name`; throws ng::Error when it is missing.
  std::string_view section(std::string_view name) const;

 private:
  std::string what_;
  std::map<std::string, std::string_view, std::less<>> sections_;
};

// Lines of text, for the small sections (class names, metadata).
std::string join_lines(const std::vector<std::string>& lines);
std::vector<std::string> split_lines(std::string_view text);

}  // namespace ng::nlp::model
