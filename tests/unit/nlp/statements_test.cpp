#include <catch2/catch.hpp>

#include "nlp_test_support.hpp"

using namespace ng::nlp;
using namespace ng::nlp::test;

TEST_CASE("a quotation followed by name and verb is a direct statement", "[nlp][statements]") {
  const auto a = run("\u201CThe bridge will reopen in May,\u201D Maria Ostrova said.");
  const Statement* s = statement(a, "bridge will reopen");
  REQUIRE(s != nullptr);
  CHECK(s->kind == StatementKind::Direct);
  CHECK(a.entities[s->speaker].name == "Maria Ostrova");
  CHECK(s->verb == "said");
}

TEST_CASE("an inverted attribution names the speaker after the verb", "[nlp][statements]") {
  const auto a = run("\u201CWe are ready for the season,\u201D said Finance Minister Tomas Kerrigan.");
  CHECK(speaker_of(a, "ready for the season") == "Tomas Kerrigan");
}

TEST_CASE("a colon introduces a quotation", "[nlp][statements]") {
  const auto a = run("Maria Ostrova told the council: \u201CThe library will open every Sunday.\u201D");
  CHECK(speaker_of(a, "library will open") == "Maria Ostrova");
}

TEST_CASE("a quotation split around its reporting clause gives two statements", "[nlp][statements]") {
  const auto a = run("\u201CThe water is falling,\u201D Pavel Sorokin said, \u201Cbut the danger is not over.\u201D");
  CHECK(speaker_of(a, "water is falling") == "Pavel Sorokin");
  CHECK(speaker_of(a, "danger is not over") == "Pavel Sorokin");
}

TEST_CASE("a quotation that goes on in the next sentence keeps its speaker", "[nlp][statements]") {
  const auto a = run(
      "\u201CThe water is falling,\u201D Pavel Sorokin said. \u201CBut the danger is not over for the villages.\u201D");
  CHECK(speaker_of(a, "danger is not over") == "Pavel Sorokin");
}

TEST_CASE("a pronoun speaker resolves to the person named before", "[nlp][statements][coref]") {
  const auto a = run("Maria Ostrova opened the library on Monday. \u201CBooks belong to everyone,\u201D she said.");
  CHECK(speaker_of(a, "Books belong") == "Maria Ostrova");
}

TEST_CASE("reported speech with that is a reported statement", "[nlp][statements]") {
  const auto a = run("Pavel Sorokin said that the dam in Tarsk would hold.");
  const Statement* s = statement(a, "dam in Tarsk would hold");
  REQUIRE(s != nullptr);
  CHECK(s->kind == StatementKind::Reported);
  CHECK(a.entities[s->speaker].name == "Pavel Sorokin");
}

TEST_CASE("an appositive between speaker and verb is skipped", "[nlp][statements]") {
  const auto a = run("Ulla Brekkestad, a local fisheries official, warned that the quotas were too high.");
  CHECK(speaker_of(a, "quotas were too high") == "Ulla Brekkestad");
}

TEST_CASE("according to attributes the rest of the sentence", "[nlp][statements]") {
  const auto a = run("More than 300 boats stayed in port, according to the Kestrel news agency.");
  const Statement* s = statement(a, "300 boats stayed in port");
  REQUIRE(s != nullptr);
  CHECK(a.entities[s->speaker].name == "Kestrel");
  CHECK(s->text.find("according") == std::string::npos);
}

TEST_CASE("an organisation speaks in a statement", "[nlp][statements]") {
  const auto a = run("The Ministry of Fisheries said in a statement that the season would start late.");
  CHECK(speaker_of(a, "season would start late") == "Ministry of Fisheries");
}

TEST_CASE("the ministry as speaker is the ministry named before", "[nlp][statements][coref]") {
  const auto a = run(
      "The Ministry of Fisheries closed the bay. The ministry said the ban would last a month.");
  CHECK(speaker_of(a, "ban would last a month") == "Ministry of Fisheries");
}

TEST_CASE("nested attribution gives one statement per speaker", "[nlp][statements]") {
  const auto a = run(
      "The Ministry of Fisheries claimed the stocks had recovered, the Kestrel news agency reported.");
  CHECK(said(a, "Ministry of Fisheries", "the stocks had recovered"));
  CHECK(said(a, "Kestrel", "The Ministry of Fisheries claimed the stocks had recovered"));
}

TEST_CASE("told with an addressee leaves the addressee out of the content", "[nlp][statements]") {
  const auto a = run("Pavel Sorokin told reporters that the evacuation was over.");
  const Statement* s = statement(a, "evacuation was over");
  REQUIRE(s != nullptr);
  CHECK(s->text.find("reporters") == std::string::npos);
}

TEST_CASE("a statement is about the entities its content names, not its speaker", "[nlp][statements][about]") {
  const auto a = run("Pavel Sorokin said that Kenya and Brazil would sign the deal in Nairobi.");
  CHECK(about(a, "would sign the deal", "Kenya"));
  CHECK(about(a, "would sign the deal", "Brazil"));
  CHECK(about(a, "would sign the deal", "Nairobi"));
  CHECK_FALSE(about(a, "would sign the deal", "Pavel Sorokin"));
}

TEST_CASE("a scare quote without a speaker is not a statement", "[nlp][statements]") {
  const auto a = run("The so-called \u201Cfriendly\u201D match ended in a brawl.");
  CHECK(a.statements.empty());
}

TEST_CASE("unnamed speakers make no statement", "[nlp][statements]") {
  const auto a = run("Analysts say the currency will fall. Officials claim the port is safe.");
  CHECK(a.statements.empty());
}

TEST_CASE("a verb used as a noun is no reporting verb", "[nlp][statements]") {
  const auto a = run("Kenya's claims were rejected by the court in Nairobi.");
  CHECK(a.statements.empty());
}

TEST_CASE("a relative clause speaker is the antecedent of who", "[nlp][statements]") {
  const auto a = run("The idea was backed by Pavel Sorokin, who warned that the dam was old.");
  CHECK(speaker_of(a, "dam was old") == "Pavel Sorokin");
}

TEST_CASE("the head of a name with an of-phrase is the speaker", "[nlp][statements]") {
  const auto a = run("His rival, Noor Salim of the Harbour Party, said rents had doubled.");
  CHECK(speaker_of(a, "rents had doubled") == "Noor Salim");
}

TEST_CASE("a participle after the main clause is said by its subject", "[nlp][statements]") {
  const auto a = run("Mayor Ivo Laane defended his record, saying the city had built 500 flats.");
  CHECK(speaker_of(a, "city had built 500 flats") == "Ivo Laane");
}

TEST_CASE("a second verb after and shares the subject", "[nlp][statements]") {
  const auto a = run("Ivo Laane called the plan unrealistic and warned that it would cost too much.");
  CHECK(speaker_of(a, "would cost too much") == "Ivo Laane");
}

TEST_CASE("people speaking for an organisation make it the speaker", "[nlp][statements]") {
  const auto a = run("Prices will rise next year, researchers at the Baltic Institute of Economics said on Friday.");
  CHECK(speaker_of(a, "Prices will rise") == "Baltic Institute of Economics");
}

TEST_CASE("an inverted attribution may name a lower-case role first", "[nlp][statements]") {
  const auto a = run("\u201CThis is a reset year,\u201D wrote analyst Rajesh Menon in a note.");
  CHECK(speaker_of(a, "reset year") == "Rajesh Menon");
}

TEST_CASE("told with an audience and a place is no content of its own", "[nlp][statements]") {
  const auto a = run("\u201CWe will not go back,\u201D Marta Lind told reporters outside the gates.");
  REQUIRE(a.statements.size() == 1);
  CHECK(a.statements.front().kind == StatementKind::Direct);
}

TEST_CASE("ordering goods is no speech, ordering people to act is", "[nlp][statements]") {
  CHECK(run("Skyline Air ordered forty jets from Aerion on Monday.").statements.empty());
  const auto a = run("General Ivan Petrov ordered the troops to withdraw from the bridge.");
  CHECK(speaker_of(a, "troops to withdraw") == "Ivan Petrov");
}

TEST_CASE("a promise with to is a statement", "[nlp][statements]") {
  const auto a = run("Noor Salim promised to freeze rents for two years.");
  CHECK(speaker_of(a, "freeze rents") == "Noor Salim");
}

TEST_CASE("where a statement was made is not part of its content", "[nlp][statements]") {
  const auto a = run("Pavel Sorokin requested help from Oslo in a video message posted on Chirpline.");
  const Statement* s = statement(a, "help from Oslo");
  REQUIRE(s != nullptr);
  CHECK(s->text.find("video") == std::string::npos);
}

TEST_CASE("a country that owns an organisation's name is not what a statement is about", "[nlp][statements][about]") {
  const auto a = run("Kenya's Health Ministry said it had opened 40 clinics in Mombasa.");
  const Statement* s = statement(a, "opened 40 clinics");
  REQUIRE(s != nullptr);
  CHECK(about(a, "opened 40 clinics", "Mombasa"));
  CHECK_FALSE(about(a, "opened 40 clinics", "Kenya"));
}

TEST_CASE("a role speaker is the person the next sentence names", "[nlp][statements][coref]") {
  const auto a = run("The province's newly appointed governor urged residents to stay indoors. "
                     "Ivan Petrov asked the capital for generators.");
  CHECK(speaker_of(a, "residents to stay indoors") == "Ivan Petrov");
}

TEST_CASE("a role speaker with no one named is no statement", "[nlp][statements]") {
  const auto a = run("The province's governor urged residents to stay indoors. Rain fell all night.");
  CHECK(a.statements.empty());
}

TEST_CASE("an urged action ends at the first comma", "[nlp][statements]") {
  const auto a = run("Pavel Sorokin urged drivers to slow down on Monday, in the latest of many warnings.");
  const Statement* s = statement(a, "drivers to slow down");
  REQUIRE(s != nullptr);
  CHECK(s->text.find("warnings") == std::string::npos);
}

TEST_CASE("an unnamed spokesperson is no named speaker, neither the organisation nor a person named later",
          "[nlp][statements][coref]") {
  const auto a = run("A spokesperson for Kelmar Lines said the ships would sail. "
                     "\u201CWe regret the delay,\u201D the spokesperson said. Ivan Petrov, a passenger, was angry.");
  CHECK(statement(a, "regret the delay") == nullptr);
  CHECK(statement(a, "the ships would sail") == nullptr);
}

TEST_CASE("an age and an appositive between speaker and verb are skipped", "[nlp][statements]") {
  const auto a = run("Max Brenner, 35, an activist who filed the complaint, said he was pleased with the ruling.");
  CHECK(speaker_of(a, "pleased with the ruling") == "Max Brenner");
}

TEST_CASE("a quotation introduced by someone else's message is no continuation of the last speaker",
          "[nlp][statements]") {
  const auto a = run(
      "\u201CWe could not help but hope,\u201D Maria Ostrova said.\n"
      "But when the family came home, there was a short message from the lawyers, "
      "\u201CPavel did not get his bail today.\u201D");
  CHECK(statement(a, "did not get his bail") == nullptr);
}
