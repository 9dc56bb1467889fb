#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <iostream>
#include <sstream>

#include "tests/unit/news/test_support.hpp"

using namespace ng::loaders;
using namespace ng::loaders::testing;

TEST_CASE("the input format follows the file extension in any case", "[inputs]") {
  CHECK(format_for_path("a/b.txt") == InputFormat::PlainText);
  CHECK(format_for_path("b.TEXT") == InputFormat::PlainText);
  CHECK(format_for_path("notes.md") == InputFormat::PlainText);
  CHECK(format_for_path("page.HTM") == InputFormat::Html);
  CHECK(format_for_path("page.xhtml") == InputFormat::Html);
  CHECK(format_for_path("feed.ndjson") == InputFormat::JsonLines);
  CHECK(format_for_path("feed.jsonl") == InputFormat::JsonLines);
  CHECK(format_for_path("people.csv") == InputFormat::RecordsCsv);
  CHECK(format_for_path("people.json") == InputFormat::RecordsJson);
  CHECK_FALSE(format_for_path("photo.png"));
  CHECK_FALSE(format_for_path("README"));
}

TEST_CASE("directories are walked recursively in sorted order without hidden or unknown files", "[inputs]") {
  TempDir dir;
  dir.write("b.txt", "B");
  dir.write("a/z.jsonl", "{}");
  dir.write("a/c.html", "<p>C</p>");
  dir.write(".hidden/x.txt", "X");
  dir.write(".dot.txt", "X");
  dir.write("photo.png", "X");
  InputReport report;
  const auto inputs = discover_inputs({dir.path().string(), (dir.path() / "b.txt").string()}, report);
  CHECK(report.problems.empty());
  REQUIRE(inputs.size() == 3);
  CHECK(inputs[0].path == (dir.path() / "a/c.html").string());
  CHECK(inputs[0].format == InputFormat::Html);
  CHECK(inputs[1].path == (dir.path() / "a/z.jsonl").string());
  CHECK(inputs[2].path == (dir.path() / "b.txt").string());
}

TEST_CASE("a path that does not exist is one problem naming it", "[inputs]") {
  InputReport report;
  const auto inputs = discover_inputs({"/nonexistent/ng/article.txt", "-"}, report);
  REQUIRE(inputs.size() == 1);
  CHECK(inputs[0].path == "-");
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].origin == "/nonexistent/ng/article.txt");
  CHECK(report.problems[0].message == "cannot read: No such file or directory");
}

TEST_CASE("a file without read permission is one problem naming it", "[inputs]") {
  if (::geteuid() == 0) {
    WARN("running as root, which can read any file: permission check not tested");
    return;
  }
  TempDir dir;
  const std::string path = dir.write("secret.txt", "Title\nBody");
  std::filesystem::permissions(path, std::filesystem::perms::none);
  InputReport report;
  CHECK(discover_inputs({path}, report).empty());
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].message == "cannot read: Permission denied");
}

TEST_CASE("a named file of unknown format is reported, not silently dropped", "[inputs]") {
  TempDir dir;
  const std::string path = dir.write("photo.png", "x");
  InputReport report;
  CHECK(discover_inputs({path}, report).empty());
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].message.rfind("unknown input format", 0) == 0);
}

TEST_CASE("an oversize text article is skipped with the limit in the message", "[inputs][text]") {
  TempDir dir;
  // 1.5 MB against a 1 MB limit: the same code path as 100 MB against 8 MB.
  const std::string path = dir.write("huge.txt", "Title\n" + std::string((std::size_t{3} << 20) / 2 - 6, 'x'));
  const Collected got = read_path(path, ReadOptions{std::size_t{1} << 20, {}});
  CHECK(got.articles.empty());
  REQUIRE(got.report.problems.size() == 1);
  CHECK(got.report.problems[0].origin == path);
  CHECK(got.report.problems[0].message == "article is 1.5 MB, over the size limit of 1 MB");
}

TEST_CASE("an HTML file may carry four times the article limit in markup", "[inputs][html]") {
  TempDir dir;
  const std::string markup = "<script>" + std::string(std::size_t{2} << 20, ' ') + "</script>";
  const std::string path = dir.write("page.html", "<title>T</title>" + markup + "<p>Body.</p>");
  const Collected got = read_path(path, ReadOptions{std::size_t{1} << 20, {}});
  INFO(describe(got.report));
  CHECK(got.articles.size() == 1);
}

namespace {

// Runs read_input on "-" with `text` as standard input.
Collected read_stdin(const std::string& text, const ReadOptions& options = {}) {
  std::istringstream fake(text);
  std::streambuf* saved = std::cin.rdbuf(fake.rdbuf());
  Collected got = read_path("-", options);
  std::cin.rdbuf(saved);
  std::cin.clear();
  return got;
}

}  // namespace

TEST_CASE("standard input is sniffed as HTML, JSON Lines or plain text", "[inputs]") {
  Collected got = read_stdin("  \n<html><title>From a pipe</title><p>Body.</p></html>");
  REQUIRE(got.articles.size() == 1);
  CHECK(got.articles[0].title == "From a pipe");
  CHECK(got.articles[0].url.rfind("stdin:", 0) == 0);
  CHECK(got.articles[0].origin == "-");

  got = read_stdin("\xEF\xBB\xBF{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n");
  REQUIRE(got.articles.size() == 2);
  CHECK(got.articles[1].url.rfind("stdin:", 0) == 0);
  CHECK(got.articles[1].origin == "-:2");

  got = read_stdin("Plain title\nPlain body.\n");
  REQUIRE(got.articles.size() == 1);
  CHECK(got.articles[0].body == "Plain body.");
  CHECK(got.report.files == 1);
}

TEST_CASE("articles from standard input take their identity from their content", "[inputs][stdin]") {
  const Collected first = read_stdin("First title\nA first body.\n");
  const Collected second = read_stdin("Second title\nAnother body.\n");
  const Collected again = read_stdin("First title\nA first body.\n");
  REQUIRE(first.articles.size() == 1);
  REQUIRE(second.articles.size() == 1);
  REQUIRE(again.articles.size() == 1);
  CHECK(first.articles[0].url != second.articles[0].url);
  CHECK(first.articles[0].url == again.articles[0].url);

  // Lines of JSON Lines without a url of their own differ by content too.
  const Collected lines = read_stdin("{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n{\"text\": \"Three.\", \"url\": \"https://example.org/3\"}\n");
  REQUIRE(lines.articles.size() == 3);
  CHECK(lines.articles[0].url != lines.articles[1].url);
  CHECK(lines.articles[2].url == "https://example.org/3");
}

TEST_CASE("a name given for standard input is its identity, whatever its content", "[inputs][stdin]") {
  ReadOptions options;
  options.stdin_name = "evening-brief";
  const Collected first = read_stdin("Title\nThe first version.\n", options);
  const Collected second = read_stdin("Title\nThe corrected version.\n", options);
  REQUIRE(first.articles.size() == 1);
  REQUIRE(second.articles.size() == 1);
  CHECK(first.articles[0].url == "stdin:evening-brief");
  CHECK(second.articles[0].url == first.articles[0].url);
}

TEST_CASE("the store and output directories inside an input directory are never read", "[inputs]") {
  TempDir dir;
  dir.write("a.txt", "A\nBody.");
  dir.write("store/notes.txt", "Inside the store");
  dir.write("store/state.json", "{}");
  dir.write("out/metrics.csv", "id,name");
  InputReport report;
  DiscoverOptions options;
  options.exclude = {(dir.path() / "store").string(), (dir.path() / "out").string()};
  const auto inputs = discover_inputs({dir.path().string()}, report, options);
  INFO(describe(report));
  REQUIRE(inputs.size() == 1);
  CHECK(inputs[0].path == (dir.path() / "a.txt").string());
  CHECK(report.skipped() == 0);

  SECTION("and a file inside them named on the command line is refused with the reason") {
    InputReport named;
    CHECK(discover_inputs({(dir.path() / "store/notes.txt").string()}, named, options).empty());
    REQUIRE(named.problems.size() == 1);
    CHECK(named.problems[0].message.find("store or output directory") != std::string::npos);
  }
  SECTION("also when named by a relative path") {
    InputReport named;
    const auto cwd = std::filesystem::current_path();
    std::filesystem::current_path(dir.path());
    const auto found = discover_inputs({"."}, named, options);
    std::filesystem::current_path(cwd);
    REQUIRE(found.size() == 1);
  }
}

TEST_CASE("a FIFO named like an article is skipped and named, never opened", "[inputs]") {
  TempDir dir;
  dir.write("a.txt", "A\nBody.");
  const std::string fifo = (dir.path() / "pipe.txt").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  InputReport report;
  const auto inputs = discover_inputs({dir.path().string()}, report);
  REQUIRE(inputs.size() == 1);
  CHECK(inputs[0].path == (dir.path() / "a.txt").string());
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].origin == fifo);
  CHECK(report.problems[0].message.find("not a regular file") != std::string::npos);

  SECTION("also when named on the command line") {
    InputReport named;
    CHECK(discover_inputs({fifo}, named).empty());
    REQUIRE(named.problems.size() == 1);
    CHECK(named.problems[0].message.find("not a regular file") != std::string::npos);
  }
  SECTION("and read_input refuses it too, without blocking") {
    const Collected got = read_path(fifo);
    CHECK(got.articles.empty());
    REQUIRE(got.report.problems.size() == 1);
    CHECK(got.report.problems[0].message.find("not a regular file") != std::string::npos);
  }
}

TEST_CASE("a symbolic link to a directory is not followed unless asked, and reported once", "[inputs]") {
  TempDir outside;
  outside.write("elsewhere.txt", "E\nBody.");
  TempDir dir;
  dir.write("a.txt", "A\nBody.");
  std::filesystem::create_directory_symlink(outside.path(), dir.path() / "linked");
  std::filesystem::create_directory_symlink(".", dir.path() / "up");  // a loop
  std::filesystem::create_symlink(dir.path() / "a.txt", dir.path() / "b.txt");  // links to files are read

  InputReport report;
  const auto inputs = discover_inputs({dir.path().string()}, report);
  INFO(describe(report));
  REQUIRE(inputs.size() == 2);
  CHECK(inputs[0].path == (dir.path() / "a.txt").string());
  CHECK(inputs[1].path == (dir.path() / "b.txt").string());
  CHECK(report.skipped() == 0);
  REQUIRE(report.problems.size() == 1);  // one line for both links
  CHECK(report.problems[0].message.find("not followed") != std::string::npos);
  CHECK(report.problems[0].kind == InputProblem::Kind::LinkNotFollowed);

  SECTION("--follow reads the linked directory, and a link back up ends") {
    InputReport followed;
    DiscoverOptions options;
    options.follow_links = true;
    const auto all = discover_inputs({dir.path().string()}, followed, options);
    INFO(describe(followed));
    bool found = false;
    for (const auto& input : all) found = found || input.path == (dir.path() / "linked/elsewhere.txt").string();
    CHECK(found);
    CHECK(followed.skipped() == 0);
  }
  SECTION("a link named on the command line is followed") {
    InputReport named;
    const auto all = discover_inputs({(dir.path() / "linked").string()}, named);
    REQUIRE(all.size() == 1);
    CHECK(named.problems.empty());
  }
}

namespace {

// `text` (ASCII and Latin-1 letters written as \u escapes) in UTF-16, with a byte order mark.
std::string utf16(const std::u16string& text, bool little_endian) {
  std::string out = little_endian ? std::string("\xFF\xFE") : std::string("\xFE\xFF");
  for (char16_t c : text) {
    const char low = static_cast<char>(c & 0xFF), high = static_cast<char>(c >> 8);
    out += little_endian ? std::string{low, high} : std::string{high, low};
  }
  return out;
}

}  // namespace

TEST_CASE("UTF-16 text with a byte order mark is read, not called binary", "[inputs][encoding]") {
  TempDir dir;
  const std::u16string text = u"Ferry resumes\nThe crossing to S\u00F8rvik is safe again, said Ines Carvalho.\n";
  for (const bool little : {true, false}) {
    INFO((little ? "UTF-16LE" : "UTF-16BE"));
    const std::string path = dir.write(little ? "le.txt" : "be.txt", utf16(text, little));
    const Collected got = read_path(path);
    INFO(describe(got.report));
    REQUIRE(got.articles.size() == 1);
    CHECK(got.articles[0].title == "Ferry resumes");
    CHECK(got.articles[0].body == "The crossing to S\u00F8rvik is safe again, said Ines Carvalho.");
    CHECK(got.report.problems.empty());
  }
}

TEST_CASE("an HTML page in Latin-1 or cp1252 is read through the charset it declares", "[inputs][encoding][html]") {
  TempDir dir;
  // "Café" and "déjà" in Latin-1 bytes (0xE9, 0xE0), a right quote in cp1252 (0x92).
  const std::string latin1 = dir.write("latin1.html",
      "<html><head><meta charset=\"iso-8859-1\"><title>Caf\xE9 closes</title></head>"
      "<body><p>The caf\xE9 near the harbour closed, d\xE9j\xE0 vu for the town, said Ilka Brun.</p></body></html>");
  const std::string cp1252 = dir.write("cp1252.htm",
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
      "<title>Port news</title></head><body><p>The port\x92s new quay opened, said Ilka Brun.</p></body></html>");
  const Collected one = read_path(latin1);
  INFO(describe(one.report));
  REQUIRE(one.articles.size() == 1);
  CHECK(one.articles[0].title == "Caf\u00E9 closes");
  CHECK(one.articles[0].body.find("d\u00E9j\u00E0 vu") != std::string::npos);
  const Collected two = read_path(cp1252);
  INFO(describe(two.report));
  REQUIRE(two.articles.size() == 1);
  CHECK(two.articles[0].body.find("port\u2019s new quay") != std::string::npos);
}

TEST_CASE("other text that is not UTF-8 is skipped with the iconv command that converts it", "[inputs][encoding]") {
  TempDir dir;
  const std::string path = dir.write("french.txt",
      "March\xE9 du port\nLe march\xE9 du port rouvrira mercredi, a d\xE9" "clar\xE9 le maire. Les p\xEA" "cheurs "
      "sont d\xE9\xE7us par la d\xE9" "cision du conseil et demandent une r\xE9union \xE0 la mairie.\n");
  const Collected got = read_path(path);
  CHECK(got.articles.empty());
  REQUIRE(got.report.problems.size() == 1);
  const std::string& message = got.report.problems[0].message;
  INFO(message);
  CHECK(message.find("not UTF-8") != std::string::npos);
  CHECK(message.find("convert with iconv -f ISO-8859-1 -t UTF-8") != std::string::npos);
  CHECK(got.report.problems[0].origin == path + ":1:6");

  SECTION("UTF-16 without a byte order mark is named as such, not as binary") {
    std::string bare = utf16(u"Quiet day\nNothing happened in the port of Ostrel today, the police said.\n", true);
    const std::string no_bom = dir.write("bare.txt", bare.substr(2));
    const Collected utf16_got = read_path(no_bom);
    REQUIRE(utf16_got.report.problems.size() == 1);
    INFO(utf16_got.report.problems[0].message);
    CHECK(utf16_got.report.problems[0].message.find("iconv -f UTF-16LE -t UTF-8") != std::string::npos);
  }
}
