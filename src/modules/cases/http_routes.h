#pragma once
#include "http/router.h"
#include "modules/cases/service.h"

namespace ostoja::cases {
// Reads of personal data are sent only after their audit entries are committed by `log`.
void register_routes(http::Router& router, CaseService& service, audit::GroupCommitLog& log);
}
