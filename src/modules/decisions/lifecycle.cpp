#include "modules/decisions/lifecycle.h"

#include <array>
#include <utility>

#include "rules/procedure.h"

namespace ostoja::decisions {

namespace {

constexpr std::array<std::pair<State, std::string_view>, 9> kStates{{{State::draft, "draft"},
                                                                     {State::approved, "approved"},
                                                                     {State::delivered, "delivered"},
                                                                     {State::final, "final"},
                                                                     {State::appealed, "appealed"},
                                                                     {State::upheld, "upheld"},
                                                                     {State::overturned, "overturned"},
                                                                     {State::sent_back, "sent_back"},
                                                                     {State::cancelled, "cancelled"}}};
constexpr std::array<std::pair<Action, std::string_view>, 9> kActions{{{Action::approve, "approve"},
                                                                       {Action::deliver, "deliver"},
                                                                       {Action::make_final, "make_final"},
                                                                       {Action::waive_appeal, "waive_appeal"},
                                                                       {Action::appeal, "appeal"},
                                                                       {Action::uphold, "uphold"},
                                                                       {Action::overturn, "overturn"},
                                                                       {Action::send_back, "send_back"},
                                                                       {Action::cancel, "cancel"}}};
constexpr std::array<std::pair<Kind, std::string_view>, 5> kKinds{{{Kind::grant, "grant"},
                                                                   {Kind::refuse, "refuse"},
                                                                   {Kind::change, "change"},
                                                                   {Kind::suspend, "suspend"},
                                                                   {Kind::withdraw, "withdraw"}}};

Error illegal(State from, Action a) {
  return Error::conflict("Nie można wykonać czynności „" + std::string(to_string(a)) + "” dla decyzji w stanie „" +
                             std::string(polish(from)) + "”.",
                         "action");
}

}  // namespace

std::string_view polish(State s) {
  switch (s) {
    case State::draft:
      return "projekt";
    case State::approved:
      return "podpisana";
    case State::delivered:
      return "doręczona";
    case State::final:
      return "ostateczna";
    case State::appealed:
      return "odwołanie do SKO";
    case State::upheld:
      return "utrzymana w mocy przez SKO";
    case State::overturned:
      return "uchylona przez SKO";
    case State::sent_back:
      return "przekazana do ponownego rozpatrzenia";
    case State::cancelled:
      return "anulowany projekt";
  }
  return "";
}

std::string_view to_string(State s) {
  for (const auto& [k, v] : kStates)
    if (k == s) return v;
  return "";
}
std::string_view to_string(Action a) {
  for (const auto& [k, v] : kActions)
    if (k == a) return v;
  return "";
}
std::string_view to_string(Kind k) {
  for (const auto& [kk, v] : kKinds)
    if (kk == k) return v;
  return "";
}
std::optional<State> parse_state(std::string_view s) {
  for (const auto& [k, v] : kStates)
    if (v == s) return k;
  return std::nullopt;
}
Result<Action> parse_action(std::string_view s) {
  for (const auto& [k, v] : kActions)
    if (v == s) return k;
  return Error::validation(
      "Nieznana czynność: „" + std::string(s) +
          "” (approve, deliver, make_final, waive_appeal, appeal, uphold, overturn, send_back, cancel).",
      "action");
}
Result<Kind> parse_kind(std::string_view s) {
  for (const auto& [k, v] : kKinds)
    if (v == s) return k;
  return Error::validation("Rodzaj decyzji: grant, refuse, change, suspend albo withdraw.", "kind");
}
bool pays(Kind k) {
  return k == Kind::grant || k == Kind::change;
}
bool in_force(State s) {
  return s == State::final || s == State::upheld;
}

Result<Transition> apply(State from, const Dates& dates, Action action, Date on, Date today) {
  if (on > today) return Error::validation("Data czynności nie może być późniejsza niż dzisiaj.", "date");
  Transition t{from, dates, {}};
  auto not_before = [&](const std::optional<Date>& d, const char* what) -> Status {
    if (d && on < *d)
      return Error::validation(std::string("Data nie może być wcześniejsza niż ") + what + " (" + d->polish() + ").",
                               "date");
    return ok();
  };
  switch (action) {
    case Action::approve:
      if (from != State::draft) return illegal(from, action);
      t.to = State::approved;
      t.dates.issued_on = on;
      t.note = "Decyzja podpisana " + on.polish() + ".";
      return t;
    case Action::cancel:
      if (from != State::draft) return illegal(from, action);
      t.to = State::cancelled;
      t.note = "Projekt anulowany.";
      return t;
    case Action::deliver:
      if (from != State::approved) return illegal(from, action);
      OSTOJA_CHECK(not_before(dates.issued_on, "data wydania"));
      t.to = State::delivered;
      t.dates.delivered_on = on;
      t.dates.appeal_deadline = rules::appeal_deadline(on);  // KPA art. 129 § 2, art. 57
      t.note = "Doręczona " + on.polish() + "; termin na odwołanie do " + t.dates.appeal_deadline->polish() + ".";
      return t;
    case Action::waive_appeal:  // KPA art. 127a § 2: final on the day the waiver is received
      if (from != State::delivered) return illegal(from, action);
      OSTOJA_CHECK(not_before(dates.delivered_on, "data doręczenia"));
      if (dates.appeal_deadline && on > *dates.appeal_deadline)
        return Error::validation("Termin na odwołanie już minął — decyzja jest ostateczna bez zrzeczenia.", "date");
      t.to = State::final;
      t.dates.final_on = on;
      t.note = "Strona zrzekła się prawa do odwołania (art. 127a KPA); decyzja ostateczna " + on.polish() + ".";
      return t;
    case Action::make_final:  // the appeal term passed unused: final from the day after its last day
      if (from != State::delivered || !dates.appeal_deadline) return illegal(from, action);
      if (on <= *dates.appeal_deadline)
        return Error::conflict(
            "Termin na odwołanie upływa " + dates.appeal_deadline->polish() + " — decyzja nie jest jeszcze ostateczna.",
            "date");
      t.to = State::final;
      t.dates.final_on = dates.appeal_deadline->plus_days(1);
      t.note = "Termin na odwołanie upłynął bezskutecznie; decyzja ostateczna od " + t.dates.final_on->polish() + ".";
      return t;
    case Action::appeal:
      if (from != State::delivered) return illegal(from, action);
      OSTOJA_CHECK(not_before(dates.delivered_on, "data doręczenia"));
      if (dates.appeal_deadline && on > *dates.appeal_deadline)
        return Error::validation("Odwołanie wniesione po terminie (" + dates.appeal_deadline->polish() +
                                     ") — strona może wnieść o przywrócenie terminu (art. 58 KPA).",
                                 "date");
      t.to = State::appealed;
      t.dates.appealed_on = on;
      t.note = "Odwołanie wniesione " + on.polish() + "; przekazać do SKO w ciągu 7 dni (art. 133 KPA).";
      return t;
    case Action::uphold:
    case Action::overturn:
    case Action::send_back:
      if (from != State::appealed) return illegal(from, action);
      OSTOJA_CHECK(not_before(dates.appealed_on, "data odwołania"));
      t.dates.outcome_on = on;
      if (action == Action::uphold) {
        t.to = State::upheld;
        t.dates.final_on = on;
        t.note = "SKO utrzymało decyzję w mocy " + on.polish() + ".";
      } else if (action == Action::overturn) {
        t.to = State::overturned;
        t.note = "SKO uchyliło decyzję " + on.polish() + ".";
      } else {
        t.to = State::sent_back;
        t.note = "SKO uchyliło decyzję i przekazało sprawę do ponownego rozpatrzenia " + on.polish() + ".";
      }
      return t;
  }
  return illegal(from, action);
}

std::optional<Effect> effect_period(Date period_from, std::optional<Date> period_to, bool continuing,
                                    std::optional<Date> first_change) {
  Effect e{period_from, period_to ? period_to : continuing ? std::nullopt : std::optional<Date>(period_from)};
  if (first_change) {
    const Date last = first_change->plus_days(-1);
    if (last < e.from) return std::nullopt;
    if (!e.to || last < *e.to) e.to = last;
  }
  return e;
}

}  // namespace ostoja::decisions
