#pragma once
// Non-cash help and services delivered, and social work with households (dated entries, social
// contracts, community-service work, activation, referrals). Recorded per household in the user's
// scope; counted for reports by statistics() — each count defined once, here, as a query.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/principal.h"
#include "core/result.h"
#include "modules/cases/service.h"
#include "storage/database.h"

namespace ostoja::services {

using cases::Audited;

struct ServiceKind {
  std::string_view code;
  std::string_view name;
  std::vector<std::string_view> subtypes;  // empty: none
  bool person_required;                    // the person served must be named (a child's meals, counselling)
  std::string_view unit;                   // what `quantity` counts
};
const std::vector<ServiceKind>& service_kinds();

struct NewService {
  std::int64_t household_id{0};
  std::optional<std::int64_t> person_id, decision_id;
  std::string kind, subtype, place;
  std::string date_from, date_to;
  int quantity{1};
  std::int64_t fee_grosze{0};
  std::string note;
};

struct Service {
  std::int64_t id{0};
  NewService data;
};

struct NewSocialWork {
  std::int64_t household_id{0};
  std::string kind;  // entry, contract, community_work, activation, referral
  std::optional<std::int64_t> person_id;
  std::string on_date;
  std::optional<std::string> until_date, review_on;
  int hours{0};
  std::string subtype, description, outcome;
};

struct SocialWork {
  std::int64_t id{0};
  NewSocialWork data;
  std::optional<std::int64_t> worker_id;
};

// Counts for a period [from, to], as the yearly realisation reports state them.
struct Statistics {
  std::string from, to;
  std::map<std::string, std::int64_t> families_by_form;  // cash forms (binding grants) and services
  std::map<std::string, std::int64_t> in_kind_families;  // zywnosc, odziez, srodki_czystosci
  std::int64_t meals_children{0};                        // children fed in nurseries, kindergartens and schools
  std::int64_t sheltered_flats{0}, sheltered_persons{0}, sheltered_children{0};
  std::int64_t counselling_persons{0};
  std::map<std::string, std::int64_t> consultations;  // by type
  std::int64_t social_work_families{0}, contracts{0}, community_work_persons{0}, community_work_hours{0};
  std::map<std::string, std::int64_t> activation;  // by kind
  std::int64_t referrals{0};
};

class ServicesService {
 public:
  ServicesService(storage::Database& db, const Clock& clock, cases::CaseService& cases)
      : db_(db), clock_(clock), cases_(cases) {}

  Result<Service> record(const Principal& who, NewService s);
  Result<Audited<std::vector<Service>>> services_of(const Principal& who, std::int64_t household_id);
  Result<SocialWork> record_social_work(const Principal& who, NewSocialWork w);
  Result<Audited<std::vector<SocialWork>>> social_work_of(const Principal& who, std::int64_t household_id);
  // The review of an open social contract on `on_date`: either its outcome (achieved, partly, not_achieved,
  // broken — the contract is closed) or the date of the next review; the worker's note is kept with the
  // contract. A closed contract or another kind of record → conflict.
  Result<SocialWork> review_contract(const Principal& who, std::int64_t id, std::string_view on_date, std::string outcome,
                                     std::optional<std::string> next_review, std::string note);
  // Aggregates only (no personal data): for analysts, managers and the director.
  Result<Statistics> statistics(const Principal& who, std::string_view from, std::string_view to);

 private:
  storage::Database& db_;
  const Clock& clock_;
  cases::CaseService& cases_;
};

}  // namespace ostoja::services
