#include <catch2/catch.hpp>

#include <filesystem>

#include "loaders/input/iri_text.hpp"

using namespace ng::loaders;

TEST_CASE("a file IRI percent-encodes what IRIs forbid and keeps UTF-8 letters", "[news][iri]") {
  CHECK(file_iri("/data/news feed/#1 50%/Ky\xc3\xafv?.txt") ==
        "file:///data/news%20feed/%231%2050%25/Ky\xc3\xafv%3F.txt");
  CHECK(file_iri("/a/<b>\"c\"|d") == "file:///a/%3Cb%3E%22c%22%7Cd");
}

TEST_CASE("a relative path becomes the file IRI of its absolute path", "[news][iri]") {
  const std::string iri = file_iri("some/dir/../article.txt");
  CHECK(iri.rfind("file:///", 0) == 0);
  CHECK(iri.size() > std::string("file:///some/article.txt").size());
  CHECK(iri.ends_with("/some/article.txt"));
}

TEST_CASE("bytes of a file name that are not UTF-8 are percent-encoded", "[news][iri]") {
  CHECK(file_iri("/x/caf\xe9.txt") == "file:///x/caf%E9.txt");
  CHECK(is_absolute_iri(file_iri("/x/caf\xe9.txt")));
  CHECK(display_path("caf\xe9.txt") == "caf\xef\xbf\xbd.txt");
}

TEST_CASE("absolute IRIs are told from relative and malformed ones", "[news][iri]") {
  CHECK(is_absolute_iri("https://gazette.example/a?b=c#d"));
  CHECK(is_absolute_iri("urn:isbn:0000000000"));
  CHECK(is_absolute_iri("stdin:#line=3"));
  CHECK_FALSE(is_absolute_iri("/news/harbour-vote"));
  CHECK_FALSE(is_absolute_iri("https://gazette.example/a b"));
  CHECK_FALSE(is_absolute_iri("1http://x"));
  CHECK(is_http_iri("HTTPS://example.org/x"));
  CHECK_FALSE(is_http_iri("https:///no-host"));
  CHECK_FALSE(is_http_iri("ftp://example.org/x"));
  CHECK_FALSE(is_http_iri("not-an-iri"));
}
