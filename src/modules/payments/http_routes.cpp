// Thin HTTP adapters for payments and payment lists.
#include "modules/payments/http_routes.h"

#include <algorithm>

#include "http/json_input.h"
#include "modules/cases/http_routes.h"

namespace ostoja::payments {

using http::Json;
using http::RequestContext;

namespace {

Json payment_json(const Payment& p) {
  return {{"id", p.id},
          {"decision_id", p.decision_id},
          {"decision_number", http::nullable(p.decision_number)},
          {"household_id", p.household_id},
          {"person", {{"id", p.person_id}, {"name", p.person_name}}},
          {"form", p.form},
          {"month", p.month},
          {"due_on", p.due_on},
          {"kind", p.kind},
          {"method", p.method},
          {"iban", p.iban},
          {"status", p.status},
          {"amount_grosze", p.amount.grosze},
          {"list_id", http::nullable(p.list_id)},
          {"status_on", http::nullable(p.status_on)}};
}

Json summary_json(const ListSummary& s) {
  return {{"id", s.id},         {"number", s.number}, {"payment_date", s.payment_date}, {"method", s.method},
          {"status", s.status}, {"count", s.count},   {"total_grosze", s.total.grosze}};
}

}  // namespace

void register_routes(http::Router& r, PaymentService& svc, audit::GroupCommitLog& log) {
  r.add({.method = "GET",
         .pattern = "/api/v1/households/{id}/payments",
         .access = http::Access::need("cases.read"),
         .summary = "Wypłaty środowiska (harmonogram, statusy, korekty) — odczyt audytowany",
         .tag = "payments"},
        [&svc, &log](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(read, svc.for_household(*ctx.principal, id));
          Json items = Json::array();
          for (const auto& p : read.value) items.push_back(payment_json(p));
          return cases::gated(http::json_response({{"items", items}}), log, read);
        });

  r.add({.method = "GET",
         .pattern = "/api/v1/decisions/{id}/payment-totals",
         .access = http::Access::need("cases.read"),
         .summary = "Uzgodnienie: kwota przyznana decyzją a suma wypłat",
         .tag = "payments"},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(t, svc.totals(*ctx.principal, id));
          return http::json_response({{"decision_id", t.decision_id},
                                      {"granted_grosze", t.granted.grosze},
                                      {"payments_grosze", t.payments.grosze},
                                      {"reconciled", t.reconciled}});
        });

  r.add({.method = "POST",
         .pattern = "/api/v1/payment-lists",
         .access = http::Access::need("payments.manage"),
         .summary = "Nowa lista wypłat: zaplanowane wypłaty do dnia wypłaty, danym sposobem",
         .tag = "payments",
         .request_schema = {{"type", "object"}, {"required", {"payment_date", "method"}}},
         .success_status = 201},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(body, ctx.json_body());
          OSTOJA_TRY(date, http::string_field(body, "payment_date", 10));
          OSTOJA_TRY(method, http::string_field(body, "method", 20));
          OSTOJA_TRY(s, svc.create_list(*ctx.principal, date, method));
          return http::json_response(summary_json(s), 201);
        });

  r.add({.method = "GET",
         .pattern = "/api/v1/payment-lists",
         .access = http::Access::need("payments.read"),
         .summary = "Listy wypłat (najnowsze najpierw)",
         .tag = "payments"},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(all, svc.lists(*ctx.principal));
          Json items = Json::array();
          for (const auto& s : all) items.push_back(summary_json(s));
          return http::json_response({{"items", items}});
        });

  r.add({.method = "GET",
         .pattern = "/api/v1/payment-lists/{id}",
         .access = http::Access::need("payments.read"),
         .summary = "Lista wypłat z pozycjami — odczyt audytowany",
         .tag = "payments"},
        [&svc, &log](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(read, svc.list(*ctx.principal, id));
          Json out = summary_json(read.value.summary);
          Json items = Json::array();
          for (const auto& p : read.value.payments) items.push_back(payment_json(p));
          out["payments"] = items;
          return cases::gated(http::json_response(out), log, read);
        });

  r.add({.method = "GET",
         .pattern = "/api/v1/payment-lists/{id}/export",
         .access = http::Access::need("payments.read"),
         .summary = "Plik listy wypłat: ?format=csv | xlsx | elixir (plik przelewów Elixir-O, Windows-1250) — eksport "
                    "audytowany",
         .tag = "payments",
         .query = {{.name = "format",
                    .description = "Rodzaj pliku (domyślnie csv)",
                    .values = {"csv", "xlsx", "elixir"}}},
         .response_type = "application/octet-stream"},
        [&svc, &log](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          const std::string format = ctx.req.query_param("format").value_or("csv");
          if (format != "csv" && format != "xlsx" && format != "elixir")
            return Error::validation("Format: csv, xlsx albo elixir.", "format");
          OSTOJA_TRY(read, svc.file_list(*ctx.principal, id));
          http::Response resp;
          std::string name = "lista-wyplat-" + read.value.number;
          std::replace(name.begin(), name.end(), '/', '-');
          if (format == "csv") {
            OSTOJA_TRY(bytes, to_csv(read.value));
            resp.content_type = "text/csv; charset=utf-8";
            resp.body = std::move(bytes);
            name += ".csv";
          } else if (format == "xlsx") {
            OSTOJA_TRY(bytes, to_xlsx(read.value));
            resp.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            resp.body = std::move(bytes);
            name += ".xlsx";
          } else {
            OSTOJA_TRY(bytes, to_elixir(read.value));
            resp.content_type = "text/plain; charset=windows-1250";
            resp.body = std::move(bytes);
            name += ".pli";
          }
          resp.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
          return cases::gated(std::move(resp), log, read);
        });

  r.add({.method = "POST",
         .pattern = "/api/v1/payment-lists/{id}/send",
         .access = http::Access::need("payments.manage"),
         .summary = "Wysłanie listy do banku / kasy (wypłaty: wysłane)",
         .tag = "payments",
         .request_schema = {{"type", "object"}}},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(s, svc.send_list(*ctx.principal, id));
          return http::json_response(summary_json(s));
        });

  r.add({.method = "POST",
         .pattern = "/api/v1/payments/{id}/status",
         .access = http::Access::need("payments.manage"),
         .summary = "Potwierdzenie wypłaty: paid albo returned, z datą",
         .tag = "payments",
         .request_schema = {{"type", "object"}, {"required", {"status", "date"}}}},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(body, ctx.json_body());
          OSTOJA_TRY(status, http::string_field(body, "status", 20));
          OSTOJA_TRY(date, http::string_field(body, "date", 10));
          OSTOJA_TRY(p, svc.set_status(*ctx.principal, id, status, date));
          return http::json_response(payment_json(p));
        });
}

}  // namespace ostoja::payments
