#include "graph/sparql/compare.hpp"

#include <cctype>
#include <cmath>

#include "graph/sparql/datetime.hpp"
#include "graph/sparql/numeric.hpp"
#include "ontology/vocabulary.hpp"

namespace ng::graph::sparql {

namespace {

bool lang_equal(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
    if (std::tolower(x) != std::tolower(y)) return false;
  }
  return true;
}

bool is_boolean(const ontology::Term& t) { return t.is_literal() && t.datatype == ontology::vocab::xsd::kBoolean; }

std::optional<bool> boolean_value(const ontology::Term& t) {
  if (!is_boolean(t)) return std::nullopt;
  if (t.value == "true" || t.value == "1") return true;
  if (t.value == "false" || t.value == "0") return false;
  return std::nullopt;
}

bool known_value(const ontology::Term& t) {
  return is_simple_string(t) || parse_numeric(t) || boolean_value(t) || parse_datetime(t);
}

int three_way(int c) { return c < 0 ? -1 : (c > 0 ? 1 : 0); }

// A rank for literals that `<` does not order among themselves: numbers,
// booleans, dates, then the rest (strings with or without a language,
// other datatypes) by lexical form.
int literal_rank(const ontology::Term& t) {
  if (parse_numeric(t)) return 0;
  if (boolean_value(t)) return 1;
  if (parse_datetime(t)) return 2;
  return 3;
}

}  // namespace

bool is_simple_string(const ontology::Term& t) {
  return t.is_literal() && t.language.empty() && (t.datatype.empty() || t.datatype == ontology::vocab::xsd::kString);
}

bool is_string_literal(const ontology::Term& t) {
  return t.is_literal() && (is_simple_string(t) || !t.language.empty());
}

bool same_term(const ontology::Term& a, const ontology::Term& b) {
  if (a.kind != b.kind || a.value != b.value) return false;
  if (!a.is_literal()) return true;
  if (is_simple_string(a) && is_simple_string(b)) return true;
  return a.datatype == b.datatype && lang_equal(a.language, b.language);
}

Truth equal(const ontology::Term& a, const ontology::Term& b) {
  if (!a.is_literal() || !b.is_literal()) return same_term(a, b) ? Truth::True : Truth::False;
  const auto na = parse_numeric(a);
  const auto nb = parse_numeric(b);
  if (na && nb) {
    const auto c = compare(*na, *nb);
    return c && *c == 0 ? Truth::True : Truth::False;
  }
  if (same_term(a, b)) return Truth::True;
  if (is_simple_string(a) && is_simple_string(b)) return Truth::False;
  const auto ba = boolean_value(a);
  const auto bb = boolean_value(b);
  if (ba && bb) return *ba == *bb ? Truth::True : Truth::False;
  const auto da = parse_datetime(a);
  const auto db = parse_datetime(b);
  if (da && db && da->is_date == db->is_date) {
    const auto c = compare(*da, *db);
    if (!c) return Truth::Error;
    return *c == 0 ? Truth::True : Truth::False;
  }
  // A language-tagged string differs from every other literal.
  if (!a.language.empty() || !b.language.empty()) return Truth::False;
  // Valid values of two different known types (a number and a date) are
  // different; an unknown datatype or an ill-typed literal may be equal to
  // anything: an error.
  if (known_value(a) && known_value(b)) return Truth::False;
  return Truth::Error;
}

std::optional<Order> order(const ontology::Term& a, const ontology::Term& b) {
  if (!a.is_literal() || !b.is_literal()) return std::nullopt;
  const auto na = parse_numeric(a);
  const auto nb = parse_numeric(b);
  if (na && nb) {
    const auto c = compare(*na, *nb);
    if (!c) return Order::Unordered;
    return *c < 0 ? Order::Less : (*c > 0 ? Order::Greater : Order::Equal);
  }
  if (is_simple_string(a) && is_simple_string(b)) {
    const int c = three_way(a.value.compare(b.value));  // UTF-8 byte order is code point order
    return c < 0 ? Order::Less : (c > 0 ? Order::Greater : Order::Equal);
  }
  const auto ba = boolean_value(a);
  const auto bb = boolean_value(b);
  if (ba && bb) return *ba == *bb ? Order::Equal : (*ba ? Order::Greater : Order::Less);
  const auto da = parse_datetime(a);
  const auto db = parse_datetime(b);
  if (da && db && da->is_date == db->is_date) {
    const auto c = compare(*da, *db);
    if (!c) return std::nullopt;
    return *c < 0 ? Order::Less : (*c > 0 ? Order::Greater : Order::Equal);
  }
  return std::nullopt;
}

int order_by_compare(const ontology::Term* a, const ontology::Term* b) {
  if (a == nullptr || b == nullptr) return a == b ? 0 : (a == nullptr ? -1 : 1);
  const auto kind_rank = [](const ontology::Term& t) { return t.is_blank() ? 0 : (t.is_iri() ? 1 : 2); };
  if (kind_rank(*a) != kind_rank(*b)) return kind_rank(*a) < kind_rank(*b) ? -1 : 1;
  if (!a->is_literal()) return three_way(a->value.compare(b->value));
  const int ra = literal_rank(*a), rb = literal_rank(*b);
  if (ra == rb) {
    if (const auto o = order(*a, *b); o && *o != Order::Unordered && *o != Order::Equal) {
      return *o == Order::Less ? -1 : 1;
    }
  }
  if (ra != rb) return ra < rb ? -1 : 1;
  if (const int c = three_way(a->value.compare(b->value)); c != 0) return c;
  if (const int c = three_way(a->language.compare(b->language)); c != 0) return c;
  return three_way(a->datatype.compare(b->datatype));
}

SortKey sort_key(const ontology::Term* term) {
  SortKey key;
  key.term = term;
  if (term == nullptr || !term->is_literal()) return key;
  if ((key.number = parse_numeric(*term))) {
    key.rank = 0;
  } else if (const auto b = boolean_value(*term)) {
    key.rank = 1;
    key.boolean = *b;
  } else if ((key.date = parse_datetime(*term))) {
    key.rank = 2;
  } else {
    key.rank = 3;
  }
  return key;
}

int compare_sort_keys(const SortKey& x, const SortKey& y) {
  const ontology::Term* a = x.term;
  const ontology::Term* b = y.term;
  if (a == nullptr || b == nullptr) return a == b ? 0 : (a == nullptr ? -1 : 1);
  const auto kind_rank = [](const ontology::Term& t) { return t.is_blank() ? 0 : (t.is_iri() ? 1 : 2); };
  if (kind_rank(*a) != kind_rank(*b)) return kind_rank(*a) < kind_rank(*b) ? -1 : 1;
  if (!a->is_literal()) return three_way(a->value.compare(b->value));
  if (x.rank != y.rank) return x.rank < y.rank ? -1 : 1;
  if (x.rank == 0) {
    if (const auto c = compare(*x.number, *y.number); c && *c != 0) return *c;
  } else if (x.rank == 1) {
    if (x.boolean != y.boolean) return x.boolean ? 1 : -1;
  } else if (x.rank == 2 && x.date->is_date == y.date->is_date) {
    if (const auto c = compare(*x.date, *y.date); c && *c != 0) return *c;
  }
  if (const int c = three_way(a->value.compare(b->value)); c != 0) return c;
  if (const int c = three_way(a->language.compare(b->language)); c != 0) return c;
  return three_way(a->datatype.compare(b->datatype));
}

std::optional<bool> effective_boolean(const ontology::Term& t) {
  if (!t.is_literal()) return std::nullopt;
  if (is_boolean(t)) return boolean_value(t).value_or(false);
  if (is_numeric_datatype(t.datatype)) {
    const auto n = parse_numeric(t);
    if (!n) return false;
    if (n->type >= Numeric::Type::Float) return !(n->real == 0 || std::isnan(n->real));
    return n->digits != 0;
  }
  if (is_simple_string(t)) return !t.value.empty();
  return std::nullopt;
}

}  // namespace ng::graph::sparql
