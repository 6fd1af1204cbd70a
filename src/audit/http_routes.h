#pragma once
#include "audit/audit_log.h"
#include "core/clock.h"
#include "http/router.h"

namespace ostoja::audit {
// GET /audit (filterable), /audit.csv (RODO art. 15 export), /audit/verify. Permission audit.read.
void register_routes(http::Router& router, storage::Database& db, const Clock& clock);
}  // namespace ostoja::audit
