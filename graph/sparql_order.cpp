#include "graph/sparql_order.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <set>

#include "ontology/vocabulary.hpp"

namespace ng::graph::detail {

namespace {

using ontology::Term;

bool word(const Token& token, std::string_view upper) {
  if (token.kind != Token::Kind::Word || token.text.size() != upper.size()) return false;
  for (std::size_t i = 0; i < upper.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(token.text[i])) != upper[i]) return false;
  }
  return true;
}

bool punct(const Token& token, std::string_view text) { return token.kind == Token::Kind::Punct && token.text == text; }

std::optional<std::size_t> whole_number(const Token& token) {
  if (token.kind != Token::Kind::Number || token.text.empty()) return std::nullopt;
  std::size_t value = 0;
  for (char c : token.text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::size_t>(c - '0');
  }
  return value;
}

bool is_numeric_datatype(std::string_view datatype) {
  static constexpr std::array<std::string_view, 16> kNumeric{
      "integer",         "decimal",      "float",         "double",       "long",          "int",
      "short",           "byte",         "nonNegativeInteger", "positiveInteger", "negativeInteger",
      "nonPositiveInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"};
  const std::string_view ns = ontology::vocab::xsd::kNamespace;
  if (!datatype.starts_with(ns)) return false;
  return std::find(kNumeric.begin(), kNumeric.end(), datatype.substr(ns.size())) != kNumeric.end();
}

// A literal's place in the order: numbers (by value), then booleans, then
// everything else (by lexical form).
struct LiteralKey {
  int group = 2;
  long double number = 0;
  bool nan = false;
};

LiteralKey literal_key(const Term& literal) {
  LiteralKey key;
  if (!literal.language.empty()) return key;
  if (literal.datatype == ontology::vocab::xsd::kBoolean && (literal.value == "true" || literal.value == "false")) {
    key.group = 1;
    key.number = literal.value == "true" ? 1 : 0;
  } else if (is_numeric_datatype(literal.datatype) && !literal.value.empty()) {
    char* end = nullptr;
    const long double value = std::strtold(literal.value.c_str(), &end);
    if (end != nullptr && *end == '\0') {
      key.group = 0;
      key.nan = std::isnan(value);
      key.number = key.nan ? 0 : value;
    }
  }
  return key;
}

int rank(const std::optional<Term>& term) {
  if (!term) return 0;
  switch (term->kind) {
    case Term::Kind::Blank: return 1;
    case Term::Kind::Iri: return 2;
    case Term::Kind::Literal: return 3;
  }
  return 3;
}

// <0, 0, >0 like strcmp.
int compare(const std::optional<Term>& a, const std::optional<Term>& b) {
  const int ra = rank(a), rb = rank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  if (ra == 0) return 0;
  if (ra != 3) return a->value.compare(b->value);
  const LiteralKey ka = literal_key(*a), kb = literal_key(*b);
  if (ka.group != kb.group) return ka.group < kb.group ? -1 : 1;
  if (ka.group < 2) {
    if (ka.nan != kb.nan) return ka.nan ? 1 : -1;  // NaN after every number
    if (ka.number != kb.number) return ka.number < kb.number ? -1 : 1;
    return 0;
  }
  if (const int c = a->value.compare(b->value); c != 0) return c;
  if (const int c = a->language.compare(b->language); c != 0) return c;
  return a->datatype.compare(b->datatype);
}

}  // namespace

std::optional<OrderPlan> plan_order(std::string_view query, const QueryShape& shape) {
  if (shape.form != QueryForm::Select) return std::nullopt;
  const std::vector<Token>& tokens = shape.tokens;
  OrderPlan plan;

  // The projection: SELECT [DISTINCT] (* | ?v | (expr AS ?v))* up to WHERE or '{'.
  std::size_t i = shape.form_token + 1;
  const std::size_t distinct = i < tokens.size() && word(tokens[i], "DISTINCT") ? i : tokens.size();
  plan.distinct = distinct != tokens.size();
  bool star = false;
  std::set<std::string> projected;
  int parens = 0;
  for (; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (parens == 0 && (word(t, "WHERE") || punct(t, "{"))) break;
    if (punct(t, "(")) ++parens;
    if (punct(t, ")")) --parens;
    if (parens == 0 && punct(t, "*")) star = true;
    if (t.kind == Token::Kind::Variable && (parens == 0 || (i > 0 && word(tokens[i - 1], "AS")))) {
      projected.emplace(t.text.substr(1));
    }
  }

  // The solution modifiers after the WHERE clause: [GROUP BY ...]
  // [HAVING ...] [ORDER BY ...] [LIMIT n] [OFFSET n], in that order.
  int braces = 0;
  parens = 0;
  std::size_t order = tokens.size();
  std::size_t slice = tokens.size();  // the first LIMIT or OFFSET
  for (; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    braces += punct(t, "{") ? 1 : punct(t, "}") ? -1 : 0;
    parens += punct(t, "(") ? 1 : punct(t, ")") ? -1 : 0;
    if (braces != 0 || parens != 0) continue;
    if (word(t, "ORDER") && i + 1 < tokens.size() && word(tokens[i + 1], "BY")) order = i;
    if (word(t, "LIMIT") || word(t, "OFFSET")) {
      slice = i;
      break;
    }
    if (word(t, "VALUES")) return std::nullopt;  // a trailing VALUES block: rasqal's job
  }
  for (std::size_t j = slice; j < tokens.size(); j += 2) {  // LIMIT n / OFFSET n, nothing else
    const auto number = j + 1 < tokens.size() ? whole_number(tokens[j + 1]) : std::nullopt;
    if (!number) return std::nullopt;
    if (word(tokens[j], "LIMIT")) {
      plan.limit = *number;
    } else if (word(tokens[j], "OFFSET")) {
      plan.offset = *number;
    } else {
      return std::nullopt;
    }
  }

  // ORDER BY keys newsgraph can sort by: projected variables, ASC/DESC.
  bool simple_order = order != tokens.size();
  for (i = order + 2; simple_order && i < slice;) {
    const Token& t = tokens[i];
    if (t.kind == Token::Kind::Variable) {
      plan.keys.push_back({std::string(t.text.substr(1)), false});
      i += 1;
    } else if ((word(t, "ASC") || word(t, "DESC")) && i + 3 < slice && punct(tokens[i + 1], "(") &&
               tokens[i + 2].kind == Token::Kind::Variable && punct(tokens[i + 3], ")")) {
      plan.keys.push_back({std::string(tokens[i + 2].text.substr(1)), word(t, "DESC")});
      i += 4;
    } else {
      simple_order = false;  // an expression: rasqal sorts
    }
  }
  for (const auto& key : plan.keys) {
    if (!star && !projected.contains(key.variable)) simple_order = false;
  }
  if (!simple_order) plan.keys.clear();
  // Nothing newsgraph does better than rasqal: leave the query alone.
  if (plan.keys.empty() && !plan.distinct) return std::nullopt;

  // The query rasqal runs: without DISTINCT, without the ORDER BY
  // newsgraph does, and without LIMIT/OFFSET (they apply after both).
  const std::size_t cut = simple_order ? order : slice;
  const std::size_t end = cut < tokens.size() ? tokens[cut].offset : query.size();
  if (plan.distinct) {
    const Token& d = tokens[distinct];
    plan.query = std::string(query.substr(0, d.offset)) +
                 std::string(query.substr(d.offset + d.text.size(), end - d.offset - d.text.size()));
  } else {
    plan.query = std::string(query.substr(0, end));
  }
  return plan;
}

bool apply_order(const OrderPlan& plan, QueryResult& result) {
  std::vector<std::pair<std::size_t, bool>> columns;
  for (const auto& key : plan.keys) {
    const auto it = std::find(result.variables.begin(), result.variables.end(), key.variable);
    if (it == result.variables.end()) return false;
    columns.emplace_back(static_cast<std::size_t>(it - result.variables.begin()), key.descending);
  }
  if (plan.distinct) {
    // Keep the first of equal rows: rasqal's order survives for the rest.
    std::set<std::vector<std::optional<Term>>> seen;
    std::erase_if(result.rows, [&seen](const auto& row) { return !seen.insert(row).second; });
  }
  std::stable_sort(result.rows.begin(), result.rows.end(), [&columns](const auto& a, const auto& b) {
    for (const auto& [column, descending] : columns) {
      const int c = compare(a[column], b[column]);
      if (c != 0) return descending ? c > 0 : c < 0;
    }
    return false;
  });
  auto& rows = result.rows;
  const std::size_t begin = std::min(plan.offset, rows.size());
  const std::size_t end = plan.limit ? std::min(rows.size(), begin + *plan.limit) : rows.size();
  rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(end), rows.end());
  rows.erase(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(begin));
  return true;
}

}  // namespace ng::graph::detail
