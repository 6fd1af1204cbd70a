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
  Json deliveries = Json::array();
  for (const auto& v : d.deliveries) deliveries.push_back({{"on_date", v.on_date}, {"quantity", v.quantity}});
  Json out{{"id", s.id},
           {"household_id", d.household_id},
           {"person_id", http::nullable(d.person_id)},
           {"decision_id", http::nullable(d.decision_id)},
           {"kind", d.kind},
           {"subtype", d.subtype},
           {"place", d.place},
           {"date_from", d.date_from},
           {"date_to", d.date_to},
           {"quantity", d.quantity.value_or(0)},
           {"deliveries", deliveries},
           {"fee_grosze", d.fee_grosze},
           {"note", d.note},
           {"flat_id", http::nullable(d.flat_id)}};
  if (d.cost_grosze)
    out["care_home_fee"] = {
        {"cost_grosze", *d.cost_grosze},
        {"resident_grosze", d.resident_fee_grosze.value_or(0)},
        {"family_grosze", d.family_fee_grosze.value_or(0)},
        {"gmina_grosze", *d.cost_grosze - d.resident_fee_grosze.value_or(0) - d.family_fee_grosze.value_or(0)}};
  return out;
}

// [{"on_date","quantity"}…] of a new record; a malformed list → validation error on `deliveries`.
Result<std::vector<Delivery>> deliveries_field(const Json& body) {
  std::vector<Delivery> out;
  if (!body.contains("deliveries") || body["deliveries"].is_null()) return out;
  const auto& list = body["deliveries"];
  if (!list.is_array() || list.size() > 400)
    return Error::validation("deliveries: lista (najwyżej 400) pozycji {\"on_date\", \"quantity\"}.", "deliveries");
  for (const auto& item : list) {
    const bool well_formed = item.is_object() && item.contains("on_date") && item["on_date"].is_string() &&
                             item.contains("quantity") && item["quantity"].is_number_integer();
    if (!well_formed)
      return Error::validation("deliveries: każda pozycja to {\"on_date\": \"RRRR-MM-DD\", \"quantity\": liczba}.",
                               "deliveries");
    const auto q = item["quantity"].get<std::int64_t>();
    if (q < 1 || q > 100000) return Error::validation("Ilość w jednym dniu: od 1 do 100 000.", "deliveries");
    out.push_back({item["on_date"].get<std::string>(), static_cast<int>(q)});
  }
  return out;
}

Json flat_json(const Flat& f) {
  return {{"id", f.id},
          {"name", f.data.name},
          {"address", f.data.address},
          {"places", f.data.places},
          {"opened_on", f.data.opened_on},
          {"closed_on", http::nullable(f.data.closed_on)}};
}

Json social_json(const SocialWork& w) {
  const auto& d = w.data;
  return {{"id", w.id},
          {"household_id", d.household_id},
          {"kind", d.kind},
          {"person_id", http::nullable(d.person_id)},
          {"on_date", d.on_date},
          {"until_date", http::nullable(d.until_date)},
          {"review_on", http::nullable(d.review_on)},
          {"hours", d.hours},
          {"subtype", d.subtype},
          {"description", d.description},
          {"outcome", d.outcome},
          {"worker_id", http::nullable(w.worker_id)}};
}

}  // namespace

void register_routes(http::Router& r, ServicesService& svc, audit::GroupCommitLog& log) {
  r.add({.method = "POST",
         .pattern = "/api/v1/households/{id}/services",
         .access = http::Access::need("cases.write"),
         .summary =
             "Udzielona pomoc niepieniężna: posiłek, pomoc rzeczowa, schronienie, usługi, mieszkanie chronione, DPS, "
             "pogrzeb, interwencja kryzysowa, poradnictwo",
         .tag = "services",
         .request_schema = {{"type", "object"}, {"required", {"kind", "date_from", "date_to"}}},
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
          OSTOJA_TRY(deliveries, deliveries_field(body));
          OSTOJA_TRY(flat, http::optional_int(body, "flat_id", 1, INT64_MAX));
          OSTOJA_TRY(cost, http::optional_int(body, "cost_grosze", 0, 100'000'000));
          OSTOJA_TRY(resident, http::optional_int(body, "resident_fee_grosze", 0, 100'000'000));
          OSTOJA_TRY(family, http::optional_int(body, "family_fee_grosze", 0, 100'000'000));
          OSTOJA_TRY(income, http::optional_int(body, "resident_income_grosze", 0, 100'000'000));
          s.person_id = person;
          s.decision_id = decision;
          s.kind = kind;
          s.subtype = subtype;
          s.place = place;
          s.date_from = from;
          s.date_to = to;
          if (quantity) s.quantity = static_cast<int>(*quantity);
          s.deliveries = std::move(deliveries);
          s.fee_grosze = fee.value_or(0);
          s.note = note;
          s.flat_id = flat;
          s.cost_grosze = cost;
          s.resident_fee_grosze = resident;
          s.family_fee_grosze = family;
          s.resident_income_grosze = income;
          OSTOJA_TRY(saved, svc.record(*ctx.principal, std::move(s)));
          return http::json_response(service_json(saved), 201);
        });

  r.add({.method = "GET",
         .pattern = "/api/v1/households/{id}/services",
         .access = http::Access::need("cases.read"),
         .summary = "Pomoc niepieniężna udzielona środowisku — odczyt audytowany",
         .tag = "services"},
        [&svc, &log](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(read, svc.services_of(*ctx.principal, id));
          Json items = Json::array();
          for (const auto& s : read.value) items.push_back(service_json(s));
          return cases::gated(http::json_response({{"items", items}}), log, read);
        });

  r.add({.method = "POST",
         .pattern = "/api/v1/services/{id}/deliveries",
         .access = http::Access::need("cases.write"),
         .summary = "Ilość udzielona w dniu (konsultacja, posiłki lub godziny za miesiąc) w trwającym zapisie pomocy",
         .tag = "services",
         .request_schema = {{"type", "object"}, {"required", {"on_date", "quantity"}}},
         .success_status = 201},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(body, ctx.json_body());
          OSTOJA_TRY(on, http::string_field(body, "on_date", 10));
          OSTOJA_TRY(quantity, http::int_field(body, "quantity", 1, 100000));
          OSTOJA_TRY(saved, svc.add_delivery(*ctx.principal, id, Delivery{on, static_cast<int>(quantity)}));
          return http::json_response(service_json(saved), 201);
        });

  r.add({.method = "GET",
         .pattern = "/api/v1/sheltered-flats",
         .access = http::Access::need("org.read"),
         .summary = "Rejestr mieszkań chronionych ośrodka (liczba miejsc, okres działania)",
         .tag = "services"},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(list, svc.flats(*ctx.principal));
          Json items = Json::array();
          for (const auto& f : list) items.push_back(flat_json(f));
          return http::json_response({{"items", items}});
        });

  r.add({.method = "POST",
         .pattern = "/api/v1/sheltered-flats",
         .access = http::Access::need("org.write"),
         .summary = "Nowe mieszkanie chronione w rejestrze",
         .tag = "services",
         .request_schema = {{"type", "object"}, {"required", {"name", "places", "opened_on"}}},
         .success_status = 201},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(body, ctx.json_body());
          OSTOJA_TRY(name, http::string_field(body, "name", 100));
          OSTOJA_TRY(address, http::string_field(body, "address", 300, false));
          OSTOJA_TRY(places, http::int_field(body, "places", 1, 50));
          OSTOJA_TRY(opened, http::string_field(body, "opened_on", 10));
          OSTOJA_TRY(closed, http::optional_string(body, "closed_on", 10));
          OSTOJA_TRY(saved,
                     svc.add_flat(*ctx.principal, NewFlat{name, address, static_cast<int>(places), opened, closed}));
          return http::json_response(flat_json(saved), 201);
        });

  r.add({.method = "PATCH",
         .pattern = "/api/v1/sheltered-flats/{id}",
         .access = http::Access::need("org.write"),
         .summary = "Zmiana mieszkania chronionego: adres, liczba miejsc, zamknięcie (\"\" — otwarte)",
         .tag = "services",
         .request_schema = {{"type", "object"}}},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(body, ctx.json_body());
          OSTOJA_TRY(address, http::optional_string(body, "address", 300));
          OSTOJA_TRY(places, http::optional_int(body, "places", 1, 50));
          OSTOJA_TRY(closed, http::optional_string(body, "closed_on", 10));
          FlatChange change{address, places ? std::optional<int>(static_cast<int>(*places)) : std::nullopt, closed};
          OSTOJA_TRY(saved, svc.change_flat(*ctx.principal, id, std::move(change)));
          return http::json_response(flat_json(saved));
        });

  r.add({.method = "POST",
         .pattern = "/api/v1/households/{id}/social-work",
         .access = http::Access::need("cases.write"),
         .summary = "Praca socjalna: wpis, kontrakt socjalny, prace społecznie użyteczne, aktywizacja, skierowanie",
         .tag = "services",
         .request_schema = {{"type", "object"}, {"required", {"kind", "on_date"}}},
         .success_status = 201},
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

  r.add({.method = "POST",
         .pattern = "/api/v1/social-work/{id}/review",
         .access = http::Access::need("cases.write"),
         .summary = "Ocena kontraktu socjalnego: wynik (zamyka kontrakt) albo termin następnej oceny, z notatką",
         .tag = "services",
         .request_schema = {{"type", "object"}, {"required", {"on_date"}}}},
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

  r.add({.method = "GET",
         .pattern = "/api/v1/households/{id}/social-work",
         .access = http::Access::need("cases.read"),
         .summary = "Praca socjalna ze środowiskiem — odczyt audytowany",
         .tag = "services"},
        [&svc, &log](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(read, svc.social_work_of(*ctx.principal, id));
          Json items = Json::array();
          for (const auto& w : read.value) items.push_back(social_json(w));
          return cases::gated(http::json_response({{"items", items}}), log, read);
        });

  r.add({.method = "GET",
         .pattern = "/api/v1/statistics/assistance",
         .access = http::Access::need("stats.read"),
         .summary = "Liczby do sprawozdań za okres ?from=&to=: rodziny wg form pomocy, dożywianie dzieci, mieszkania "
                    "chronione, poradnictwo, praca socjalna, domy pomocy społecznej (tylko dane zagregowane)",
         .tag = "statistics",
         .query = {{.name = "from",
                    .description = "Pierwszy dzień okresu",
                    .type = http::QueryParam::Type::date,
                    .required = true},
                   {.name = "to",
                    .description = "Ostatni dzień okresu",
                    .type = http::QueryParam::Type::date,
                    .required = true}}},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(s, svc.statistics(*ctx.principal, ctx.req.query_param("from").value_or(""),
                                       ctx.req.query_param("to").value_or("")));
          return http::json_response(
              {{"from", s.from},
               {"to", s.to},
               {"families_by_form", s.families_by_form},
               {"in_kind_families", s.in_kind_families},
               {"delivered", s.delivered},
               {"meals_children", s.meals_children},
               {"sheltered",
                {{"flats", s.sheltered.flats},
                 {"places", s.sheltered.places},
                 {"new_flats", s.sheltered.new_flats},
                 {"persons", s.sheltered.persons},
                 {"children", s.sheltered.children}}},
               {"counselling", {{"persons", s.counselling_persons}, {"consultations", s.consultations}}},
               {"social_work",
                {{"families", s.social_work_families},
                 {"contracts", s.contracts},
                 {"community_work_persons", s.community_work_persons},
                 {"community_work_hours", s.community_work_hours},
                 {"activated_persons", s.activated_persons},
                 {"activation", s.activation},
                 {"referrals", s.referrals}}},
               {"care_homes",
                {{"residents", s.care_homes.residents},
                 {"resident_fee_grosze", s.care_homes.resident.grosze},
                 {"family_fee_grosze", s.care_homes.family.grosze},
                 {"gmina_fee_grosze", s.care_homes.gmina.grosze}}}});
        });
}

}  // namespace ostoja::services
