#pragma once
#include <atomic>
#include <cstdint>
#include <future>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "engine/data/ColumnProfile.h"

namespace lathe::data {

// Column profiles computed once per column and shared: the Data dock, the inspector and a
// ProfileTableJob all ask for the same columns. Columns are immutable, so a column's identity
// (its address while it lives) is the key. The cache holds only a weak_ptr to each column and
// drops entries whose column has gone, so it never keeps a table's data alive. Thread-safe:
// profiles are computed outside the lock, so different columns are profiled at once, and two
// callers asking for the same column at once share one computation.
class ProfileCache {
 public:
  // The column's profile, computed now on the caller's thread unless it is cached or being
  // computed by another caller, in which case this waits for it (still honouring the context's
  // stop token). Throws jobs::JobCancelled when stopped; a cancelled computation is not cached,
  // and other callers waiting for it compute it themselves.
  std::shared_ptr<const ColumnProfile> get(const std::shared_ptr<const Column>& column,
                                           const jobs::JobContext& context);
  // The finished profile of a live column, or null; never computes.
  std::shared_ptr<const ColumnProfile> find(const Column* column) const;
  void clear();
  // Entries held (finished or being computed), including those of columns that have gone but
  // not yet been dropped; get() and dropExpired() drop those.
  std::size_t size() const;
  void dropExpired();
  // How many profiles this cache has computed: a hook for tests and the job log.
  std::uint64_t computations() const noexcept { return computations_.load(); }

 private:
  using Result = std::shared_future<std::shared_ptr<const ColumnProfile>>;
  struct Entry {
    std::weak_ptr<const Column> column;
    Result result;
    std::uint64_t ticket = 0;  // which get() made it
  };
  void dropExpiredLocked();
  void forget(const Column* column, std::uint64_t ticket);

  mutable std::mutex mutex_;
  std::unordered_map<const Column*, Entry> entries_;
  std::uint64_t lastTicket_ = 0;
  std::atomic<std::uint64_t> computations_{0};
};

}  // namespace lathe::data
