#pragma once
// A one-line progress display on stderr for long builds on a terminal: a
// bar for counted phases (files read, articles built), a label for the
// others (writing graph.ttl, drawing the diagram). Draws at most ten times
// a second; does nothing when disabled.

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>

namespace ng::pipeline {

class Progress {
 public:
  // Draws on `out` (stderr unless a test says otherwise).
  explicit Progress(bool enabled, std::FILE* out = stderr) : enabled_(enabled), out_(out) {}
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // Starts a counted phase: `what` ("reading", "building") of `total` `unit`s.
  void start(std::string what, std::size_t total, std::string unit);
  // One more unit done; `label` (a file name) is shown beside the bar.
  void step(const std::string& label);
  // A phase without a count, shown until the next one.
  void phase(const std::string& label);
  // Clears the line.
  void finish();

 private:
  void draw(const std::string& line);

  bool enabled_;
  std::FILE* out_;
  bool drawn_ = false;
  std::string what_;
  std::string unit_;
  std::size_t done_ = 0;
  std::size_t total_ = 0;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace ng::pipeline
