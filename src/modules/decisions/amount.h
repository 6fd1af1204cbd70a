#pragma once
// The amount a decision may grant, from the statutory calculators (src/rules/benefits.h), and the
// check of an amount the worker sets differently. Pure: the date is the first day of the period.
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "core/result.h"
#include "modules/decisions/lifecycle.h"
#include "rules/gmina.h"

namespace ostoja::decisions {

struct AmountFacts {
  std::string form;  // form-of-help code (rules/procedure.h)
  Kind kind{Kind::grant};
  Date date;  // first day of the period (or the payment day of a one-off benefit)
  std::optional<int> household_size;
  std::optional<Money> household_income;  // monthly net income of the household (art. 8 ust. 3)
  rules::GminaSettings gmina;             // the centre's resolutions (percent of zasiłek okresowy, limits)
};

struct AmountRange {
  std::optional<Money> calculated;  // what the calculator gives (nullopt: decided case by case)
  Money min, max;                   // what the worker may set (max == 0 with min == 0: no cash)
  bool fixed{false};                // the act fixes the amount (zasiłek stały): no other amount
  bool required{false};             // an amount must be given (zasiłek celowy)
  std::vector<std::string> explanation;
};

// The permitted amount for a decision, with the gmina's resolutions in force on `date`. Errors name the
// input field: "household_size", "income_grosze" (e.g. income not below the criterion: the help is not
// due — refuse instead).
Result<AmountRange> amount_range(const AmountFacts& facts);

// The amount to record: the calculated one, or the worker's within [min, max] with a
// justification of at least 10 characters when it differs (field "amount_grosze" /
// "amount_justification").
Result<Money> decide_amount(const AmountRange& range, std::optional<Money> requested, const std::string& justification);

}  // namespace ostoja::decisions
