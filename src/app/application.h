#pragma once
// Wires the adapters around the use cases: database, audit, services, router. One Application per
// process; the HTTP server and the CLI both use it.
#include <chrono>
#include <memory>
#include <string>

#include "audit/audit_log.h"
#include "core/clock.h"
#include "http/router.h"
#include "modules/applications/service.h"
#include "modules/cases/service.h"
#include "modules/decisions/service.h"
#include "modules/gmina/service.h"
#include "modules/identity/service.h"
#include "modules/income/service.h"
#include "modules/organisation/service.h"
#include "modules/payments/service.h"
#include "modules/services/service.h"
#include "modules/timeline/service.h"
#include "storage/database.h"

namespace ostoja::app {

inline constexpr const char* kVersion = "0.1.0";

struct Config {
  std::string database_url;  // sqlite:///abs/file.db | postgresql://…
  std::string address{"0.0.0.0"};
  unsigned short port{8080};
  std::size_t io_threads{4};  // event-loop threads; all but one may also run database work inline
  std::size_t workers{8};     // threads for database work; audited reads wait for group commit without blocking them
  bool secure_cookies{false};
  std::string access_log{"-"};  // "-" = stdout, "" = off, else a file path
  std::string trusted_proxies;  // comma-separated addresses whose X-Forwarded-For names the client
  std::chrono::milliseconds statement_timeout{30000};  // per database statement; 0 = none
};

// Reads OSTOJA_* environment variables; the default database is ./ostoja.db.
Config config_from_env();

class Application {
 public:
  explicit Application(const Config& config, bool migrate_now = true);
  ~Application();

  storage::Database& db() { return *db_; }
  const Clock& clock() const { return clock_; }
  identity::IdentityService& identity() { return *identity_; }
  org::OrganisationService& organisation() { return *org_; }
  cases::CaseService& cases() { return *cases_; }
  applications::ApplicationService& applications() { return *applications_; }
  decisions::DecisionService& decisions() { return *decisions_; }
  payments::PaymentService& payments() { return *payments_; }
  income::IncomeService& income() { return *income_; }
  gmina::GminaService& gmina() { return *gmina_; }
  services::ServicesService& services() { return *services_; }
  timeline::TimelineService& timeline() { return *timeline_; }
  audit::GroupCommitLog& audit_log() { return *audit_; }
  const http::Router& router() const { return router_; }
  http::Authenticator& authenticator() { return auth_; }

  // Serves HTTP until SIGTERM/SIGINT. `on_listening` receives the bound port.
  void serve(std::function<void(unsigned short)> on_listening = {});

 private:
  Config config_;
  SystemClock clock_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<audit::GroupCommitLog> audit_;
  std::unique_ptr<identity::IdentityService> identity_;
  std::unique_ptr<org::OrganisationService> org_;
  std::unique_ptr<cases::CaseService> cases_;
  std::unique_ptr<applications::ApplicationService> applications_;
  std::unique_ptr<decisions::DecisionService> decisions_;
  std::unique_ptr<payments::PaymentService> payments_;
  std::unique_ptr<income::IncomeService> income_;
  std::unique_ptr<gmina::GminaService> gmina_;
  std::unique_ptr<services::ServicesService> services_;
  std::unique_ptr<timeline::TimelineService> timeline_;
  http::Router router_;
  http::Authenticator auth_;
};

// Static web app files compiled into the binary, with caching headers; SPA fallback to index.html.
std::optional<http::Response> serve_web_asset(const http::Request& req);

}  // namespace ostoja::app
