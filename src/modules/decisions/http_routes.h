#pragma once
#include "audit/audit_log.h"
#include "http/router.h"
#include "modules/decisions/service.h"

namespace ostoja::decisions {
void register_routes(http::Router& router, DecisionService& service, audit::GroupCommitLog& log);
}
