#pragma once
// A fixed pool of worker threads running submitted tasks, for the work that
// can run in parallel (extraction). Results come back as futures, so the
// caller decides the order in which it consumes them: newsgraph always
// consumes in submission order, which keeps output independent of the
// number of threads.

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <future>
#include <mutex>
#include <queue>
#include <thread>
#include <type_traits>
#include <vector>

namespace ng {

class ThreadPool {
 public:
  // 0 threads means one per hardware thread.
  explicit ThreadPool(std::size_t threads = 0);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  std::size_t size() const noexcept { return workers_.size(); }

  template <class F>
  auto submit(F&& task) -> std::future<std::invoke_result_t<F>> {
    using Result = std::invoke_result_t<F>;
    auto packaged = std::make_shared<std::packaged_task<Result()>>(std::forward<F>(task));
    std::future<Result> future = packaged->get_future();
    {
      const std::lock_guard lock(mutex_);
      tasks_.emplace([packaged] { (*packaged)(); });
    }
    ready_.notify_one();
    return future;
  }

 private:
  void work(std::stop_token stop);

  std::mutex mutex_;
  std::condition_variable_any ready_;
  std::queue<std::function<void()>> tasks_;
  std::vector<std::jthread> workers_;
};

}  // namespace ng
