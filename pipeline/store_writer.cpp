#include "pipeline/store_writer.hpp"

#include "pipeline/stage_clock.hpp"

namespace ng::pipeline {

namespace {

using Clock = StageClock;

}  // namespace

StoreWriter::~StoreWriter() {
  if (thread_.joinable()) finish_quietly();
}

void StoreWriter::start() {
  thread_ = std::thread([this] { work(); });
}

void StoreWriter::push(StoreJob job) {
  std::unique_lock lock(mutex_);
  const auto waited = Clock::now();
  space_.wait(lock, [&] {
    return (jobs_.size() < kQueued && (jobs_.empty() || queued_quads_ + job.quads.size() <= kQueuedQuads)) ||
           failure_;
  });
  wait_ms_ += ms_since(waited);
  if (failure_) std::rethrow_exception(failure_);
  queued_quads_ += job.quads.size();
  jobs_.push_back(std::move(job));
  ready_.notify_one();
}

void StoreWriter::finish() {
  finish_quietly();
  if (failure_) std::rethrow_exception(failure_);
}

void StoreWriter::finish_quietly() noexcept {
  {
    const std::lock_guard lock(mutex_);
    closed_ = true;
  }
  ready_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void StoreWriter::work() noexcept {
  while (true) {
    StoreJob job;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return !jobs_.empty() || closed_; });
      if (jobs_.empty()) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    // After a failure, jobs are dropped: the main thread sees the failure
    // at its next push.
    if (!failure_) {
      try {
        const double started = thread_cpu_ms();
        if (job.replace) store_.replace_graph(job.graph_name, job.quads);
        else store_.add(job.quads);
        if (!job.source.empty() && !job.quads.empty()) store_.set_graph_source(job.graph_name, job.source);
        store_ms_ += thread_cpu_ms() - started;
      } catch (...) {
        const std::lock_guard lock(mutex_);
        failure_ = std::current_exception();
      }
    }
    {
      // The job's quads count against the queue until they are stored: a
      // queue of big chunks would hold a big article again.
      const std::lock_guard lock(mutex_);
      queued_quads_ -= job.quads.size();
    }
    job.quads = {};
    space_.notify_all();
  }
}

}  // namespace ng::pipeline
