#pragma once
#include "audit/audit_log.h"
#include "http/router.h"
#include "modules/payments/service.h"

namespace ostoja::payments {
void register_routes(http::Router& router, PaymentService& service, audit::GroupCommitLog& log);
}
