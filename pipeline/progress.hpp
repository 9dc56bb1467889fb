#pragma once
// A one-line progress bar on stderr for long builds on a terminal. Draws at
// most ten times a second; does nothing when disabled.

#include <chrono>
#include <cstddef>
#include <string>

namespace ng::pipeline {

class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled) {}
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void set_total(std::size_t total) { total_ = total; }
  // One more unit done (a file read); `label` is shown beside the bar.
  void step(const std::string& label);
  void finish();

 private:
  bool enabled_;
  bool drawn_ = false;
  std::size_t done_ = 0;
  std::size_t total_ = 0;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace ng::pipeline
