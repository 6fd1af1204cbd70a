#include "modules/services/counting.h"

#include <algorithm>
#include <map>

namespace ostoja::services {

bool is_child_on(Date birth, Date day) {
  return day < birth.plus_months(12 * 18);
}

std::optional<Period> overlap(Period a, Period b) {
  const Date from = std::max(a.from, b.from), to = std::min(a.to, b.to);
  if (to < from) return std::nullopt;
  return Period{from, to};
}

int most_present(const std::vector<Period>& residences, Period within) {
  // A sweep over the days residences begin and end: +1 on the first day, −1 on the day after the last.
  std::map<Date, int> change;
  for (const auto& r : residences)
    if (auto o = overlap(r, within)) {
      change[o->from] += 1;
      change[o->to.plus_days(1)] -= 1;
    }
  int present = 0, most = 0;
  for (const auto& [day, delta] : change) {
    present += delta;
    most = std::max(most, present);
  }
  return most;
}

Status check_fee(const CareHomeFee& fee, std::optional<Money> resident_income) {
  if (fee.cost.grosze <= 0)
    return Error::validation("Podaj średni miesięczny koszt utrzymania w domu pomocy społecznej.", "cost_grosze");
  if (fee.resident.grosze < 0)
    return Error::validation("Opłata mieszkańca nie może być ujemna.", "resident_fee_grosze");
  if (fee.family.grosze < 0) return Error::validation("Opłata rodziny nie może być ujemna.", "family_fee_grosze");
  if (resident_income && fee.resident.grosze * 10 > resident_income->grosze * 7)
    return Error::validation(
        "Mieszkaniec wnosi nie więcej niż 70% swojego dochodu (art. 61 ust. 2 pkt 1), tj. najwyżej " +
            Money{resident_income->grosze * 7 / 10}.polish() + ".",
        "resident_fee_grosze");
  if (fee.gmina().grosze < 0)
    return Error::validation(
        "Opłaty mieszkańca i rodziny przekraczają średni koszt utrzymania — gmina dopłaca różnicę "
        "(art. 61 ust. 2 pkt 3), nie mniej niż zero.",
        "family_fee_grosze");
  return ok();
}

Money monthly_share(Money monthly, Period stay, Period period) {
  auto days = overlap(stay, period);
  if (!days) return Money{};
  Money total;
  for (Date first(days->from.year(), days->from.month(), 1); first <= days->to; first = first.plus_months(1)) {
    const Date next = first.plus_months(1);
    auto in_month = overlap(*days, Period{first, next.plus_days(-1)});
    if (!in_month) continue;
    const std::int64_t n = monthly.grosze * (in_month->from.days_until(in_month->to) + 1);
    const std::int64_t den = first.days_until(next);
    total = total + Money{(2 * n + den) / (2 * den)};
  }
  return total;
}

Result<Date> undated_quantity_day(Period record, Date today) {
  if (record.from.year() != record.to.year() || record.from.month() != record.to.month())
    return Error::validation(
        "Okres obejmuje więcej niż jeden miesiąc: podaj ilości z datami (każdą konsultację w dniu, w którym się "
        "odbyła, "
        "posiłki i godziny za każdy miesiąc), aby sprawozdania za kolejne okresy sumowały się dokładnie.",
        "deliveries");
  return std::min(record.to, today);
}

}  // namespace ostoja::services
