#include <catch2/catch.hpp>

#include <string>

#include "pipeline/kept_layers.hpp"

using ng::pipeline::KeptLayers;

TEST_CASE("kept layers stay within their budget", "[pipeline][layers]") {
  KeptLayers kept(1000);
  CHECK(kept.keep("https://news.example/a", std::string(300, 'a')));
  CHECK(kept.keep("https://news.example/b", std::string(300, 'b')));
  CHECK(kept.bytes() <= 1000);
  // A third does not fit: not kept, and counted.
  CHECK_FALSE(kept.keep("https://news.example/c", std::string(300, 'c')));
  CHECK(kept.over_budget() == 1);
  CHECK_FALSE(kept.take("https://news.example/c"));

  SECTION("what is taken is handed over once and frees its bytes") {
    const auto before = kept.bytes();
    CHECK(kept.take("https://news.example/a") == std::string(300, 'a'));
    CHECK_FALSE(kept.take("https://news.example/a"));
    CHECK(kept.bytes() < before);
    CHECK(kept.keep("https://news.example/c", std::string(300, 'c')));
  }
  SECTION("a later article with the same IRI replaces the earlier one") {
    CHECK(kept.keep("https://news.example/a", std::string(10, 'z')));
    CHECK(kept.take("https://news.example/a") == std::string(10, 'z'));
  }
  SECTION("one that does not fit drops what was kept for the same IRI") {
    CHECK_FALSE(kept.keep("https://news.example/a", std::string(2000, 'z')));
    CHECK_FALSE(kept.take("https://news.example/a"));
  }
  CHECK(kept.peak_bytes() <= 1000);
}
