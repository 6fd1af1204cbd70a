#pragma once
#include "http/router.h"

namespace ostoja::rules_api {
// Public (no session): GET /rules/criteria, POST /rules/benefit-preview, GET /rules/validate/{kind}/{value},
// GET /rules/working-days. Cheap and database-free: they run on the event loop.
void register_routes(http::Router& router);
}  // namespace ostoja::rules_api
