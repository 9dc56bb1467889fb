#pragma once
// The one thread that writes the store while the main thread reads, extracts
// and maps the next articles. The Store is not thread-safe: from start() to
// finish() no other thread touches it. Jobs are stored in the order they
// were pushed; a bounded queue keeps memory bounded.

#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "graph/store.hpp"
#include "ontology/term.hpp"

namespace ng::pipeline {

// Quads of a named graph to store: replacing what the store had under its
// name, or (a later chunk of a big graph) added to it.
struct StoreJob {
  std::string graph_name;
  std::vector<ontology::Quad> quads;
  bool replace = true;
};

class StoreWriter {
 public:
  explicit StoreWriter(graph::Store& store) : store_(store) {}
  ~StoreWriter();
  StoreWriter(const StoreWriter&) = delete;
  StoreWriter& operator=(const StoreWriter&) = delete;

  void start();
  // Blocks while the queue is full. Throws what the store threw.
  void push(StoreJob job);
  // Waits for every job to be stored. Throws what the store threw.
  void finish();
  // CPU time the store thread spent storing; wall time push() waited.
  double store_ms() const noexcept { return store_ms_; }
  double wait_ms() const noexcept { return wait_ms_; }

 private:
  // At most this many jobs and quads wait: a big article comes in chunks,
  // and a queue of whole chunks would hold it all again.
  static constexpr std::size_t kQueued = 32;
  static constexpr std::size_t kQueuedQuads = 65536;
  void finish_quietly() noexcept;
  void work() noexcept;

  graph::Store& store_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable ready_, space_;
  std::deque<StoreJob> jobs_;
  std::size_t queued_quads_ = 0;
  bool closed_ = false;
  std::exception_ptr failure_;
  double store_ms_ = 0;  // written by the store thread, read after join
  double wait_ms_ = 0;   // main thread
};

}  // namespace ng::pipeline
