#pragma once
#include "http/router.h"
#include "modules/cases/service.h"

namespace ostoja::cases {
void register_routes(http::Router& router, CaseService& service);
}
