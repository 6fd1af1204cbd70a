#include "audit/http_routes.h"

#include <chrono>
#include <cstdio>

#include "core/csv.h"
#include "core/date.h"
#include "http/json_input.h"

namespace ostoja::audit {

using http::Json;
using http::RequestContext;

namespace {

// Calendar dates in the filter are whole days in UTC+1/+2; a day's window is taken in UTC here and
// widened by the Warsaw offset is not needed for an inspector's filter (documented in docs/api.md).
Result<std::optional<std::int64_t>> day_ms(const http::Request& req, const char* name, bool end) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::optional<std::int64_t>{};
  auto d = Date::parse(*v);
  if (!d) return Error::validation(std::string("Parametr „") + name + "” musi być datą RRRR-MM-DD.", name);
  auto days = (end ? d->plus_days(1) : *d).days().time_since_epoch().count();
  return std::optional<std::int64_t>{static_cast<std::int64_t>(days) * 86400000LL};
}

Result<Filter> filter_from(const http::Request& req, std::int64_t max_limit) {
  Filter f;
  OSTOJA_TRY(person, http::query_opt_int(req, "person_id"));
  OSTOJA_TRY(user, http::query_opt_int(req, "user_id"));
  OSTOJA_TRY(entity_id, http::query_opt_int(req, "entity_id"));
  OSTOJA_TRY(from, day_ms(req, "from", false));
  OSTOJA_TRY(to, day_ms(req, "to", true));
  OSTOJA_TRY(limit, http::query_int(req, "limit", 100, 1, max_limit));
  OSTOJA_TRY(offset, http::query_int(req, "offset", 0, 0, INT64_MAX / 2));
  f.person_id = person;
  f.user_id = user;
  f.entity_id = entity_id;
  f.from_ms = from;
  f.to_ms = to;
  f.limit = limit;
  f.offset = offset;
  f.action = req.query_param("action").value_or("");
  f.entity = req.query_param("entity").value_or("");
  if (f.action.size() > 50 || f.entity.size() > 50) return Error::validation("Za długi filtr.", "action");
  return f;
}

// The query parameters filter_from reads — both the list and the CSV export accept exactly these.
std::vector<http::QueryParam> filter_params(std::int64_t max_limit) {
  using Type = http::QueryParam::Type;
  return {
      {.name = "person_id", .description = "Wpisy dotyczące osoby o tym identyfikatorze", .type = Type::integer},
      {.name = "user_id", .description = "Wpisy użytkownika o tym identyfikatorze", .type = Type::integer},
      {.name = "entity_id", .description = "Identyfikator obiektu (razem z entity)", .type = Type::integer},
      {.name = "action", .description = "Kod czynności, np. login, read, break_glass (najwyżej 50 znaków)"},
      {.name = "entity", .description = "Rodzaj obiektu, np. household, person (najwyżej 50 znaków)"},
      {.name = "from", .description = "Od dnia (UTC)", .type = Type::date},
      {.name = "to", .description = "Do dnia włącznie (UTC)", .type = Type::date},
      {.name = "limit",
       .description = "Najwięcej wpisów: 1–" + std::to_string(max_limit) +
                      (max_limit == 1000 ? " (domyślnie 100)" : " (domyślnie wszystkie do limitu)"),
       .type = Type::integer},
      {.name = "offset", .description = "Pominięcie tylu najnowszych wpisów (stronicowanie)", .type = Type::integer}};
}

Json entry_json(const StoredEntry& s) {
  auto opt = [](const std::optional<std::int64_t>& v) { return v ? Json(*v) : Json(nullptr); };
  return {{"seq", s.seq},
          {"at", s.entry.at},
          {"user_id", opt(s.entry.user_id)},
          {"user_login", s.entry.user_login},
          {"action", s.entry.action},
          {"entity", s.entry.entity},
          {"entity_id", opt(s.entry.entity_id)},
          {"person_id", opt(s.entry.person_id)},
          {"purpose", s.entry.purpose},
          {"ip", s.entry.ip}};
}

// 2026-12-01T18:50:44Z — a readable, unambiguous instant for the inspector's spreadsheet.
std::string utc_time(std::int64_t ms) {
  const auto t = std::chrono::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(ms));
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::hh_mm_ss hms(std::chrono::floor<std::chrono::seconds>(t - day));
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02dZ", static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
  return Date(std::chrono::year_month_day(day)).iso() + buf;
}

}  // namespace

void register_routes(http::Router& r, storage::Database& db, const Clock& clock) {
  r.add({.method = "GET",
         .pattern = "/api/v1/audit",
         .access = http::Access::need("audit.read"),
         .summary = "Dziennik audytu: kto i kiedy miał dostęp do danych (filtry: person_id, user_id, action, from, to)",
         .tag = "audit",
         .query = filter_params(1000)},
        [&db](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(f, filter_from(ctx.req, 1000));
          auto conn = db.acquire();
          Page page = query(*conn, ctx.principal->centre, f);
          Json items = Json::array();
          for (const auto& s : page.items) items.push_back(entry_json(s));
          return http::json_response({{"items", items}, {"total", page.total}});
        });

  r.add({.method = "GET",
         .pattern = "/api/v1/audit.csv",
         .access = http::Access::need("audit.read"),
         .summary = "Eksport dziennika audytu do CSV (te same filtry)",
         .tag = "audit",
         .query = filter_params(100000),
         .response_type = "text/csv"},
        [&db, &clock](RequestContext& ctx) -> Result<http::Response> {
          OSTOJA_TRY(f, filter_from(ctx.req, 100000));
          if (!ctx.req.query_param("limit")) f.limit = 100000;
          auto conn = db.acquire();
          Page page = query(*conn, ctx.principal->centre, f);
          std::string csv = "\xEF\xBB\xBF";
          csv::append_record(csv, {"lp", "czas_utc", "czas_ms", "uzytkownik", "czynnosc", "obiekt", "id_obiektu",
                                   "id_osoby", "cel", "adres_ip"});
          auto id = [](const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : std::string(); };
          for (const auto& s : page.items) {
            const auto& e = s.entry;
            csv::append_record(csv, {std::to_string(s.seq), utc_time(e.at), std::to_string(e.at),
                                     csv::field(e.user_login), csv::field(e.action), csv::field(e.entity),
                                     id(e.entity_id), id(e.person_id), csv::field(e.purpose), csv::field(e.ip)});
          }
          // The export itself is recorded.
          Entry ex;
          ex.centre = ctx.principal->centre;
          ex.at = clock.now_ms();
          ex.user_id = ctx.principal->user.value;
          ex.user_login = ctx.principal->login;
          ex.action = "export";
          ex.entity = "audit";
          ex.person_id = f.person_id;
          ex.ip = ctx.principal->ip;
          storage::in_transaction(*conn, true, [&](storage::Connection& c) {
            append(c, std::span(&ex, 1));
            return true;
          });
          http::Response resp;
          resp.content_type = "text/csv; charset=utf-8";
          resp.body = std::move(csv);
          resp.header("Content-Disposition", "attachment; filename=\"dziennik-audytu.csv\"");
          return resp;
        });

  r.add({.method = "GET",
         .pattern = "/api/v1/audit/verify",
         .access = http::Access::need("audit.read"),
         .summary = "Sprawdzenie integralności łańcucha dziennika audytu",
         .tag = "audit"},
        [&db](RequestContext& ctx) -> Result<http::Response> {
          auto conn = db.acquire();
          auto v = verify(*conn, ctx.principal->centre);
          Json j = {{"ok", v.ok}, {"entries", v.entries}};
          if (!v.ok) {
            j["first_bad_seq"] = *v.first_bad_seq;
            j["reason"] = v.reason;
          }
          return http::json_response(j);
        });
}

}  // namespace ostoja::audit
