// Payment schedules (monthly, partial months in proportion, one-off) and reconciliation on early end.
#include <gtest/gtest.h>

#include "modules/payments/schedule.h"

namespace ostoja::payments {
namespace {

Date d(const char* iso) {
  return *Date::parse(iso);
}

TEST(PaymentSchedule, FullMonthsOnThePaymentDayNotBeforeBinding) {
  auto s = schedule({d("2025-12-01"), d("2026-02-28"), Money{73450}, true, 10, d("2025-11-24")});
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].month, "2025-12");
  EXPECT_EQ(s[0].due.iso(), "2025-12-10");
  EXPECT_EQ(s[1].due.iso(), "2026-01-12");  // 10.01.2026 is a Saturday
  EXPECT_EQ(s[2].due.iso(), "2026-02-10");
  for (const auto& p : s) EXPECT_EQ(p.amount, Money{73450});
  auto late = schedule({d("2025-12-01"), d("2025-12-31"), Money{73450}, true, 10, d("2025-12-15")});
  EXPECT_EQ(late[0].due.iso(), "2025-12-15");
}

TEST(PaymentSchedule, PartialMonthsInProportionToDays) {
  auto s = schedule({d("2025-11-20"), d("2026-01-31"), Money::zl(900), true, 10, d("2025-11-24")});
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].amount, Money::zl(330));  // 11 of 30 days
  EXPECT_EQ(s[0].due.iso(), "2025-11-24");
  EXPECT_EQ(s[1].amount, Money::zl(900));
  auto indefinite = schedule({d("2026-01-15"), std::nullopt, Money::zl(1229), true, 10, d("2026-01-10")});
  ASSERT_EQ(indefinite.size(), 12u);
  EXPECT_EQ(indefinite[0].amount, Money{67397});  // 17/31 × 1 229 zł = 673,967… → 673,97 zł
  EXPECT_EQ(indefinite.back().month, "2026-12");
}

TEST(PaymentSchedule, OneOffIsOnePayment) {
  auto s = schedule({d("2026-03-05"), std::nullopt, Money::zl(400), false, 10, d("2026-03-02")});
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].month, "");
  EXPECT_EQ(s[0].due.iso(), "2026-03-05");
}

TEST(PaymentReconcile, EarlyEndCancelsPlannedAndClaimsBackOverpayment) {
  std::vector<Existing> existing{{1, "2025-12", Money{73450}, "paid"},
                                 {2, "2026-01", Money{73450}, "paid"},
                                 {3, "2026-02", Money{73450}, "planned"}};
  auto target = schedule({d("2025-12-01"), d("2026-01-15"), Money{73450}, true, 10, d("2025-11-24")});
  auto r = reconcile(existing, target, d("2026-01-20"));
  EXPECT_EQ(r.cancel, std::vector<std::int64_t>{3});
  EXPECT_TRUE(r.update.empty());
  ASSERT_EQ(r.corrections.size(), 1u);
  EXPECT_EQ(r.corrections[0].month, "2026-01");
  EXPECT_EQ(r.corrections[0].amount, Money{35540 - 73450});  // 15/31 × 734,50 zł = 355,40 zł is due
}

TEST(PaymentReconcile, PlannedPartialMonthIsReducedAndSumsReconcile) {
  std::vector<Existing> existing{{1, "2025-12", Money{73450}, "paid"}, {2, "2026-01", Money{73450}, "planned"}};
  auto target = schedule({d("2025-12-01"), d("2026-01-15"), Money{73450}, true, 10, d("2025-11-24")});
  auto r = reconcile(existing, target, d("2026-01-05"));
  EXPECT_TRUE(r.cancel.empty());
  ASSERT_EQ(r.update.size(), 1u);
  EXPECT_EQ(r.update[0].id, 2);
  EXPECT_EQ(r.update[0].amount, Money{35540});
  EXPECT_TRUE(r.corrections.empty());
  Money after = Money{73450} + r.update[0].amount, due;
  for (const auto& t : target) due = due + t.amount;
  EXPECT_EQ(after, due);
}

}  // namespace
}  // namespace ostoja::payments
