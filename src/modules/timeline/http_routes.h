#pragma once
#include "audit/audit_log.h"
#include "http/router.h"
#include "modules/timeline/service.h"

namespace ostoja::timeline {
void register_routes(http::Router& router, TimelineService& service, audit::GroupCommitLog& log);
}
