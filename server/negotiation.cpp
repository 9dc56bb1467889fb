#include "server/negotiation.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

namespace ng::server {

namespace {

using graph::ResultFormat;

struct Offer {
  std::string_view type;  // lower case
  ResultFormat format;
};

// What each kind of result can be written as, the preferred first.
constexpr std::array<Offer, 8> kTableOffers{{
    {"application/sparql-results+json", ResultFormat::Json},
    {"application/json", ResultFormat::Json},
    {"application/sparql-results+xml", ResultFormat::Xml},
    {"application/xml", ResultFormat::Xml},
    {"text/xml", ResultFormat::Xml},
    {"text/csv", ResultFormat::Csv},
    {"text/tab-separated-values", ResultFormat::Tsv},
    {"text/plain", ResultFormat::Table},
}};
constexpr std::array<Offer, 6> kGraphOffers{{
    {"text/turtle", ResultFormat::Turtle},
    {"application/turtle", ResultFormat::Turtle},
    {"application/x-turtle", ResultFormat::Turtle},
    {"application/n-triples", ResultFormat::NTriples},
    {"application/rdf+xml", ResultFormat::RdfXml},
    {"text/plain", ResultFormat::NTriples},
}};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

struct Range {
  std::string type;  // "text/csv", "text/*", "*/*"
  double q = 1.0;
};

std::vector<Range> parse_accept(std::string_view accept) {
  std::vector<Range> ranges;
  while (!accept.empty()) {
    const std::size_t comma = accept.find(',');
    std::string_view item = accept.substr(0, comma);
    accept = comma == std::string_view::npos ? std::string_view() : accept.substr(comma + 1);
    Range range;
    const std::size_t semicolon = item.find(';');
    range.type = lower(trim(item.substr(0, semicolon)));
    for (std::string_view params = semicolon == std::string_view::npos ? std::string_view() : item.substr(semicolon + 1);
         !params.empty();) {
      const std::size_t next = params.find(';');
      const std::string_view param = trim(params.substr(0, next));
      if (param.starts_with("q=")) range.q = std::strtod(std::string(param.substr(2)).c_str(), nullptr);
      params = next == std::string_view::npos ? std::string_view() : params.substr(next + 1);
    }
    if (!range.type.empty()) ranges.push_back(std::move(range));
  }
  return ranges;
}

bool matches(std::string_view range, std::string_view type) {
  if (range == "*/*") return true;
  if (range.ends_with("/*")) return type.starts_with(range.substr(0, range.size() - 1));
  return range == type;
}

template <std::size_t N>
std::optional<ResultFormat> best(const std::vector<Range>& ranges, const std::array<Offer, N>& offers) {
  std::optional<ResultFormat> chosen;
  double chosen_q = 0;
  for (const Offer& offer : offers) {
    // The most specific range that matches an offer decides its quality.
    double q = -1;
    std::size_t specificity = 0;
    for (const Range& r : ranges) {
      if (!matches(r.type, offer.type)) continue;
      const std::size_t s = r.type == "*/*" ? 0 : (r.type.ends_with("/*") ? 1 : 2);
      if (q < 0 || s > specificity) {
        q = r.q;
        specificity = s;
      }
    }
    if (q > chosen_q) {
      chosen_q = q;
      chosen = offer.format;
    }
  }
  return chosen;
}

}  // namespace

std::optional<ResultFormat> negotiate(std::string_view accept_header, std::string_view format_parameter,
                                     bool graph_result) {
  std::string accept(accept_header);
  // A format parameter this endpoint knows wins; a media type in it is
  // negotiated like Accept; anything else (clients send their own names)
  // leaves the choice to Accept.
  const std::string name = lower(trim(format_parameter));
  if (name.find('/') != std::string::npos) accept = name;
  if (graph_result) {
    if (name == "turtle" || name == "ttl" || name == "n3") return ResultFormat::Turtle;
    if (name == "ntriples" || name == "nt" || name == "n-triples") return ResultFormat::NTriples;
    if (name == "rdfxml" || name == "rdf+xml" || name == "xml" || name == "rdf") return ResultFormat::RdfXml;
  } else {
    if (name == "json") return ResultFormat::Json;
    if (name == "xml") return ResultFormat::Xml;
    if (name == "csv") return ResultFormat::Csv;
    if (name == "tsv") return ResultFormat::Tsv;
    if (name == "text" || name == "table") return ResultFormat::Table;
  }
  const std::vector<Range> ranges = parse_accept(accept);
  if (ranges.empty()) return graph_result ? ResultFormat::Turtle : ResultFormat::Json;
  return graph_result ? best(ranges, kGraphOffers) : best(ranges, kTableOffers);
}

std::string_view media_type(ResultFormat format) {
  switch (format) {
    case ResultFormat::Json: return "application/sparql-results+json; charset=utf-8";
    case ResultFormat::Xml: return "application/sparql-results+xml; charset=utf-8";
    case ResultFormat::Csv: return "text/csv; charset=utf-8";
    case ResultFormat::Tsv: return "text/tab-separated-values; charset=utf-8";
    case ResultFormat::Table: return "text/plain; charset=utf-8";
    case ResultFormat::Turtle: return "text/turtle; charset=utf-8";
    case ResultFormat::NTriples: return "application/n-triples; charset=utf-8";
    case ResultFormat::RdfXml: return "application/rdf+xml; charset=utf-8";
  }
  return "application/octet-stream";
}

}  // namespace ng::server
