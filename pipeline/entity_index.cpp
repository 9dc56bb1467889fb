#include "pipeline/entity_index.hpp"

#include <algorithm>
#include <cstring>
#include <deque>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace ng::pipeline {

namespace {

constexpr std::string_view kTable = "entity-index";
// The side table's keys: the stamp; "f", a fact's kind, its node, NUL, its
// value -> the number of claims teaching it (u64); "a", a start node, NUL,
// an article IRI -> nothing.
constexpr std::string_view kStamp = "#stamp";
constexpr std::string_view kBase = "#base";
// Kept well below LMDB's 511-byte keys (with the table's name).
constexpr std::size_t kLongestKey = 480;

std::string u64_bytes(std::uint64_t value) {
  std::string out(sizeof value, '\0');
  std::memcpy(out.data(), &value, sizeof value);
  return out;
}

std::optional<std::uint64_t> read_u64(std::string_view bytes) {
  if (bytes.size() != sizeof(std::uint64_t)) return std::nullopt;
  std::uint64_t value = 0;
  std::memcpy(&value, bytes.data(), sizeof value);
  return value;
}

std::string fact_key(const EntityIndex::Fact& fact) {
  std::string key = "f";
  key += fact.kind;
  key += fact.node;
  key += '\0';
  key += fact.value;
  return key;
}

std::string start_key(const std::string& node, const std::string& article) {
  std::string key = "a";
  key += node;
  key += '\0';
  key += article;
  return key;
}

}  // namespace

std::optional<EntityIndex> EntityIndex::load(const graph::Store& store, const std::string& base) {
  if (!valid(store) || store.side_value(kTable, kBase) != std::optional<std::string>(base)) return std::nullopt;
  EntityIndex index;
  bool damaged = false;
  store.scan_side_table(kTable, "f", [&](std::string_view key, std::string_view value) {
    const std::size_t nul = key.find('\0');
    const std::optional<std::uint64_t> count = read_u64(value);
    if (key.size() < 3 || nul == std::string_view::npos || !count) {
      damaged = true;
      return false;
    }
    Fact fact{key[1], std::string(key.substr(2, nul - 2)), std::string(key.substr(nul + 1))};
    index.loaded_.emplace(std::move(fact), static_cast<std::int64_t>(*count));
    return true;
  });
  if (damaged) return std::nullopt;
  return index;
}

EntityIndex EntityIndex::fresh() {
  EntityIndex index;
  index.whole_ = true;
  return index;
}

bool EntityIndex::valid(const graph::Store& store) {
  const std::optional<std::string> stamp = store.side_value(kTable, kStamp);
  const std::optional<std::uint64_t> id = stamp ? read_u64(*stamp) : std::nullopt;
  return id && *id == store.last_commit_id();
}

void EntityIndex::check_key(const std::string& node, const std::string& value) {
  if (node.size() + value.size() + 3 > kLongestKey || node.find('\0') != std::string::npos ||
      value.find('\0') != std::string::npos) {
    complete_ = false;
  }
}

void EntityIndex::change(const Fact& fact, std::int64_t by) {
  check_key(fact.node, fact.value);
  const auto [it, added] = delta_.try_emplace(fact, by);
  if (!added) it->second += by;
}

std::uint32_t EntityIndex::article_number(const std::string& article) {
  const auto [it, added] = numbers_.try_emplace(article, static_cast<std::uint32_t>(articles_.size()));
  if (added) articles_.push_back(article);
  return it->second;
}

void EntityIndex::withdraw(const std::string& article, const std::vector<loaders::EntityClaim>& claims) {
  for (const auto& claim : claims) {
    for (const Fact& fact : loaders::EntityResolver::facts(claim)) change(fact, -1);
    if (std::string node = loaders::EntityResolver::start_node(claim); !node.empty()) {
      starts_withdrawn_[std::move(node)].push_back(article_number(article));
    }
  }
}

void EntityIndex::add(const std::string& article, const std::vector<loaders::EntityClaim>& claims) {
  for (const auto& claim : claims) {
    for (const Fact& fact : loaders::EntityResolver::facts(claim)) change(fact, 1);
    if (std::string node = loaders::EntityResolver::start_node(claim); !node.empty()) {
      check_key(node, article);
      starts_added_[std::move(node)].push_back(article_number(article));
    }
  }
}

void EntityIndex::teach(loaders::EntityResolver& resolver) const {
  for (const auto& [fact, count] : loaded_) {
    const auto change = delta_.find(fact);
    if (count + (change == delta_.end() ? 0 : change->second) > 0) resolver.add_fact(fact);
  }
  for (const auto& [fact, change] : delta_) {
    if (!loaded_.count(fact) && change > 0) resolver.add_fact(fact);
  }
}

std::set<std::string> EntityIndex::values(char kind, const std::string& node, bool now) const {
  std::map<std::string, std::int64_t> counts;
  const Fact first{kind, node, {}};
  for (auto it = loaded_.lower_bound(first); it != loaded_.end() && it->first.kind == kind && it->first.node == node;
       ++it) {
    counts[it->first.value] += it->second;
  }
  if (now) {
    for (auto it = delta_.lower_bound(first); it != delta_.end() && it->first.kind == kind && it->first.node == node;
         ++it) {
      counts[it->first.value] += it->second;
    }
  }
  std::set<std::string> out;
  for (const auto& [value, count] : counts) {
    if (count > 0) out.insert(value);
  }
  return out;
}

std::set<std::string> EntityIndex::nodes_to_check() const {
  // The nodes whose own facts changed: the smallest spelling, the owners,
  // the full names (counts alone do not change a resolution).
  std::set<std::string> touched;
  for (const auto& [fact, change] : delta_) {
    if (change != 0) touched.insert(fact.node);
  }
  std::deque<std::string> queue;
  std::set<std::string> out;
  for (const std::string& node : touched) {
    bool changed = false;
    for (const char kind : {'s', 'o', 'n'}) {
      const std::set<std::string> before = values(kind, node, false);
      const std::set<std::string> after = values(kind, node, true);
      // A spelling: only the smallest counts.
      changed = kind == 's' ? (before.empty() ? std::string() : *before.begin()) !=
                                  (after.empty() ? std::string() : *after.begin())
                            : before != after;
      if (changed) break;
    }
    if (changed && out.insert(node).second) queue.push_back(node);
  }
  if (queue.empty()) return out;
  // Then every node that reaches one of them through a fact, old or new.
  std::unordered_map<std::string, std::vector<const std::string*>> readers;
  const auto note = [&](const Fact& fact) {
    if (fact.kind != 's') readers[loaders::EntityResolver::depends_on(fact)].push_back(&fact.node);
  };
  for (const auto& entry : loaded_) note(entry.first);
  for (const auto& entry : delta_) note(entry.first);
  while (!queue.empty()) {
    const std::string node = std::move(queue.front());
    queue.pop_front();
    const auto found = readers.find(node);
    if (found == readers.end()) continue;
    for (const std::string* reader : found->second) {
      if (out.insert(*reader).second) queue.push_back(*reader);
    }
  }
  return out;
}

std::set<std::string> EntityIndex::articles_at(const graph::Store& store, const std::set<std::string>& nodes) const {
  std::set<std::string> out;
  for (const std::string& node : nodes) {
    std::string prefix = "a";
    prefix += node;
    prefix += '\0';
    store.scan_side_table(kTable, prefix, [&](std::string_view key, std::string_view) {
      out.emplace(key.substr(prefix.size()));
      return true;
    });
  }
  return out;
}

void EntityIndex::write(graph::Store& store, const std::string& base) const {
  if (!complete_) {
    drop(store);
    return;
  }
  if (whole_) {
    store.clear_side_table(kTable);
    for (const auto& [fact, count] : delta_) {
      if (count > 0) store.set_side_value(kTable, fact_key(fact), u64_bytes(static_cast<std::uint64_t>(count)));
    }
  } else {
    for (const auto& [fact, change] : delta_) {
      if (change == 0) continue;
      const auto loaded = loaded_.find(fact);
      const std::int64_t count = (loaded == loaded_.end() ? 0 : loaded->second) + change;
      if (count > 0) {
        store.set_side_value(kTable, fact_key(fact), u64_bytes(static_cast<std::uint64_t>(count)));
      } else {
        store.erase_side_value(kTable, fact_key(fact));
      }
    }
    for (const auto& [node, numbers] : starts_withdrawn_) {
      const auto added = starts_added_.find(node);
      for (const std::uint32_t number : numbers) {
        const bool again = added != starts_added_.end() &&
                           std::find(added->second.begin(), added->second.end(), number) != added->second.end();
        if (!again) store.erase_side_value(kTable, start_key(node, articles_[number]));
      }
    }
  }
  for (const auto& [node, numbers] : starts_added_) {
    for (const std::uint32_t number : numbers) store.set_side_value(kTable, start_key(node, articles_[number]), {});
  }
  store.set_side_value(kTable, kBase, base);
  store.set_side_value(kTable, kStamp, u64_bytes(store.last_commit_id() + 1));
}

void EntityIndex::carry_over(graph::Store& store, bool was_valid) {
  if (was_valid) store.set_side_value(kTable, kStamp, u64_bytes(store.last_commit_id() + 1));
}

void EntityIndex::drop(graph::Store& store) { store.clear_side_table(kTable); }

}  // namespace ng::pipeline
