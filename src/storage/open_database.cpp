#include <filesystem>
#include <stdexcept>

#include "storage/database.h"
#include "storage/postgres/postgres_database.h"
#include "storage/sqlite/sqlite_database.h"

namespace ostoja::storage {

std::unique_ptr<Database> open_database(const DatabaseConfig& config) {
  const std::string& url = config.url;
  if (url.starts_with("sqlite://")) {
    std::string path = url.substr(std::string_view("sqlite://").size());
    if (path.empty() || path.front() != '/')
      throw std::invalid_argument("adres bazy SQLite musi mieć ścieżkę bezwzględną: sqlite:///ścieżka/plik.db");
    return open_sqlite(path, config.pool_size, config.statement_timeout);
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://"))
    return open_postgres(url, config.pool_size, config.statement_timeout);
  throw std::invalid_argument("nieznany rodzaj bazy danych w adresie (oczekiwano sqlite:/// lub postgresql://)");
}

}  // namespace ostoja::storage
