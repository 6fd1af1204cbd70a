// Thin HTTP adapters for applications, interviews and the worklist.
#include "modules/applications/http_routes.h"

#include "http/json_input.h"
#include "modules/cases/http_routes.h"

namespace ostoja::applications {

using http::Json;
using http::RequestContext;

namespace {

Json interview_json(const Interview& i) {
  Json parts = Json::object();
  for (const auto& [k, v] : i.parts) parts[k] = v;
  return {{"id", i.id},
          {"household_id", i.household_id},
          {"application_id", http::nullable(i.application_id)},
          {"kind", i.kind},
          {"status", i.status},
          {"due_on", i.due_on},
          {"worker_id", http::nullable(i.worker_id)},
          {"conducted_on", http::nullable(i.conducted_on)},
          {"parts", parts},
          {"health_hidden", i.health_hidden}};
}

Json application_json(const Application& a) {
  Json reasons = Json::array();
  for (const auto& r : a.reasons) reasons.push_back({{"code", r.code}, {"point", r.point}, {"wording", r.wording}});
  Json interviews = Json::array();
  for (const auto& i : a.interviews) interviews.push_back(interview_json(i));
  return {{"id", a.id},
          {"number", a.number},
          {"household_id", a.household_id},
          {"applicant", {{"id", a.applicant_id}, {"name", a.applicant_name}}},
          {"mode", a.mode},
          {"received_on", a.received_on},
          {"urgent", a.urgent},
          {"complex", a.complex},
          {"forms", a.forms},
          {"reasons", reasons},
          {"description", a.description},
          {"status", a.status},
          {"interview_due", a.interview_due},
          {"decision_due", a.decision_due},
          {"closed_on", http::nullable(a.closed_on)},
          {"interviews", interviews}};
}

}  // namespace

void register_routes(http::Router& r, ApplicationService& svc, audit::GroupCommitLog& log) {
  r.add(
      {.method = "POST",
       .pattern = "/api/v1/applications",
       .access = http::Access::need("cases.write"),
       .summary = "Rejestracja wniosku (lub sprawy z urzędu): formy pomocy, powody z art. 7, terminy wywiadu i decyzji",
       .tag = "applications",
       .request_schema = {{"type", "object"},
                          {"required", {"household_id", "applicant_id", "received_on", "forms", "reasons"}}},
       .success_status = 201},
      [&svc](RequestContext& ctx) -> Result<http::Response> {
        OSTOJA_TRY(body, ctx.json_body());
        NewApplication a;
        OSTOJA_TRY(household, http::int_field(body, "household_id", 1, INT64_MAX));
        OSTOJA_TRY(applicant, http::int_field(body, "applicant_id", 1, INT64_MAX));
        OSTOJA_TRY(mode, http::string_field(body, "mode", 20, false));
        OSTOJA_TRY(received, http::string_field(body, "received_on", 10));
        OSTOJA_TRY(urgent, http::optional_bool(body, "urgent"));
        OSTOJA_TRY(complex, http::optional_bool(body, "complex"));
        OSTOJA_TRY(forms, http::optional_string_list(body, "forms", 20));
        OSTOJA_TRY(reasons, http::optional_string_list(body, "reasons", 20));
        OSTOJA_TRY(description, http::string_field(body, "description", 4000, false));
        a.household_id = household;
        a.applicant_id = applicant;
        if (!mode.empty()) a.mode = mode;
        a.received_on = received;
        a.urgent = urgent.value_or(false);
        a.complex = complex.value_or(false);
        a.forms = forms.value_or(std::vector<std::string>{});
        a.reasons = reasons.value_or(std::vector<std::string>{});
        a.description = description;
        OSTOJA_TRY(created, svc.create(*ctx.principal, std::move(a)));
        return http::json_response(application_json(created.value), 201);
      });

  r.add({.method = "GET",
         .pattern = "/api/v1/applications/{id}",
         .access = http::Access::need("cases.read"),
         .summary = "Wniosek z wywiadami — odczyt audytowany",
         .tag = "applications"},
        [&svc, &log](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(read, svc.get(*ctx.principal, id));
          return cases::gated(http::json_response(application_json(read.value)), log, read);
        });

  r.add({.method = "GET",
         .pattern = "/api/v1/households/{id}/applications",
         .access = http::Access::need("cases.read"),
         .summary = "Wnioski środowiska (najnowsze najpierw) — odczyt audytowany",
         .tag = "applications"},
        [&svc, &log](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(read, svc.for_household(*ctx.principal, id));
          Json items = Json::array();
          for (const auto& a : read.value) items.push_back(application_json(a));
          return cases::gated(http::json_response({{"items", items}}), log, read);
        });

  r.add({.method = "POST",
         .pattern = "/api/v1/applications/{id}/withdraw",
         .access = http::Access::need("cases.write"),
         .summary = "Wycofanie wniosku przez wnioskodawcę (KPA art. 105 § 2)",
         .tag = "applications",
         .request_schema = {{"type", "object"}, {"required", {"date"}}}},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(body, ctx.json_body());
          OSTOJA_TRY(date, http::string_field(body, "date", 10));
          OSTOJA_TRY(done, svc.withdraw(*ctx.principal, id, date));
          return http::json_response(application_json(done.value));
        });

  r.add({.method = "GET",
         .pattern = "/api/v1/households/{id}/interviews",
         .access = http::Access::need("cases.read"),
         .summary = "Wszystkie wywiady środowiska (także bez wniosku) — odczyt audytowany",
         .tag = "applications"},
        [&svc, &log](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(read, svc.interviews(*ctx.principal, id));
          Json items = Json::array();
          for (const auto& i : read.value) items.push_back(interview_json(i));
          return cases::gated(http::json_response({{"items", items}}), log, read);
        });

  r.add({.method = "GET",
         .pattern = "/api/v1/interviews/{id}",
         .access = http::Access::need("cases.read"),
         .summary = "Wywiad środowiskowy — odczyt audytowany (część o zdrowiu tylko z uprawnieniem)",
         .tag = "applications"},
        [&svc, &log](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(read, svc.interview(*ctx.principal, id));
          return cases::gated(http::json_response(interview_json(read.value)), log, read);
        });

  r.add({.method = "POST",
         .pattern = "/api/v1/interviews/{id}/complete",
         .access = http::Access::need("cases.write"),
         .summary = "Zakończenie wywiadu środowiskowego: data i części kwestionariusza",
         .tag = "applications",
         .request_schema = {{"type", "object"}, {"required", {"conducted_on", "parts"}}}},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(body, ctx.json_body());
          CompletedInterview c;
          OSTOJA_TRY(conducted, http::string_field(body, "conducted_on", 10));
          c.conducted_on = conducted;
          auto parts = body.find("parts");
          if (parts == body.end() || !parts->is_object())
            return Error::validation("Pole „parts” musi być obiektem z częściami kwestionariusza.", "parts");
          for (auto it = parts->begin(); it != parts->end(); ++it) {
            if (!it.value().is_string())
              return Error::validation("Część „" + it.key() + "” musi być tekstem.", "parts." + it.key());
            c.parts[it.key()] = it.value().get<std::string>();
          }
          OSTOJA_TRY(done, svc.complete_interview(*ctx.principal, id, std::move(c)));
          return http::json_response(interview_json(done.value));
        });

  r.add({.method = "POST",
         .pattern = "/api/v1/households/{id}/interviews",
         .access = http::Access::need("cases.write"),
         .summary = "Zaplanowanie wywiadu w związku ze zmianą sytuacji (termin ustawowy od dziś)",
         .tag = "applications",
         .request_schema = {{"type", "object"}},
         .success_status = 201},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(body, ctx.json_body());
          OSTOJA_TRY(urgent, http::optional_bool(body, "urgent"));
          OSTOJA_TRY(planned, svc.plan_change_interview(*ctx.principal, id, urgent.value_or(false)));
          return http::json_response(interview_json(planned.value), 201);
        });

  r.add({.method = "GET",
         .pattern = "/api/v1/worklist",
         .access = http::Access::need("cases.read"),
         .summary =
             "Lista zadań: zaległe i zbliżające się wywiady i decyzje (?as_of=, ?days=, ?section_id=, ?worker_id=), "
             "z liczbami według sekcji i pracowników",
         .tag = "applications",
         .query = {{.name = "as_of",
                    .description = "Dzień, na który liczyć terminy (domyślnie dziś)",
                    .type = http::QueryParam::Type::date},
                   {.name = "days",
                    .description = "Horyzont w dniach: 0–90 (domyślnie 14)",
                    .type = http::QueryParam::Type::integer},
                   {.name = "section_id",
                    .description = "Tylko zadania sekcji o tym identyfikatorze",
                    .type = http::QueryParam::Type::integer},
                   {.name = "worker_id",
                    .description = "Tylko zadania pracownika o tym identyfikatorze",
                    .type = http::QueryParam::Type::integer}}},
        [&svc, &log](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(days, http::query_int(ctx.req, "days", 14, 0, 90));
          OSTOJA_TRY(section, http::query_opt_int(ctx.req, "section_id"));
          OSTOJA_TRY(worker, http::query_opt_int(ctx.req, "worker_id"));
          auto as_of = ctx.req.query_param("as_of");
          OSTOJA_TRY(list, svc.worklist(*ctx.principal, as_of ? *as_of : std::string_view{}, static_cast<int>(days),
                                        WorklistFilter{section, worker}));
          Json items = Json::array();
          for (const auto& w : list.value.items)
            items.push_back({{"kind", w.kind},
                             {"due_on", w.due_on},
                             {"days_left", w.days_left},
                             {"household_id", w.household_id},
                             {"application_id", http::nullable(w.application_id)},
                             {"application_number", w.application_number},
                             {"interview_id", http::nullable(w.interview_id)},
                             {"decision_id", http::nullable(w.decision_id)},
                             {"contract_id", http::nullable(w.contract_id)},
                             {"worker_id", http::nullable(w.worker_id)},
                             {"section_id", http::nullable(w.section_id)},
                             {"person", {{"id", w.person_id}, {"name", w.person_name}}},
                             {"address", w.address}});
          Json counts = Json::array();
          for (const auto& c : list.value.by_worker)
            counts.push_back({{"worker_id", http::nullable(c.worker_id)},
                              {"worker_name", c.worker_name},
                              {"overdue", c.overdue},
                              {"upcoming", c.upcoming}});
          Json sections = Json::array();
          for (const auto& c : list.value.by_section)
            sections.push_back({{"section_id", http::nullable(c.section_id)},
                                {"section_number", c.section_id ? Json(c.section_number) : Json(nullptr)},
                                {"section_name", c.section_name},
                                {"overdue", c.overdue},
                                {"upcoming", c.upcoming}});
          return cases::gated(http::json_response({{"as_of", list.value.as_of},
                                                   {"days", list.value.horizon_days},
                                                   {"filter",
                                                    {{"section_id", http::nullable(list.value.filter.section_id)},
                                                     {"worker_id", http::nullable(list.value.filter.worker_id)}}},
                                                   {"items", items},
                                                   {"by_worker", counts},
                                                   {"by_section", sections}}),
                              log, list);
        });
}

}  // namespace ostoja::applications
