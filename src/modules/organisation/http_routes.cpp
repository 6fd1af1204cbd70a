// Thin HTTP adapters for the organisation module.
#include "modules/organisation/http_routes.h"

#include "http/json_input.h"

namespace ostoja::org {

using http::Json;
using http::RequestContext;

namespace {

Json address_json(const Address& a) {
  return {{"street", a.street}, {"building", a.building}, {"postal_code", a.postal_code}, {"locality", a.locality}};
}

Json centre_json(const Centre& c) {
  return {{"id", c.id},
          {"name", c.name},
          {"short_name", c.short_name},
          {"teryt", c.teryt},
          {"address", address_json(c.address)},
          {"bank_iban", c.bank_iban},
          {"payment_day", c.payment_day}};
}

Result<Address> address_from(const Json& body) {
  Address a;
  auto it = body.find("address");
  if (it == body.end() || it->is_null()) return a;
  if (!it->is_object()) return Error::validation("Pole „address” musi być obiektem.", "address");
  OSTOJA_TRY(street, http::string_field(*it, "street", 200, false));
  OSTOJA_TRY(building, http::string_field(*it, "building", 50, false));
  OSTOJA_TRY(postal, http::string_field(*it, "postal_code", 10, false));
  OSTOJA_TRY(locality, http::string_field(*it, "locality", 100, false));
  return Address{street, building, postal, locality};
}

Json unit_json(const Unit& u) {
  return {{"id", u.id},
          {"parent_id", u.parent_id ? Json(*u.parent_id) : Json(nullptr)},
          {"kind", u.kind},
          {"name", u.name},
          {"short_name", u.short_name},
          {"address", address_json(u.address)},
          {"offer", u.offer}};
}

Json range_json(const StreetRange& r) {
  return {{"id", r.id},
          {"section_id", r.section_id},
          {"locality", r.locality},
          {"street", r.street},
          {"parity", std::string(to_string(r.parity))},
          {"from", r.from ? Json(*r.from) : Json(nullptr)},
          {"to", r.to ? Json(*r.to) : Json(nullptr)}};
}

Json section_json(const Section& s, bool with_streets) {
  Json staff = Json::array();
  for (const auto& p : s.staff) staff.push_back({{"id", p.id}, {"full_name", p.full_name}});
  Json j = {{"id", s.id},
            {"unit_id", s.unit_id},
            {"number", s.number},
            {"name", s.name},
            {"address", address_json(s.address)},
            {"street_count", s.street_count},
            {"staff", staff}};
  if (with_streets) {
    Json streets = Json::array();
    for (const auto& r : s.streets) streets.push_back(range_json(r));
    j["streets"] = streets;
  }
  return j;
}

Json ref_json(const SectionRef& r) {
  return {{"id", r.id}, {"number", r.number}, {"name", r.name}};
}

Result<Unit> unit_from(const Json& body) {
  Unit u;
  OSTOJA_TRY(parent, http::optional_int(body, "parent_id", 1, INT64_MAX));
  OSTOJA_TRY(kind, http::string_field(body, "kind", 20));
  OSTOJA_TRY(name, http::string_field(body, "name", 300));
  OSTOJA_TRY(short_name, http::string_field(body, "short_name", 100, false));
  OSTOJA_TRY(offer, http::string_field(body, "offer", 5000, false));
  OSTOJA_TRY(address, address_from(body));
  u.parent_id = parent;
  u.kind = kind;
  u.name = name;
  u.short_name = short_name;
  u.offer = offer;
  u.address = address;
  return u;
}

Result<Section> section_from(const Json& body) {
  Section s;
  OSTOJA_TRY(unit, http::int_field(body, "unit_id", 1, INT64_MAX));
  OSTOJA_TRY(number, http::int_field(body, "number", 1, 9999));
  OSTOJA_TRY(name, http::string_field(body, "name", 200));
  OSTOJA_TRY(address, address_from(body));
  s.unit_id = unit;
  s.number = static_cast<int>(number);
  s.name = name;
  s.address = address;
  return s;
}

const Json kRangeRequest = {{"type", "object"},
                            {"required", {"locality", "street", "parity"}},
                            {"properties",
                             {{"locality", {{"type", "string"}}},
                              {"street", {{"type", "string"}}},
                              {"parity", {{"type", "string"}, {"enum", {"all", "odd", "even"}}}},
                              {"from", {{"type", "integer"}, {"nullable", true}}},
                              {"to", {{"type", "integer"}, {"nullable", true}}}}}};

}  // namespace

void register_routes(http::Router& r, OrganisationService& svc) {
  r.add({.method = "GET",
         .pattern = "/api/v1/centre",
         .access = http::Access::need("org.read"),
         .summary = "Dane ośrodka",
         .tag = "organisation"},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(c, svc.centre(*ctx.principal));
          return http::json_response(centre_json(c));
        });

  r.add({.method = "PATCH",
         .pattern = "/api/v1/centre",
         .access = http::Access::need("org.write"),
         .summary = "Zmiana danych ośrodka",
         .tag = "organisation",
         .request_schema = {{"type", "object"}}},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(body, ctx.json_body());
          OSTOJA_TRY(cur, svc.centre(*ctx.principal));
          OSTOJA_TRY(name, http::optional_string(body, "name", 300));
          OSTOJA_TRY(short_name, http::optional_string(body, "short_name", 100));
          OSTOJA_TRY(teryt, http::optional_string(body, "teryt", 20));
          if (name) cur.name = *name;
          if (short_name) cur.short_name = *short_name;
          if (teryt) cur.teryt = *teryt;
          OSTOJA_TRY(iban, http::optional_string(body, "bank_iban", 40));
          OSTOJA_TRY(payment_day, http::optional_int(body, "payment_day", 1, 28));
          if (iban) cur.bank_iban = *iban;
          if (payment_day) cur.payment_day = static_cast<int>(*payment_day);
          if (body.contains("address")) {
            OSTOJA_TRY(a, address_from(body));
            cur.address = a;
          }
          OSTOJA_TRY(c, svc.update_centre(*ctx.principal, cur));
          return http::json_response(centre_json(c));
        });

  r.add({.method = "GET",
         .pattern = "/api/v1/units",
         .access = http::Access::need("org.read"),
         .summary = "Jednostki organizacyjne (płaska lista z parent_id)",
         .tag = "organisation"},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(units, svc.units(*ctx.principal));
          Json items = Json::array();
          for (const auto& u : units) items.push_back(unit_json(u));
          return http::json_response({{"items", items}});
        });

  r.add({.method = "POST",
         .pattern = "/api/v1/units",
         .access = http::Access::need("org.write"),
         .summary = "Nowa jednostka organizacyjna",
         .tag = "organisation",
         .request_schema = {{"type", "object"}, {"required", {"kind", "name"}}},
         .success_status = 201},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(body, ctx.json_body());
          OSTOJA_TRY(u, unit_from(body));
          OSTOJA_TRY(created, svc.create_unit(*ctx.principal, u));
          return http::json_response(unit_json(created), 201);
        });

  r.add({.method = "PATCH",
         .pattern = "/api/v1/units/{id}",
         .access = http::Access::need("org.write"),
         .summary = "Zmiana jednostki organizacyjnej",
         .tag = "organisation",
         .request_schema = {{"type", "object"}, {"required", {"kind", "name"}}}},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(body, ctx.json_body());
          OSTOJA_TRY(u, unit_from(body));
          u.id = id;
          OSTOJA_TRY(updated, svc.update_unit(*ctx.principal, u));
          return http::json_response(unit_json(updated));
        });

  r.add({.method = "DELETE",
         .pattern = "/api/v1/units/{id}",
         .access = http::Access::need("org.write"),
         .summary = "Usunięcie pustej jednostki",
         .tag = "organisation",
         .success_status = 204},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_CHECK(svc.delete_unit(*ctx.principal, id));
          return http::no_content();
        });

  r.add({.method = "GET",
         .pattern = "/api/v1/sections",
         .access = http::Access::need("org.read"),
         .summary = "Sekcje pracy socjalnej",
         .tag = "organisation"},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(list, svc.sections(*ctx.principal));
          Json items = Json::array();
          for (const auto& s : list) items.push_back(section_json(s, false));
          return http::json_response({{"items", items}});
        });

  r.add({.method = "GET",
         .pattern = "/api/v1/sections/{id}",
         .access = http::Access::need("org.read"),
         .summary = "Sekcja z ulicami (terytorium) i pracownikami",
         .tag = "organisation"},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(s, svc.section(*ctx.principal, id));
          return http::json_response(section_json(s, true));
        });

  r.add({.method = "POST",
         .pattern = "/api/v1/sections",
         .access = http::Access::need("org.write"),
         .summary = "Nowa sekcja pracy socjalnej",
         .tag = "organisation",
         .request_schema = {{"type", "object"}, {"required", {"unit_id", "number", "name"}}},
         .success_status = 201},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(body, ctx.json_body());
          OSTOJA_TRY(s, section_from(body));
          OSTOJA_TRY(created, svc.create_section(*ctx.principal, s));
          return http::json_response(section_json(created, true), 201);
        });

  r.add({.method = "PATCH",
         .pattern = "/api/v1/sections/{id}",
         .access = http::Access::need("org.write"),
         .summary = "Zmiana sekcji",
         .tag = "organisation",
         .request_schema = {{"type", "object"}, {"required", {"unit_id", "number", "name"}}}},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(body, ctx.json_body());
          OSTOJA_TRY(s, section_from(body));
          s.id = id;
          OSTOJA_TRY(updated, svc.update_section(*ctx.principal, s));
          return http::json_response(section_json(updated, true));
        });

  r.add({.method = "POST",
         .pattern = "/api/v1/sections/{id}/streets",
         .access = http::Access::need("org.write"),
         .summary = "Dodanie zakresu ulicy do terytorium sekcji",
         .tag = "organisation",
         .request_schema = kRangeRequest,
         .success_status = 201},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(body, ctx.json_body());
          StreetRange range;
          range.section_id = id;
          OSTOJA_TRY(locality, http::string_field(body, "locality", 100));
          OSTOJA_TRY(street, http::string_field(body, "street", 200));
          OSTOJA_TRY(parity_text, http::string_field(body, "parity", 20, false));
          OSTOJA_TRY(parity, parse_parity(parity_text));
          OSTOJA_TRY(from, http::optional_int(body, "from", 1, 100000));
          OSTOJA_TRY(to, http::optional_int(body, "to", 1, 100000));
          range.locality = locality;
          range.street = street;
          range.parity = parity;
          if (from) range.from = static_cast<int>(*from);
          if (to) range.to = static_cast<int>(*to);
          OSTOJA_TRY(created, svc.add_street(*ctx.principal, range));
          return http::json_response(range_json(created), 201);
        });

  r.add({.method = "DELETE",
         .pattern = "/api/v1/streets/{id}",
         .access = http::Access::need("org.write"),
         .summary = "Usunięcie zakresu ulicy",
         .tag = "organisation",
         .success_status = 204},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_CHECK(svc.delete_street(*ctx.principal, id));
          return http::no_content();
        });

  r.add({.method = "POST",
         .pattern = "/api/v1/sections/{id}/streets/import",
         .access = http::Access::need("org.write"),
         .summary = "Import ulic z CSV (miejscowosc;ulica;parzystosc;od;do) — wszystko albo nic",
         .tag = "organisation",
         .request_schema = {{"type", "string"}, {"x-content-type", "text/csv"}}},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          std::vector<ImportRowError> errors;
          auto n = svc.import_streets(*ctx.principal, id, ctx.req.body, errors);
          if (!n.ok()) {
            auto resp = http::error_response(n.error());
            Json body = Json::parse(resp.body);
            Json rows = Json::array();
            for (const auto& e : errors) rows.push_back({{"row", e.row}, {"column", e.column}, {"message", e.message}});
            body["rows"] = rows;
            resp.body = body.dump();
            return resp;
          }
          return http::json_response({{"imported", *n}});
        });

  r.add({.method = "GET",
         .pattern = "/api/v1/territory/resolve",
         .access = http::Access::need("org.read"),
         .summary = "Sekcja właściwa dla adresu (?locality=&street=&number=)",
         .tag = "organisation",
         .query = {{.name = "locality", .description = "Miejscowość", .required = true},
                   {.name = "street", .description = "Ulica (bez przedrostka „ul.”)", .required = true},
                   {.name = "number", .description = "Numer domu (np. 12, 12a, 12/3)", .required = true}}},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(
              s, svc.resolve(*ctx.principal, ctx.req.query_param("locality").value_or(""),
                             ctx.req.query_param("street").value_or(""), ctx.req.query_param("number").value_or("")));
          return http::json_response({{"section", ref_json(s)}});
        });

  r.add({.method = "GET",
         .pattern = "/api/v1/territory/check",
         .access = http::Access::need("org.read"),
         .summary = "Kontrola terytorium: nakładające się zakresy i luki",
         .tag = "organisation"},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(rep, svc.check(*ctx.principal));
          auto issues = [](const std::vector<TerritoryIssue>& v) {
            Json a = Json::array();
            for (const auto& i : v) {
              Json secs = Json::array();
              for (const auto& s : i.sections) secs.push_back(ref_json(s));
              a.push_back({{"locality", i.locality}, {"street", i.street}, {"sections", secs}, {"numbers", i.numbers}});
            }
            return a;
          };
          return http::json_response({{"overlaps", issues(rep.overlaps)},
                                      {"gaps", issues(rep.gaps)},
                                      {"households_unresolved", rep.households_unresolved}});
        });
}

}  // namespace ostoja::org
