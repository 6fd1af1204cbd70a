#include "storage/database.h"

#include <charconv>
#include <condition_variable>
#include <mutex>

namespace ostoja::storage {

std::string_view to_string(Dialect d) {
  return d == Dialect::sqlite ? "sqlite" : "postgresql";
}

std::int64_t Row::int64(std::size_t i) const {
  const Cell& c = cells_.at(i);
  if (auto* v = std::get_if<std::int64_t>(&c)) return *v;
  if (auto* s = std::get_if<std::string>(&c)) {
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(s->data(), s->data() + s->size(), v);
    if (ec == std::errc{} && p == s->data() + s->size()) return v;
    if (*s == "t") return 1;  // PostgreSQL boolean text form
    if (*s == "f") return 0;
  }
  throw StorageError("column " + std::to_string(i) + " is not an integer");
}

std::string Row::text(std::size_t i) const {
  const Cell& c = cells_.at(i);
  if (auto* s = std::get_if<std::string>(&c)) return *s;
  if (auto* v = std::get_if<std::int64_t>(&c)) return std::to_string(*v);
  throw StorageError("column " + std::to_string(i) + " is NULL");
}

std::optional<std::int64_t> Row::opt_int64(std::size_t i) const {
  if (null(i)) return std::nullopt;
  return int64(i);
}

std::optional<std::string> Row::opt_text(std::size_t i) const {
  if (null(i)) return std::nullopt;
  return text(i);
}

std::optional<Row> Connection::query_one(std::string_view sql, const Params& params) {
  auto rows = query(sql, params);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

struct Database::Pool {
  std::mutex m;
  std::condition_variable cv;
  std::vector<std::unique_ptr<Connection>> idle;
  std::size_t open = 0;
};

std::shared_ptr<Database::Pool> Database::make_pool() {
  return std::make_shared<Pool>();
}

Lease Database::acquire() {
  std::unique_lock lock(pool_->m);
  for (;;) {
    if (!pool_->idle.empty()) {
      auto c = std::move(pool_->idle.back());
      pool_->idle.pop_back();
      return Lease(this, std::move(c));
    }
    if (pool_->open < pool_size_) {
      ++pool_->open;
      lock.unlock();
      try {
        return Lease(this, connect());
      } catch (...) {
        lock.lock();
        --pool_->open;
        pool_->cv.notify_one();
        throw;
      }
    }
    pool_->cv.wait(lock);
  }
}

void Database::release(std::unique_ptr<Connection> c) {
  bool keep = c && c->healthy();
  std::lock_guard lock(pool_->m);
  if (keep) {
    pool_->idle.push_back(std::move(c));
  } else {
    --pool_->open;  // a broken connection is dropped; the next acquire opens a fresh one
  }
  pool_->cv.notify_one();
}

Lease::~Lease() {
  if (c_) db_->release(std::move(c_));
}

}  // namespace ostoja::storage
