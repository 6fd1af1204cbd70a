// Thin HTTP adapters for decisions.
#include "modules/decisions/http_routes.h"

#include <algorithm>

#include "http/json_input.h"
#include "modules/cases/http_routes.h"
#include "modules/decisions/amount.h"

namespace ostoja::decisions {

using http::Json;
using http::RequestContext;

namespace {

Json decision_json(const Decision& d) {
  Json events = Json::array();
  for (const auto& e : d.events)
    events.push_back(
        {{"action", e.action}, {"state", e.state}, {"on", e.on}, {"note", e.note}, {"user", e.user}, {"at", e.at}});
  return {{"id", d.id},
          {"number", http::nullable(d.number)},
          {"application_id", http::nullable(d.application_id)},
          {"household_id", d.household_id},
          {"person", {{"id", d.person_id}, {"name", d.person_name}}},
          {"kind", d.kind},
          {"form", d.form},
          {"form_name", d.form_name},
          {"period_from", http::nullable(d.period_from)},
          {"period_to", http::nullable(d.period_to)},
          {"amount_grosze", d.amount.grosze},
          {"calculated_grosze", d.calculated ? Json(d.calculated->grosze) : Json(nullptr)},
          {"household_size", http::nullable(d.household_size)},
          {"income_grosze", d.income ? Json(d.income->grosze) : Json(nullptr)},
          {"calculation", d.calculation},
          {"amount_justification", d.amount_justification},
          {"reasoning", d.reasoning},
          {"changes_decision_id", http::nullable(d.changes_decision_id)},
          {"payment_method", d.payment_method},
          {"iban", d.iban},
          {"state", d.state},
          {"issued_on", http::nullable(d.dates.issued_on)},
          {"delivered_on", http::nullable(d.dates.delivered_on)},
          {"appeal_deadline", http::nullable(d.dates.appeal_deadline)},
          {"appealed_on", http::nullable(d.dates.appealed_on)},
          {"final_on", http::nullable(d.dates.final_on)},
          {"outcome_on", http::nullable(d.dates.outcome_on)},
          {"events", events}};
}

Result<std::optional<int>> small_int(const Json& body, const char* field) {
  OSTOJA_TRY(v, http::optional_int(body, field, 1, 30));
  if (!v) return std::optional<int>{};
  return std::optional<int>(static_cast<int>(*v));
}

}  // namespace

void register_routes(http::Router& r, DecisionService& svc, audit::GroupCommitLog& log) {
  r.add({.method = "POST",
         .pattern = "/api/v1/decisions",
         .access = http::Access::need("decisions.write"),
         .summary = "Projekt decyzji: rodzaj, forma pomocy, okres, kwota z kalkulatora (lub inna z uzasadnieniem)",
         .tag = "decisions",
         .request_schema = {{"type", "object"},
                            {"required", {"household_id", "person_id", "kind", "form", "period_from"}}},
         .success_status = 201},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(body, ctx.json_body());
          NewDecision d;
          OSTOJA_TRY(application, http::optional_int(body, "application_id", 1, INT64_MAX));
          OSTOJA_TRY(household, http::int_field(body, "household_id", 1, INT64_MAX));
          OSTOJA_TRY(person, http::int_field(body, "person_id", 1, INT64_MAX));
          OSTOJA_TRY(kind, http::string_field(body, "kind", 20));
          OSTOJA_TRY(form, http::string_field(body, "form", 50));
          OSTOJA_TRY(from, http::string_field(body, "period_from", 10));
          OSTOJA_TRY(to, http::optional_string(body, "period_to", 10));
          OSTOJA_TRY(amount, http::optional_int(body, "amount_grosze", 0, 100'000'000));
          OSTOJA_TRY(size, small_int(body, "household_size"));
          OSTOJA_TRY(income, http::optional_int(body, "income_grosze", 0, 100'000'000));
          OSTOJA_TRY(justification, http::string_field(body, "amount_justification", 4000, false));
          OSTOJA_TRY(reasoning, http::string_field(body, "reasoning", 20000, false));
          OSTOJA_TRY(changes, http::optional_int(body, "changes_decision_id", 1, INT64_MAX));
          OSTOJA_TRY(method, http::string_field(body, "payment_method", 20, false));
          OSTOJA_TRY(iban, http::string_field(body, "iban", 40, false));
          if (!method.empty()) d.payment_method = method;
          d.iban = iban;
          d.application_id = application;
          d.household_id = household;
          d.person_id = person;
          d.kind = kind;
          d.form = form;
          d.period_from = from;
          d.period_to = to;
          d.amount_grosze = amount;
          d.household_size = size;
          d.income_grosze = income;
          d.amount_justification = justification;
          d.reasoning = reasoning;
          d.changes_decision_id = changes;
          OSTOJA_TRY(created, svc.create_draft(*ctx.principal, std::move(d)));
          return http::json_response(decision_json(created.value), 201);
        });

  r.add({.method = "POST",
         .pattern = "/api/v1/decisions/amount-preview",
         .access = http::Access::need("decisions.write"),
         .summary = "Podgląd kwoty decyzji: wyliczenie i dopuszczalny zakres (bez zapisu)",
         .tag = "decisions",
         .request_schema = {{"type", "object"}, {"required", {"form", "date"}}}},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(body, ctx.json_body());
          OSTOJA_TRY(form, http::string_field(body, "form", 50));
          OSTOJA_TRY(kind_text, http::string_field(body, "kind", 20, false));
          OSTOJA_TRY(date_text, http::string_field(body, "date", 10));
          OSTOJA_TRY(size, small_int(body, "household_size"));
          OSTOJA_TRY(income, http::optional_int(body, "income_grosze", 0, 100'000'000));
          OSTOJA_TRY(kind, parse_kind(kind_text.empty() ? "grant" : kind_text));
          auto date = Date::parse(date_text);
          if (!date) return Error::validation("Podaj datę w postaci RRRR-MM-DD.", "date");
          AmountFacts f{form, kind, *date, size, income ? std::optional<Money>(Money{*income}) : std::nullopt, {}};
          OSTOJA_TRY(range, svc.amount_preview(*ctx.principal, std::move(f)));
          return http::json_response(
              {{"calculated_grosze", range.calculated ? Json(range.calculated->grosze) : Json(nullptr)},
               {"min_grosze", range.min.grosze},
               {"max_grosze", range.max.grosze},
               {"fixed", range.fixed},
               {"required", range.required},
               {"explanation", range.explanation}});
        });

  r.add({.method = "GET",
         .pattern = "/api/v1/decisions/{id}",
         .access = http::Access::need("cases.read"),
         .summary = "Decyzja z historią i podstawą prawną (szablon ośrodka) — odczyt audytowany",
         .tag = "decisions"},
        [&svc, &log](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(read, svc.get(*ctx.principal, id));
          Json out = decision_json(read.value);
          out["legal_basis"] = read.value.legal_basis;
          return cases::gated(http::json_response(out), log, read);
        });

  r.add({.method = "GET",
         .pattern = "/api/v1/households/{id}/decisions",
         .access = http::Access::need("cases.read"),
         .summary = "Decyzje środowiska (najnowsze najpierw) — odczyt audytowany",
         .tag = "decisions"},
        [&svc, &log](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(read, svc.for_household(*ctx.principal, id));
          Json items = Json::array();
          for (const auto& d : read.value) items.push_back(decision_json(d));
          return cases::gated(http::json_response({{"items", items}}), log, read);
        });

  r.add({.method = "GET",
         .pattern = "/api/v1/decisions/{id}/pdf",
         .access = http::Access::need("cases.read"),
         .summary = "Decyzja do druku (PDF A4, polskie znaki; projekt oznaczony) — odczyt audytowany",
         .tag = "decisions",
         .response_type = "application/pdf"},
        [&svc, &log](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(doc, svc.document(*ctx.principal, id));
          OSTOJA_TRY(pdf, render_decision_pdf(doc.value));
          http::Response resp;
          resp.content_type = "application/pdf";
          resp.body = std::move(pdf);
          std::string file = "decyzja-" + doc.value.number + ".pdf";
          std::replace(file.begin(), file.end(), '/', '-');
          resp.header("Content-Disposition", "inline; filename=\"" + file + "\"");
          return cases::gated(std::move(resp), log, doc);
        });

  r.add({.method = "GET",
         .pattern = "/api/v1/decision-templates",
         .access = http::Access::need("org.templates"),
         .summary = "Szablony tekstów decyzji ośrodka (podstawa prawna, pouczenie, podpis) i dozwolone pola {{…}}",
         .tag = "decisions"},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(all, svc.templates(*ctx.principal));
          Json items = Json::object();
          for (const auto& [name, body] : all) items[name] = body;
          return http::json_response({{"templates", items}, {"placeholders", known_placeholders()}});
        });

  r.add({.method = "PUT",
         .pattern = "/api/v1/decision-templates/{name}",
         .access = http::Access::need("org.templates"),
         .summary = "Zmiana szablonu tekstu decyzji (tylko znane pola {{…}})",
         .tag = "decisions",
         .request_schema = {{"type", "object"}, {"required", {"body"}}}},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(body, ctx.json_body());
          OSTOJA_TRY(text, http::string_field(body, "body", 20000));
          OSTOJA_CHECK(svc.set_template(*ctx.principal, ctx.params["name"], text));
          return http::json_response({{"name", ctx.params["name"]}, {"body", text}});
        });

  auto act = [&svc](RequestContext& ctx, std::string action) -> Result<http::Response> {
    OSTOJA_TRY(id, ctx.id());
    OSTOJA_TRY(body, ctx.json_body());
    OSTOJA_TRY(date, http::string_field(body, "date", 10, false));
    if (action.empty()) {
      OSTOJA_TRY(a, http::string_field(body, "action", 20));
      action = a;
      if (action == "approve")
        return Error::validation("Podpisanie decyzji: POST /api/v1/decisions/{id}/approve.", "action");
    }
    OSTOJA_TRY(done, svc.act(*ctx.principal, id, action, date));
    return http::json_response(decision_json(done.value));
  };
  r.add({.method = "POST",
         .pattern = "/api/v1/decisions/{id}/approve",
         .access = http::Access::need("decisions.approve"),
         .summary = "Podpisanie (zatwierdzenie) decyzji — nadaje numer w rejestrze",
         .tag = "decisions",
         .request_schema = {{"type", "object"}}},
        [act](RequestContext& ctx) { return act(ctx, "approve"); });
  r.add(
      {.method = "POST",
       .pattern = "/api/v1/decisions/{id}/events",
       .access = http::Access::need("decisions.write"),
       .summary =
           "Czynność w sprawie decyzji: deliver, make_final, waive_appeal, appeal, uphold, overturn, send_back, cancel",
       .tag = "decisions",
       .request_schema = {{"type", "object"}, {"required", {"action"}}}},
      [act](RequestContext& ctx) { return act(ctx, ""); });
}

}  // namespace ostoja::decisions
