#pragma once
// Line numbers of the objects in a records JSON file, for messages: nlohmann
// parses into values that no longer know where they were. A light scan of
// the text (strings and nesting only) finds where each element of the
// top-level array, or of the top-level object's arrays, starts.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ng::loaders {

// Keyed by member name ("entities", "statements") for a top-level object, or
// "" for a top-level array: the 1-based line of each element, in order.
// Valid JSON is assumed (the text was parsed first); iterative, linear.
std::map<std::string, std::vector<std::size_t>, std::less<>> json_element_lines(std::string_view json);

}  // namespace ng::loaders
