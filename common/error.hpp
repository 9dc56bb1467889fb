#pragma once
// The one exception hierarchy of newsgraph. Exceptions are for failures that
// abort an operation (a file that cannot be read, a malformed query); expected
// outcomes per token or per row are values (std::optional, load reports).

#include <cstddef>
#include <stdexcept>
#include <string>

namespace ng {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A file or stream could not be opened, read or written.
class IoError : public Error {
 public:
  using Error::Error;
};

// Input that does not follow its format. `line` and `column` are 1-based; 0
// means unknown. what() is a complete one-line message naming the file.
class ParseError : public Error {
 public:
  ParseError(std::string file, std::size_t line, std::size_t column, const std::string& message);
  const std::string& file() const noexcept { return file_; }
  std::size_t line() const noexcept { return line_; }
  std::size_t column() const noexcept { return column_; }

 private:
  std::string file_;
  std::size_t line_;
  std::size_t column_;
};

// A SPARQL query that cannot be run (syntax error or unsupported feature).
class QueryError : public Error {
 public:
  using Error::Error;
};

// The RDF store refused an operation or is in a state it cannot be used in.
class StoreError : public Error {
 public:
  using Error::Error;
};

// The user asked for something that does not make sense (maps to exit code 2).
class UsageError : public Error {
 public:
  using Error::Error;
};

}  // namespace ng
