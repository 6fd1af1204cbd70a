#include "app/application.h"

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "audit/http_routes.h"
#include "http/client_address.h"
#include "http/server.h"
#include "modules/applications/http_routes.h"
#include "modules/cases/http_routes.h"
#include "modules/decisions/http_routes.h"
#include "modules/gmina/http_routes.h"
#include "modules/identity/http_routes.h"
#include "modules/income/http_routes.h"
#include "modules/organisation/http_routes.h"
#include "modules/payments/http_routes.h"
#include "modules/rules_api/http_routes.h"
#include "modules/services/http_routes.h"
#include "modules/timeline/http_routes.h"
#include "storage/migrations.h"

namespace ostoja::app {

namespace {

std::string env(const char* name, std::string def = {}) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : def;
}

// Route pattern for the access log: an API path segment that starts with a digit or holds two (an id, a
// PESEL, an IBAN, a postal code… — but not the version "v1") becomes ":n" so no identifiers of persons are written to
// the access log (the audit log is the place for who-saw-whom); the query string is never logged. Web app files keep
// their (hashed) names.
std::string loggable_path(std::string_view path) {
  const bool api = path.starts_with("/api/");
  std::string out;
  while (!path.empty()) {
    std::size_t slash = path.find('/', 1);
    std::string_view seg = path.substr(0, slash);  // "/segment"
    path.remove_prefix(seg.size());
    auto digits = std::count_if(seg.begin(), seg.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    if (api && (digits >= 2 || (seg.size() > 1 && seg[1] >= '0' && seg[1] <= '9'))) {
      out += seg.front() == '/' ? "/:n" : ":n";
      continue;
    }
    for (char ch : seg) {
      bool safe = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '/' ||
                  ch == '.' || ch == '-' || ch == '_';
      out += safe ? ch : '_';  // keeps the JSON line well-formed whatever the client sent
    }
  }
  return out.size() > 200 ? out.substr(0, 200) : out;
}

void add_security_headers(http::Response& r, bool api) {
  r.header("X-Content-Type-Options", "nosniff");
  r.header("Referrer-Policy", "no-referrer");
  r.header("X-Frame-Options", "DENY");
  if (api) {
    bool has_cache = false;
    for (const auto& [k, v] : r.headers) has_cache |= k == "Cache-Control";
    if (!has_cache) r.header("Cache-Control", "no-store");
  } else {
    r.header("Content-Security-Policy",
             "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; "
             "base-uri 'none'; form-action 'self'");
  }
}

}  // namespace

Config config_from_env() {
  Config c;
  c.database_url = env("OSTOJA_DATABASE_URL", "sqlite://" + (std::filesystem::current_path() / "ostoja.db").string());
  c.port = static_cast<unsigned short>(std::stoi(env("OSTOJA_PORT", "8080")));
  c.address = env("OSTOJA_ADDRESS", "0.0.0.0");
  c.workers = static_cast<std::size_t>(std::stoi(env("OSTOJA_WORKERS", "8")));
  c.io_threads = static_cast<std::size_t>(std::stoi(env("OSTOJA_IO_THREADS", "4")));
  c.secure_cookies = env("OSTOJA_SECURE_COOKIES", "0") == "1";
  const char* log = std::getenv("OSTOJA_ACCESS_LOG");
  c.access_log = log ? std::string(log) : "-";
  c.trusted_proxies = env("OSTOJA_TRUSTED_PROXIES");
  c.statement_timeout = std::chrono::milliseconds(std::stoll(env("OSTOJA_STATEMENT_TIMEOUT_MS", "30000")));
  return c;
}

Application::Application(const Config& config, bool migrate_now) : config_(config) {
  // One connection per thread that may block on the database, plus the audit log's and the CLI's.
  if (migrate_now) {  // without a statement limit: building an index on a large table may take long
    auto db = storage::open_database({config.database_url, 1});
    auto applied = storage::migrate(*db, clock_.now_ms(), cases::migration_steps());
    if (!applied.empty()) spdlog::info("applied {} migration(s) to {}", applied.size(), db->describe());
  }
  db_ = storage::open_database({config.database_url, config.workers + config.io_threads + 2, config.statement_timeout});
  audit_ = std::make_unique<audit::GroupCommitLog>(*db_);
  identity_ = std::make_unique<identity::IdentityService>(*db_, clock_);
  org_ = std::make_unique<org::OrganisationService>(*db_, clock_);
  cases_ = std::make_unique<cases::CaseService>(*db_, clock_);
  applications_ = std::make_unique<applications::ApplicationService>(*db_, clock_, *cases_);
  decisions_ = std::make_unique<decisions::DecisionService>(*db_, clock_, *cases_);
  payments_ = std::make_unique<payments::PaymentService>(*db_, clock_, *cases_);
  income_ = std::make_unique<income::IncomeService>(*db_, clock_, *cases_);
  gmina_ = std::make_unique<gmina::GminaService>(*db_, clock_);
  services_ = std::make_unique<services::ServicesService>(*db_, clock_, *cases_);
  timeline_ = std::make_unique<timeline::TimelineService>(*db_, clock_, *cases_);
  decisions_->on_binding([p = payments_.get()](storage::Connection& c, const Principal& who,
                                               const decisions::Decision& d) { p->on_binding(c, who, d); });
  auth_ = identity::make_authenticator(*identity_);

  auto* db = db_.get();
  router_.add(
      {.method = "GET",
       .pattern = "/api/v1/health",
       .access = http::Access::open(),
       .summary = "Stan serwera i bazy danych",
       .tag = "system"},
      [db](http::RequestContext&) -> Result<http::Response> {
        try {
          auto c = db->acquire();
          c->query("SELECT 1");
        } catch (const std::exception&) {
          return Error{ErrorCode::unavailable, "Baza danych jest niedostępna.", ""};
        }
        return http::json_response(
            {{"status", "ok"}, {"database", std::string(storage::to_string(db->dialect()))}, {"version", kVersion}});
      });
  router_.add({.method = "GET",
               .pattern = "/api/v1/hello",
               .access = http::Access::open(),
               .summary = "Punkt odniesienia dla testów wydajności (bez bazy)",
               .tag = "system",
               .run_inline = true},
              [](http::RequestContext&) -> Result<http::Response> {
                return http::json_response({{"hello", "world"}});
              });
  router_.add({.method = "GET",
               .pattern = "/api/v1/openapi.json",
               .access = http::Access::open(),
               .summary = "Dokument OpenAPI 3 tego API",
               .tag = "system"},
              [this](http::RequestContext&) -> Result<http::Response> {
                return http::json_response(router_.openapi(kVersion));
              });
  identity::register_routes(router_, *identity_,
                            {config.secure_cookies, [this](CentreId c) { return org_->section_names(c); },
                             [this](CentreId c) {
                               auto centre = org_->centre(system_principal(c));
                               return centre.ok() ? centre->name : std::string();
                             }});
  org::register_routes(router_, *org_);
  cases::register_routes(router_, *cases_, *audit_);
  applications::register_routes(router_, *applications_, *audit_);
  decisions::register_routes(router_, *decisions_, *audit_);
  payments::register_routes(router_, *payments_, *audit_);
  income::register_routes(router_, *income_, *audit_);
  gmina::register_routes(router_, *gmina_);
  services::register_routes(router_, *services_, *audit_);
  timeline::register_routes(router_, *timeline_, *audit_);
  audit::register_routes(router_, *db_, clock_);
  rules_api::register_routes(router_);
  router_.set_fallback(serve_web_asset);
}

Application::~Application() = default;

void Application::serve(std::function<void(unsigned short)> on_listening) {
  std::shared_ptr<spdlog::logger> access;
  if (config_.access_log == "-")
    access = spdlog::stdout_logger_mt("access");
  else if (!config_.access_log.empty())
    access = spdlog::basic_logger_mt("access", config_.access_log);
  if (access) access->set_pattern("%v");

  http::ServerConfig sc;
  sc.address = config_.address;
  sc.port = config_.port;
  sc.workers = config_.workers;
  sc.io_threads = config_.io_threads;
  auto proxies = http::parse_trusted_proxies(config_.trusted_proxies);
  if (!proxies.ok()) throw std::invalid_argument(proxies.error().message);
  http::ServerHooks hooks;
  hooks.dispatch = [this, trusted = std::move(proxies).value()](const http::Request& req) {
    auto respond = [this](const http::Request& r) {
      http::Response resp = router_.dispatch(r, auth_);
      add_security_headers(resp, r.path.starts_with("/api/"));
      return resp;
    };
    // The one place where the client address is decided: everything after dispatch (login throttling,
    // sessions, audit entries) reads remote_ip. The hook gets the request as const, so a forwarded one
    // is copied with the client's address — only behind a trusted proxy.
    std::string client = http::client_address(req, trusted);
    if (client == req.remote_ip) return respond(req);
    http::Request forwarded = req;
    forwarded.remote_ip = std::move(client);
    return respond(forwarded);
  };
  hooks.run_inline = [this](const http::Request& req) { return router_.is_inline(req); };
  if (access)
    hooks.access_log = [access](const http::AccessRecord& rec) {
      auto now =
          std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
              .count();
      access->info(R"({{"ts":{},"method":"{}","path":"{}","status":{},"bytes":{},"us":{}}})", now,
                   rec.request.method.size() <= 10 ? rec.request.method : "?", loggable_path(rec.request.path),
                   rec.status, rec.bytes, rec.duration.count());
    };
  hooks.on_listening = [this, on_listening](unsigned short port) {
    spdlog::info("Ostoja {} serving http://{}:{} (database {})", kVersion, config_.address, port, db_->describe());
    if (on_listening) on_listening(port);
  };
  http::Server server(sc, hooks);
  server.run();
  spdlog::info("stopped; audit log: {} entries in {} group commits", audit_->entries_committed(),
               audit_->batches_committed());
}

}  // namespace ostoja::app
