#pragma once
#include "audit/audit_log.h"
#include "http/router.h"
#include "modules/income/service.h"

namespace ostoja::income {
void register_routes(http::Router& router, IncomeService& service, audit::GroupCommitLog& log);
}
