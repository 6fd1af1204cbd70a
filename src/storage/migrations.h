#pragma once
// Numbered migrations compiled into the binary (src/storage/migrations/NNNN_name[.dialect].sql),
// applied in order, each in its own transaction, by `ostoja migrate` and at start.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "storage/database.h"

namespace ostoja::storage {

struct Migration {
  int version;
  std::string name;
  std::string sql;  // common part + dialect part, tokens substituted
};

std::vector<Migration> migrations_for(Dialect d);

// Work a migration needs that SQL cannot do (e.g. ICU keys of existing rows), by version; it runs
// after that migration's SQL, in the same transaction, so the schema never exists without it.
using MigrationSteps = std::map<int, std::function<void(Connection&)>>;

// Applies pending migrations; returns the versions applied now (empty when up to date).
std::vector<int> migrate(Database& db, std::int64_t now_ms, const MigrationSteps& steps = {});

// Highest applied version, 0 for an empty database.
int schema_version(Connection& c);

}  // namespace ostoja::storage
