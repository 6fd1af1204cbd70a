#pragma once
// Storage contract shared by the SQLite and PostgreSQL adapters. Repositories write one SQL text
// with `?` placeholders in the common subset of both dialects; the PostgreSQL adapter numbers them.
// Broken infrastructure (cannot connect, disk full, syntax error) throws StorageError — a bug or an
// outage, never an expected outcome. A unique-key violation throws ConstraintViolation so that a
// use case can turn a lost race into a 409 conflict.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/error.h"

namespace ostoja::storage {

enum class Dialect { sqlite, postgresql };
std::string_view to_string(Dialect d);

struct StorageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
struct ConstraintViolation : StorageError {
  using StorageError::StorageError;
};

// A bound parameter. Views (string_view, const char*, lvalue strings) must outlive the call;
// rvalue strings are owned.
class Param {
 public:
  Param(std::nullptr_t) {}                                     // NOLINT
  Param(std::int64_t v) : v_(v) {}                             // NOLINT
  Param(int v) : v_(static_cast<std::int64_t>(v)) {}           // NOLINT
  Param(bool v) : v_(static_cast<std::int64_t>(v ? 1 : 0)) {}  // NOLINT
  Param(std::string_view v) : v_(v) {}                         // NOLINT
  Param(const std::string& v) : v_(std::string_view(v)) {}     // NOLINT
  // A temporary string is kept by value, so Params built from temporaries never dangle.
  Param(std::string&& v) : v_(std::move(v)) {}       // NOLINT
  Param(const char* v) : v_(std::string_view(v)) {}  // NOLINT
  template <class T>
  Param(const std::optional<T>& v) {  // NOLINT
    if (v) *this = Param(*v);
  }
  bool is_null() const { return v_.index() == 0; }
  bool is_int() const { return v_.index() == 1; }
  std::int64_t as_int() const { return std::get<1>(v_); }
  std::string_view as_text() const { return v_.index() == 2 ? std::get<2>(v_) : std::string_view(std::get<3>(v_)); }
  std::string to_text() const { return is_int() ? std::to_string(as_int()) : std::string(as_text()); }

 private:
  std::variant<std::monostate, std::int64_t, std::string_view, std::string> v_;
};

using Params = std::vector<Param>;

using Cell = std::variant<std::monostate, std::int64_t, std::string>;

class Row {
 public:
  explicit Row(std::vector<Cell> cells) : cells_(std::move(cells)) {}
  std::size_t size() const { return cells_.size(); }
  bool null(std::size_t i) const { return cells_.at(i).index() == 0; }
  std::int64_t int64(std::size_t i) const;  // throws StorageError on NULL or non-number
  int int32(std::size_t i) const { return static_cast<int>(int64(i)); }
  bool boolean(std::size_t i) const { return int64(i) != 0; }
  std::string text(std::size_t i) const;  // NULL → throws
  std::optional<std::int64_t> opt_int64(std::size_t i) const;
  std::optional<std::string> opt_text(std::size_t i) const;

 private:
  std::vector<Cell> cells_;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // Runs one statement (prepared and cached per connection) and returns all rows.
  virtual std::vector<Row> query(std::string_view sql, const Params& params = {}) = 0;
  // Runs one statement; returns the number of rows changed.
  virtual std::int64_t execute(std::string_view sql, const Params& params = {}) = 0;
  // Runs a multi-statement script without parameters (migrations).
  virtual void script(std::string_view sql) = 0;
  // Write transactions take the write lock at once (SQLite BEGIN IMMEDIATE) to avoid upgrade deadlocks.
  virtual void begin(bool write) = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
  virtual bool healthy() = 0;

  std::optional<Row> query_one(std::string_view sql, const Params& params = {});
  // " FOR UPDATE" on PostgreSQL; SQLite write transactions are already exclusive.
  std::string_view lock_clause() const { return dialect() == Dialect::postgresql ? " FOR UPDATE" : ""; }
};

class Database;

// A connection borrowed from the pool; returned on destruction.
class Lease {
 public:
  Lease(Database* db, std::unique_ptr<Connection> c) : db_(db), c_(std::move(c)) {}
  Lease(Lease&&) noexcept = default;
  Lease& operator=(Lease&&) = delete;
  Lease(const Lease&) = delete;
  ~Lease();
  Connection& operator*() { return *c_; }
  Connection* operator->() { return c_.get(); }

 private:
  Database* db_;
  std::unique_ptr<Connection> c_;
};

// A statement that ran past the configured limit and was cancelled by the database.
struct StatementTimeout : Unavailable {
  using Unavailable::Unavailable;
};

struct DatabaseConfig {
  std::string url;  // sqlite:///abs/path.db | postgresql://…
  std::size_t pool_size{8};
  // Each statement is cancelled after this long (0 = never): PostgreSQL statement_timeout, a SQLite
  // progress handler. The server sets it; migrations and the CLI's batch commands run without it.
  std::chrono::milliseconds statement_timeout{0};
};

class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;
  Lease acquire();
  // Describes the target without credentials, for logs: "sqlite:/path" / "postgresql:host/db".
  virtual std::string describe() const = 0;

 protected:
  explicit Database(std::size_t pool_size) : pool_size_(pool_size) {}
  virtual std::unique_ptr<Connection> connect() = 0;

 private:
  friend class Lease;
  void release(std::unique_ptr<Connection> c);
  struct Pool;
  std::size_t pool_size_;
  std::shared_ptr<Pool> pool_ = make_pool();
  static std::shared_ptr<Pool> make_pool();
};

// Opens the database named by a URL. An unknown scheme is a configuration error (std::invalid_argument).
std::unique_ptr<Database> open_database(const DatabaseConfig& config);

// Runs `work` inside a transaction; commits if it returns normally, rolls back on exception.
// Work returning a Result that is an error also rolls back (checked via `.ok()` when available).
template <class F>
auto in_transaction(Connection& c, bool write, F&& work) -> decltype(work(c)) {
  c.begin(write);
  try {
    auto result = work(c);
    if constexpr (requires { result.ok(); }) {
      if (!result.ok()) {
        c.rollback();
        return result;
      }
    }
    c.commit();
    return result;
  } catch (...) {
    try {
      c.rollback();
    } catch (...) {
    }
    throw;
  }
}

}  // namespace ostoja::storage
