#pragma once
// Clocks for the build's stage timings (BuildReport::stage_ms): wall time
// since a start, and the calling thread's CPU time, which says what a stage
// of the pipelined phase costs whatever else shares the cores.

#include <time.h>

#include <chrono>

namespace ng::pipeline {

using StageClock = std::chrono::steady_clock;

inline double ms_since(StageClock::time_point start) {
  return std::chrono::duration<double, std::milli>(StageClock::now() - start).count();
}

inline double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

}  // namespace ng::pipeline
