#pragma once
// Applications (wnioski) and environmental interviews (wywiady środowiskowe): the start of every
// case. An application is registered for a household the user may work with; its interview and
// decision deadlines are computed by the rules in force on the day of receipt and stored, and the
// initial interview is planned at once. The worklist shows what is overdue and what is due soon.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/principal.h"
#include "core/result.h"
#include "modules/cases/service.h"
#include "storage/database.h"

namespace ostoja::applications {

using cases::Audited;

// Parts of the interview questionnaire (rozporządzenie w sprawie rodzinnego wywiadu środowiskowego,
// załącznik nr 1, simplified): free text per part. "health" is a restricted category.
inline constexpr const char* kInterviewParts[] = {"family",  "housing",    "health",       "income",
                                                  "reasons", "assessment", "proposed_help"};

struct Interview {
  std::int64_t id{0};
  std::int64_t household_id{0};
  std::optional<std::int64_t> application_id;
  std::string kind;    // initial, update, change
  std::string status;  // planned, completed, cancelled
  std::string due_on;
  std::optional<std::int64_t> worker_id;
  std::optional<std::string> conducted_on;
  std::map<std::string, std::string> parts;
  bool health_hidden{false};  // the health part exists but the reader has no restricted access
};

struct Reason {
  std::string code, point, wording;
};

struct Application {
  std::int64_t id{0};
  std::string number;
  std::int64_t household_id{0};
  std::int64_t applicant_id{0};
  std::string applicant_name;
  std::string mode;  // application, ex_officio
  std::string received_on;
  bool urgent{false}, complex{false};
  std::vector<std::string> forms;
  std::vector<Reason> reasons;  // wording in force on received_on
  std::string description;
  std::string status;  // open, decided, withdrawn
  std::string interview_due, decision_due;
  std::optional<std::string> closed_on;
  std::vector<Interview> interviews;
};

struct NewApplication {
  std::int64_t household_id{0};
  std::int64_t applicant_id{0};
  std::string mode{"application"};
  std::string received_on;  // YYYY-MM-DD; not in the future, not before 2012-10-01
  bool urgent{false}, complex{false};
  std::vector<std::string> forms;
  std::vector<std::string> reasons;
  std::string description;
};

struct CompletedInterview {
  std::string conducted_on;  // YYYY-MM-DD, not in the future
  std::map<std::string, std::string> parts;
};

struct WorkItem {
  // interview_overdue, interview_due, decision_overdue, decision_due (KPA term of an open application),
  // decision_expiring (a binding grant ends), contract_review[_overdue] (a social contract's review),
  // decision_to_sign (a draft decision, for those with decisions.approve)
  std::string kind;
  std::string due_on;
  int days_left{0};  // calendar days from the as-of date (negative: overdue)
  std::int64_t household_id{0};
  std::optional<std::int64_t> application_id, interview_id, decision_id, contract_id;
  std::string application_number;  // or the decision's number for decision_expiring
  std::optional<std::int64_t> worker_id;
  std::optional<std::int64_t> section_id;
  std::int64_t person_id{0};  // the applicant (or the household's head)
  std::string person_name;
  std::string address;
};

struct WorkCount {
  std::optional<std::int64_t> worker_id;
  std::string worker_name;
  int overdue{0}, upcoming{0};
};

struct SectionCount {
  std::optional<std::int64_t> section_id;  // nullopt: households without a section
  std::int64_t section_number{0};
  std::string section_name;
  int overdue{0}, upcoming{0};
};

// A manager's view of the worklist: one section and/or one worker (both in the user's scope).
struct WorklistFilter {
  std::optional<std::int64_t> section_id, worker_id;
};

struct Worklist {
  std::string as_of;
  int horizon_days{0};
  WorklistFilter filter;
  std::vector<WorkItem> items;           // overdue first, then by due date; both filters applied
  std::vector<WorkCount> by_worker;      // per responsible worker, in the chosen section (if any)
  std::vector<SectionCount> by_section;  // per section, over the whole scope (whatever the filters)
};

class ApplicationService {
 public:
  ApplicationService(storage::Database& db, const Clock& clock, cases::CaseService& cases)
      : db_(db), clock_(clock), cases_(cases) {}

  Result<Audited<Application>> create(const Principal& who, NewApplication a);
  Result<Audited<Application>> get(const Principal& who, std::int64_t id);
  Result<Audited<std::vector<Application>>> for_household(const Principal& who, std::int64_t household_id);
  // The applicant withdrew the application (KPA art. 105 § 2): closed, planned interviews cancelled.
  Result<Audited<Application>> withdraw(const Principal& who, std::int64_t id, std::string_view on);

  // Every interview of a household (with or without an application), newest due date first; one.
  Result<Audited<std::vector<Interview>>> interviews(const Principal& who, std::int64_t household_id);
  Result<Audited<Interview>> interview(const Principal& who, std::int64_t id);

  Result<Audited<Interview>> complete_interview(const Principal& who, std::int64_t interview_id, CompletedInterview c);
  // An interview on a change of the household's situation, due within the statutory term from today.
  Result<Audited<Interview>> plan_change_interview(const Principal& who, std::int64_t household_id, bool urgent);

  // What is overdue or due within `horizon_days` as of `as_of`, in the user's scope: a worker sees
  // their sections and assignments; a manager (kierownik) their sections, counted per section and per
  // worker; scope_all (the director) everything. A section outside the scope → forbidden; an unknown
  // worker → validation error (field worker_id).
  Result<Audited<Worklist>> worklist(const Principal& who, std::string_view as_of, int horizon_days,
                                     WorklistFilter filter = {});

 private:
  Result<Application> load(storage::Connection& c, const Principal& who, std::int64_t id);
  std::vector<Interview> interviews_of(storage::Connection& c, const Principal& who, std::int64_t household_id,
                                       std::optional<std::int64_t> application_id);

  storage::Database& db_;
  const Clock& clock_;
  cases::CaseService& cases_;
};

// Next number in a centre's yearly register ("W/2026/17"), inside the caller's write transaction.
std::int64_t next_register_number(storage::Connection& c, CentreId centre, std::string_view reg, int year);

}  // namespace ostoja::applications
