#include <catch2/catch.hpp>

#include "common/unicode.hpp"

using namespace ng;

TEST_CASE("clean UTF-8 has no problem", "[common][unicode]") {
  CHECK_FALSE(find_utf8_problem("Kyiv, Zürich, 東京, 🙂").has_value());
}

TEST_CASE("an invalid byte is located by line and column", "[common][unicode]") {
  const auto problem = find_utf8_problem("first\nab\xFF" "c");
  REQUIRE(problem);
  CHECK(problem->line == 2);
  CHECK(problem->column == 3);
  CHECK(problem->what == "invalid UTF-8 byte 0xff");
}

TEST_CASE("overlong encodings and surrogates are invalid", "[common][unicode]") {
  CHECK(find_utf8_problem("\xC0\xAF").has_value());          // overlong '/'
  CHECK(find_utf8_problem("\xED\xA0\x80").has_value());      // U+D800
  CHECK(find_utf8_problem("\xF4\x90\x80\x80").has_value());  // above U+10FFFF
  CHECK(find_utf8_problem("\xE2\x82").has_value());          // truncated
}

TEST_CASE("a NUL byte is a problem of its own", "[common][unicode]") {
  const auto problem = find_utf8_problem(std::string("ab\0c", 4));
  REQUIRE(problem);
  CHECK(problem->what == "NUL byte");
}

TEST_CASE("binary data is told from text", "[common][unicode]") {
  CHECK(looks_binary(std::string("\x89PNG\r\n\x1a\n\0\0", 10)));
  CHECK_FALSE(looks_binary("An ordinary line of text.\n"));
}

TEST_CASE("a BOM is stripped once", "[common][unicode]") {
  std::string text = "\xEF\xBB\xBFTitle";
  CHECK(strip_bom(text));
  CHECK(text == "Title");
  CHECK_FALSE(strip_bom(text));
}

TEST_CASE("NFD text becomes NFC, NFC text is unchanged", "[common][unicode]") {
  CHECK(to_nfc("cafe\xCC\x81") == "caf\xC3\xA9");
  CHECK(to_nfc("caf\xC3\xA9") == "caf\xC3\xA9");
  CHECK(to_nfc("plain ascii") == "plain ascii");
}

TEST_CASE("code points are counted, not bytes", "[common][unicode]") {
  CHECK(count_code_points("Zürich") == 6);
  CHECK(count_code_points("🙂a") == 2);
}

TEST_CASE("any script transliterates to lower-case ASCII", "[common][unicode]") {
  CHECK(to_ascii_lower("Zürich") == "zurich");
  CHECK(to_ascii_lower("Київ").find_first_not_of("abcdefghijklmnopqrstuvwxyz'") == std::string::npos);
}

TEST_CASE("case folding compares names", "[common][unicode]") {
  CHECK(case_fold("STRASSE") == case_fold("straße"));
  // ASCII folds to its lower case and nothing else changes.
  CHECK(case_fold("Ostrel PORT-Authority (2026), O'Neil\t!") == "ostrel port-authority (2026), o'neil\t!");
  CHECK(case_fold("Velkin Ä") == "velkin ä");
}
