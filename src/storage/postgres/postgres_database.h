#pragma once
#include <memory>
#include <string>

#include "storage/database.h"

namespace ostoja::storage {

// PostgreSQL 15 through libpq: prepared statements cached per connection, pooled connections.
std::unique_ptr<Database> open_postgres(const std::string& url, std::size_t pool_size,
                                        std::chrono::milliseconds statement_timeout);

// "SELECT a FROM t WHERE x = ? AND y = '?'" → "SELECT a FROM t WHERE x = $1 AND y = '?'"
std::string number_placeholders(std::string_view sql);

}  // namespace ostoja::storage
