#include "pipeline/extract.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "lexicons/lexicon.hpp"
#include "loaders/input_files.hpp"
#include "loaders/nlp/extractor.hpp"

namespace ng::pipeline {

namespace {

std::string_view kind_name(nlp::StatementKind kind) {
  return kind == nlp::StatementKind::Direct ? "direct" : "reported";
}

nlohmann::json to_json(const loaders::Article& article, const nlp::Document& a) {
  nlohmann::json entities = nlohmann::json::array();
  for (const auto& e : a.entities) {
    nlohmann::json roles = nlohmann::json::array();
    for (const auto& r : e.roles) roles.push_back(r.title);
    entities.push_back({{"type", ontology::to_string(e.type)}, {"name", e.name}, {"aliases", e.aliases},
                        {"mentions", e.mention_count}, {"roles", roles}});
  }
  nlohmann::json statements = nlohmann::json::array();
  for (const auto& s : a.statements) {
    nlohmann::json about = nlohmann::json::array();
    for (auto i : s.about) about.push_back(a.entities[i].name);
    statements.push_back({{"speaker", a.entities[s.speaker].name}, {"kind", kind_name(s.kind)},
                          {"verb", s.verb}, {"text", s.text}, {"about", about},
                          {"confidence", s.confidence}});
  }
  return {{"article", article.origin}, {"title", article.title}, {"entities", entities},
          {"statements", statements}};
}

std::string to_text(const loaders::Article& article, const nlp::Document& a) {
  std::string out = fmt::format("== {}\n", article.origin);
  for (const auto& e : a.entities) {
    out += fmt::format("  {:<13} {}", ontology::to_string(e.type), e.name);
    if (!e.aliases.empty()) out += fmt::format("  (also: {})", fmt::join(e.aliases, "; "));
    for (const auto& r : e.roles) out += fmt::format("  [{}]", r.title);
    out += "\n";
  }
  for (const auto& s : a.statements) {
    std::vector<std::string> about;
    for (auto i : s.about) about.push_back(a.entities[i].name);
    out += fmt::format("  {} {} ({}, {:.2f}): {}\n", a.entities[s.speaker].name, s.verb, kind_name(s.kind),
                       s.confidence, s.text);
    if (!about.empty()) out += fmt::format("      about: {}\n", fmt::join(about, "; "));
  }
  return out;
}

}  // namespace

std::string extract_report(const std::vector<std::string>& inputs, ExtractFormat format,
                           loaders::InputReport& report, const loaders::DiscoverOptions& discover) {
  std::string out;
  const nlp::Lexicon& lexicon = nlp::Lexicon::builtin();
  loaders::InputSink sink;
  sink.article = [&](loaders::Article&& article) {
    nlp::ExtractOptions options;
    options.has_title = !article.title.empty();
    const nlp::Document analysis = nlp::analyze(article.full_text(), lexicon, options);
    if (format == ExtractFormat::Json) out += to_json(article, analysis).dump() + "\n";
    else out += to_text(article, analysis);
  };
  sink.records = [](loaders::RecordSet&&) {};
  for (const auto& input : loaders::discover_inputs(inputs, report, discover)) loaders::read_input(input, sink, report);
  return out;
}

}  // namespace ng::pipeline
