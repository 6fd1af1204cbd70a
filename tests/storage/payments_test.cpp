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
  EXPECT_EQ(payments_->set_status(clerk(), payment, "paid", "2025-11-24").error().code, ErrorCode::conflict);  // not sent
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

  decisions::NewDecision withdraw;
  withdraw.household_id = household_;
  withdraw.person_id = person_;
  withdraw.kind = "withdraw";
  withdraw.form = "zasilek_okresowy";
  withdraw.period_from = "2025-12-16";
  withdraw.reasoning = "Podjęcie zatrudnienia od 16 grudnia 2025 r.";
  withdraw.changes_decision_id = id;
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
