#pragma once
// The person's timeline (karta osoby): what happened to one person across the households they
// belonged to — joining and leaving a household, their applications, the household's interviews and
// help while they were a member, decisions addressed to them with their payments, services and
// social work concerning them. A read model over the case modules' tables; nothing is written here.
//
// Scoping: items come only from households the user may work with (cases::household_in_scope:
// section, assignment, all-centre scope or a live break-the-glass grant); a person with no such
// household is out of scope, as for GET /persons/{id}. The read is audited as one read of the person.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/principal.h"
#include "core/result.h"
#include "modules/cases/service.h"
#include "storage/database.h"

namespace ostoja::timeline {

using cases::Audited;

struct Item {
  std::string on;      // YYYY-MM-DD: the day it happened (or is due, for what is still planned)
  std::string kind;    // joined, left, application, interview, decision, payment, service, social_work
  std::int64_t id{0};  // the record's id (the household's for joined/left)
  std::int64_t household_id{0};
  std::string code;     // relation, forms (comma list), interview kind, decision form, service or work kind
  std::string subtype;  // decision kind (grant, refuse…), service subtype, social-work subtype
  std::string state;    // status / state of the record ("" where there is none)
  std::string number;   // application or decision number
  std::optional<std::int64_t> amount_grosze;  // decisions and payments
  std::optional<std::string> until;           // the end of a period (service, contract, decision)
};

struct PersonTimeline {
  std::int64_t person_id{0};
  std::vector<Item> items;  // newest first; on the same day in the order of `kind` above
};

class TimelineService {
 public:
  TimelineService(storage::Database& db, const Clock& clock, cases::CaseService& cases)
      : db_(db), clock_(clock), cases_(cases) {}

  // Errors: an unknown person → not_found; no household of theirs in the user's scope → forbidden.
  Result<Audited<PersonTimeline>> of_person(const Principal& who, std::int64_t person_id);

 private:
  storage::Database& db_;
  const Clock& clock_;
  cases::CaseService& cases_;
};

}  // namespace ostoja::timeline
