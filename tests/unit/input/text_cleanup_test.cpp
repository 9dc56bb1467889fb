#include <catch2/catch.hpp>

#include "loaders/input/text_cleanup.hpp"

using namespace ng::loaders;

TEST_CASE("a single-line field collapses whitespace and newlines into single spaces", "[news][cleanup]") {
  CHECK(clean_line("  Tamsin \t Pellwick\n\n of  Brindlemoor ") == "Tamsin Pellwick of Brindlemoor");
  CHECK(clean_line("") == "");
  CHECK(clean_line(" \n\t ") == "");
}

TEST_CASE("control characters are removed but curly quotes and letters survive", "[news][cleanup]") {
  CHECK(clean_line("\x01\xe2\x80\x9cHarbour\x7f\xe2\x80\x9d \xc2\x85wall\x1b") ==
        "\xe2\x80\x9cHarbour\xe2\x80\x9d wall");
  CHECK(clean_paragraphs("Kyi\xcc\x88v\tcity\x07") == "Ky\xc3\xafv\tcity");
}

TEST_CASE("text fields are normalised to NFC", "[news][cleanup]") {
  // "e" + COMBINING ACUTE ACCENT becomes U+00E9.
  CHECK(clean_line("Caf\x65\xcc\x81") == "Caf\xc3\xa9");
}

TEST_CASE("each non-empty line is one paragraph and blank runs collapse", "[news][cleanup]") {
  CHECK(clean_paragraphs("First line.   \r\nSecond line.\r\n\r\n\r\n\rThird line.\rFourth line.\n") ==
        "First line.\n\nSecond line.\n\nThird line.\n\nFourth line.");
  CHECK(clean_paragraphs("\n\n  \n") == "");
}

TEST_CASE("sizes are written in megabytes with one decimal when needed", "[news][cleanup]") {
  CHECK(megabytes(std::size_t{8} << 20) == "8");
  CHECK(megabytes((std::size_t{3} << 20) / 2) == "1.5");
  CHECK(oversize_message(std::size_t{9} << 20, std::size_t{8} << 20) ==
        "article is 9 MB, over the size limit of 8 MB");
}
