// Attribution over the dependency parse (loaders/nlp/attribution/): one
// phenomenon per test, on sentences written for them.
#include <catch2/catch.hpp>

#include "nlp_test_support.hpp"

using namespace ng::nlp;
using namespace ng::nlp::test;

namespace {

int statements_of(const Document& a, std::string_view speaker) {
  int n = 0;
  for (const auto& s : a.statements) n += a.entities[s.speaker].name == speaker;
  return n;
}

}  // namespace

TEST_CASE("the subject of a speech verb speaks across an adverb the patterns do not know", "[nlp][attribution]") {
  const auto a = run("Pavel Sorokin nevertheless said he expected the dam to hold through the spring.");
  CHECK(said(a, "Pavel Sorokin", "he expected the dam to hold"));
}

TEST_CASE("coordinated speakers give one statement each", "[nlp][attribution]") {
  const auto a = run("Both Norway and Denmark have warned Sweden against such a tariff.");
  CHECK(said(a, "Norway", "Sweden against such a tariff"));
  CHECK(said(a, "Denmark", "Sweden against such a tariff"));
}

TEST_CASE("a disputed object is what is said", "[nlp][attribution]") {
  const auto a = run("Maria Ostrova strongly disputes these figures.");
  CHECK(said(a, "Maria Ostrova", "these figures"));
}

TEST_CASE("described as gives the object and its predicate", "[nlp][attribution]") {
  const auto a = run("Maria Ostrova described the verdict as a historic victory for the tenants.");
  CHECK(said(a, "Maria Ostrova", "the verdict as a historic victory"));
}

TEST_CASE("called with an object and a quoted predicate is a statement", "[nlp][attribution]") {
  const auto a = run("Pavel Sorokin called the harbour plan \u201Creckless\u201D.");
  CHECK(said(a, "Pavel Sorokin", "the harbour plan reckless"));
}

TEST_CASE("a statement which read speaks for whoever posted it", "[nlp][attribution]") {
  const auto a = run(
      "The Harbour Union posted a statement which read, \u201CWe stand with the families of the dockers.\u201D");
  CHECK(speaker_of(a, "We stand with the families") == "Harbour Union");
}

TEST_CASE("issued a statement saying speaks for the issuer", "[nlp][attribution]") {
  const auto a = run("The Harbour Union issued a statement saying the strike at the docks would go on.");
  const Statement* s = statement(a, "would go on");
  REQUIRE(s != nullptr);
  CHECK(a.entities[s->speaker].name == "Harbour Union");
}

TEST_CASE("a participle that says how something was done is a deed, not a statement", "[nlp][attribution]") {
  const auto a = run("Pavel Sorokin reacted to the flood by announcing the closure of the river port.");
  CHECK(statement(a, "closure of the river port") == nullptr);
}

TEST_CASE("continued with a colon introduces the speaker's quotation", "[nlp][attribution]") {
  const auto a = run(
      "Maria Ostrova spoke at the harbour on Monday.\n"
      "She continued: \u201CWe will not leave the docks until the wages are paid.\u201D");
  CHECK(speaker_of(a, "We will not leave the docks") == "Maria Ostrova");
}

TEST_CASE("an interview answer after the interviewee's name and a colon is a direct statement",
          "[nlp][attribution]") {
  const auto a = run(
      "Maria Ostrova runs the tenants' forum in Tarsk.\n"
      "Reporter: What do you want from the council?\n"
      "Maria Ostrova: Fair rents and repairs. Nothing more than the law already promises.");
  const Statement* s = statement(a, "Fair rents and repairs");
  REQUIRE(s != nullptr);
  CHECK(a.entities[s->speaker].name == "Maria Ostrova");
  CHECK(s->kind == StatementKind::Direct);
  CHECK(s->text.find("Nothing more than the law") != std::string::npos);
}

TEST_CASE("officials of a country are unnamed speakers, not the country", "[nlp][attribution]") {
  const auto a = run("Pavel Sorokin visited Norway in May. Norwegian officials denied having used the funds.");
  CHECK(statements_of(a, "Norway") == 0);
}

TEST_CASE("a quotation of an unnamed speaker is not credited to the last named speaker", "[nlp][attribution]") {
  const auto a = run(
      "\u201CThe pumps will run all night,\u201D Pavel Sorokin said.\n"
      "\u201CWe were never told the water would rise this fast,\u201D a union official said.");
  CHECK(speaker_of(a, "The pumps will run") == "Pavel Sorokin");
  CHECK(statement(a, "never told the water") == nullptr);
}

TEST_CASE("a quotation introduced by an unnamed speaker is nobody's statement", "[nlp][attribution]") {
  const auto a = run(
      "Pavel Sorokin said the pumps would run all night.\n"
      "A firefighter told reporters: \u201CWe were never told the water would rise this fast.\u201D");
  CHECK(statement(a, "never told the water") == nullptr);
}

TEST_CASE("according to skips adjectives before the speaker's role", "[nlp][attribution]") {
  const auto a = run("According to local political analyst Ida Holm, the council is running out of money.");
  CHECK(said(a, "Ida Holm", "the council is running out of money"));
}

TEST_CASE("quoted as saying gives the quoted person and the outlet one statement each", "[nlp][attribution]") {
  const auto a = run(
      "Ruth Vey, head of the Tenant Council, is quoted by the Harbour Ledger as saying, "
      "\u201CNobody asked the families.\u201D");
  CHECK(speaker_of(a, "Nobody asked the families") == "Ruth Vey");
}

TEST_CASE("coordinated speech verbs of one speaker are one statement", "[nlp][attribution]") {
  const auto a = run("Maria Ostrova called the rent rise unfair and warned that families would leave the town.");
  const Statement* s = statement(a, "the rent rise unfair");
  REQUIRE(s != nullptr);
  CHECK(s->text.find("families would leave the town") != std::string::npos);
  CHECK(statements_of(a, "Maria Ostrova") == 1);
}

TEST_CASE("a reporting clause after a deed is not what the deed's verb said", "[nlp][attribution]") {
  const auto a = run("Kestrel Airways has ordered forty jets from the maker Aerion, the airline said on Monday.");
  CHECK(statement(a, "the airline said") == nullptr);
}

TEST_CASE("a colon after the object introduces the speaker's quotation", "[nlp][attribution]") {
  const auto a = run("Pavel Sorokin also welcomed the vote: \u201CThis is a fair day for the harbour towns.\u201D");
  CHECK(speaker_of(a, "This is a fair day") == "Pavel Sorokin");
}

TEST_CASE("a demonym before government makes a statement about the named country", "[nlp][attribution][about]") {
  const auto a = run(
      "Norway closed its border on Monday. Pavel Sorokin said the Norwegian government had acted too late.");
  CHECK(about(a, "had acted too late", "Norway"));
}

TEST_CASE("our country is the speaker's country", "[nlp][attribution][about]") {
  const auto a = run(
      "Estonia held its election on Sunday. Maria Ostrova said the vote would change our country for good.");
  CHECK(about(a, "would change our country", "Estonia"));
}

TEST_CASE("the ministry is the ministry named before", "[nlp][attribution][about]") {
  const auto a = run(
      "The Ministry of Fisheries set the quotas in May. "
      "Pavel Sorokin said the ministry had ignored the harbour towns.");
  CHECK(about(a, "had ignored the harbour towns", "Ministry of Fisheries"));
}

TEST_CASE("demonym forces alone do not make a statement about the country", "[nlp][attribution][about]") {
  const auto a = run("Norway closed its border. Pavel Sorokin said Norwegian forces were moving north.");
  CHECK_FALSE(about(a, "were moving north", "Norway"));
}

TEST_CASE("where and when something was said is no content", "[nlp][attribution]") {
  const auto a = run(
      "\u201CThe pumps will hold,\u201D Pavel Sorokin said.\n"
      "Maria Ostrova reports from the harbour office in Tarsk.");
  CHECK(statement(a, "from the harbour office") == nullptr);
}

TEST_CASE("a speech verb with a plain object that is no speech is a deed", "[nlp][attribution]") {
  const auto a = run("Maria Ostrova wrote songs for the harbour choir since the age of twelve.");
  CHECK(statement(a, "songs for the harbour choir") == nullptr);
}

TEST_CASE("a quotation after someone else's reporting verb does not go on with the last speaker",
          "[nlp][attribution]") {
  const auto a = run(
      "Pavel Sorokin said the crew had left the ship on Monday. "
      "A man who said he was a spokesman for the crew commented on the incident.\n"
      "\u201CWe tried to reach the quay but the ship turned away and nobody helped us.\u201D");
  CHECK(statement(a, "We tried to reach the quay") == nullptr);
}

TEST_CASE("as quoted by gives the outlet the quotation too, and is no content", "[nlp][attribution]") {
  const auto a = run(
      "\u201CWe will keep the pumps running until the river falls,\u201D Pavel Sorokin said in an interview "
      "with Radio Tarsk, as quoted by the Harbour Ledger.");
  CHECK(speaker_of(a, "keep the pumps running") == "Pavel Sorokin");
  CHECK(said(a, "Harbour Ledger", "We will keep the pumps running"));
  CHECK(statement(a, "as quoted by") == nullptr);
}

TEST_CASE("a called-for content stops before a coordinated clause with its own subject", "[nlp][attribution]") {
  const auto a = run(
      "On Tuesday, Maria Ostrova called for a general strike and her supporters have been protesting outside the "
      "port.");
  const Statement* s = statement(a, "general strike");
  REQUIRE(s != nullptr);
  CHECK(s->text.find("supporters") == std::string::npos);
}

TEST_CASE("a verb of thinking is no reporting verb, but a reporting verb over it is", "[nlp][attribution]") {
  const auto a = run(
      "Pavel Sorokin gave evidence in Tarsk on Monday.\n"
      "Sorokin retorted that he believes the hearing breaches his rights: "
      "\u201CThis is not a fair hearing for anyone.\u201D");
  CHECK(said(a, "Pavel Sorokin", "he believes the hearing breaches his rights"));
  CHECK(said(a, "Pavel Sorokin", "This is not a fair hearing"));
}

TEST_CASE("thinking alone is no statement", "[nlp][attribution]") {
  const auto a = run("Pavel Sorokin believes the hearing breaches his rights.");
  CHECK(a.statements.empty());
}

TEST_CASE("a reporting clause after a comma at the end of the sentence reports what comes before it",
          "[nlp][attribution]") {
  const auto a = run("Maria Ostrova was found safe in the harbour on Monday, her lawyer Pavel Sorokin confirmed.");
  CHECK(said(a, "Pavel Sorokin", "Maria Ostrova was found safe"));
}

TEST_CASE("the nation in a president's words is the article's country", "[nlp][attribution][about]") {
  const auto a = run(
      "Estonia elected a new parliament on Sunday. "
      "President Maria Ostrova said the nation needs to work together after the vote.");
  CHECK(about(a, "the nation needs to work together", "Estonia"));
}

TEST_CASE("each name listed after including in the subject speaks", "[nlp][attribution]") {
  const auto a = run(
      "Members of the Tarsk Assembly including Anna Berg, Pavel Sorokin and Maria Ostrova expressed their "
      "dissatisfaction with the closure of the harbour.");
  CHECK(said(a, "Anna Berg", "their dissatisfaction with the closure of the harbour"));
  CHECK(said(a, "Pavel Sorokin", "their dissatisfaction with the closure of the harbour"));
  CHECK(said(a, "Maria Ostrova", "their dissatisfaction with the closure of the harbour"));
  CHECK(statements_of(a, "Tarsk Assembly") == 0);
}

TEST_CASE("an expressed attitude is said with what it is about", "[nlp][attribution]") {
  const auto a = run("Pavel Sorokin voiced concern over the cuts to the ferry service.");
  CHECK(said(a, "Pavel Sorokin", "concern over the cuts to the ferry service"));
}

TEST_CASE("a semicolon ends what a reporting clause reports", "[nlp][attribution]") {
  const auto a = run(
      "Maria Ostrova was found safe in the harbour on Monday, her lawyer Pavel Sorokin confirmed; "
      "reports suggested she had been ill for weeks.");
  CHECK(statement(a, "reports suggested") == nullptr);
  CHECK(said(a, "Pavel Sorokin", "Maria Ostrova was found safe"));
}

TEST_CASE("the subject of a passive reporting verb is not who spoke", "[nlp][attribution]") {
  const auto a = run(
      "The Harbour Union met in Tarsk on Monday. "
      "It is reported that the drones were built in Norvex.");
  CHECK(statement(a, "the drones were built") == nullptr);
}

TEST_CASE("what is said in a relative clause ends with the clause", "[nlp][attribution]") {
  const auto a = run("Omar Sadiq, who said he was a spokesman for the crew, commented on the seizure.");
  const Statement* s = statement(a, "he was a spokesman for the crew");
  REQUIRE(s != nullptr);
  CHECK(s->text.find("commented") == std::string::npos);
}

TEST_CASE("claimed with an infinitive is a claim", "[nlp][attribution]") {
  const auto a = run("Omar Sadiq claimed to have spoken with the crew by radio.");
  CHECK(said(a, "Omar Sadiq", "to have spoken with the crew by radio"));
}

TEST_CASE("an unnamed spokesman of an organisation is not the organisation", "[nlp][attribution]") {
  const auto a = run("A spokesman for the Harbour Union described the strike as \u201Cpure necessity.\u201D");
  CHECK(statements_of(a, "Harbour Union") == 0);
}

TEST_CASE("a quoted object and a second speech verb are two statements", "[nlp][attribution]") {
  const auto a = run(
      "Lord Heywood criticised \u201Cthe council's complete refusal of any talks\u201D and said the plan "
      "\u201Cis built on sand.\u201D");
  const Statement* first = statement(a, "the council's complete refusal");
  REQUIRE(first != nullptr);
  CHECK(first->text.find("built on sand") == std::string::npos);
  CHECK(statement(a, "is built on sand") != nullptr);
}

TEST_CASE("a court that ruled that speaks", "[nlp][attribution]") {
  const auto a = run("The Tarsk Supreme Court ruled on Monday that the harbour fees were unlawful.");
  CHECK(said(a, "Tarsk Supreme Court", "the harbour fees were unlawful"));
}

TEST_CASE("a study speaks for whoever made it", "[nlp][attribution]") {
  const auto a = run("The Norvex Institute study suggests that rents in the city rose by a third.");
  CHECK(speaker_of(a, "rents in the city rose by a third") == "Norvex Institute");
}

TEST_CASE("those members after a statement of several named speakers are the same speakers", "[nlp][attribution]") {
  const auto a = run(
      "Members of the Tarsk Assembly including Anna Berg, Pavel Sorokin and Maria Ostrova expressed their "
      "dissatisfaction with the closure of the harbour. Those assembly members also asked for an exemption "
      "of taxes for harbour workers.");
  CHECK(said(a, "Anna Berg", "an exemption of taxes"));
  CHECK(said(a, "Pavel Sorokin", "an exemption of taxes"));
  CHECK(said(a, "Maria Ostrova", "an exemption of taxes"));
}

TEST_CASE("they after a statement of several named speakers is the group, not an organisation",
          "[nlp][attribution]") {
  const auto a = run(
      "Members of the Tarsk Assembly including Anna Berg, Pavel Sorokin and Maria Ostrova expressed their "
      "dissatisfaction with the closure of the harbour.\n"
      "They said the ferry must run again.");
  CHECK(said(a, "Anna Berg", "the ferry must run again"));
  CHECK(said(a, "Maria Ostrova", "the ferry must run again"));
  CHECK(statements_of(a, "Tarsk Assembly") == 0);
}

TEST_CASE("a quotation said by one of a group, then named, is the named person's", "[nlp][attribution]") {
  const auto a = run(
      "\u201CWe see no reason to reopen the harbour case,\u201D said one of the judges, Lord Justice Omar Sadiq.");
  CHECK(speaker_of(a, "We see no reason to reopen") == "Omar Sadiq");
}

TEST_CASE("a spokesman for a named person is an unnamed source", "[nlp][attribution]") {
  const auto a = run(
      "A spokesman for Harbour Committee Chairman Pavel Sorokin, a critic of the ferry plan, said he "
      "does not intend to block the vote.");
  CHECK(statements_of(a, "Pavel Sorokin") == 0);
}

TEST_CASE("legal text quoted from a constitution has no speaker", "[nlp][attribution]") {
  const auto a = run(
      "The trial was criticised abroad. The Constitution of Tarsk states in Article 12 "
      "\u201C[e]very tenant shall have the right to a fair hearing.\u201D");
  CHECK(statement(a, "shall have the right") == nullptr);
}

TEST_CASE("a quotation after a colon is apart from the reported claim before it", "[nlp][attribution]") {
  const auto a = run(
      "Maria Ostrova argued against the claim that the old harbour rules were enough: "
      "\u201CI ask the council to look at the docks themselves.\u201D");
  const Statement* s = statement(a, "the old harbour rules were enough");
  REQUIRE(s != nullptr);
  CHECK(s->text.find("look at the docks") == std::string::npos);
  CHECK(speaker_of(a, "I ask the council") == "Maria Ostrova");
}

TEST_CASE("a participle with its agent is no reporting clause", "[nlp][attribution]") {
  const auto a = run(
      "The loan is part of a larger package for Tarsk and other Baltic states announced by "
      "Finance Minister Ida Holm last August.");
  CHECK(a.statements.empty());
}

TEST_CASE("a quotation and a reported clause joined by and are two statements", "[nlp][attribution]") {
  const auto a = run(
      "Omar Sadiq said \u201Cthe council is not listening to the harbour\u201D and the tenants were more "
      "divided on the fees than the councillors were.");
  const Statement* quoted = statement(a, "the council is not listening");
  REQUIRE(quoted != nullptr);
  CHECK(quoted->text.find("tenants") == std::string::npos);
  CHECK(said(a, "Omar Sadiq", "the tenants were more divided"));
}

TEST_CASE("a quotation and a deed joined by and are one statement", "[nlp][attribution]") {
  const auto a = run("Omar Sadiq said \u201Cthe council is not listening to the harbour\u201D and left the room.");
  CHECK_FALSE(said(a, "Omar Sadiq", "left the room"));
}

TEST_CASE("a verb that reports only in some frames reports the quotation before its named subject",
          "[nlp][attribution]") {
  const auto a = run(
      "The family says the ruling is unfair. "
      "\u201CNone of us have ever tried to leave the country\u201D, Maria Ostrova sighs, pointing to the harbour.");
  CHECK(speaker_of(a, "None of us have ever tried") == "Maria Ostrova");
  CHECK(statement(a, "pointing to the harbour") == nullptr);
}

TEST_CASE("a concessive clause after a tail reporting clause is not what was said", "[nlp][attribution]") {
  const auto a = run(
      "\u201CWe could not help but hope,\u201D his sister Maria Ostrova remarked, though Omar Sadiq himself "
      "remained calm and told the family to wait.");
  CHECK(speaker_of(a, "We could not help but hope") == "Maria Ostrova");
  CHECK_FALSE(said(a, "Maria Ostrova", "though"));
}

TEST_CASE("a time phrase before a colon and a quotation leaves the quotation as what was said",
          "[nlp][attribution]") {
  const auto a = run(
      "Pavel Sorokin said late on Tuesday: \u201COur crews are ready to talk about the new fees.\u201D");
  const Statement* s = statement(a, "Our crews are ready");
  REQUIRE(s != nullptr);
  CHECK(a.entities[s->speaker].name == "Pavel Sorokin");
  CHECK(s->text.find("Tuesday") == std::string::npos);
}

TEST_CASE("spoke of gives what was spoken of", "[nlp][attribution]") {
  const auto a = run("Last year, Maria Ostrova revealed she had been ill. She also spoke of suffering from depression.");
  CHECK(said(a, "Maria Ostrova", "suffering from depression"));
}

TEST_CASE("went on to say shares the subject and reports the quotation", "[nlp][attribution]") {
  const auto a = run(
      "The Tarsk Gazette goes on to say these rules are, \u201Cmeant to protect the tenants and they will be "
      "enforced with fines.\u201D");
  CHECK(speaker_of(a, "meant to protect the tenants") == "Tarsk Gazette");
}

TEST_CASE("a name after a subordinating after is the subject of its speech verb", "[nlp][attribution]") {
  const auto a = run(
      "The reports came just months after Norvex confirmed it used at least twenty drones inside the port.");
  CHECK(said(a, "Norvex", "it used at least twenty drones"));
}
