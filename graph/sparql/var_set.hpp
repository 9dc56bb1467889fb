#pragma once
// A set of variables of one query level, as a bit set (queries have tens
// of variables, not thousands).

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ng::graph::sparql {

using VarId = std::uint32_t;

class VarSet {
 public:
  bool contains(VarId v) const noexcept {
    const std::size_t word = v / 64;
    return word < bits_.size() && ((bits_[word] >> (v % 64)) & 1U) != 0;
  }
  void insert(VarId v) {
    const std::size_t word = v / 64;
    if (word >= bits_.size()) bits_.resize(word + 1, 0);
    bits_[word] |= std::uint64_t{1} << (v % 64);
  }
  void erase(VarId v) noexcept {
    const std::size_t word = v / 64;
    if (word < bits_.size()) bits_[word] &= ~(std::uint64_t{1} << (v % 64));
  }
  VarSet& operator|=(const VarSet& other) {
    if (other.bits_.size() > bits_.size()) bits_.resize(other.bits_.size(), 0);
    for (std::size_t i = 0; i < other.bits_.size(); ++i) bits_[i] |= other.bits_[i];
    return *this;
  }
  VarSet& operator&=(const VarSet& other) {
    for (std::size_t i = 0; i < bits_.size(); ++i) bits_[i] &= i < other.bits_.size() ? other.bits_[i] : 0;
    return *this;
  }
  VarSet& operator-=(const VarSet& other) {
    for (std::size_t i = 0; i < bits_.size() && i < other.bits_.size(); ++i) bits_[i] &= ~other.bits_[i];
    return *this;
  }
  friend VarSet operator|(VarSet a, const VarSet& b) { return a |= b; }
  friend VarSet operator&(VarSet a, const VarSet& b) { return a &= b; }
  friend VarSet operator-(VarSet a, const VarSet& b) { return a -= b; }
  bool empty() const noexcept {
    for (std::uint64_t word : bits_) {
      if (word != 0) return false;
    }
    return true;
  }
  bool intersects(const VarSet& other) const noexcept {
    for (std::size_t i = 0; i < bits_.size() && i < other.bits_.size(); ++i) {
      if ((bits_[i] & other.bits_[i]) != 0) return true;
    }
    return false;
  }
  // The members in increasing order.
  std::vector<VarId> members() const {
    std::vector<VarId> out;
    for (std::size_t i = 0; i < bits_.size(); ++i) {
      for (std::uint64_t word = bits_[i]; word != 0; word &= word - 1) {
        out.push_back(static_cast<VarId>(i * 64 + static_cast<std::size_t>(__builtin_ctzll(word))));
      }
    }
    return out;
  }
  bool operator==(const VarSet& other) const noexcept {
    const std::size_t n = bits_.size() > other.bits_.size() ? bits_.size() : other.bits_.size();
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint64_t a = i < bits_.size() ? bits_[i] : 0;
      const std::uint64_t b = i < other.bits_.size() ? other.bits_[i] : 0;
      if (a != b) return false;
    }
    return true;
  }

 private:
  std::vector<std::uint64_t> bits_;
};

}  // namespace ng::graph::sparql
