#pragma once
// How long a login must wait after repeated failures — the one rule behind both the per-account and
// the per-address throttle (SecurityPolicy holds the numbers). Pure: no clock, no database; the
// caller adds the wait to "now" and refuses attempts until then, so nothing sleeps on a server thread.
//
// Basis: no statute fixes these numbers. NIST SP 800-63B §5.2.2 (rate limiting): limit consecutive
// failed attempts on one account (to no more than 100) and slow automated guessing down before that;
// hence slow down first, lock for a while later, never for ever (docs/rules.md).
#include <algorithm>
#include <cstdint>

namespace ostoja::identity {

struct Backoff {
  int slowdown_after;  // from this many failures on, each further attempt must wait
  int lock_after;      // this many failures lock for `lock_ms`
  std::int64_t lock_ms;
  std::int64_t max_wait_ms;  // the doubling wait never exceeds this (before the lock)
};

// Wait in ms before the next attempt after `failures` failures: 0 below `slowdown_after`, then
// 1 s, 2 s, 4 s … (doubling with each failure, capped at `max_wait_ms`), and `lock_ms` from `lock_after` on.
inline std::int64_t wait_after(const Backoff& b, int failures) {
  if (failures >= b.lock_after) return b.lock_ms;
  if (failures < b.slowdown_after) return 0;
  const int doublings = std::min(failures - b.slowdown_after, 40);  // 1000 << 40 still fits in int64
  return std::min<std::int64_t>(1000LL << doublings, b.max_wait_ms);
}

}  // namespace ostoja::identity
