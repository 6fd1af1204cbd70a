#include "storage/bulk_insert.h"

namespace ostoja::storage {

BulkInsert::BulkInsert(Connection& c, std::string table, std::vector<std::string> columns,
                       std::size_t rows_per_statement)
    : c_(c), table_(std::move(table)), columns_(std::move(columns)), per_statement_(rows_per_statement) {
  sql_cache_.resize(per_statement_ + 1);
  owned_.reserve(per_statement_ * columns_.size());  // never reallocates: views into it stay valid
}

BulkInsert::~BulkInsert() = default;

const std::string& BulkInsert::sql_for(std::size_t rows) {
  std::string& sql = sql_cache_[rows];
  if (!sql.empty()) return sql;
  sql = "INSERT INTO " + table_ + " (";
  for (std::size_t i = 0; i < columns_.size(); ++i) sql += (i ? ", " : "") + columns_[i];
  sql += ") VALUES ";
  std::string tuple = "(";
  for (std::size_t i = 0; i < columns_.size(); ++i) tuple += i ? ", ?" : "?";
  tuple += ")";
  for (std::size_t r = 0; r < rows; ++r) sql += (r ? ", " : "") + tuple;
  return sql;
}

void BulkInsert::add(std::vector<Param> row) {
  if (row.size() != columns_.size()) throw StorageError("BulkInsert: wrong number of values for " + table_);
  for (auto& p : row) {
    if (p.is_null() || p.is_int()) {
      pending_.push_back(std::move(p));
    } else {
      owned_.emplace_back(p.as_text());
      pending_.emplace_back(std::string_view(owned_.back()));
    }
  }
  if (++rows_ == per_statement_) flush();
}

void BulkInsert::flush() {
  if (rows_ == 0) return;
  c_.execute(sql_for(rows_), pending_);
  pending_.clear();
  owned_.clear();
  rows_ = 0;
}

void sync_identity(Connection& c, const std::string& table) {
  if (c.dialect() != Dialect::postgresql) return;
  c.query("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), COALESCE((SELECT MAX(id) FROM " + table +
          "), 0) + 1, false)");
}

}  // namespace ostoja::storage
