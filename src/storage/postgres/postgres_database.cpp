#include "storage/postgres/postgres_database.h"

#include <libpq-fe.h>

#include <cstring>
#include <unordered_map>

namespace ostoja::storage {

std::string number_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out.push_back(c);
    } else if (c == '\'' || c == '"') {
      quote = c;
      out.push_back(c);
    } else if (c == '?') {
      out += '$' + std::to_string(++n);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

namespace {

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

class PostgresConnection final : public Connection {
 public:
  PostgresConnection(const std::string& url, std::chrono::milliseconds statement_timeout)
      : conn_(PQconnectdb(url.c_str())) {
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string msg = PQerrorMessage(conn_);
      PQfinish(conn_);
      conn_ = nullptr;
      throw StorageError("cannot connect to PostgreSQL: " + msg);
    }
    // Quiet NOTICEs (e.g. "relation already exists, skipping"), keep UTF-8 end to end, and limit each
    // statement (0 = no limit) — one round trip.
    const std::string setup =
        "SET client_min_messages TO warning; SET client_encoding TO 'UTF8'; SET statement_timeout = " +
        std::to_string(statement_timeout.count());
    check(PgResult(PQexec(conn_, setup.c_str())), "setup");
  }
  ~PostgresConnection() override {
    if (conn_) PQfinish(conn_);
  }

  Dialect dialect() const override { return Dialect::postgresql; }

  std::vector<Row> query(std::string_view sql, const Params& params) override {
    PgResult r = run(sql, params);
    std::vector<Row> rows;
    const int nrows = PQntuples(r.get());
    const int ncols = PQnfields(r.get());
    rows.reserve(static_cast<std::size_t>(nrows));
    for (int i = 0; i < nrows; ++i) {
      std::vector<Cell> cells;
      cells.reserve(static_cast<std::size_t>(ncols));
      for (int j = 0; j < ncols; ++j) {
        if (PQgetisnull(r.get(), i, j))
          cells.emplace_back();
        else
          cells.emplace_back(
              std::string(PQgetvalue(r.get(), i, j), static_cast<std::size_t>(PQgetlength(r.get(), i, j))));
      }
      rows.emplace_back(std::move(cells));
    }
    return rows;
  }

  std::int64_t execute(std::string_view sql, const Params& params) override {
    PgResult r = run(sql, params);
    const char* n = PQcmdTuples(r.get());
    return (n && *n) ? std::stoll(n) : 0;
  }

  void script(std::string_view sql) override {
    std::string s(sql);
    check(PgResult(PQexec(conn_, s.c_str())), s.substr(0, 200));
  }

  void begin(bool) override { script("BEGIN"); }
  void commit() override { script("COMMIT"); }
  void rollback() override {
    if (PQtransactionStatus(conn_) != PQTRANS_IDLE) script("ROLLBACK");
  }
  bool healthy() override { return PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) == PQTRANS_IDLE; }

 private:
  PgResult run(std::string_view sql, const Params& params) {
    auto it = prepared_.find(sql);
    if (it == prepared_.end()) {
      std::string name = "s" + std::to_string(prepared_.size());
      std::string numbered = number_placeholders(sql);
      check(PgResult(PQprepare(conn_, name.c_str(), numbered.c_str(), 0, nullptr)), numbered);
      it = prepared_.emplace(std::string(sql), std::move(name)).first;
    }
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (params[i].is_null()) continue;
      texts[i] = params[i].to_text();
      values[i] = texts[i].c_str();
    }
    PgResult r(
        PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()), values.data(), nullptr, nullptr, 0));
    check(r, sql);
    return r;
  }

  void check(const PgResult& r, std::string_view what) {
    auto status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
    std::string msg = r ? PQresultErrorMessage(r.get()) : PQerrorMessage(conn_);
    const char* state = r ? PQresultErrorField(r.get(), PG_DIAG_SQLSTATE) : nullptr;
    msg += " in: " + std::string(what);
    if (state && std::strncmp(state, "23", 2) == 0) throw ConstraintViolation(msg);
    if (state && std::strcmp(state, "57014") == 0) throw StatementTimeout("PostgreSQL: " + msg);  // query_canceled
    throw StorageError("PostgreSQL: " + msg);
  }

  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  PGconn* conn_;
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> prepared_;
};

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(std::string url, std::size_t pool, std::chrono::milliseconds statement_timeout)
      : Database(pool), url_(std::move(url)), statement_timeout_(statement_timeout) {}
  Dialect dialect() const override { return Dialect::postgresql; }
  std::string describe() const override {
    // Strip credentials: postgresql://user:pass@host:port/db → postgresql:host:port/db
    auto at = url_.rfind('@');
    auto rest = at == std::string::npos ? url_.substr(url_.find("//") + 2) : url_.substr(at + 1);
    auto q = rest.find('?');
    return "postgresql:" + rest.substr(0, q);
  }

 protected:
  std::unique_ptr<Connection> connect() override {
    return std::make_unique<PostgresConnection>(url_, statement_timeout_);
  }

 private:
  std::string url_;
  std::chrono::milliseconds statement_timeout_;
};

}  // namespace

std::unique_ptr<Database> open_postgres(const std::string& url, std::size_t pool_size,
                                        std::chrono::milliseconds statement_timeout) {
  return std::make_unique<PostgresDatabase>(url, pool_size, statement_timeout);
}

}  // namespace ostoja::storage
