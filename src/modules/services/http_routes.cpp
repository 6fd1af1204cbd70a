// Thin HTTP adapters for non-cash help, social work and the statistics over them.
#include "modules/services/http_routes.h"

#include "http/json_input.h"
#include "modules/cases/http_routes.h"

namespace ostoja::services {

using http::Json;
using http::RequestContext;

namespace {


Json service_json(const Service& s) {
  const auto& d = s.data;
  return {{"id", s.id},          {"household_id", d.household_id}, {"person_id", http::nullable(d.person_id)},
          {"decision_id", http::nullable(d.decision_id)}, {"kind", d.kind},   {"subtype", d.subtype},
          {"place", d.place},    {"date_from", d.date_from},       {"date_to", d.date_to},
          {"quantity", d.quantity}, {"fee_grosze", d.fee_grosze},  {"note", d.note}};
}

Json social_json(const SocialWork& w) {
  const auto& d = w.data;
  return {{"id", w.id},           {"household_id", d.household_id}, {"kind", d.kind},
          {"person_id", http::nullable(d.person_id)}, {"on_date", d.on_date},  {"until_date", http::nullable(d.until_date)},
          {"review_on", http::nullable(d.review_on)}, {"hours", d.hours},      {"subtype", d.subtype},
          {"description", d.description},  {"outcome", d.outcome},  {"worker_id", http::nullable(w.worker_id)}};
}

}  // namespace

void register_routes(http::Router& r, ServicesService& svc, audit::GroupCommitLog& log) {
  r.add({.method = "POST", .pattern = "/api/v1/households/{id}/services", .access = http::Access::need("cases.write"),
         .summary = "Udzielona pomoc niepieniężna: posiłek, pomoc rzeczowa, schronienie, usługi, mieszkanie chronione, DPS, "
                    "pogrzeb, interwencja kryzysowa, poradnictwo",
         .tag = "services", .request_schema = {{"type", "object"}, {"required", {"kind", "date_from", "date_to"}}},
         .success_status = 201},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(body, ctx.json_body());
          NewService s;
          s.household_id = id;
          OSTOJA_TRY(person, http::optional_int(body, "person_id", 1, INT64_MAX));
          OSTOJA_TRY(decision, http::optional_int(body, "decision_id", 1, INT64_MAX));
          OSTOJA_TRY(kind, http::string_field(body, "kind", 50));
          OSTOJA_TRY(subtype, http::string_field(body, "subtype", 50, false));
          OSTOJA_TRY(place, http::string_field(body, "place", 200, false));
          OSTOJA_TRY(from, http::string_field(body, "date_from", 10));
          OSTOJA_TRY(to, http::string_field(body, "date_to", 10));
          OSTOJA_TRY(quantity, http::optional_int(body, "quantity", 0, 100000));
          OSTOJA_TRY(fee, http::optional_int(body, "fee_grosze", 0, 100'000'000));
          OSTOJA_TRY(note, http::string_field(body, "note", 2000, false));
          s.person_id = person;
          s.decision_id = decision;
          s.kind = kind;
          s.subtype = subtype;
          s.place = place;
          s.date_from = from;
          s.date_to = to;
          s.quantity = static_cast<int>(quantity.value_or(1));
          s.fee_grosze = fee.value_or(0);
          s.note = note;
          OSTOJA_TRY(saved, svc.record(*ctx.principal, std::move(s)));
          return http::json_response(service_json(saved), 201);
        });

  r.add({.method = "GET", .pattern = "/api/v1/households/{id}/services", .access = http::Access::need("cases.read"),
         .summary = "Pomoc niepieniężna udzielona środowisku — odczyt audytowany", .tag = "services"},
        [&svc, &log](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(read, svc.services_of(*ctx.principal, id));
          Json items = Json::array();
          for (const auto& s : read.value) items.push_back(service_json(s));
          return cases::gated(http::json_response({{"items", items}}), log, read);
        });

  r.add({.method = "POST", .pattern = "/api/v1/households/{id}/social-work", .access = http::Access::need("cases.write"),
         .summary = "Praca socjalna: wpis, kontrakt socjalny, prace społecznie użyteczne, aktywizacja, skierowanie",
         .tag = "services", .request_schema = {{"type", "object"}, {"required", {"kind", "on_date"}}}, .success_status = 201},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(body, ctx.json_body());
          NewSocialWork w;
          w.household_id = id;
          OSTOJA_TRY(kind, http::string_field(body, "kind", 30));
          OSTOJA_TRY(person, http::optional_int(body, "person_id", 1, INT64_MAX));
          OSTOJA_TRY(on, http::string_field(body, "on_date", 10));
          OSTOJA_TRY(until, http::optional_string(body, "until_date", 10));
          OSTOJA_TRY(review, http::optional_string(body, "review_on", 10));
          OSTOJA_TRY(hours, http::optional_int(body, "hours", 0, 1000));
          OSTOJA_TRY(subtype, http::string_field(body, "subtype", 200, false));
          OSTOJA_TRY(description, http::string_field(body, "description", 20000, false));
          OSTOJA_TRY(outcome, http::string_field(body, "outcome", 20, false));
          w.kind = kind;
          w.person_id = person;
          w.on_date = on;
          w.until_date = until;
          w.review_on = review;
          w.hours = static_cast<int>(hours.value_or(0));
          w.subtype = subtype;
          w.description = description;
          w.outcome = outcome;
          OSTOJA_TRY(saved, svc.record_social_work(*ctx.principal, std::move(w)));
          return http::json_response(social_json(saved), 201);
        });

  r.add({.method = "POST", .pattern = "/api/v1/social-work/{id}/review", .access = http::Access::need("cases.write"),
         .summary = "Ocena kontraktu socjalnego: wynik (zamyka kontrakt) albo termin następnej oceny, z notatką",
         .tag = "services", .request_schema = {{"type", "object"}, {"required", {"on_date"}}}},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(body, ctx.json_body());
          OSTOJA_TRY(on, http::string_field(body, "on_date", 10));
          OSTOJA_TRY(outcome, http::string_field(body, "outcome", 20, false));
          OSTOJA_TRY(next, http::optional_string(body, "review_on", 10));
          OSTOJA_TRY(note, http::string_field(body, "note", 5000, false));
          OSTOJA_TRY(saved, svc.review_contract(*ctx.principal, id, on, outcome, next, note));
          return http::json_response(social_json(saved));
        });

  r.add({.method = "GET", .pattern = "/api/v1/households/{id}/social-work", .access = http::Access::need("cases.read"),
         .summary = "Praca socjalna ze środowiskiem — odczyt audytowany", .tag = "services"},
        [&svc, &log](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(read, svc.social_work_of(*ctx.principal, id));
          Json items = Json::array();
          for (const auto& w : read.value) items.push_back(social_json(w));
          return cases::gated(http::json_response({{"items", items}}), log, read);
        });

  r.add({.method = "GET", .pattern = "/api/v1/statistics/assistance", .access = http::Access::need("stats.read"),
         .summary = "Liczby do sprawozdań za okres ?from=&to=: rodziny wg form pomocy, dożywianie dzieci, mieszkania "
                    "chronione, poradnictwo, praca socjalna (tylko dane zagregowane)",
         .tag = "statistics"},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(s, svc.statistics(*ctx.principal, ctx.req.query_param("from").value_or(""),
                                       ctx.req.query_param("to").value_or("")));
          return http::json_response({{"from", s.from},
                                      {"to", s.to},
                                      {"families_by_form", s.families_by_form},
                                      {"in_kind_families", s.in_kind_families},
                                      {"meals_children", s.meals_children},
                                      {"sheltered", {{"flats", s.sheltered_flats},
                                                     {"persons", s.sheltered_persons},
                                                     {"children", s.sheltered_children}}},
                                      {"counselling", {{"persons", s.counselling_persons}, {"consultations", s.consultations}}},
                                      {"social_work", {{"families", s.social_work_families},
                                                       {"contracts", s.contracts},
                                                       {"community_work_persons", s.community_work_persons},
                                                       {"community_work_hours", s.community_work_hours},
                                                       {"activation", s.activation},
                                                       {"referrals", s.referrals}}}});
        });
}

}  // namespace ostoja::services
