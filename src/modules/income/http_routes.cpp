// Thin HTTP adapters for income items and the household's income and eligibility.
#include "modules/income/http_routes.h"

#include "http/json_input.h"
#include "modules/cases/http_routes.h"

namespace ostoja::income {

using http::Json;
using http::RequestContext;

namespace {

Json item_json(const StoredItem& s) {
  const auto& i = s.item;
  return {{"id", s.id},
          {"person_id", i.person_id},
          {"type", i.type},
          {"month", i.month},
          {"amount_grosze", i.amount.grosze},
          {"tax_grosze", i.tax.grosze},
          {"health_grosze", i.health.grosze},
          {"social_grosze", i.social.grosze},
          {"alimony_paid_grosze", i.alimony_paid.grosze},
          {"hectares_e4", i.hectares_e4},
          {"period_from", http::nullable(i.period_from)},
          {"period_to", http::nullable(i.period_to)},
          {"source", s.source}};
}

Result<Money> money_field(const Json& body, const char* field) {
  OSTOJA_TRY(v, http::optional_int(body, field, 0, 1'000'000'000));
  return Money{v.value_or(0)};
}

}  // namespace

void register_routes(http::Router& r, IncomeService& svc, audit::GroupCommitLog& log) {
  r.add(
      {.method = "POST",
       .pattern = "/api/v1/households/{id}/income-items",
       .access = http::Access::need("cases.write"),
       .summary = "Pozycja dochodu członka gospodarstwa (miesiąc, rodzaj, kwota, potrącenia, hektary; okres, za który "
                  "należy się dochód uzyskany jednorazowo — art. 8 ust. 12)",
       .tag = "income",
       .request_schema = {{"type", "object"}, {"required", {"person_id", "type", "month"}}},
       .success_status = 201},
      [&svc](RequestContext& ctx) -> Result<http::Response> {
        OSTOJA_TRY(id, ctx.id());
        OSTOJA_TRY(body, ctx.json_body());
        rules::IncomeItem item;
        OSTOJA_TRY(person, http::int_field(body, "person_id", 1, INT64_MAX));
        OSTOJA_TRY(type, http::string_field(body, "type", 50));
        OSTOJA_TRY(month, http::string_field(body, "month", 7));
        OSTOJA_TRY(amount, money_field(body, "amount_grosze"));
        OSTOJA_TRY(tax, money_field(body, "tax_grosze"));
        OSTOJA_TRY(health, money_field(body, "health_grosze"));
        OSTOJA_TRY(social, money_field(body, "social_grosze"));
        OSTOJA_TRY(alimony, money_field(body, "alimony_paid_grosze"));
        OSTOJA_TRY(hectares, http::optional_int(body, "hectares_e4", 0, 100'000'000));
        OSTOJA_TRY(source, http::string_field(body, "source", 500, false));
        OSTOJA_TRY(period_from, http::string_field(body, "period_from", 7, false));
        OSTOJA_TRY(period_to, http::string_field(body, "period_to", 7, false));
        item.person_id = person;
        item.type = type;
        item.month = month;
        item.amount = amount;
        item.tax = tax;
        item.health = health;
        item.social = social;
        item.alimony_paid = alimony;
        item.hectares_e4 = hectares.value_or(0);
        if (!period_from.empty()) item.period_from = period_from;
        if (!period_to.empty()) item.period_to = period_to;
        OSTOJA_TRY(stored, svc.add(*ctx.principal, id, std::move(item), source));
        return http::json_response(item_json(stored), 201);
      });

  r.add({.method = "GET",
         .pattern = "/api/v1/households/{id}/income",
         .access = http::Access::need("cases.read"),
         .summary =
             "Dochód gospodarstwa za miesiąc (?month=RRRR-MM) i uprawnienie do każdej formy pomocy na dzień (?date=; "
             "skład gospodarstwa i uchwały gminy z tego dnia) — z wyjaśnieniem",
         .tag = "income",
         .query = {{.name = "month", .description = "Miesiąc dochodu, RRRR-MM", .required = true},
                   {.name = "date",
                    .description = "Dzień oceny uprawnień (domyślnie pierwszy dzień następnego miesiąca)",
                    .type = http::QueryParam::Type::date}}},
        [&svc, &log](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(read, svc.assess(*ctx.principal, id, ctx.req.query_param("month").value_or(""),
                                      ctx.req.query_param("date").value_or("")));
          const Assessment& a = read.value;
          Json items = Json::array();
          for (std::size_t i = 0; i < a.items.size(); ++i) {
            Json j = item_json(a.items[i]);
            j["counted_grosze"] = a.income.items[i].counted.grosze;
            j["explanation"] = a.income.items[i].explanation;
            items.push_back(j);
          }
          Json eligibility = Json::array();
          for (const auto& e : a.eligibility)
            eligibility.push_back({{"form", e.form},
                                   {"eligible", e.eligible},
                                   {"income_tested", e.income_tested},
                                   {"amount_grosze", e.amount ? Json(e.amount->grosze) : Json(nullptr)},
                                   {"max_amount_grosze", e.max_amount ? Json(e.max_amount->grosze) : Json(nullptr)},
                                   {"criterion_grosze", e.criterion.grosze},
                                   {"explanation", e.explanation}});
          return cases::gated(http::json_response({{"month", a.month},
                                                   {"date", a.date},
                                                   {"persons", a.income.persons},
                                                   {"total_grosze", a.income.total.grosze},
                                                   {"per_person_grosze", a.income.per_person.grosze},
                                                   {"items", items},
                                                   {"eligibility", eligibility}}),
                              log, read);
        });

  r.add({.method = "GET",
         .pattern = "/api/v1/rules/income-types",
         .access = http::Access::open(),
         .summary = "Rodzaje dochodu i wyłączenia z dochodu (art. 8 u.p.s.) na dzień ?date=",
         .tag = "rules",
         .query = {{.name = "date",
                    .description = "Dzień, na który podać wyłączenia z dochodu",
                    .type = http::QueryParam::Type::date}},
         .run_inline = true},
        [](RequestContext& ctx) -> Result<http::Response> {
          auto date = Date::parse(ctx.req.query_param("date").value_or(""));
          Json types = Json::array();
          for (const auto& t : rules::income_types()) {
            const auto* ex = date ? rules::excluded_on(t.code, *date) : nullptr;
            types.push_back({{"code", t.code},
                             {"name", t.name},
                             {"one_off", t.one_off},
                             {"farm", t.farm},
                             {"excluded", ex != nullptr},
                             {"legal_basis", ex ? Json(ex->legal_basis) : Json(nullptr)}});
          }
          return http::json_response({{"types", types}});
        });
}

}  // namespace ostoja::income
