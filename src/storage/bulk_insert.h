#pragma once
// Multi-row INSERTs for bulk loads (demo data, imports): one statement and one round trip per
// `rows_per_statement` rows instead of one per row — what makes PostgreSQL loads fast.
#include <string>
#include <vector>

#include "storage/database.h"

namespace ostoja::storage {

class BulkInsert {
 public:
  BulkInsert(Connection& c, std::string table, std::vector<std::string> columns, std::size_t rows_per_statement = 200);
  ~BulkInsert();  // does not flush: call flush() inside the transaction
  BulkInsert(const BulkInsert&) = delete;
  BulkInsert& operator=(const BulkInsert&) = delete;

  // Values for one row, in column order. Strings are copied.
  void add(std::vector<Param> row);
  void flush();
  std::size_t pending_rows() const { return rows_; }

 private:
  const std::string& sql_for(std::size_t rows);
  Connection& c_;
  std::string table_;
  std::vector<std::string> columns_;
  std::size_t per_statement_;
  std::vector<std::string> owned_;  // keeps string values alive until flushed
  Params pending_;
  std::size_t rows_{0};
  std::vector<std::string> sql_cache_;
};

// After rows were inserted with explicit ids: moves PostgreSQL's identity sequence past them
// (SQLite's INTEGER PRIMARY KEY needs nothing).
void sync_identity(Connection& c, const std::string& table);

}  // namespace ostoja::storage
