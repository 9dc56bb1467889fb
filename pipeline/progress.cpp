#include "pipeline/progress.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

namespace ng::pipeline {

Progress::~Progress() { finish(); }

void Progress::start(std::string what, std::size_t total, std::string unit) {
  what_ = std::move(what);
  unit_ = std::move(unit);
  total_ = total;
  done_ = 0;
}

void Progress::step(const std::string& label) {
  ++done_;
  if (!enabled_ || total_ < 2) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100) && done_ < total_) return;
  last_draw_ = now;
  constexpr std::size_t kWidth = 30;
  const std::size_t filled = total_ ? std::min(done_, total_) * kWidth / total_ : 0;
  const std::string shown = label.size() > 40 ? "..." + label.substr(label.size() - 37) : label;
  draw(fmt::format("{} [{}{}] {}/{} {} {}", what_, std::string(filled, '#'), std::string(kWidth - filled, ' '), done_,
                   total_, unit_, shown));
}

void Progress::phase(const std::string& label) {
  if (!enabled_) return;
  draw(label + " ...");
}

void Progress::draw(const std::string& line) {
  fmt::print(out_, "\r{:<100.100}", line);
  std::fflush(out_);
  drawn_ = true;
}

void Progress::finish() {
  if (drawn_) {
    fmt::print(out_, "\r{:<100}\r", "");
    std::fflush(out_);
    drawn_ = false;
  }
}

}  // namespace ng::pipeline
