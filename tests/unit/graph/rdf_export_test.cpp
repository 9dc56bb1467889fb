#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "common/error.hpp"
#include "common/unicode.hpp"
#include "graph/rdf_export.hpp"
#include "graph/rdf_parse.hpp"
#include "graph/store.hpp"
#include "graph_test_support.hpp"

using namespace ng;
using namespace ng::graph;
using namespace ng::graph::test;

namespace {

Term typed(const std::string& lexical, std::string_view datatype) {
  return Term::literal(lexical, std::string(datatype));
}

// Literal and IRI edge cases, each on its own subject.
std::vector<Quad> edge_cases() {
  const std::string xsd(vocab::xsd::kNamespace);
  std::vector<Quad> quads{
      {ex("lit/quotes"), schema("text"), lit("She said \"no\" \\ then\nleft\r\n\tback"), article(1)},
      {ex("lit/scripts"), schema("name"), Term::literal("Київ 東京 القاهرة", "", "uk"), article(1)},
      {ex("lit/emoji"), schema("text"), lit("😀 🏳️‍🌈 e\xCC\x81"), article(1)},
      {ex("lit/swiss"), schema("text"), Term::literal("Grüezi", "", "de-ch"), article(1)},
      {ex("lit/empty"), schema("text"), lit(""), article(1)},
      {ex("lit/int"), schema("position"), typed("42", vocab::xsd::kInteger), article(1)},
      {ex("lit/negative"), schema("position"), typed("-7", vocab::xsd::kInteger), article(1)},
      {ex("lit/not_a_number"), schema("position"), typed("forty-two", vocab::xsd::kInteger), article(1)},
      {ex("lit/double"), schema("value"), typed("1.5E3", vocab::xsd::kDouble), article(1)},
      {ex("lit/decimal"), schema("value"), typed("3.14", xsd + "decimal"), article(1)},
      {ex("lit/boolean"), schema("value"), typed("true", vocab::xsd::kBoolean), article(1)},
      {ex("lit/date"), schema("datePublished"), typed("2024-02-29", vocab::xsd::kDate), article(1)},
      {Term::iri(kEx + "doc/7#char=3,10"), rdf_type(), Term::iri(std::string(vocab::nif::kPhrase)), article(1)},
      {Term::iri(kEx + "doc/7#char=3,10"), Term::iri(std::string(vocab::nif::kAnchorOf)), lit("pier"), article(1)},
      {ex("place/Київ"), schema("name"), lit("Kyiv"), article(1)},
      {ex("odd"), schema("sameAs"), Term::iri("http://schema.org/x.y."), article(1)},
      {ex("person/tamsin_vell"), schema("address"), Term::blank("addr1"), article(1)},
      {Term::blank("addr1"), schema("addressLocality"), lit("Port Elby"), article(1)},
  };
  for (const Quad& q : newsroom()) quads.push_back(q);
  return quads;
}

Store store_of(std::vector<Quad> quads, bool reversed = false) {
  if (reversed) std::reverse(quads.begin(), quads.end());
  Store store({});
  // Added in pieces, as a build adds articles one by one.
  const std::size_t half = quads.size() / 2;
  store.add(std::span<const Quad>(quads).subspan(0, half));
  store.add(std::span<const Quad>(quads).subspan(half));
  return store;
}

std::string exported(const Store& store, RdfFormat format) {
  std::ostringstream out;
  export_rdf(store, format, out);
  return out.str();
}

nlohmann::json canonical(const Term& term) {
  switch (term.kind) {
    case Term::Kind::Iri: return {"I", term.value};
    case Term::Kind::Blank: return {"B"};
    case Term::Kind::Literal: break;
  }
  std::string language = term.language;
  std::transform(language.begin(), language.end(), language.begin(), [](unsigned char c) { return std::tolower(c); });
  return {"L", term.value, language, term.language.empty() ? term.datatype : std::string()};
}

// What an independent parser must read back: each distinct triple once
// (graph "") for triple formats, each distinct quad once for quad formats.
std::multiset<std::string> expected(const std::vector<Quad>& quads, bool with_graphs) {
  std::set<Quad> distinct;
  for (Quad q : quads) {
    if (!with_graphs) q.graph_name.clear();
    distinct.insert(q);
  }
  std::multiset<std::string> lines;
  for (const Quad& q : distinct) {
    lines.insert(nlohmann::json::array({canonical(q.subject), canonical(q.predicate), canonical(q.object),
                                        q.graph_name})
                     .dump());
  }
  return lines;
}

std::multiset<std::string> parsed_by_rdflib(const std::string& path, const std::string& format) {
  const auto result = run_command("/usr/bin/python3 " + std::string(NG_SOURCE_DIR) +
                                  "/tests/unit/graph/rdf_canonical.py " + path + " " + format);
  INFO(result.output);
  REQUIRE(result.status == 0);
  std::multiset<std::string> lines;
  for (const auto& quad : nlohmann::json::parse(result.output)) lines.insert(quad.dump());
  return lines;
}

struct FormatCase {
  RdfFormat format;
  std::string extension;
  std::string rdflib;  // rdflib's format name
  std::string rapper;  // rapper's input syntax
  std::string serdi;   // serdi's input syntax; empty when serdi cannot read it
  bool quads;
};

const std::vector<FormatCase>& formats() {
  static const std::vector<FormatCase> all{
      {RdfFormat::NTriples, "nt", "nt", "ntriples", "ntriples", false},
      {RdfFormat::NQuads, "nq", "nquads", "nquads", "nquads", true},
      {RdfFormat::Turtle, "ttl", "turtle", "turtle", "turtle", false},
      {RdfFormat::TriG, "trig", "trig", "trig", "trig", true},
      {RdfFormat::RdfXml, "rdf", "xml", "rdfxml", "", false},
  };
  return all;
}

std::size_t count_lines(const std::string& text) { return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')); }

}  // namespace

TEST_CASE("every export format reads back the same statements in rdflib", "[graph][export]") {
  if (!has_tool("/usr/bin/python3") ||
      run_command("/usr/bin/python3 -c 'import rdflib'").status != 0) {
    WARN("rdflib (/usr/bin/python3) not available: export round trip not checked");
    return;
  }
  const std::vector<Quad> quads = edge_cases();
  const Store store = store_of(quads);
  TempDir dir;
  for (const FormatCase& f : formats()) {
    INFO(f.extension);
    const std::string path = dir / ("out." + f.extension);
    export_rdf_file(store, f.format, path);
    CHECK(parsed_by_rdflib(path, f.rdflib) == expected(quads, f.quads));
  }
}

TEST_CASE("rapper and serdi parse every export with the expected statement count", "[graph][export]") {
  const std::vector<Quad> quads = edge_cases();
  const Store store = store_of(quads);
  TempDir dir;
  for (const FormatCase& f : formats()) {
    INFO(f.extension);
    const std::string path = dir / ("out." + f.extension);
    export_rdf_file(store, f.format, path);
    const std::size_t count = expected(quads, f.quads).size();
    if (has_tool("rapper")) {
      const auto result = run_command("rapper -q -i " + f.rapper + " -o nquads " + path);
      INFO(result.output);
      CHECK(result.status == 0);
      CHECK(count_lines(result.output) == count);
    } else {
      WARN("rapper not found: " << f.extension << " not checked with raptor");
    }
    if (f.serdi.empty()) continue;
    if (has_tool("serdi")) {
      const auto result = run_command("serdi -i " + f.serdi + " -o nquads " + path);
      INFO(result.output);
      CHECK(result.status == 0);
      CHECK(count_lines(result.output) == count);
    } else {
      WARN("serdi not found: " << f.extension << " not checked with serd");
    }
  }
}

TEST_CASE("export output is the same bytes however the store was filled", "[graph][export]") {
  const std::vector<Quad> quads = edge_cases();
  const Store forward = store_of(quads);
  const Store backward = store_of(quads, true);
  for (const FormatCase& f : formats()) {
    INFO(f.extension);
    const std::string first = exported(forward, f.format);
    CHECK(first == exported(forward, f.format));
    CHECK(first == exported(backward, f.format));
  }
}

TEST_CASE("triple formats write a shared triple once and quad formats once per graph", "[graph][export]") {
  const Store store = store_of(newsroom());
  const std::string nt = exported(store, RdfFormat::NTriples);
  const std::string nq = exported(store, RdfFormat::NQuads);
  CHECK(count_lines(nt) == expected(newsroom(), false).size());
  CHECK(count_lines(nq) == newsroom().size());
  const std::string shared = "<http://example.org/test/person/tamsin_vell> <http://schema.org/name> \"Tamsin Vell\"";
  CHECK(nt.find(shared) != std::string::npos);
  CHECK(nt.find(shared) == nt.rfind(shared));
  CHECK(nq.find(shared + " <" + article(1) + "> .\n") != std::string::npos);
  CHECK(nq.find(shared + " <" + article(2) + "> .\n") != std::string::npos);
  // Sorted lines.
  std::vector<std::string> lines;
  std::istringstream in(nq);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  CHECK(std::is_sorted(lines.begin(), lines.end()));
}

TEST_CASE("N-Triples escapes what it must and keeps UTF-8", "[graph][export]") {
  const Store store = store_of(edge_cases());
  const std::string nt = exported(store, RdfFormat::NTriples);
  CHECK_THAT(nt, Catch::Contains(R"("She said \"no\" \\ then\nleft\r\n\tback")"));
  CHECK_THAT(nt, Catch::Contains("\"Київ 東京 القاهرة\"@uk"));
  CHECK_THAT(nt, Catch::Contains("<http://example.org/test/place/Київ>"));
  CHECK_THAT(nt, Catch::Contains("\"1.5E3\"^^<http://www.w3.org/2001/XMLSchema#double>"));
}

TEST_CASE("Turtle uses prefixed names only where the local part is valid", "[graph][export]") {
  const Store store = store_of(edge_cases());
  std::ostringstream out;
  export_rdf(store, RdfFormat::Turtle, out, {{{"schema", "http://schema.org/"}, {"t", kEx}, {"nif", std::string(vocab::nif::kNamespace)}}});
  const std::string ttl = out.str();
  CHECK_THAT(ttl, Catch::StartsWith("@prefix schema: <http://schema.org/> .\n@prefix t: <" + kEx + "> .\n"));
  CHECK_THAT(ttl, Catch::Contains("schema:name"));
  CHECK_THAT(ttl, Catch::Contains("t:odd"));                           // plain local name
  CHECK_THAT(ttl, Catch::Contains("<http://example.org/test/person/tamsin_vell>"));  // '/' in the local part
  CHECK_THAT(ttl, Catch::Contains("<http://schema.org/x.y.>"));        // would end in '.'
  CHECK_THAT(ttl, Catch::Contains("<http://example.org/test/doc/7#char=3,10>"));
  CHECK_THAT(ttl, Catch::Contains("\ta nif:Phrase ;"));                // rdf:type first, as `a`
  CHECK_THAT(ttl, Catch::Contains(" 42 ") || Catch::Contains("\t42 "));  // a valid integer is written bare
  CHECK_THAT(ttl, Catch::Contains("\"forty-two\"^^xsd:integer"));      // an invalid one stays quoted
  CHECK_THAT(ttl, Catch::Contains("@prefix xsd: <http://www.w3.org/2001/XMLSchema#> ."));
}

TEST_CASE("TriG writes one block per article graph", "[graph][export]") {
  const Store store = store_of(newsroom());
  const std::string trig = exported(store, RdfFormat::TriG);
  CHECK_THAT(trig, Catch::Contains("<" + article(1) + "> {") && Catch::Contains("<" + article(2) + "> {"));
}

TEST_CASE("export_rdf_file replaces the file whole or not at all", "[graph][export]") {
  const Store store = store_of(newsroom());
  TempDir dir;
  const std::string path = dir / "graph.nt";
  write_file(path, "old contents\n");
  export_rdf_file(store, RdfFormat::NTriples, path);
  CHECK(read_file(path) == exported(store, RdfFormat::NTriples));
  CHECK_FALSE(std::filesystem::exists(path + ".tmp"));
  CHECK_THROWS_AS(export_rdf_file(store, RdfFormat::NTriples, dir / "missing/graph.nt"), IoError);
  CHECK_FALSE(std::filesystem::exists(dir / "missing"));
}

TEST_CASE("a persistent store exports the same bytes as an in-memory one", "[graph][export]") {
  TempDir dir;
  {
    Store store({dir / "store", StoreOptions::Mode::ReadWrite, true});
    store.add(edge_cases());
    store.commit();
  }
  const Store persistent({dir / "store", StoreOptions::Mode::ReadOnly, false});
  const Store memory = store_of(edge_cases());
  for (const FormatCase& f : formats()) {
    INFO(f.extension);
    CHECK(exported(persistent, f.format) == exported(memory, f.format));
  }
}

TEST_CASE("RDF/XML newsgraph writes reads back as the same triples, and bad RDF/XML names its line", "[graph][export][rdfxml]") {
  std::vector<Quad> quads;
  for (const Quad& q : newsroom()) quads.push_back(q);
  const Store store = store_of(quads);
  const std::string xml = exported(store, RdfFormat::RdfXml);
  const std::vector<Quad> back = parse_rdf(xml, RdfSyntax::RdfXml, "https://example.org/", "urn:g", "back.rdf");
  std::set<std::tuple<Term, Term, Term>> written, read;
  for (const Quad& q : quads) written.insert({q.subject, q.predicate, q.object});
  for (const Quad& q : back) {
    read.insert({q.subject, q.predicate, q.object});
    CHECK(q.graph_name == "urn:g");
  }
  CHECK(read == written);
  CHECK(syntax_for_path("catalog.rdf") == RdfSyntax::RdfXml);
  CHECK(syntax_for_path("catalog.owl") == RdfSyntax::RdfXml);
  try {
    parse_rdf("<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n<rdf:Description>\n</rdf:RDF>\n",
              RdfSyntax::RdfXml, "https://example.org/", "urn:g", "broken.rdf");
    FAIL("no ParseError");
  } catch (const ParseError& e) {
    CHECK(e.file() == "broken.rdf");
    CHECK(e.line() > 0);
  }
}

TEST_CASE("RDF/XML reads back through parse_rdf: the same statements, literals in NFC", "[graph][export][parse]") {
  const std::vector<Quad> quads = edge_cases();
  const std::string xml = exported(store_of(quads), RdfFormat::RdfXml);
  const std::vector<Quad> read = parse_rdf(xml, RdfSyntax::RdfXml, kEx, "", "<export>");
  std::vector<Quad> wanted = quads;
  for (Quad& q : wanted) {
    if (q.object.is_literal()) q.object.value = to_nfc(q.object.value);  // every reader gives NFC
  }
  CHECK(expected(read, false) == expected(wanted, false));
  CHECK(syntax_for_path("dir/graph.rdf") == RdfSyntax::RdfXml);
  CHECK(syntax_for_path("GRAPH.OWL") == RdfSyntax::RdfXml);
  CHECK(syntax_for_path("graph.NQ") == RdfSyntax::NQuads);
  CHECK(syntax_for_path("graph.jsonl") == RdfSyntax::Turtle);
}

TEST_CASE("bad RDF/XML is a ParseError naming the document, and reads no other file", "[graph][parse]") {
  CHECK_THROWS_AS(parse_rdf("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n<rdf:Description>",
                            RdfSyntax::RdfXml, kEx, "", "feed.rdf"),
                  ParseError);
  // An external entity is not loaded: the name stays empty.
  const std::string xxe =
      "<!DOCTYPE r [<!ENTITY secret SYSTEM \"file:///etc/hostname\">]>\n"
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:s=\"http://schema.org/\">\n"
      "<rdf:Description rdf:about=\"http://example.org/test/a\"><s:name>&secret;</s:name></rdf:Description>\n"
      "</rdf:RDF>\n";
  std::vector<Quad> read;
  try {
    read = parse_rdf(xxe, RdfSyntax::RdfXml, kEx, "", "xxe.rdf");
  } catch (const ParseError&) {
    // Refusing the document is as good as not loading the entity.
  }
  for (const Quad& q : read) CHECK(q.object.value.empty());
}

TEST_CASE("an empty Turtle, N-Triples or N-Quads text holds no statements and no error", "[graph][parse]") {
  for (const RdfSyntax syntax : {RdfSyntax::Turtle, RdfSyntax::NTriples, RdfSyntax::NQuads, RdfSyntax::TriG}) {
    // Several times: reading past the end would show as a garbage error now and then.
    for (int i = 0; i < 20; ++i) CHECK(parse_rdf("", syntax, "https://example.org/", "urn:g", "empty").empty());
  }
}
