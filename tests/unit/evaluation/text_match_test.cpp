#include <catch2/catch.hpp>

#include "evaluation/text_match.hpp"

using namespace ng::evaluation;

using Tokens = std::vector<std::string>;

TEST_CASE("a leading 'the' and a trailing possessive are not part of a name", "[evaluation][names]") {
  CHECK(normalize_name("The Kremlin's") == "kremlin");
  CHECK(normalize_name("the Kremlin’s") == "kremlin");
  CHECK(normalize_name("Kremlin`s") == "kremlin");
  CHECK(normalize_name("Harris'") == "harris");
  CHECK(normalize_name("Russia's ") == "russia");  // white space goes first
  CHECK(normalize_name("  the   Hague ") == "hague");
  CHECK(normalize_name("Lewis") == "lewis");
}

TEST_CASE("'the' is dropped only as a whole first word", "[evaluation][names]") {
  CHECK(normalize_name("The") == "the");
  CHECK(normalize_name("Theresa May") == "theresa may");
  // Punctuation goes before the leading word is looked at.
  CHECK(normalize_name("(The) Times") == "times");
  CHECK(normalize_name("the-hague") == "hague");
}

TEST_CASE("dashes separate words and other punctuation disappears", "[evaluation][names]") {
  CHECK(normalize_name("Jean-Luc Picard") == "jean luc picard");
  CHECK(normalize_name("North–Quay") == "north quay");  // en dash
  CHECK(normalize_name("U.S.") == "us");
  CHECK(normalize_name("O'Brien's") == "obrien");
  CHECK(normalize_name("Velmar Dockers’ Union") == normalize_name("Velmar Dockers' Union"));
  CHECK(normalize_name("'s").empty());
  CHECK(normalize_name("...").empty());
}

TEST_CASE("names compare after NFKC and full case folding", "[evaluation][names]") {
  CHECK(normalize_name("ＶＥＬＭＡＲ") == "velmar");  // fullwidth letters
  CHECK(normalize_name("ﬁnance") == "finance");       // ligature
  CHECK(normalize_name("Straße") == "strasse");
  CHECK(normalize_name("STRASSE") == "strasse");
  CHECK(normalize_name("ǅemal") == "džemal");  // titlecase digraph
  CHECK(normalize_name("Saint-E\u0301loi") == normalize_name("SAINT ÉLOI"));
}

TEST_CASE("white space is what Python calls white space", "[evaluation][names]") {
  CHECK(normalize_name("New\u00A0York") == "new york");
  CHECK(normalize_name("\tNew \n York\r\n") == "new york");
  CHECK(normalize_name("a\x1c" "b") == "a b");  // a file separator counts
  CHECK(normalize_name("a\u200Bb") == "a\u200Bb");  // a zero width space does not
}

TEST_CASE("word tokens are runs of letters, numbers and underscores", "[evaluation][tokens]") {
  CHECK(word_tokens("Hello, world!") == Tokens{"hello", "world"});
  CHECK(word_tokens("don't") == Tokens{"don", "t"});
  CHECK(word_tokens("snake_case 42") == Tokens{"snake_case", "42"});
  CHECK(word_tokens("").empty());
  CHECK(word_tokens(" -- ").empty());
}

TEST_CASE("word tokens see the NFKC case-folded text", "[evaluation][tokens]") {
  CHECK(word_tokens("12½ Ⅻ ﬁne STRASSE Straße") == Tokens{"121", "2", "xii", "fine", "strasse", "strasse"});
  CHECK(word_tokens("nai\u0308ve") == Tokens{"naïve"});  // composes
}

TEST_CASE("a combining mark that does not compose splits a word", "[evaluation][tokens]") {
  CHECK(word_tokens("q\u0301y") == Tokens{"q", "y"});
  CHECK(word_tokens("नमस्ते") == Tokens{"नमस", "त"});  // Devanagari vowel signs are marks
}

TEST_CASE("token F1 counts repeated words as often as both texts have them", "[evaluation][tokens]") {
  CHECK(token_f1({"a", "b"}, {"a", "b"}) == 1.0);
  CHECK(token_f1({"a"}, {"b"}) == 0.0);
  CHECK(token_f1({}, {"a"}) == 0.0);
  CHECK(token_f1({"a"}, {}) == 0.0);
  CHECK(token_f1({"a", "a", "b"}, {"a", "b", "b"}) == Approx(2.0 / 3.0));
  const Tokens gold = word_tokens("the dam talks would not resume before autumn");
  const Tokens said = word_tokens("the dam talks would resume in spring");
  CHECK(token_f1(gold, said) == Approx(2.0 / 3.0));
  CHECK(token_f1(gold, said) == token_f1(said, gold));
}

TEST_CASE("character classes follow Python's str methods and \\w", "[evaluation][tokens]") {
  CHECK(is_word_char(U'_'));
  CHECK_FALSE(is_alnum(U'_'));
  CHECK(is_alnum(U'é'));
  CHECK(is_alnum(U'\u4E09'));  // 三, a Han numeral
  CHECK(is_alnum(U'\u00BD'));  // ½ has a numeric value
  CHECK(is_alnum(U'\u2160'));  // Ⅰ, a letter number
  CHECK_FALSE(is_alnum(U'\u0301'));
  CHECK_FALSE(is_alnum(U'-'));
  CHECK(is_space(U'\u00A0'));
  CHECK(is_space(U'\u001C'));
  CHECK(is_space(U'\u2029'));
  CHECK_FALSE(is_space(U'\u200B'));
}

TEST_CASE("report excerpts are cut at code points, not bytes", "[evaluation][tokens]") {
  CHECK(first_code_points("Zoë Ørsted", 3) == "Zoë");
  CHECK(first_code_points("Zoë", 10) == "Zoë");
  CHECK(first_code_points("", 3).empty());
}
