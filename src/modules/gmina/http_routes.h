#pragma once
#include "http/router.h"
#include "modules/gmina/service.h"

namespace ostoja::gmina {
// GET /gmina/resolutions (gmina.read), POST /gmina/resolutions and POST /gmina/resolutions/{id}/end (org.write).
void register_routes(http::Router& router, GminaService& service);
}  // namespace ostoja::gmina
