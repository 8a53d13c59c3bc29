#include "engine/data/ProfileCache.h"

#include <chrono>
#include <exception>

#include "engine/core/Error.h"
#include "engine/jobs/JobCancelled.h"

namespace lathe::data {
namespace {

// How long a waiting caller sleeps between looks at its own stop token.
constexpr auto kWaitSlice = std::chrono::milliseconds(20);

bool sameOwner(const std::weak_ptr<const Column>& a, const std::shared_ptr<const Column>& b) {
  return !a.owner_before(b) && !b.owner_before(a);
}

}  // namespace

std::shared_ptr<const ColumnProfile> ProfileCache::get(const std::shared_ptr<const Column>& column,
                                                       const jobs::JobContext& context) {
  if (!column) throw Error(ErrorCode::InvalidArgument, "no column to profile");
  for (;;) {
    context.throwIfStopped();
    std::promise<std::shared_ptr<const ColumnProfile>> promise;
    Result result;
    std::uint64_t ticket = 0;
    {
      const std::lock_guard lock(mutex_);
      dropExpiredLocked();
      auto it = entries_.find(column.get());
      if (it != entries_.end() && sameOwner(it->second.column, column)) {
        result = it->second.result;
      } else {
        ticket = ++lastTicket_;
        result = promise.get_future().share();
        entries_.insert_or_assign(column.get(), Entry{column, result, ticket});
      }
    }
    if (ticket != 0) {  // this caller computes; others asking meanwhile wait for `result`
      try {
        auto profile = std::make_shared<const ColumnProfile>(profileColumn(*column, context));
        ++computations_;
        promise.set_value(profile);
        return profile;
      } catch (...) {
        forget(column.get(), ticket);  // a failed or cancelled profile is not kept
        promise.set_exception(std::current_exception());
        throw;
      }
    }
    while (result.wait_for(kWaitSlice) != std::future_status::ready) context.throwIfStopped();
    try {
      return result.get();
    } catch (const jobs::JobCancelled&) {
      // The caller computing it was stopped, not this one: go round and compute it here.
    }
  }
}

std::shared_ptr<const ColumnProfile> ProfileCache::find(const Column* column) const {
  Result result;
  {
    const std::lock_guard lock(mutex_);
    const auto it = entries_.find(column);
    if (it == entries_.end() || it->second.column.expired()) return nullptr;
    result = it->second.result;
  }
  if (result.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return nullptr;
  try {
    return result.get();
  } catch (...) {
    return nullptr;
  }
}

void ProfileCache::clear() {
  const std::lock_guard lock(mutex_);
  entries_.clear();
}

std::size_t ProfileCache::size() const {
  const std::lock_guard lock(mutex_);
  return entries_.size();
}

void ProfileCache::dropExpired() {
  const std::lock_guard lock(mutex_);
  dropExpiredLocked();
}

void ProfileCache::dropExpiredLocked() {
  std::erase_if(entries_, [](const auto& entry) { return entry.second.column.expired(); });
}

void ProfileCache::forget(const Column* column, std::uint64_t ticket) {
  const std::lock_guard lock(mutex_);
  // Only the entry this caller made: clear() and another get() may have replaced it.
  if (const auto it = entries_.find(column); it != entries_.end() && it->second.ticket == ticket) entries_.erase(it);
}

}  // namespace lathe::data
