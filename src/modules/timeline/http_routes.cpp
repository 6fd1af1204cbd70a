// Thin HTTP adapter for the person's timeline.
#include "modules/timeline/http_routes.h"

#include "http/json_input.h"
#include "modules/cases/http_routes.h"

namespace ostoja::timeline {

using http::Json;
using http::RequestContext;

void register_routes(http::Router& r, TimelineService& svc, audit::GroupCommitLog& log) {
  r.add(
      {.method = "GET",
       .pattern = "/api/v1/persons/{id}/timeline",
       .access = http::Access::need("cases.read"),
       .summary = "Historia osoby: środowiska, wnioski, wywiady, decyzje, wypłaty, pomoc niepieniężna i praca socjalna "
                  "(ze środowisk w zakresie użytkownika) — odczyt audytowany",
       .tag = "cases"},
      [&svc, &log](RequestContext& ctx) -> Result<http::Response> {
        OSTOJA_TRY(id, ctx.id());
        OSTOJA_TRY(read, svc.of_person(*ctx.principal, id));
        Json items = Json::array();
        for (const auto& i : read.value.items)
          items.push_back(Json{{"on", i.on},
                               {"kind", i.kind},
                               {"id", i.id},
                               {"household_id", i.household_id},
                               {"code", i.code},
                               {"subtype", i.subtype},
                               {"state", i.state},
                               {"number", i.number},
                               {"amount_grosze", http::nullable(i.amount_grosze)},
                               {"until", http::nullable(i.until)}});
        return cases::gated(http::json_response({{"person_id", read.value.person_id}, {"items", items}}), log, read);
      });
}

}  // namespace ostoja::timeline
