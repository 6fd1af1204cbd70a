#pragma once
#include "http/router.h"
#include "modules/organisation/service.h"

namespace ostoja::org {
void register_routes(http::Router& router, OrganisationService& service);
}
