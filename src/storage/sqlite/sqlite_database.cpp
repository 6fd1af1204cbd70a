#include "storage/sqlite/sqlite_database.h"

#include <sqlite3.h>

#include <mutex>
#include <unordered_map>

namespace ostoja::storage {

namespace {

// Process-wide SQLite settings, applied once before the library is first used. Memory statistics
// are off: with them on, every allocation inside SQLite takes one global mutex, which all threads
// of the server contend on (measured in docs/benchmarks.md).
void configure_sqlite_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    // Fails only when SQLite was already initialised in this process; the default then stays.
    (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  });
}

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(const std::string& path, std::chrono::milliseconds statement_timeout)
      : statement_timeout_(statement_timeout) {
    configure_sqlite_once();
    int rc =
        sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      db_ = nullptr;
      throw StorageError("cannot open SQLite database " + path + ": " + msg);
    }
    // Waiting for another writer's lock counts toward the statement limit, as on PostgreSQL.
    constexpr std::int64_t kBusyMs = 10000;
    sqlite3_busy_timeout(db_, static_cast<int>(statement_timeout_.count() > 0
                                                   ? std::min<std::int64_t>(kBusyMs, statement_timeout_.count())
                                                   : kBusyMs));
    sqlite3_extended_result_codes(db_, 1);
    script(
        "PRAGMA journal_mode=WAL;"
        "PRAGMA synchronous=FULL;"  // never lose an acknowledged commit, even on power loss
        "PRAGMA foreign_keys=ON;"
        "PRAGMA temp_store=MEMORY;"
        "PRAGMA cache_size=-65536;");  // 64 MiB page cache per connection
    // SQLite has no statement timeout of its own: a progress handler, called every few thousand
    // virtual-machine steps, cancels the running statement once its time is up (SQLITE_INTERRUPT).
    if (statement_timeout_.count() > 0) sqlite3_progress_handler(db_, 4000, &SqliteConnection::past_deadline, this);
  }
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  Dialect dialect() const override { return Dialect::sqlite; }

  std::vector<Row> query(std::string_view sql, const Params& params) override {
    sqlite3_stmt* st = prepare(sql, params);
    std::vector<Row> rows;
    for (;;) {
      int rc = sqlite3_step(st);
      if (rc == SQLITE_ROW) {
        int n = sqlite3_column_count(st);
        std::vector<Cell> cells;
        cells.reserve(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) {
          switch (sqlite3_column_type(st, i)) {
            case SQLITE_NULL:
              cells.emplace_back();
              break;
            case SQLITE_INTEGER:
              cells.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(st, i)));
              break;
            default: {
              const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
              cells.emplace_back(std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(st, i))));
            }
          }
        }
        rows.emplace_back(std::move(cells));
        continue;
      }
      finish(st, rc, sql);
      return rows;
    }
  }

  std::int64_t execute(std::string_view sql, const Params& params) override {
    sqlite3_stmt* st = prepare(sql, params);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    }
    finish(st, rc, sql);
    return sqlite3_changes64(db_);
  }

  void script(std::string_view sql) override {
    if (statement_timeout_.count() > 0) deadline_ = std::chrono::steady_clock::now() + statement_timeout_;
    std::string s(sql);
    char* err = nullptr;
    if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      throw StorageError("SQLite script failed: " + msg);
    }
  }

  void begin(bool write) override { execute(write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED", {}); }
  void commit() override { execute("COMMIT", {}); }
  void rollback() override {
    if (!sqlite3_get_autocommit(db_)) execute("ROLLBACK", {});
  }
  bool healthy() override { return sqlite3_get_autocommit(db_) != 0; }

 private:
  static int past_deadline(void* self) {
    return std::chrono::steady_clock::now() > static_cast<SqliteConnection*>(self)->deadline_ ? 1 : 0;
  }

  sqlite3_stmt* prepare(std::string_view sql, const Params& params) {
    if (statement_timeout_.count() > 0) deadline_ = std::chrono::steady_clock::now() + statement_timeout_;
    auto it = cache_.find(sql);
    sqlite3_stmt* st = nullptr;
    if (it == cache_.end()) {
      int rc =
          sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &st, nullptr);
      if (rc != SQLITE_OK)
        throw StorageError("SQLite prepare failed: " + std::string(sqlite3_errmsg(db_)) + " in: " + std::string(sql));
      cache_.emplace(std::string(sql), st);
    } else {
      st = it->second;
    }
    if (sqlite3_bind_parameter_count(st) != static_cast<int>(params.size()))
      throw StorageError("parameter count mismatch in: " + std::string(sql));
    for (std::size_t i = 0; i < params.size(); ++i) {
      const Param& p = params[i];
      int idx = static_cast<int>(i + 1);
      int rc;
      if (p.is_null())
        rc = sqlite3_bind_null(st, idx);
      else if (p.is_int())
        rc = sqlite3_bind_int64(st, idx, p.as_int());
      else
        rc = sqlite3_bind_text(st, idx, p.as_text().data(), static_cast<int>(p.as_text().size()), SQLITE_TRANSIENT);
      if (rc != SQLITE_OK) throw StorageError("SQLite bind failed: " + std::string(sqlite3_errmsg(db_)));
    }
    return st;
  }

  void finish(sqlite3_stmt* st, int rc, std::string_view sql) {
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc == SQLITE_DONE) return;
    std::string msg = std::string(sqlite3_errmsg(db_)) + " in: " + std::string(sql);
    if ((rc & 0xff) == SQLITE_CONSTRAINT) throw ConstraintViolation(msg);
    if ((rc & 0xff) == SQLITE_BUSY)
      throw StatementTimeout("SQLite database still locked by another writer after the busy timeout: " + msg);
    if ((rc & 0xff) == SQLITE_INTERRUPT && statement_timeout_.count() > 0)
      throw StatementTimeout("SQLite statement cancelled after " + std::to_string(statement_timeout_.count()) +
                             " ms: " + msg);
    throw StorageError("SQLite step failed: " + msg);
  }

  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  sqlite3* db_ = nullptr;
  std::chrono::milliseconds statement_timeout_;
  std::chrono::steady_clock::time_point deadline_{};
  std::unordered_map<std::string, sqlite3_stmt*, Hash, std::equal_to<>> cache_;
};

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, std::size_t pool, std::chrono::milliseconds statement_timeout)
      : Database(pool), path_(std::move(path)), statement_timeout_(statement_timeout) {}
  Dialect dialect() const override { return Dialect::sqlite; }
  std::string describe() const override { return "sqlite:" + path_; }

 protected:
  std::unique_ptr<Connection> connect() override {
    return std::make_unique<SqliteConnection>(path_, statement_timeout_);
  }

 private:
  std::string path_;
  std::chrono::milliseconds statement_timeout_;
};

}  // namespace

std::unique_ptr<Database> open_sqlite(const std::string& path, std::size_t pool_size,
                                      std::chrono::milliseconds statement_timeout) {
  return std::make_unique<SqliteDatabase>(path, pool_size, statement_timeout);
}

}  // namespace ostoja::storage
