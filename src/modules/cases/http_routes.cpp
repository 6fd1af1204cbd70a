// Thin HTTP adapters for persons and households.
#include "modules/cases/http_routes.h"

#include <charconv>
#include <tuple>

#include "http/json_input.h"
#include "http/json_writer.h"

namespace ostoja::cases {

using http::Json;
using http::RequestContext;

namespace {

// A person's card and a household are the most frequent reads: written straight into the response
// text (http::JsonWriter), not built as a nlohmann::json tree first.
void write_person(http::JsonWriter& w, const Person& p) {
  w.begin_object()
      .field("id", p.id)
      .field("pesel", p.pesel)
      .field("document_type", p.document_type)
      .field("document_number", p.document_number)
      .field("first_name", p.first_name)
      .field("last_name", p.last_name)
      .field("birth_date", p.birth_date)
      .field("sex", p.sex)
      .field("citizenship", p.citizenship)
      .field("phone", p.phone)
      .field("email", p.email)
      .field("registered_address", p.registered_address)
      .field("actual_address", p.actual_address)
      .field("education", p.education)
      .field("employment", p.employment)
      .field("labour_office", p.labour_office)
      .field("disability", p.disability)
      .field("household_id", p.household_id);
  if (p.health_note) {
    w.key("restricted")
        .begin_object()
        .field("health", *p.health_note)
        .field("addiction", p.addiction_note.value_or(""))
        .field("violence", p.violence_note.value_or(""))
        .end_object();
  } else {
    w.key("restricted").null().field("restricted_hidden", p.restricted_hidden);
  }
  w.end_object();
}

void write_address(http::JsonWriter& w, const HouseholdAddress& a) {
  w.begin_object()
      .field("locality", a.locality)
      .field("street", a.street)
      .field("building", a.building)
      .field("flat", a.flat)
      .field("postal_code", a.postal_code)
      .end_object();
}

void write_household(http::JsonWriter& w, const Household& h) {
  w.begin_object()
      .field("id", h.id)
      .field("section_id", h.section_id)
      .field("worker_id", h.worker_id)
      .field("section_name", h.section_name)
      .field("worker_name", h.worker_name);
  write_address(w.key("address"), {h.locality, h.street, h.building, h.flat, h.postal_code});
  w.field("family_type", h.family_type)
      .field("restricted_categories", h.restricted_categories)
      .field("via_break_glass", h.via_break_glass);
  w.key("members").begin_array();
  for (const auto& m : h.members) {
    w.begin_object().field("relation", m.relation).field("since", m.since).key("person");
    write_person(w, m.person);
    w.end_object();
  }
  w.end_array().end_object();
}

// One value (`write(w, value)`) as the whole response body.
template <class T, class Write>
http::Response written(const T& value, Write write, unsigned status = 200) {
  http::JsonWriter w;
  write(w, value);
  return http::json_response(w, status);
}

template <class T, class Write>
http::Response items_response(const std::vector<T>& items, Write write) {
  http::JsonWriter w;
  w.begin_object().key("items").begin_array();
  for (const auto& item : items) write(w, item);
  w.end_array().end_object();
  return http::json_response(w);
}

// {"locality","street","building","flat"?,"postal_code"?} — a household's address in a request body
// (which parts are required, the use case says, at the field: "address.street").
Result<HouseholdAddress> address_field(const Json& body) {
  auto addr = body.find("address");
  if (addr == body.end() || !addr->is_object())
    return Error::validation("Pole „address” musi być obiektem z adresem.", "address");
  HouseholdAddress a;
  struct F {
    const char* name;
    std::string* target;
    std::size_t max;
  };
  for (const F& f : {F{"locality", &a.locality, 100}, F{"street", &a.street, 200}, F{"building", &a.building, 20},
                     F{"flat", &a.flat, 20}, F{"postal_code", &a.postal_code, 10}}) {
    auto v = http::string_field(*addr, f.name, f.max, false);
    if (!v.ok()) return Error::validation(v.error().message, std::string("address.") + f.name);
    *f.target = *v;
  }
  return a;
}

}  // namespace

// The stated purpose of a read goes into its audit entry.
constexpr std::size_t kMaxPurpose = 200;

void register_routes(http::Router& r, CaseService& svc, audit::GroupCommitLog& log) {
  r.add({.method = "GET",
         .pattern = "/api/v1/households/{id}",
         .access = http::Access::need("cases.read"),
         .summary = "Środowisko (gospodarstwo domowe) z członkami — odczyt audytowany",
         .tag = "cases",
         .query = {{.name = "purpose",
                    .description = "Cel odczytu (najwyżej 200 znaków), zapisywany we wpisie dziennika audytu"}}},
        [&svc, &log](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(purpose, ctx.text_param("purpose", kMaxPurpose));
          OSTOJA_TRY(read, svc.household(*ctx.principal, id, purpose));
          return gated(written(read.value, write_household), log, read);
        });

  r.add({.method = "GET",
         .pattern = "/api/v1/households",
         .access = http::Access::need("cases.read"),
         .summary = "Wyszukiwanie środowisk po adresie: ?street=początek nazwy ulicy (bez polskich znaków też) "
                    "[&house=&flat=&locality=], z członkami — odczyt audytowany",
         .tag = "cases",
         .query = {{.name = "street",
                    .description = "Początek nazwy ulicy, co najmniej 2 litery (polskie znaki można pominąć)",
                    .required = true},
                   {.name = "house", .description = "Numer domu (zaczyna się od liczby, np. 12 albo 12a)"},
                   {.name = "flat", .description = "Numer lokalu (razem z numerem domu)"},
                   {.name = "locality", .description = "Miejscowość"},
                   {.name = "limit",
                    .description = "Najwięcej wyników: 1–200 (domyślnie 50)",
                    .type = http::QueryParam::Type::integer}}},
        [&svc, &log](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(limit, http::query_int(ctx.req, "limit", 50, 1, 200));
          AddressQuery q;
          for (auto [name, target, max] : {std::tuple{"street", &q.street, 200}, std::tuple{"house", &q.house, 20},
                                           std::tuple{"flat", &q.flat, 20}, std::tuple{"locality", &q.locality, 100}}) {
            OSTOJA_TRY(v, ctx.text_param(name, static_cast<std::size_t>(max)));
            *target = std::move(v);
          }
          q.limit = static_cast<int>(limit);
          OSTOJA_TRY(found, svc.search_households(*ctx.principal, std::move(q)));
          return gated(items_response(found.value, write_household), log, found);
        });

  r.add({.method = "PATCH",
         .pattern = "/api/v1/households/{id}",
         .access = http::Access::need("cases.write"),
         .summary = "Zmiana środowiska: typ rodziny, adres (ponownie przypisany do sekcji), pracownik socjalny "
                    "(null — bez przydziału)",
         .tag = "cases",
         .request_schema = {{"type", "object"}}},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(body, ctx.json_body());
          HouseholdChanges ch;
          OSTOJA_TRY(type, http::optional_string(body, "family_type", 30));
          ch.family_type = type;
          if (body.contains("address")) {
            OSTOJA_TRY(address, address_field(body));
            ch.address = address;
          }
          if (body.contains("worker_id")) {
            OSTOJA_TRY(worker, http::optional_int(body, "worker_id", 1, INT64_MAX));  // null: none assigned
            ch.worker_id = worker;
          }
          OSTOJA_TRY(done, svc.update_household(*ctx.principal, id, std::move(ch)));
          http::JsonWriter w;
          w.begin_object().field("id", done.id).key("section");
          if (done.section_id)
            w.begin_object()
                .field("id", done.section_id)
                .field("number", done.section_number)
                .field("name", done.section_name)
                .end_object();
          else
            w.null();
          w.field("worker_id", done.worker_id).field("family_type", done.family_type);
          write_address(w.key("address"), done.address);
          w.field("in_scope", done.in_scope).end_object();
          return http::json_response(w);
        });

  r.add({.method = "GET",
         .pattern = "/api/v1/persons/{id}",
         .access = http::Access::need("cases.read"),
         .summary = "Osoba — odczyt audytowany",
         .tag = "cases",
         .query = {{.name = "purpose",
                    .description = "Cel odczytu (najwyżej 200 znaków), zapisywany we wpisie dziennika audytu"}}},
        [&svc, &log](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(purpose, ctx.text_param("purpose", kMaxPurpose));
          OSTOJA_TRY(read, svc.person(*ctx.principal, id, purpose));
          return gated(written(read.value, write_person), log, read);
        });

  r.add({.method = "GET",
         .pattern = "/api/v1/persons",
         .access = http::Access::need("cases.read"),
         .summary =
             "Wyszukiwanie osób: ?pesel= albo ?q=nazwisko [imię] (bez polskich znaków też), kolejność alfabetyczna",
         .tag = "cases",
         .query = {{.name = "pesel", .description = "Numer PESEL (11 cyfr)"},
                   {.name = "q", .description = "Nazwisko [imię] lub ich początki (polskie znaki można pominąć)"},
                   {.name = "limit",
                    .description = "Najwięcej wyników: 1–200 (domyślnie 50)",
                    .type = http::QueryParam::Type::integer}}},
        [&svc, &log](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(limit, http::query_int(ctx.req, "limit", 50, 1, 200));
          OSTOJA_TRY(found, svc.search_persons(*ctx.principal, ctx.req.query_param("pesel").value_or(""),
                                               ctx.req.query_param("q").value_or(""), static_cast<int>(limit)));
          return gated(items_response(found.value, write_person), log, found);
        });

  r.add(
      {.method = "POST",
       .pattern = "/api/v1/persons",
       .access = http::Access::need("cases.write"),
       .summary = "Rejestracja osoby (PESEL albo dokument); ostrzeżenie o prawdopodobnym duplikacie",
       .tag = "cases",
       .request_schema = {{"type", "object"}, {"required", {"first_name", "last_name"}}},
       .success_status = 201},
      [&svc, &log](RequestContext& ctx) -> Result<http::Response> {
        OSTOJA_TRY(body, ctx.json_body());
        NewPerson np;
        OSTOJA_TRY(pesel, http::optional_string(body, "pesel", 20));
        OSTOJA_TRY(doc_type, http::string_field(body, "document_type", 50, false));
        OSTOJA_TRY(doc_number, http::string_field(body, "document_number", 50, false));
        OSTOJA_TRY(first, http::string_field(body, "first_name", 100));
        OSTOJA_TRY(last, http::string_field(body, "last_name", 100));
        OSTOJA_TRY(birth, http::optional_string(body, "birth_date", 10));
        OSTOJA_TRY(sex, http::optional_string(body, "sex", 1));
        OSTOJA_TRY(citizenship, http::string_field(body, "citizenship", 2, false));
        OSTOJA_TRY(phone, http::string_field(body, "phone", 30, false));
        OSTOJA_TRY(allow, http::optional_bool(body, "allow_duplicate"));
        np.pesel = pesel;
        np.document_type = doc_type;
        np.document_number = doc_number;
        np.first_name = first;
        np.last_name = last;
        np.birth_date = birth;
        np.sex = sex;
        if (!citizenship.empty()) np.citizenship = citizenship;
        np.phone = phone;
        np.allow_duplicate = allow.value_or(false);
        Audited<Duplicates> dups;
        auto created = svc.create_person(*ctx.principal, np, dups);
        if (!created.ok()) {
          auto resp = http::error_response(created.error());
          const Duplicates& d = dups.value;
          if (d.shown.empty() && d.outside_scope == 0) return resp;
          // The candidates are personal data: only those in the user's scope, sent once their reading is audited.
          Json body_out = Json::parse(resp.body);
          Json list = Json::array();
          for (const auto& c : d.shown)
            list.push_back(
                {{"id", c.id}, {"first_name", c.first_name}, {"last_name", c.last_name}, {"birth_date", c.birth_date}});
          body_out["duplicates"] = list;
          body_out["duplicates_outside_scope"] = d.outside_scope;
          resp.body = body_out.dump();
          return gated(std::move(resp), log, dups);
        }
        return written(created->value, write_person, 201);
      });

  r.add({.method = "POST",
         .pattern = "/api/v1/households",
         .access = http::Access::need("cases.write"),
         .summary = "Nowe środowisko: adres (przypisany do sekcji), typ rodziny, członkowie",
         .tag = "cases",
         .request_schema = {{"type", "object"}, {"required", {"address", "family_type", "members"}}},
         .success_status = 201},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(body, ctx.json_body());
          NewHousehold h;
          OSTOJA_TRY(address, address_field(body));
          OSTOJA_TRY(type, http::string_field(body, "family_type", 30));
          OSTOJA_TRY(worker, http::optional_int(body, "worker_id", 1, INT64_MAX));
          h.address = address;
          h.family_type = type;
          h.worker_id = worker;
          auto members = body.find("members");
          if (members == body.end() || !members->is_array())
            return Error::validation("Pole „members” musi być listą członków.", "members");
          for (const auto& m : *members) {
            if (!m.is_object()) return Error::validation("Członek gospodarstwa musi być obiektem.", "members");
            OSTOJA_TRY(pid, http::int_field(m, "person_id", 1, INT64_MAX));
            OSTOJA_TRY(relation, http::string_field(m, "relation", 20));
            h.members.push_back({pid, relation});
          }
          OSTOJA_TRY(created, svc.create_household(*ctx.principal, std::move(h)));
          return http::json_response(
              {{"id", created.id},
               {"section",
                {{"id", created.section_id}, {"number", created.section_number}, {"name", created.section_name}}}},
              201);
        });

  r.add({.method = "PATCH",
         .pattern = "/api/v1/persons/{id}",
         .access = http::Access::need("cases.write"),
         .summary = "Zmiana danych osoby (kontakt, adres zameldowania i faktycznego pobytu, wykształcenie, "
                    "zatrudnienie, status w PUP, "
                    "niepełnosprawność; kategorie szczególne tylko z uprawnieniem)",
         .tag = "cases",
         .request_schema = {{"type", "object"}}},
        [&svc, &log](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(body, ctx.json_body());
          PersonChanges ch;
          struct F {
            const char* name;
            std::optional<std::string>* target;
            std::size_t max;
          };
          for (const F& f :
               {F{"first_name", &ch.first_name, 100}, F{"last_name", &ch.last_name, 100},
                F{"citizenship", &ch.citizenship, 2}, F{"phone", &ch.phone, 30}, F{"email", &ch.email, 200},
                F{"registered_address", &ch.registered_address, 300}, F{"actual_address", &ch.actual_address, 300},
                F{"education", &ch.education, 30}, F{"employment", &ch.employment, 30},
                F{"labour_office", &ch.labour_office, 40}, F{"disability", &ch.disability, 30},
                F{"health_note", &ch.health_note, 4000}, F{"addiction_note", &ch.addiction_note, 4000},
                F{"violence_note", &ch.violence_note, 4000}}) {
            OSTOJA_TRY(v, http::optional_string(body, f.name, f.max));
            *f.target = v;
          }
          OSTOJA_TRY(read, svc.update_person(*ctx.principal, id, std::move(ch)));
          return gated(written(read.value, write_person), log, read);
        });

  r.add({.method = "POST",
         .pattern = "/api/v1/persons/{id}/merge",
         .access = http::Access::need("cases.write"),
         .summary = "Scalenie duplikatu z tą osobą (członkostwa, wnioski, decyzje, wypłaty, dochody, usługi)",
         .tag = "cases",
         .request_schema = {{"type", "object"}, {"required", {"duplicate_id"}}}},
        [&svc, &log](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(body, ctx.json_body());
          OSTOJA_TRY(dup, http::int_field(body, "duplicate_id", 1, INT64_MAX));
          OSTOJA_TRY(read, svc.merge_persons(*ctx.principal, id, dup));
          return gated(written(read.value, write_person), log, read);
        });

  r.add({.method = "POST",
         .pattern = "/api/v1/households/{id}/members",
         .access = http::Access::need("cases.write"),
         .summary = "Nowy członek gospodarstwa od dnia (historia składu)",
         .tag = "cases",
         .request_schema = {{"type", "object"}, {"required", {"person_id", "relation", "since"}}},
         .success_status = 201},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(body, ctx.json_body());
          OSTOJA_TRY(person, http::int_field(body, "person_id", 1, INT64_MAX));
          OSTOJA_TRY(relation, http::string_field(body, "relation", 20));
          OSTOJA_TRY(since, http::string_field(body, "since", 10));
          OSTOJA_CHECK(svc.add_member(*ctx.principal, id, person, relation, since));
          return http::json_response({{"household_id", id}, {"person_id", person}, {"since", since}}, 201);
        });

  r.add({.method = "POST",
         .pattern = "/api/v1/households/{id}/members/{person_id}/end",
         .access = http::Access::need("cases.write"),
         .summary = "Koniec członkostwa w gospodarstwie (data, powód)",
         .tag = "cases",
         .request_schema = {{"type", "object"}, {"required", {"until", "reason"}}}},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(body, ctx.json_body());
          std::int64_t person = 0;
          const auto& text_id = ctx.params["person_id"];
          auto [ptr, ec] = std::from_chars(text_id.data(), text_id.data() + text_id.size(), person);
          if (ec != std::errc{} || ptr != text_id.data() + text_id.size() || person < 1)
            return Error::validation("Identyfikator osoby musi być liczbą.", "person_id");
          OSTOJA_TRY(until, http::string_field(body, "until", 10));
          OSTOJA_TRY(reason, http::string_field(body, "reason", 500));
          OSTOJA_CHECK(svc.end_member(*ctx.principal, id, person, until, reason));
          return http::json_response({{"household_id", id}, {"person_id", person}, {"until", until}});
        });

  r.add({.method = "GET",
         .pattern = "/api/v1/households/{id}/history",
         .access = http::Access::need("cases.read"),
         .summary = "Historia składu gospodarstwa (kto, od kiedy, do kiedy, dlaczego) — odczyt audytowany",
         .tag = "cases"},
        [&svc, &log](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(id, ctx.id());
          OSTOJA_TRY(read, svc.history(*ctx.principal, id));
          Json items = Json::array();
          for (const auto& m : read.value)
            items.push_back({{"person_id", m.person_id},
                             {"name", m.name},
                             {"relation", m.relation},
                             {"since", m.since},
                             {"until", http::nullable(m.until)},
                             {"end_reason", m.end_reason}});
          return gated(http::json_response({{"items", items}}), log, read);
        });

  r.add({.method = "POST",
         .pattern = "/api/v1/break-glass",
         .access = http::Access::need("cases.read"),
         .summary = "Dostęp awaryjny do środowiska spoza zakresu (60 min, z powodem, audytowany)",
         .tag = "cases",
         .request_schema = {{"type", "object"}, {"required", {"entity", "entity_id", "reason"}}},
         .success_status = 201},
        [&svc](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(body, ctx.json_body());
          OSTOJA_TRY(entity, http::string_field(body, "entity", 50));
          OSTOJA_TRY(entity_id, http::int_field(body, "entity_id", 1, INT64_MAX));
          OSTOJA_TRY(reason, http::string_field(body, "reason", 1000));
          OSTOJA_TRY(bg, svc.break_glass(*ctx.principal, entity, entity_id, reason));
          return http::json_response({{"id", bg.id}, {"expires_at", bg.expires_at}}, 201);
        });
}

}  // namespace ostoja::cases
