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
#include "core/money.h"
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
  bool stay{false};  // a stay (sheltered flat, care home): its quantity is the days of its period, nothing delivered
};
const std::vector<ServiceKind>& service_kinds();

// What a record delivered on one day: consultations on the day they took place, meals or care hours
// of a month on the day of the school's or the carer's statement, packages on the day they were given.
struct Delivery {
  std::string on_date;
  int quantity{0};
};

struct NewService {
  std::int64_t household_id{0};
  std::optional<std::int64_t> person_id, decision_id;
  std::string kind, subtype, place;
  std::string date_from, date_to;
  // Either the quantity of the whole record — only for a record within one calendar month, dated on its
  // last day (or today, if earlier) — or the quantities with their days. Stays take neither.
  std::optional<int> quantity;
  std::vector<Delivery> deliveries;
  std::int64_t fee_grosze{0};
  std::string note;
  std::optional<std::int64_t> flat_id;  // mieszkanie_chronione: the flat of the register (or `place` = its name)
  // dps: the home's average monthly cost and the monthly shares of the resident and the family (art. 61
  // ust. 2 pkt 1–2); the gmina pays the rest (pkt 3). The resident's income, when given, caps their share.
  std::optional<std::int64_t> cost_grosze, resident_fee_grosze, family_fee_grosze, resident_income_grosze;
};

struct Service {
  std::int64_t id{0};
  NewService data;  // as stored: quantity is the total, deliveries in date order
};

// A sheltered flat of the centre's register (art. 53 u.p.s.): organisational data, with its places.
struct NewFlat {
  std::string name, address;
  int places{0};
  std::string opened_on;
  std::optional<std::string> closed_on;
};
struct Flat {
  std::int64_t id{0};
  NewFlat data;
};
struct FlatChange {
  std::optional<std::string> address;
  std::optional<int> places;
  std::optional<std::string> closed_on;  // "" reopens
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

// Counts for a period [from, to], as the yearly realisation reports state them; each is defined once,
// in statistics(), and documented in docs/rules.md. Quantities are sums of dated deliveries, so the
// quantities of consecutive periods add up to those of their union; persons and families are counted
// once per period, whatever the number of their records.
struct Statistics {
  std::string from, to;
  std::map<std::string, std::int64_t> families_by_form;  // decisions in effect and services delivered
  std::map<std::string, std::int64_t> in_kind_families;  // zywnosc, odziez, srodki_czystosci
  std::map<std::string, std::int64_t> delivered;         // per kind of service, in its unit
  std::int64_t meals_children{0};                        // under 18 on the first day of their meals in the period
  struct Sheltered {
    std::int64_t flats{0}, places{0}, new_flats{0}, persons{0}, children{0};
  } sheltered;
  std::int64_t counselling_persons{0};
  std::map<std::string, std::int64_t> consultations;  // by type
  std::int64_t social_work_families{0}, contracts{0}, community_work_persons{0}, community_work_hours{0};
  std::int64_t activated_persons{0};               // community work or another form of activation
  std::map<std::string, std::int64_t> activation;  // by kind
  std::int64_t referrals{0};
  struct CareHomes {
    std::int64_t residents{0};
    Money resident, family, gmina;  // the shares of the fees for the days of the period (art. 61 ust. 2)
  } care_homes;
};

class ServicesService {
 public:
  ServicesService(storage::Database& db, const Clock& clock, cases::CaseService& cases)
      : db_(db), clock_(clock), cases_(cases) {}

  Result<Service> record(const Principal& who, NewService s);
  Result<Audited<std::vector<Service>>> services_of(const Principal& who, std::int64_t household_id);
  // What an ongoing record delivered on a day (a consultation, a month's meals); not for stays.
  Result<Service> add_delivery(const Principal& who, std::int64_t service_id, Delivery d);

  // The register of sheltered flats (organisational data, no personal data).
  Result<std::vector<Flat>> flats(const Principal& who);
  Result<Flat> add_flat(const Principal& who, NewFlat f);
  Result<Flat> change_flat(const Principal& who, std::int64_t id, FlatChange change);
  Result<SocialWork> record_social_work(const Principal& who, NewSocialWork w);
  Result<Audited<std::vector<SocialWork>>> social_work_of(const Principal& who, std::int64_t household_id);
  // The review of an open social contract on `on_date`: either its outcome (achieved, partly, not_achieved,
  // broken — the contract is closed) or the date of the next review; the worker's note is kept with the
  // contract. A closed contract or another kind of record → conflict.
  Result<SocialWork> review_contract(const Principal& who, std::int64_t id, std::string_view on_date,
                                     std::string outcome, std::optional<std::string> next_review, std::string note);
  // Aggregates only (no personal data): for analysts, managers and the director.
  Result<Statistics> statistics(const Principal& who, std::string_view from, std::string_view to);

 private:
  storage::Database& db_;
  const Clock& clock_;
  cases::CaseService& cases_;
};

}  // namespace ostoja::services
