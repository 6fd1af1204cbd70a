#pragma once
#include "audit/audit_log.h"
#include "http/router.h"
#include "modules/services/service.h"

namespace ostoja::services {
void register_routes(http::Router& router, ServicesService& service, audit::GroupCommitLog& log);
}
