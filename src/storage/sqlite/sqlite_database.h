#pragma once
#include <memory>
#include <string>

#include "storage/database.h"

namespace ostoja::storage {

// SQLite: one file, WAL journal, foreign keys on, busy timeout, synchronous=FULL so that a
// committed (acknowledged) transaction survives power loss.
std::unique_ptr<Database> open_sqlite(const std::string& path, std::size_t pool_size,
                                      std::chrono::milliseconds statement_timeout);

}  // namespace ostoja::storage
