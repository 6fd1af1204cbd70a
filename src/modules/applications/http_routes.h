#pragma once
#include "audit/audit_log.h"
#include "http/router.h"
#include "modules/applications/service.h"

namespace ostoja::applications {
void register_routes(http::Router& router, ApplicationService& service, audit::GroupCommitLog& log);
}
