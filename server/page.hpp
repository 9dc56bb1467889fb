#pragma once
// The page at `/`: type a query, see the table (plain HTML and a few lines
// of script calling /sparql; nothing loaded from elsewhere).

#include <string_view>

namespace ng::server {

std::string_view query_page();

}  // namespace ng::server
