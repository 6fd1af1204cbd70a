#pragma once
// Administrative decisions: drafted from an application (or ex officio) for a household in the
// user's scope, with the amount from the statutory calculators, approved (signed and numbered) by
// an official with decisions.approve, delivered, final, appealed. Every transition is recorded in
// the decision's history and the audit log, in one transaction.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/money.h"
#include "core/principal.h"
#include "core/result.h"
#include "modules/cases/service.h"
#include "modules/decisions/amount.h"
#include "modules/decisions/lifecycle.h"
#include "modules/decisions/pdf.h"
#include "modules/decisions/template.h"
#include "storage/database.h"

namespace ostoja::decisions {

using cases::Audited;

struct Event {
  std::string action, state, on, note, user;
  std::int64_t at{0};
};

struct Decision {
  std::int64_t id{0};
  std::optional<std::string> number;
  std::optional<std::int64_t> application_id;
  std::int64_t household_id{0};
  std::int64_t person_id{0};
  std::string person_name;
  std::string kind, form, form_name;
  std::optional<std::string> period_from, period_to;
  Money amount;
  std::optional<Money> calculated;
  std::optional<int> household_size;
  std::optional<Money> income;
  std::vector<std::string> calculation;
  std::string amount_justification, reasoning;
  std::optional<std::int64_t> changes_decision_id;
  std::string payment_method{"cash"};  // transfer | cash
  std::string iban;
  std::string state;
  Dates dates;
  std::vector<Event> events;
  std::string legal_basis;  // get() only: the centre's legal-basis text for this decision, as printed
};

struct NewDecision {
  std::optional<std::int64_t> application_id;
  std::int64_t household_id{0};
  std::int64_t person_id{0};  // the party (addressee)
  std::string kind{"grant"};
  std::string form;
  std::string period_from;  // YYYY-MM-DD; for one-off help the payment day
  std::optional<std::string> period_to;
  std::optional<std::int64_t> amount_grosze;
  std::optional<int> household_size;
  std::optional<std::int64_t> income_grosze;
  std::string amount_justification, reasoning;
  std::optional<std::int64_t> changes_decision_id;  // change, suspend, withdraw: the decision concerned
  std::string payment_method{"cash"};               // transfer (to a validated Polish IBAN) | cash
  std::string iban;
};

// SQL, for a decision aliased `d`: the day its first binding change, suspension or withdrawal takes
// effect, or NULL — the end of its effect is the day before (effect_period). Shared by the payments'
// reconciliation and the report counts, so that both see the same end.
inline constexpr const char* kFirstChangeSql =
    "(SELECT MIN(c.period_from) FROM decisions c WHERE c.centre_id = d.centre_id AND c.changes_decision_id = d.id "
    "AND c.kind IN ('change', 'suspend', 'withdraw') AND c.state IN ('final', 'upheld'))";

class DecisionService {
 public:
  // Called inside the transaction that makes a paying decision binding (final or upheld), and when a
  // binding decision is changed, suspended or withdrawn — the payments module plans or corrects
  // payments there, so that payments always reconcile with decisions.
  using BindingHook = std::function<void(storage::Connection&, const Principal&, const Decision&)>;

  DecisionService(storage::Database& db, const Clock& clock, cases::CaseService& cases)
      : db_(db), clock_(clock), cases_(cases) {}
  void on_binding(BindingHook hook) { on_binding_ = std::move(hook); }

  Result<Audited<Decision>> create_draft(const Principal& who, NewDecision d);
  // The amount a decision may grant (amount_range) under the centre's gmina resolutions in force on facts.date.
  Result<AmountRange> amount_preview(const Principal& who, AmountFacts facts);
  Result<Audited<Decision>> get(const Principal& who, std::int64_t id);
  Result<Audited<std::vector<Decision>>> for_household(const Principal& who, std::int64_t household_id);
  // The printed decision (a draft prints as "PROJEKT DECYZJI" from the current templates; a signed one
  // exactly as it was signed), audited as a read of the party's data.
  Result<Audited<DecisionDocument>> document(const Principal& who, std::int64_t id);

  // The centre's standard texts (its own version, or the default) and their change.
  Result<std::map<std::string, std::string, std::less<>>> templates(const Principal& who);
  Status set_template(const Principal& who, std::string_view name, std::string_view body);

  // approve needs decisions.approve; the others decisions.write. `on` is the date of the event.
  Result<Audited<Decision>> act(const Principal& who, std::int64_t id, std::string_view action, std::string_view on);

 private:
  Result<Decision> load(storage::Connection& c, const Principal& who, std::int64_t id);
  // The decision's text from the centre's current templates and records (a draft's, or the one frozen at signing).
  Result<DecisionDocument> compose(storage::Connection& c, const Principal& who, const Decision& d);

  storage::Database& db_;
  const Clock& clock_;
  cases::CaseService& cases_;
  BindingHook on_binding_;
};

}  // namespace ostoja::decisions
