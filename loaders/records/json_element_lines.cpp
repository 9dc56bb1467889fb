#include "loaders/records/json_element_lines.hpp"

namespace ng::loaders {

std::map<std::string, std::vector<std::size_t>, std::less<>> json_element_lines(std::string_view json) {
  std::map<std::string, std::vector<std::size_t>, std::less<>> out;
  struct Container {
    bool array;
    std::string key;           // for a depth-1 array: its member name at the top
    bool expect_value = true;  // arrays: the next token starts an element
  };
  std::vector<Container> stack;
  std::string last_key;  // the last member name read at depth 1
  std::size_t line = 1;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '\n') {
      ++line;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') continue;
    // An element starts here when the innermost container is an array that
    // is the top level ("") or a member of the top-level object.
    if (!stack.empty() && stack.back().array && stack.back().expect_value && c != ']') {
      stack.back().expect_value = false;
      if (stack.size() == 1) out[""].push_back(line);
      else if (stack.size() == 2 && !stack.front().array) out[stack.back().key].push_back(line);
    }
    switch (c) {
      case '"': {
        const std::size_t start = i + 1;
        for (++i; i < json.size() && json[i] != '"'; ++i) {
          if (json[i] == '\\') ++i;
        }
        // A string inside the top-level object followed by ':' is a key.
        if (stack.size() == 1 && !stack.front().array) last_key = std::string(json.substr(start, i - start));
        break;
      }
      case '{':
        stack.push_back({false, {}});
        break;
      case '[':
        stack.push_back({true, stack.size() == 1 ? last_key : std::string{}});
        break;
      case '}':
      case ']':
        if (!stack.empty()) stack.pop_back();
        break;
      case ',':
        if (!stack.empty() && stack.back().array) stack.back().expect_value = true;
        break;
      default:
        break;
    }
  }
  return out;
}

}  // namespace ng::loaders
