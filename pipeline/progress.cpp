#include "pipeline/progress.hpp"

#include <fmt/format.h>

#include <cstdio>

namespace ng::pipeline {

Progress::~Progress() { finish(); }

void Progress::step(const std::string& label) {
  ++done_;
  if (!enabled_ || total_ < 2) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100) && done_ < total_) return;
  last_draw_ = now;
  constexpr std::size_t kWidth = 30;
  const std::size_t filled = total_ ? done_ * kWidth / total_ : 0;
  std::string shown = label.size() > 40 ? "..." + label.substr(label.size() - 37) : label;
  fmt::print(stderr, "\r[{}{}] {}/{} {:<40}", std::string(filled, '#'), std::string(kWidth - filled, ' '),
             done_, total_, shown);
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::finish() {
  if (drawn_) {
    fmt::print(stderr, "\r{:<100}\r", "");
    std::fflush(stderr);
    drawn_ = false;
  }
}

}  // namespace ng::pipeline
