#pragma once
// What a build keeps of each changed article between its two passes: the
// mapping layers of its extraction (loaders/to_rdf/mapping_layers.hpp) in
// their stored form, a kilobyte or two per article, so that the second pass
// maps the article without extracting it again. Up to a budget of estimated
// bytes, so that a build of any size stays bounded in memory: an article
// past the budget is extracted again in the second pass, as every article
// was before.

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>

namespace ng::pipeline {

class KeptLayers {
 public:
  // `budget`: estimated bytes (BuildOptions::kept_layers_bytes).
  explicit KeptLayers(std::size_t budget) : budget_(budget) {}

  // Keeps `layers` for the article `iri`, replacing what was kept for it
  // (a later article with the same IRI replaces an earlier one). False when
  // they do not fit the budget: nothing is kept for `iri` then.
  bool keep(const std::string& iri, std::string layers);
  // What is kept for `iri`, handed over; nothing when none is.
  std::optional<std::string> take(const std::string& iri);

  std::size_t bytes() const noexcept { return bytes_; }       // estimated, of what is kept now
  std::size_t peak_bytes() const noexcept { return peak_; }   // the most kept at once
  std::size_t kept() const noexcept { return kept_count_; }   // articles kept, in all
  std::size_t over_budget() const noexcept { return over_; }  // articles not kept: past the budget

 private:
  static std::size_t cost(const std::string& iri, const std::string& layers) noexcept;

  std::size_t budget_;
  std::unordered_map<std::string, std::string> layers_;
  std::size_t bytes_ = 0;
  std::size_t peak_ = 0;
  std::size_t kept_count_ = 0;
  std::size_t over_ = 0;
};

}  // namespace ng::pipeline
