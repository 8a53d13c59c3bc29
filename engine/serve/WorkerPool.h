#pragma once
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace lathe::serve {

// The server's worker threads: each task answers one request whose head has fully arrived
// (the gate sees to that), so a worker is never held by a client that sends nothing.
class WorkerPool {
 public:
  explicit WorkerPool(std::size_t threads);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues `task`; after stop() the task is destroyed unrun (which closes its connection).
  void post(std::function<void()> task);
  // Destroys the queued tasks, waits for the running ones, joins the threads. Idempotent.
  void stop();
  std::size_t threads() const noexcept { return threads_.size(); }

 private:
  void work();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> tasks_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace lathe::serve
