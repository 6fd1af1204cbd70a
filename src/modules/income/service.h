#pragma once
// Income items of a household's members and the household's income and eligibility as of a date:
// the pure rules (rules/income.h, rules/benefits.h) over stored items, in the user's scope,
// audited as personal data.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/principal.h"
#include "core/result.h"
#include "modules/cases/service.h"
#include "rules/benefits.h"
#include "rules/income.h"
#include "storage/database.h"

namespace ostoja::income {

using cases::Audited;

struct StoredItem {
  std::int64_t id{0};
  rules::IncomeItem item;
  std::string source;
};

struct Eligibility {
  std::string form;  // zasilek_staly, zasilek_okresowy
  rules::BenefitPreview preview;
};

struct Assessment {
  std::string month;  // reference month
  std::string date;   // the day the criteria are taken from
  std::vector<StoredItem> items;
  rules::HouseholdIncome income;
  std::vector<Eligibility> eligibility;
};

class IncomeService {
 public:
  IncomeService(storage::Database& db, const Clock& clock, cases::CaseService& cases)
      : db_(db), clock_(clock), cases_(cases) {}

  // Records one item for a current member of the household; validated by the same rules.
  Result<StoredItem> add(const Principal& who, std::int64_t household_id, rules::IncomeItem item, std::string source);
  // The household's income for `month` (items of that month and one-off items of the 11 before)
  // and the eligibility for the cash benefits as of `date` (default: the first day of the month after).
  Result<Audited<Assessment>> assess(const Principal& who, std::int64_t household_id, std::string_view month,
                                     std::string_view date);

 private:
  storage::Database& db_;
  const Clock& clock_;
  cases::CaseService& cases_;
};

}  // namespace ostoja::income
