#pragma once
// What reading the inputs did: counts and one message per skipped item.
// Readers never throw for bad content of one item; they record it here and
// go on, so that one broken file or line never stops a build.

#include <cstddef>
#include <string>
#include <vector>

namespace ng::loaders {

struct InputProblem {
  // Why, where the caller can help: an item over the size limit can be read
  // with a higher limit, a linked directory can be followed (the CLI says how).
  enum class Kind { Content, TooLarge, LinkNotFollowed };
  std::string origin;   // "dir/a.txt", "feed.jsonl:12", "people.csv:4"
  std::string message;  // one line: "invalid UTF-8 byte 0xff at line 3, column 7"
  bool skipped = true;  // the item was left out (false: a warning, item kept)
  Kind kind = Kind::Content;
};

struct InputReport {
  std::size_t files = 0;  // inputs opened and read (also those then skipped for their content)
  std::size_t articles = 0;
  std::size_t entity_records = 0;
  std::size_t statement_records = 0;
  std::vector<InputProblem> problems;

  std::size_t skipped() const;
  // Record a problem without logging it: `newsgraph build` prints every
  // problem once at the end, so readers do not log them too.
  void skip(std::string origin, std::string message, InputProblem::Kind kind = InputProblem::Kind::Content);
  // Whether any item was skipped for its size.
  bool any_too_large() const;
  void warn(std::string origin, std::string message, InputProblem::Kind kind = InputProblem::Kind::Content);
  // Whether any problem is of this kind.
  bool any(InputProblem::Kind kind) const;
};

}  // namespace ng::loaders
