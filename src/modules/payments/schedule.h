#pragma once
// Payment schedules from decisions, and their reconciliation when a decision is changed or
// withdrawn. Pure: dates and amounts in, planned payments and corrections out.
//
// A periodic benefit is paid per calendar month; a month the decision covers only in part is paid
// in proportion to its days (amount × days covered / days in the month, rounded to the nearest
// grosz, halves up) — art. 106 ust. 3 u.p.s. (second sentence), which covers every cash benefit, so
// zasiłek stały and okresowy alike; the act says nothing of rounding, halves up is our convention.
// A one-off benefit is one payment.
// A payment falls due on the centre's payment day, or on the next working day when that is a
// Saturday, Sunday or public holiday, and never before the decision is binding.
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/money.h"

namespace ostoja::payments {

struct Planned {
  std::string month;  // "2026-12" for periodic benefits, "" for one-off
  Date due;
  Money amount;
};

struct ScheduleInput {
  Date from;               // first day covered (one-off: the payment day)
  std::optional<Date> to;  // last day covered; nullopt = indefinite (zasiłek stały)
  Money monthly;           // periodic: the monthly amount; one-off: the amount
  bool periodic{true};
  int payment_day{10};        // day of the month on which the centre pays (1–28)
  Date binding_on;            // nothing is due before the decision is binding
  int indefinite_months{12};  // how far ahead an indefinite decision is planned
};

std::vector<Planned> schedule(const ScheduleInput& in);

// A payment as recorded, for reconciliation.
struct Existing {
  std::int64_t id{0};
  std::string month;
  Money amount;
  std::string status;  // planned, sent, paid, returned, cancelled
};

struct Reconciliation {
  std::vector<std::int64_t> cancel;  // planned payments no longer due
  struct Update {
    std::int64_t id;
    Money amount;
  };
  std::vector<Update> update;        // planned payments with a new amount
  std::vector<Planned> corrections;  // negative: paid but no longer due (to be recovered)
};

// What to do with a decision's payments when it ends early on `last_day` (withdrawal, change,
// suspension from the day after): months after it are cancelled or corrected, the month of
// `last_day` is paid in proportion. `target` is schedule() of the shortened period.
Reconciliation reconcile(const std::vector<Existing>& existing, const std::vector<Planned>& target, Date today);

}  // namespace ostoja::payments
