#pragma once
// The four views of the store as a network: who speaks about whom
// (directed, statements), who is named with whom (undirected, shared
// articles), who holds a role where (directed, memberships), and all three
// at once (undirected).

#include <optional>
#include <string_view>

namespace ng::graph::network {

enum class NetworkView { SpeaksAbout, CoMention, Affiliation, Combined };

// "speaks-about", "co-mention", "affiliation", "combined".
std::string_view view_name(NetworkView view) noexcept;

}  // namespace ng::graph::network
