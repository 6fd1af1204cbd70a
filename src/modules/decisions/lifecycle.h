#pragma once
// The life of an administrative decision as a pure state machine (Kodeks postępowania
// administracyjnego): a draft is approved (signed) by an authorised official, delivered to the
// party, and becomes final when the 14-day appeal term passes unused (art. 129 § 2, art. 16 § 1)
// or at once when the party waives the appeal (art. 127a). An appeal filed in time goes, through
// the centre, to the SKO, whose outcome upholds the decision (final), overturns it, or sends the
// case back for reconsideration (art. 138 § 1–2). No I/O: dates are arguments.
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/result.h"

namespace ostoja::decisions {

enum class State { draft, approved, delivered, final, appealed, upheld, overturned, sent_back, cancelled };
enum class Action { approve, deliver, make_final, waive_appeal, appeal, uphold, overturn, send_back, cancel };

std::string_view to_string(State s);
std::string_view to_string(Action a);
std::string_view polish(State s);
std::optional<State> parse_state(std::string_view s);
// Validation error (field "action") for an unknown action name.
Result<Action> parse_action(std::string_view s);

// Kinds of decision: granting, refusing, changing, suspending or withdrawing help.
enum class Kind { grant, refuse, change, suspend, withdraw };
std::string_view to_string(Kind k);
Result<Kind> parse_kind(std::string_view s);
// Whether a decision of this kind, once final, produces payments (grant and change do).
bool pays(Kind k);

// The dates a decision carries through its life.
struct Dates {
  std::optional<Date> issued_on;     // approved/signed
  std::optional<Date> delivered_on;  // doręczenie
  std::optional<Date> appeal_deadline;
  std::optional<Date> appealed_on;
  std::optional<Date> final_on;    // ostateczna
  std::optional<Date> outcome_on;  // SKO's decision
};

struct Transition {
  State to{State::draft};
  Dates dates;
  std::string note;  // Polish, for the history
};

// Applies `action` on `on` to a decision in `from` with `dates`; `today` bounds dates from the future.
// Illegal transitions → Error::conflict (field "action"); bad dates → Error::validation (field "date").
Result<Transition> apply(State from, const Dates& dates, Action action, Date on, Date today);

// Binding and producing effects: final, or upheld by the SKO.
bool in_force(State s);

// The days a binding decision has effect: from the start of its period to its end — an open end for
// continuing help granted indefinitely (zasiłek stały), the one day for one-off help without an end —
// cut to the day before its first binding change, suspension or withdrawal takes effect (the later
// decision rules from its own first day; the payments module shortens the schedule the same way).
// nullopt when that later decision takes effect on the first day or earlier: this one never had effect.
struct Effect {
  Date from;
  std::optional<Date> to;  // nullopt: indefinite
};
std::optional<Effect> effect_period(Date period_from, std::optional<Date> period_to, bool continuing,
                                    std::optional<Date> first_change);

}  // namespace ostoja::decisions
