#include "modules/payments/schedule.h"

#include <algorithm>
#include <cassert>
#include <map>

#include "rules/calendar.h"

namespace ostoja::payments {

namespace {

int days_in_month(Date d) {
  Date first(d.year(), d.month(), 1);
  return first.days_until(first.plus_months(1));
}

std::string month_key(Date d) {
  return d.iso().substr(0, 7);
}

// amount × num / den, rounded to the nearest grosz, halves up (amounts are non-negative here).
Money proportion(Money amount, int num, int den) {
  const std::int64_t n = amount.grosze * num;
  return Money{(2 * n + den) / (2 * den)};
}

}  // namespace

std::vector<Planned> schedule(const ScheduleInput& in) {
  assert(in.payment_day >= 1 && in.payment_day <= 28);
  std::vector<Planned> out;
  if (!in.periodic) {
    Date due = std::max(in.from, in.binding_on);
    while (!rules::is_working_day(due)) due = due.plus_days(1);
    out.push_back({"", due, in.monthly});
    return out;
  }
  const Date last =
      in.to ? *in.to : Date(in.from.year(), in.from.month(), 1).plus_months(in.indefinite_months).plus_days(-1);
  for (Date first(in.from.year(), in.from.month(), 1); first <= last; first = first.plus_months(1)) {
    const Date month_end = first.plus_months(1).plus_days(-1);
    const Date a = std::max(first, in.from), b = std::min(month_end, last);
    const int covered = a.days_until(b) + 1, total = days_in_month(first);
    Money amount = covered == total ? in.monthly : proportion(in.monthly, covered, total);
    Date due = std::max(Date(first.year(), first.month(), static_cast<unsigned>(in.payment_day)), in.binding_on);
    while (!rules::is_working_day(due)) due = due.plus_days(1);  // banks and cash desks work on working days
    if (amount.grosze > 0) out.push_back({month_key(first), due, amount});
  }
  return out;
}

Reconciliation reconcile(const std::vector<Existing>& existing, const std::vector<Planned>& target, Date today) {
  Reconciliation r;
  std::map<std::string, Money> due;
  for (const auto& t : target) due[t.month] = due[t.month] + t.amount;
  // Per month: what has been sent or paid (and not returned) stays; planned payments absorb the change.
  std::map<std::string, Money> settled;
  std::map<std::string, std::vector<const Existing*>> planned;
  for (const auto& e : existing) {
    if (e.status == "sent" || e.status == "paid") settled[e.month] = settled[e.month] + e.amount;
    if (e.status == "planned") planned[e.month].push_back(&e);
  }
  std::map<std::string, bool> months;
  for (const auto& [m, _] : settled) months[m] = true;
  for (const auto& [m, _] : planned) months[m] = true;
  for (const auto& [m, _] : due) months[m] = true;
  for (const auto& [m, _] : months) {
    Money remaining = due[m] - settled[m];
    for (const Existing* p : planned[m]) {
      if (remaining.grosze <= 0) {
        r.cancel.push_back(p->id);
      } else {
        Money keep = std::min(p->amount, remaining);
        if (keep != p->amount) r.update.push_back({p->id, keep});
        remaining = remaining - keep;
      }
    }
    if (remaining.grosze < 0) r.corrections.push_back({m, today, remaining});  // overpaid: to be recovered
  }
  return r;
}

}  // namespace ostoja::payments
