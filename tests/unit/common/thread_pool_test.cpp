#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>

#include "common/thread_pool.hpp"

TEST_CASE("futures give results in the order the caller reads them", "[common][threads]") {
  ng::ThreadPool pool(2);
  std::vector<std::future<int>> futures;
  for (int i = 0; i < 100; ++i) futures.push_back(pool.submit([i] { return i * i; }));
  for (int i = 0; i < 100; ++i) CHECK(futures[static_cast<std::size_t>(i)].get() == i * i);
}

TEST_CASE("an exception in a task reaches the caller", "[common][threads]") {
  ng::ThreadPool pool(1);
  auto future = pool.submit([]() -> int { throw std::runtime_error("boom"); });
  CHECK_THROWS_WITH(future.get(), "boom");
}
