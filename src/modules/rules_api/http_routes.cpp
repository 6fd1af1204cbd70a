#include "modules/rules_api/http_routes.h"

#include "modules/rules_api/service.h"

namespace ostoja::rules_api {

namespace {
Result<http::Response> respond(Result<Json> r) {
  if (!r.ok()) return r.error();
  return http::json_response(*r);
}
}  // namespace

void register_routes(http::Router& r) {
  r.add({.method = "GET",
         .pattern = "/api/v1/rules/criteria",
         .access = http::Access::open(),
         .summary = "Kryteria dochodowe (art. 8 u.p.s.) obowiązujące w dniu ?date=RRRR-MM-DD",
         .tag = "rules",
         .query = {{.name = "date", .description = "Dzień", .type = http::QueryParam::Type::date, .required = true}},
         .run_inline = true},
        [](http::RequestContext& ctx) { return respond(criteria(ctx.req.query_param("date").value_or(""))); });
  r.add({.method = "POST",
         .pattern = "/api/v1/rules/benefit-preview",
         .access = http::Access::open(),
         .summary = "Wyliczenie zasiłku stałego lub okresowego na dzień (bez danych osobowych)",
         .tag = "rules",
         .request_schema = {{"type", "object"},
                            {"required", {"date", "benefit", "household_size", "income_grosze"}},
                            {"properties",
                             {{"date", {{"type", "string"}, {"format", "date"}}},
                              {"benefit", {{"type", "string"}, {"enum", {"zasilek_staly", "zasilek_okresowy"}}}},
                              {"household_size", {{"type", "integer"}, {"minimum", 1}}},
                              {"income_grosze", {{"type", "integer"}, {"minimum", 0}}},
                              {"gmina_percent", {{"type", "integer"}, {"minimum", 50}, {"maximum", 100}}}}}},
         .csrf_exempt = true,
         .run_inline = true},
        [](http::RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(body, ctx.json_body());
          return respond(benefit_preview(body));
        });
  r.add({.method = "GET",
         .pattern = "/api/v1/rules/validate/{kind}/{value}",
         .access = http::Access::open(),
         .summary = "Walidacja identyfikatora: pesel, nip, regon, iban, postal-code, teryt",
         .tag = "rules",
         .run_inline = true},
        [](http::RequestContext& ctx) { return respond(validate(ctx.params["kind"], ctx.params["value"])); });
  r.add({.method = "GET",
         .pattern = "/api/v1/rules/reasons",
         .access = http::Access::open(),
         .summary = "Powody udzielenia pomocy (art. 7 u.p.s.) w brzmieniu z dnia ?date=",
         .tag = "rules",
         .query = {{.name = "date", .description = "Dzień", .type = http::QueryParam::Type::date, .required = true}},
         .run_inline = true},
        [](http::RequestContext& ctx) { return respond(reasons(ctx.req.query_param("date").value_or(""))); });
  r.add({.method = "GET",
         .pattern = "/api/v1/rules/forms-of-help",
         .access = http::Access::open(),
         .summary = "Formy pomocy (art. 36 u.p.s.)",
         .tag = "rules",
         .run_inline = true},
        [](http::RequestContext&) -> Result<http::Response> { return http::json_response(forms_of_help()); });
  r.add({.method = "GET",
         .pattern = "/api/v1/rules/working-days",
         .access = http::Access::open(),
         .summary = "Termin po ?days= dniach roboczych od ?from= (święta ustawowe, soboty, niedziele)",
         .tag = "rules",
         .query = {{.name = "from",
                    .description = "Dzień początkowy (lata 2000–2100)",
                    .type = http::QueryParam::Type::date,
                    .required = true},
                   {.name = "days",
                    .description = "Liczba dni roboczych: 0–1000",
                    .type = http::QueryParam::Type::integer,
                    .required = true}},
         .run_inline = true},
        [](http::RequestContext& ctx) {
          return respond(
              working_days(ctx.req.query_param("from").value_or(""), ctx.req.query_param("days").value_or("")));
        });
}

}  // namespace ostoja::rules_api
