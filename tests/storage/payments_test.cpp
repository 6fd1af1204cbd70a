// The money end of the loop on both databases: a binding decision plans its payments, a list
// gathers and sends them, the bank's confirmation is recorded, and a withdrawal corrects the
// schedule so that payments reconcile with what the decisions grant.
#include "audit/audit_log.h"
#include "fixture.h"
#include "modules/decisions/service.h"
#include "modules/payments/service.h"

namespace ostoja::testing {

class Payments : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped()) return;
    centre_ = make_centre();
    section_ = make_section(centre_);
    household_ = make_household(centre_, section_, std::nullopt, "with_children");
    person_ = make_person(centre_);
    add_member(centre_, household_, person_);
    cases_ = std::make_unique<cases::CaseService>(*db_, clock_);
    decisions_ = std::make_unique<decisions::DecisionService>(*db_, clock_, *cases_);
    payments_ = std::make_unique<payments::PaymentService>(*db_, clock_, *cases_);
    decisions_->on_binding([this](storage::Connection& cn, const Principal& who, const decisions::Decision& d) {
      payments_->on_binding(cn, who, d);
    });
  }
  Principal clerk() {
    return actor(centre_, {"cases.read", "cases.scope_all", "decisions.write", "decisions.approve", "payments.manage",
                           "payments.read"});
  }
  std::int64_t binding(decisions::NewDecision d) {
    auto draft = decisions_->create_draft(clerk(), d);
    EXPECT_TRUE(draft.ok()) << draft.error().message;
    const auto id = draft->value.id;
    EXPECT_TRUE(decisions_->act(clerk(), id, "approve", "2025-11-24").ok());
    EXPECT_TRUE(decisions_->act(clerk(), id, "deliver", "2025-11-24").ok());
    auto w = decisions_->act(clerk(), id, "waive_appeal", "2025-11-24");
    EXPECT_TRUE(w.ok()) << w.error().message;
    return id;
  }
  // A change, suspension or withdrawal of decision `target` from `from`, with its reasoning.
  decisions::NewDecision ending(const char* kind, std::int64_t target, const char* from) {
    decisions::NewDecision d = grant();
    d.kind = kind;
    d.period_from = from;
    d.changes_decision_id = target;
    d.reasoning = std::string("Zmiana sytuacji rodziny od ") + from + ".";
    if (d.kind != "change") {
      d.period_to.reset();
      d.household_size.reset();
      d.income_grosze.reset();
      d.payment_method = "cash";
      d.iban.clear();
    }
    return d;
  }
  decisions::NewDecision grant() {
    decisions::NewDecision d;
    d.household_id = household_;
    d.person_id = person_;
    d.form = "zasilek_okresowy";
    d.period_from = "2025-12-01";
    d.period_to = "2026-02-28";
    d.household_size = 3;
    d.income_grosze = 100000;
    d.payment_method = "transfer";
    d.iban = "PL61 1090 1014 0000 0712 1981 2874";
    return d;
  }
  // The household's payments (a copy: a range-for over a temporary's member would read freed memory).
  std::vector<payments::Payment> all() {
    auto r = payments_->for_household(clerk(), household_);
    EXPECT_TRUE(r.ok());
    return r.ok() ? r->value : std::vector<payments::Payment>{};
  }
  CentreId centre_;
  std::int64_t section_{0}, household_{0}, person_{0};
  std::unique_ptr<cases::CaseService> cases_;
  std::unique_ptr<decisions::DecisionService> decisions_;
  std::unique_ptr<payments::PaymentService> payments_;
};

TEST_P(Payments, BindingDecisionPlansMonthlyPaymentsAndAListSendsThem) {
  const auto id = binding(grant());
  auto planned = payments_->for_household(clerk(), household_);
  ASSERT_TRUE(planned.ok());
  ASSERT_EQ(planned->value.size(), 3u);
  EXPECT_EQ(planned->value[0].due_on, "2025-12-10");
  EXPECT_EQ(planned->value[0].amount.grosze, 73450);
  EXPECT_EQ(planned->value[0].iban, "PL61109010140000071219812874");
  EXPECT_EQ(planned->value[0].decision_number, "D/2025/1");
  auto totals = payments_->totals(clerk(), id);
  ASSERT_TRUE(totals.ok());
  EXPECT_EQ(totals->granted.grosze, 3 * 73450);
  EXPECT_TRUE(totals->reconciled);

  EXPECT_EQ(payments_->create_list(clerk(), "2025-12-10", "cash").error().code, ErrorCode::conflict);  // none by cash
  EXPECT_EQ(payments_->create_list(clerk(), "2025-12-10", "czek").error().field, "method");
  auto list = payments_->create_list(clerk(), "2025-12-10", "transfer");
  ASSERT_TRUE(list.ok()) << list.error().message;
  EXPECT_EQ(list->number, "LW/2025/1");
  EXPECT_EQ(list->count, 1);
  EXPECT_EQ(list->total.grosze, 73450);
  const auto payment = planned->value[0].id;
  EXPECT_EQ(payments_->set_status(clerk(), payment, "paid", "2025-11-24").error().code,
            ErrorCode::conflict);  // not sent
  auto sent = payments_->send_list(clerk(), list->id);
  ASSERT_TRUE(sent.ok());
  EXPECT_EQ(sent->status, "sent");
  EXPECT_EQ(payments_->send_list(clerk(), list->id).error().code, ErrorCode::conflict);
  EXPECT_EQ(payments_->set_status(clerk(), payment, "paid", "2025-11-25").error().field, "date");
  auto paid = payments_->set_status(clerk(), payment, "paid", "2025-11-24");
  ASSERT_TRUE(paid.ok());
  EXPECT_EQ(paid->status, "paid");
  auto detail = payments_->list(clerk(), list->id);
  ASSERT_TRUE(detail.ok());
  ASSERT_EQ(detail->value.payments.size(), 1u);
  EXPECT_EQ(detail->audit.size(), 1u);
}

TEST_P(Payments, WithdrawalCancelsLaterMonthsAndClaimsBackTheOverpaidPart) {
  const auto id = binding(grant());
  auto list = payments_->create_list(clerk(), "2025-12-10", "transfer");
  ASSERT_TRUE(payments_->send_list(clerk(), list->id).ok());
  auto dec = payments_->for_household(clerk(), household_)->value[0].id;
  ASSERT_TRUE(payments_->set_status(clerk(), dec, "paid", "2025-11-24").ok());

  auto withdraw = ending("withdraw", id, "2025-12-16");
  binding(withdraw);

  auto all = payments_->for_household(clerk(), household_)->value;
  std::map<std::string, int> by_status;
  Money recover;
  for (const auto& p : all) {
    by_status[p.status]++;
    if (p.status == "to_recover") recover = recover + p.amount;
  }
  EXPECT_EQ(by_status["paid"], 1);
  EXPECT_EQ(by_status["cancelled"], 2);
  EXPECT_EQ(by_status["to_recover"], 1);
  EXPECT_EQ(recover.grosze, 35540 - 73450);  // 15 of 31 December days were due
  auto totals = payments_->totals(clerk(), id);
  ASSERT_TRUE(totals.ok());
  EXPECT_EQ(totals->granted.grosze, 35540);
  EXPECT_EQ(totals->payments.grosze, 35540);
  EXPECT_TRUE(totals->reconciled);
}

// A change from 16 January: the grant keeps December and 15 days of January (its planned January payment is
// reduced, February cancelled); the change pays 16 days of January and February at its own amount.
TEST_P(Payments, ChangeFromMidMonthShortensTheGrantAndPlansTheNewAmount) {
  const auto grant_id = binding(grant());
  auto december = payments_->create_list(clerk(), "2025-12-10", "transfer");
  ASSERT_TRUE(payments_->send_list(clerk(), december->id).ok());
  const auto paid_id = all().at(0).id;
  ASSERT_TRUE(payments_->set_status(clerk(), paid_id, "paid", "2025-11-24").ok());
  auto change = ending("change", grant_id, "2026-01-16");
  change.income_grosze = 50000;  // lower income: a higher amount
  const auto change_id = binding(change);
  const auto amount = decisions_->get(clerk(), change_id)->value.amount.grosze;
  ASSERT_GT(amount, 73450);

  std::map<std::pair<std::int64_t, std::string>, std::vector<std::pair<std::string, std::int64_t>>> by;
  for (const auto& p : all()) by[{p.decision_id, p.month}].push_back({p.status, p.amount.grosze});
  using Lines = std::vector<std::pair<std::string, std::int64_t>>;
  EXPECT_EQ((by[{grant_id, "2025-12"}]), (Lines{{"paid", 73450}}));
  EXPECT_EQ((by[{grant_id, "2026-01"}]), (Lines{{"planned", 35540}}));  // 15/31 of 734,50 zł
  EXPECT_EQ((by[{grant_id, "2026-02"}]), (Lines{{"cancelled", 73450}}));
  EXPECT_EQ((by[{change_id, "2026-01"}]), (Lines{{"planned", (2 * amount * 16 + 31) / 62}}));  // 16/31, halves up
  EXPECT_EQ((by[{change_id, "2026-02"}]), (Lines{{"planned", amount}}));
  for (auto id : {grant_id, change_id}) {
    auto t = payments_->totals(clerk(), id);
    ASSERT_TRUE(t.ok());
    EXPECT_TRUE(t->reconciled) << id << ": " << t->granted.grosze << " vs " << t->payments.grosze;
  }
  EXPECT_EQ(payments_->totals(clerk(), grant_id)->granted.grosze, 73450 + 35540);
  // A January list now carries both January payments.
  auto january = payments_->create_list(clerk(), "2026-01-12", "transfer");
  ASSERT_TRUE(january.ok()) << january.error().message;
  EXPECT_EQ(january->count, 2);
  EXPECT_EQ(january->total.grosze, 35540 + (2 * amount * 16 + 31) / 62);
}

// A change after January was paid in full: the grant's overpaid part of January is to be recovered, the
// change pays its own part; both decisions reconcile.
TEST_P(Payments, ChangeAfterThePaidMonthRecoversTheOverpaidPart) {
  const auto grant_id = binding(grant());
  for (const char* day : {"2025-12-10", "2026-01-12"}) {
    auto list = payments_->create_list(clerk(), day, "transfer");
    ASSERT_TRUE(list.ok()) << list.error().message;
    ASSERT_TRUE(payments_->send_list(clerk(), list->id).ok());
  }
  auto change = ending("change", grant_id, "2026-01-16");
  change.income_grosze = 50000;
  const auto change_id = binding(change);
  Money recover;
  int cancelled = 0;
  for (const auto& p : all()) {
    if (p.status == "to_recover") {
      recover = recover + p.amount;
      EXPECT_EQ(p.decision_id, grant_id);
      EXPECT_EQ(p.month, "2026-01");
    }
    if (p.status == "cancelled") ++cancelled;
  }
  EXPECT_EQ(recover.grosze, 35540 - 73450);
  EXPECT_EQ(cancelled, 1);  // February
  for (auto id : {grant_id, change_id}) EXPECT_TRUE(payments_->totals(clerk(), id)->reconciled) << id;
}

// A suspension from 1 January: the months from then on are cancelled, what was sent stays, nothing is paid by
// the suspension itself; the grant reconciles with December only.
TEST_P(Payments, SuspensionCancelsTheMonthsFromItsDay) {
  const auto grant_id = binding(grant());
  auto december = payments_->create_list(clerk(), "2025-12-10", "transfer");
  ASSERT_TRUE(payments_->send_list(clerk(), december->id).ok());
  const auto suspend_id = binding(ending("suspend", grant_id, "2026-01-01"));
  std::map<std::string, std::string> status;
  for (const auto& p : all()) {
    EXPECT_EQ(p.decision_id, grant_id);
    EXPECT_EQ(p.kind, "regular");
    status[p.month] = p.status;
  }
  EXPECT_EQ(status, (std::map<std::string, std::string>{
                        {"2025-12", "sent"}, {"2026-01", "cancelled"}, {"2026-02", "cancelled"}}));
  auto t = payments_->totals(clerk(), grant_id);
  EXPECT_EQ(t->granted.grosze, 73450);
  EXPECT_TRUE(t->reconciled);
  auto s = payments_->totals(clerk(), suspend_id);
  EXPECT_EQ(s->granted.grosze, 0);
  EXPECT_EQ(s->payments.grosze, 0);
  EXPECT_EQ(payments_->create_list(clerk(), "2026-02-28", "transfer").error().code,
            ErrorCode::conflict);  // nothing left
}

// A payment the bank returned (e.g. a closed account) is still due: it is planned again for the next list, so
// the decision's payments keep reconciling with what it grants. A returned payment is not confirmed twice.
TEST_P(Payments, ReturnedPaymentIsPlannedAgain) {
  const auto id = binding(grant());
  auto december = payments_->create_list(clerk(), "2025-12-10", "transfer");
  ASSERT_TRUE(payments_->send_list(clerk(), december->id).ok());
  const auto sent = all().at(0);
  EXPECT_EQ(payments_->set_status(clerk(), sent.id, "zagubiona", "2025-11-24").error().field, "status");
  auto returned = payments_->set_status(clerk(), sent.id, "returned", "2025-11-24");
  ASSERT_TRUE(returned.ok()) << returned.error().message;
  EXPECT_EQ(returned->status, "returned");
  EXPECT_EQ(payments_->set_status(clerk(), sent.id, "returned", "2025-11-24").error().code, ErrorCode::conflict);
  EXPECT_EQ(payments_->set_status(clerk(), sent.id, "paid", "2025-11-24").error().code, ErrorCode::conflict);
  auto t = payments_->totals(clerk(), id);
  EXPECT_EQ(t->granted.grosze, 3 * 73450);
  EXPECT_TRUE(t->reconciled) << t->payments.grosze;
  std::vector<std::pair<std::string, std::string>> december_payments;
  for (const auto& p : all())
    if (p.month == "2025-12") december_payments.push_back({p.status, p.kind});
  EXPECT_EQ(december_payments,
            (std::vector<std::pair<std::string, std::string>>{{"returned", "regular"}, {"planned", "regular"}}));
  auto again = payments_->create_list(clerk(), "2025-12-10", "transfer");
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->count, 1);
  EXPECT_EQ(again->total.grosze, 73450);
  // A later withdrawal from 16 December still reconciles: the re-payment is reduced, not the returned one.
  auto withdraw = ending("withdraw", id, "2025-12-16");
  binding(withdraw);
  auto after = payments_->totals(clerk(), id);
  EXPECT_EQ(after->granted.grosze, 35540);
  EXPECT_TRUE(after->reconciled) << after->payments.grosze;
}

// A decision already ended by a binding withdrawal cannot be withdrawn or changed again: the second end would
// claim the same overpaid part twice and leave the payments out of step with the decision.
TEST_P(Payments, ADecisionEndedOnceIsNotEndedAgain) {
  const auto id = binding(grant());
  auto december = payments_->create_list(clerk(), "2025-12-10", "transfer");
  ASSERT_TRUE(payments_->send_list(clerk(), december->id).ok());
  auto withdraw = ending("withdraw", id, "2025-12-16");
  binding(withdraw);
  withdraw.period_from = "2025-12-20";
  auto again = decisions_->create_draft(clerk(), withdraw);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
  EXPECT_EQ(again.error().field, "changes_decision_id");
  Money recover;
  for (const auto& p : all())
    if (p.status == "to_recover") recover = recover + p.amount;
  EXPECT_EQ(recover.grosze, 35540 - 73450);
  EXPECT_TRUE(payments_->totals(clerk(), id)->reconciled);
}

TEST_P(Payments, NonCashAndRefusalsPayNothingAndBadIbanIsRefused) {
  auto bad = grant();
  bad.iban = "PL00 1234";
  auto r = decisions_->create_draft(clerk(), bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "iban");
  auto meals = grant();
  meals.form = "posilek";
  meals.payment_method = "cash";
  binding(meals);
  EXPECT_TRUE(payments_->for_household(clerk(), household_)->value.empty());
}

OSTOJA_STORAGE_TEST_SUITE(Payments);

}  // namespace ostoja::testing
