// Thin HTTP adapters for the gmina's resolutions (percent of zasiłek okresowy, limits of zasiłek celowy).
#include "modules/gmina/http_routes.h"

#include "http/json_input.h"
#include "rules/dated.h"

namespace ostoja::gmina {

using http::Json;
using http::RequestContext;

namespace {

Json resolution_json(const Resolution& r) {
  return {{"id", r.id},
          {"kind", r.kind},
          {"valid_from", r.valid_from.iso()},
          {"valid_to", http::nullable(r.valid_to)},
          {"percent", http::nullable(r.percent)},
          {"amount_grosze", r.amount ? Json(r.amount->grosze) : Json(nullptr)},
          {"resolution", r.resolution}};
}

}  // namespace

void register_routes(http::Router& r, GminaService& svc) {
  r.add({.method = "GET",
         .pattern = "/api/v1/gmina/resolutions",
         .access = http::Access::need("gmina.read"),
         .summary = "Uchwały gminy stosowane w wyliczeniach (procent zasiłku okresowego, najwyższe kwoty zasiłków "
                    "celowych) i te obowiązujące w dniu ?date= (domyślnie dziś)",
         .tag = "gmina",
         .query = {{.name = "date", .description = "Dzień (domyślnie dziś)", .type = http::QueryParam::Type::date}}},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          const std::string date_text = ctx.req.query_param("date").value_or("");
          Date on = svc.today();
          if (!date_text.empty()) {
            OSTOJA_TRY(d, parse_date_field(date_text, "date"));
            on = d;
          }
          OSTOJA_TRY(all, svc.list(*ctx.principal));
          Json items = Json::array();
          Json in_force = {{std::string(kOkresowyPercent), nullptr},
                           {std::string(kCelowyMax), nullptr},
                           {std::string(kSpecjalnyMax), nullptr}};
          for (const auto& res : all) {
            items.push_back(resolution_json(res));
            if (rules::in_force(res, on)) in_force[res.kind] = resolution_json(res);
          }
          return http::json_response({{"date", on.iso()}, {"in_force", in_force}, {"items", items}});
        });

  r.add({.method = "POST",
         .pattern = "/api/v1/gmina/resolutions",
         .access = http::Access::need("org.write"),
         .summary = "Nowa uchwała gminy: procent zasiłku okresowego (50–100 %, art. 38 ust. 3 u.p.s.) albo najwyższa "
                    "kwota jednej decyzji zasiłku celowego lub specjalnego zasiłku celowego; uchyla wcześniejszą "
                    "bezterminową tego rodzaju",
         .tag = "gmina",
         .request_schema = {{"type", "object"}, {"required", {"kind", "valid_from", "resolution"}}},
         .success_status = 201},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(body, ctx.json_body());
          NewResolution in;
          OSTOJA_TRY(kind, http::string_field(body, "kind", 50));
          OSTOJA_TRY(from, http::string_field(body, "valid_from", 10));
          OSTOJA_TRY(to, http::string_field(body, "valid_to", 10, false));
          OSTOJA_TRY(percent, http::optional_int(body, "percent", 0, 1000));
          OSTOJA_TRY(amount, http::optional_int(body, "amount_grosze", 0, 1'000'000'000'000));
          OSTOJA_TRY(reference, http::string_field(body, "resolution", 300));
          in.kind = kind;
          in.valid_from = from;
          in.valid_to = to;
          in.percent = percent;
          in.amount_grosze = amount;
          in.resolution = reference;
          OSTOJA_TRY(saved, svc.add(*ctx.principal, in));
          return http::json_response(resolution_json(saved), 201);
        });

  r.add({.method = "POST",
         .pattern = "/api/v1/gmina/resolutions/{id}/end",
         .access = http::Access::need("org.write"),
         .summary = "Ostatni dzień obowiązywania uchwały gminy",
         .tag = "gmina",
         .request_schema = {{"type", "object"}, {"required", {"valid_to"}}}},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(body, ctx.json_body());
          OSTOJA_TRY(to, http::string_field(body, "valid_to", 10));
          OSTOJA_TRY(saved, svc.end(*ctx.principal, id, to));
          return http::json_response(resolution_json(saved));
        });
}

}  // namespace ostoja::gmina
