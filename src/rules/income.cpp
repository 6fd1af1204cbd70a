#include "rules/income.h"

#include <algorithm>
#include <array>

#include "rules/criteria.h"
#include "rules/dated.h"

namespace ostoja::rules {

namespace {

const std::array<IncomeType, 14> kTypes{{
    {"wynagrodzenie", "wynagrodzenie ze stosunku pracy lub umowy cywilnoprawnej", false, false},
    {"emerytura_renta", "emerytura lub renta", false, false},
    {"zasilek_dla_bezrobotnych", "zasiłek dla bezrobotnych", false, false},
    {"dzialalnosc", "działalność gospodarcza", false, false},
    {"alimenty", "alimenty lub świadczenie z funduszu alimentacyjnego", false, false},
    {"swiadczenia_rodzinne", "świadczenia rodzinne (zasiłek rodzinny, dodatki)", false, false},
    {"zasilek_staly", "zasiłek stały z pomocy społecznej", false, false},
    {"swiadczenie_wychowawcze", "świadczenie wychowawcze (500+/800+)", false, false},
    {"dobry_start", "świadczenie „Dobry start”", true, false},
    {"zasilek_celowy", "zasiłek celowy", true, false},
    {"prace_spolecznie_uzyteczne", "świadczenie za prace społecznie użyteczne", false, false},
    {"pomoc_materialna_uczniow", "pomoc materialna dla uczniów", false, false},
    {"jednorazowy", "jednorazowo uzyskana kwota (np. odprawa, spadek, odszkodowanie)", true, false},
    {"gospodarstwo_rolne", "gospodarstwo rolne (hektary przeliczeniowe)", false, true},
}};

constexpr std::string_view kArt8Ust4 = "art. 8 ust. 4 ustawy z dnia 12 marca 2004 r. o pomocy społecznej";

// [verify] the provisions excluding the family-support benefits: the świadczenie wychowawcze was paid
// from 1.04.2016 and excluded from the start (ustawa z 11 lutego 2016 r., art. 26 — not confirmed);
// "Dobry start" under the Council of Ministers' regulation of 30.05.2018 (Dz.U. 2018 poz. 1061, in
// force from 1.06.2018), replaced on 1.07.2021 by the regulation of 15.06.2021 (Dz.U. 2021 poz. 1092).
const std::array<IncomeExclusion, 6> kExclusions{{
    {"zasilek_celowy", Date{2012, 10, 1}, std::nullopt, kArt8Ust4},
    {"pomoc_materialna_uczniow", Date{2012, 10, 1}, std::nullopt, kArt8Ust4},
    {"prace_spolecznie_uzyteczne", Date{2012, 10, 1}, std::nullopt, kArt8Ust4},
    {"swiadczenie_wychowawcze", Date{2016, 4, 1}, std::nullopt,
     "art. 26 ustawy z dnia 11 lutego 2016 r. o pomocy państwa w wychowywaniu dzieci"},
    {"dobry_start", Date{2018, 6, 1}, Date{2021, 6, 30},
     "rozporządzenie Rady Ministrów z dnia 30 maja 2018 r. w sprawie szczegółowych warunków realizacji rządowego "
     "programu "
     "„Dobry start” (Dz.U. 2018 poz. 1061)"},
    {"dobry_start", Date{2021, 7, 1}, std::nullopt,
     "rozporządzenie Rady Ministrów z dnia 15 czerwca 2021 r. w sprawie szczegółowych warunków realizacji rządowego "
     "programu „Dobry start” (Dz.U. 2021 poz. 1092)"},
}};

std::optional<Date> month_start(std::string_view month) {
  if (month.size() != 7) return std::nullopt;
  return Date::parse(std::string(month) + "-01");
}

}  // namespace

std::span<const IncomeType> income_types() {
  return kTypes;
}

const IncomeType* income_type(std::string_view code) {
  auto it = std::find_if(kTypes.begin(), kTypes.end(), [&](const IncomeType& t) { return t.code == code; });
  return it == kTypes.end() ? nullptr : &*it;
}

std::span<const IncomeExclusion> income_exclusions() {
  return kExclusions;
}

const IncomeExclusion* excluded_on(std::string_view code, Date date) {
  for (const auto& e : income_exclusions())
    if (e.code == code && in_force(e, date)) return &e;
  return nullptr;
}

Result<HouseholdIncome> household_income(std::span<const IncomeItem> items, std::string_view month, int persons,
                                         Explain explain) {
  const bool explained = explain == Explain::yes;
  auto start = month_start(month);
  if (!start) return Error::validation("Miesiąc w postaci RRRR-MM.", "month");
  if (persons < 1 || persons > 30) return Error::validation("Liczba osób w gospodarstwie: od 1 do 30.", "persons");
  OSTOJA_TRY(criteria, criteria_on(*start));
  HouseholdIncome out;
  out.month = std::string(month);
  out.persons = persons;
  const Money criterion = persons == 1 ? criteria.single_person : family_criterion(criteria, persons);
  const Money spread_threshold{criterion.grosze * 5};
  for (std::size_t i = 0; i < items.size(); ++i) {
    const IncomeItem& it = items[i];
    const IncomeType* type = income_type(it.type);
    auto where = [i] { return "Pozycja " + std::to_string(i + 1) + ": "; };  // only for an error
    if (!type) return Error::validation(where() + "nieznany rodzaj dochodu „" + it.type + "”.", "items");
    auto received = month_start(it.month);
    if (!received) return Error::validation(where() + "miesiąc w postaci RRRR-MM.", "items");
    if (it.amount.grosze < 0 || it.tax.grosze < 0 || it.health.grosze < 0 || it.social.grosze < 0 ||
        it.alimony_paid.grosze < 0 || it.hectares_e4 < 0)
      return Error::validation(where() + "kwoty nie mogą być ujemne.", "items");
    CountedItem c{i, Money{}, {}};
    if (it.period_from || it.period_to) {
      auto from = it.period_from ? month_start(*it.period_from) : std::nullopt;
      auto to = it.period_to ? month_start(*it.period_to) : std::nullopt;
      if (!from || !to)
        return Error::validation(where() + "okres, za który należy się dochód: od i do w postaci RRRR-MM.", "items");
      if (*to < *from) return Error::validation(where() + "koniec okresu dochodu przed jego początkiem.", "items");
      const int months =
          (to->year() - from->year()) * 12 + static_cast<int>(to->month()) - static_cast<int>(from->month()) + 1;
      if (months > 36) return Error::validation(where() + "okres dochodu najwyżej 36 miesięcy.", "items");
      if (type->one_off || type->farm)
        return Error::validation(
            where() + "okres można podać tylko dla dochodu należnego za okres (art. 8 ust. 12), nie dla „" +
                std::string(type->name) + "”.",
            "items");
      const Money deductions = it.tax + it.health + it.social + it.alimony_paid;
      if (deductions > it.amount)
        return Error::validation(where() + "potrącenia (podatek, składki, alimenty) przekraczają kwotę dochodu.",
                                 "items");
      if (const auto* ex = excluded_on(it.type, *start)) {
        if (explained)
          c.explanation =
              std::string(type->name) + " nie wlicza się do dochodu (" + std::string(ex->legal_basis) + ").";
      } else if (*start < *from || *to < *start) {
        if (explained)
          c.explanation = "Dochód należny za okres " + *it.period_from + " – " + *it.period_to +
                          ", który nie obejmuje tego miesiąca — nie wlicza się (art. 8 ust. 12).";
      } else {
        const Money net = it.amount - deductions;
        const int k =
            (start->year() - from->year()) * 12 + static_cast<int>(start->month()) - static_cast<int>(from->month());
        // Equal parts adding up to the amount; the grosze left by the division go to the first months.
        c.counted = Money{net.grosze / months + (k < net.grosze % months ? 1 : 0)};
        if (explained)
          c.explanation =
              std::string(type->name) + " uzyskany jednorazowo (" + net.polish() + " po potrąceniach) za okres " +
              *it.period_from + " – " + *it.period_to + " (" + std::to_string(months) +
              " mies.) — wlicza się część przypadającą na ten miesiąc: " + c.counted.polish() + " (art. 8 ust. 12).";
      }
      out.total = out.total + c.counted;
      out.items.push_back(std::move(c));
      continue;
    }
    if (*received > *start) {
      if (explained)
        c.explanation = "Dochód z miesiąca późniejszego niż miesiąc, za który liczy się dochód — nie wlicza się.";
      out.items.push_back(std::move(c));
      continue;
    }
    if (const auto* ex = excluded_on(it.type, *start)) {
      if (explained)
        c.explanation = std::string(type->name) + " nie wlicza się do dochodu (" + std::string(ex->legal_basis) + ").";
      out.items.push_back(std::move(c));
      continue;
    }
    if (type->farm) {
      if (*received != *start) {
        if (explained)
          c.explanation = "Gospodarstwo rolne liczy się według stanu w miesiącu, za który ustala się dochód.";
        out.items.push_back(std::move(c));
        continue;
      }
      // ha × per-hectare income; the product rounded to the nearest grosz.
      const std::int64_t v = (it.hectares_e4 * criteria.income_per_hectare.grosze + 5000) / 10000;
      c.counted = Money{v};
      if (explained)
        c.explanation = "Gospodarstwo rolne: " + std::to_string(it.hectares_e4 / 10000) + "," +
                        std::to_string(10000 + it.hectares_e4 % 10000).substr(1) + " ha przeliczeniowych × " +
                        criteria.income_per_hectare.polish() + " = " + c.counted.polish() + " (art. 8 ust. 8).";
      out.total = out.total + c.counted;
      out.items.push_back(std::move(c));
      continue;
    }
    const Money deductions = it.tax + it.health + it.social + it.alimony_paid;
    if (deductions > it.amount)
      return Error::validation(where() + "potrącenia (podatek, składki, alimenty) przekraczają kwotę dochodu.",
                               "items");
    const Money net = it.amount - deductions;
    if (type->one_off && net > spread_threshold) {
      const int months_since = (start->year() - received->year()) * 12 + static_cast<int>(start->month()) -
                               static_cast<int>(received->month());
      if (months_since < 12) {
        // Twelve equal parts that add up to the amount: the grosze left over by the division go one
        // each to the first months, so nothing is lost or counted twice over the year.
        c.counted = Money{net.grosze / 12 + (months_since < net.grosze % 12 ? 1 : 0)};
        if (explained)
          c.explanation = "Kwota jednorazowa " + net.polish() + " przekracza pięciokrotność kryterium (" +
                          spread_threshold.polish() +
                          ") — wlicza się 1/12 przez 12 miesięcy od miesiąca jej uzyskania: " + c.counted.polish() +
                          " (art. 8 ust. 11).";
      } else {
        if (explained)
          c.explanation =
              "Kwota jednorazowa rozliczona w 12 miesiącach, które już minęły — nie wlicza się (art. 8 ust. 11).";
      }
    } else if (*received == *start) {
      c.counted = net;
      if (explained)
        c.explanation = std::string(type->name) + ": " + it.amount.polish() +
                        (deductions.grosze ? " pomniejszone o podatek, składki i alimenty świadczone (" +
                                                 deductions.polish() + ") = " + net.polish()
                                           : "") +
                        " (art. 8 ust. 3).";
    } else {
      if (explained)
        c.explanation = "Dochód z innego miesiąca niż miesiąc, za który liczy się dochód — nie wlicza się.";
    }
    out.total = out.total + c.counted;
    out.items.push_back(std::move(c));
  }
  out.per_person = Money{out.total.grosze / persons};
  return out;
}

}  // namespace ostoja::rules
