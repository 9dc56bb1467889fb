#pragma once
// The answers of `newsgraph path`, `top` and `ego` (graph/network/
// questions.hpp) as text for stdout: sentences and aligned tables for
// people, CSV for programs.

#include <string>
#include <vector>

#include "graph/network/questions.hpp"

namespace ng::cli {

std::string format_paths(const graph::network::PathAnswer& answer);
// CSV has one column per figure (the ranking one first), W3C-style CRLF rows.
std::string format_top(const std::vector<graph::network::TopRow>& rows, graph::network::TopMetric by, bool csv);
std::string format_ego(const graph::network::EgoAnswer& answer);

// "1 statement", "2 statements", "1 entity", "3 entities".
std::string plural(std::size_t count, std::string_view word);
// With an irregular plural: "1 person", "2 people".
std::string plural(std::size_t count, std::string_view word, std::string_view words);

}  // namespace ng::cli
