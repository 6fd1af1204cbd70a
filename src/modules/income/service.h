#pragma once
// Income items of a household's members and the household's income and eligibility as of a date:
// the pure rules (rules/income.h, rules/eligibility.h) over stored items, with the household's members
// on that date and the gmina's resolutions in force on it, in the user's scope, audited as personal data.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/principal.h"
#include "core/result.h"
#include "modules/cases/service.h"
#include "rules/eligibility.h"
#include "rules/income.h"
#include "storage/database.h"

namespace ostoja::income {

using cases::Audited;

struct StoredItem {
  std::int64_t id{0};
  rules::IncomeItem item;
  std::string source;
};

struct Assessment {
  std::string month;  // reference month
  std::string date;   // the day the criteria, the composition and the gmina's resolutions are taken from
  std::vector<StoredItem> items;
  rules::HouseholdIncome income;
  std::vector<rules::FormEligibility> eligibility;  // every form of help, in forms_of_help() order
};

// One household as the assessment reads it: the number of its members on the date and the income items of
// those members that may count in the month (received in it or in the 11 months before — art. 8 ust. 11 —
// or due for a period covering it — art. 8 ust. 12).
struct HouseholdRows {
  std::int64_t household_id{0};
  int persons{0};
  std::vector<rules::IncomeItem> items;
};

// Every household of the centre that has such items, in id order, read in chunks of household ids (bounded
// memory; each chunk in one read transaction) on two connections of `db` — the next chunk is read while `visit`
// runs over this one. The same query the re-check uses; exposed for the benchmark's baseline
// (bench/eligibility_bench.cpp).
void scan_households(storage::Database& db, CentreId centre, Date date, std::string_view month,
                     const std::function<void(const HouseholdRows&)>& visit);

// How many households the re-check found eligible before and after the change, and whose amount changed.
struct RecheckCounts {
  std::string form;  // zasilek_staly, zasilek_okresowy
  std::int64_t eligible_before{0}, eligible_after{0}, amount_changed{0};
};
struct Recheck {
  std::string date;            // the day the new rules are in force
  std::string before;          // the day before: the old rules
  std::string month;           // the income month
  std::int64_t households{0};  // households with income counted in the month
  std::int64_t skipped{0};     // households whose stored income the rules refuse (reported, not counted)
  std::vector<RecheckCounts> forms;
};

class IncomeService {
 public:
  IncomeService(storage::Database& db, const Clock& clock, cases::CaseService& cases)
      : db_(db), clock_(clock), cases_(cases) {}

  // Records one item for a current member of the household; validated by the same rules.
  Result<StoredItem> add(const Principal& who, std::int64_t household_id, rules::IncomeItem item, std::string source);
  // The household's income for `month` and the eligibility for every form of help as of `date` (default: the
  // first day of the month after), counting the members of the household on `date` (memberships are dated)
  // and only their income, with the gmina's resolutions in force on `date`.
  Result<Audited<Assessment>> assess(const Principal& who, std::int64_t household_id, std::string_view month,
                                     std::string_view date);
  // After a change of the rules (new criteria in force on `date`): every household of the centre with income
  // in `month` (default: the month before `date`), its members on `date`, checked for zasiłek stały and
  // okresowy under the rules and gmina resolutions of the day before and of `date`. Whole centre: the CLI
  // operator or a user with cases.scope_all; one audit entry (only counts leave the use case).
  Result<Recheck> recheck(const Principal& who, std::string_view date, std::string_view month);

 private:
  storage::Database& db_;
  const Clock& clock_;
  cases::CaseService& cases_;
};

}  // namespace ostoja::income
