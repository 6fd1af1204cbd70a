#pragma once
// Payments: planned from decisions the moment they become binding (in the same transaction, see
// DecisionService::on_binding), corrected when a later decision changes, suspends or withdraws help,
// gathered into payment lists by date and method, sent, and marked paid or returned. The sum of a
// decision's payments always equals what the decision grants for the period it was in force.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/money.h"
#include "core/principal.h"
#include "core/result.h"
#include "modules/cases/service.h"
#include "modules/decisions/service.h"
#include "modules/payments/export.h"
#include "storage/database.h"

namespace ostoja::payments {

using cases::Audited;

struct Payment {
  std::int64_t id{0};
  std::int64_t decision_id{0};
  std::optional<std::string> decision_number;
  std::int64_t household_id{0};
  std::int64_t person_id{0};
  std::string person_name;
  std::string form, month, due_on, kind, method, iban, status;
  Money amount;
  std::optional<std::int64_t> list_id;
  std::optional<std::string> status_on;
};

struct ListSummary {
  std::int64_t id{0};
  std::string number, payment_date, method, status;
  int count{0};
  Money total;
};

struct ListDetail {
  ListSummary summary;
  std::vector<Payment> payments;
};

// Reconciliation of one decision: what it grants for its period vs. what its payments add up to.
struct DecisionTotals {
  std::int64_t decision_id{0};
  Money granted;   // schedule of the period in force (after any early end)
  Money payments;  // regular + corrections, excluding cancelled and returned
  bool reconciled{false};
};

class PaymentService {
 public:
  PaymentService(storage::Database& db, const Clock& clock, cases::CaseService& cases)
      : db_(db), clock_(clock), cases_(cases) {}

  // The decisions module's binding hook: plans a paying decision's payments; for a change,
  // suspension or withdrawal, shortens the earlier decision's payments to the day before it.
  void on_binding(storage::Connection& c, const Principal& who, const decisions::Decision& d);

  Result<Audited<std::vector<Payment>>> for_household(const Principal& who, std::int64_t household_id);
  Result<DecisionTotals> totals(const Principal& who, std::int64_t decision_id);

  // Gathers planned payments due on or before `payment_date` with `method` into a new list.
  Result<ListSummary> create_list(const Principal& who, std::string_view payment_date, std::string_view method);
  Result<std::vector<ListSummary>> lists(const Principal& who);
  Result<Audited<ListDetail>> list(const Principal& who, std::int64_t id);
  // The list as a file for the bank or the accounts: recipients with addresses, accounts, titles;
  // audited as an export of each recipient's data.
  Result<Audited<PaymentList>> file_list(const Principal& who, std::int64_t id);
  // A list is sent once (to the bank / cash desk): its payments become "sent".
  Result<ListSummary> send_list(const Principal& who, std::int64_t id);
  // The bank or cash desk confirmed: paid or returned (e.g. a closed account), on a date.
  Result<Payment> set_status(const Principal& who, std::int64_t payment_id, std::string_view status,
                             std::string_view on);

 private:
  Result<ListSummary> summary(storage::Connection& c, const Principal& who, std::int64_t id);
  std::vector<Payment> query(storage::Connection& c, const Principal& who, const std::string& where,
                             const storage::Params& params);

  storage::Database& db_;
  const Clock& clock_;
  cases::CaseService& cases_;
};

}  // namespace ostoja::payments
