#pragma once
// The current time is an injected dependency; domain rules take an "as of" date argument instead.
#include <chrono>
#include <cstdint>

#include "core/date.h"

namespace ostoja {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point now() const = 0;
  std::int64_t now_ms() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(now().time_since_epoch()).count();
  }
  Date today() const;  // calendar date in Europe/Warsaw
};

class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point now() const override { return std::chrono::system_clock::now(); }
};

// For tests: time moves only when told to.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(std::chrono::system_clock::time_point t) : t_(t) {}
  std::chrono::system_clock::time_point now() const override { return t_; }
  void advance(std::chrono::milliseconds d) { t_ += d; }

 private:
  std::chrono::system_clock::time_point t_;
};

}  // namespace ostoja
