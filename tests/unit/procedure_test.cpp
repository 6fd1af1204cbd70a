// Procedure rules: art. 7 reasons by date, forms of help, interview and KPA deadlines.
#include "rules/procedure.h"

#include <gtest/gtest.h>

namespace ostoja::rules {
namespace {

Date d(const char* iso) {
  return *Date::parse(iso);
}

TEST(Art7, WordingOfDomesticViolenceChangedOn22June2023) {
  EXPECT_EQ(art7_reason("przemoc", d("2023-06-21"))->wording, "przemocy w rodzinie");
  EXPECT_EQ(art7_reason("przemoc", d("2023-06-22"))->wording, "przemocy domowej");
  EXPECT_EQ(art7_reason("przemoc", d("2023-06-22"))->point, "7");
}

TEST(Art7, ForeignersWordingChangedWithTheAliensActOf2013) {
  // Before: refugees and subsidiary protection only; from 1.05.2014 also a temporary residence permit
  // granted under art. 159 of the Aliens Act of 12.12.2013.
  const auto before = art7_reason("integracja_cudzoziemcow", d("2014-04-30"))->wording;
  const auto after = art7_reason("integracja_cudzoziemcow", d("2014-05-01"))->wording;
  EXPECT_EQ(before,
            "trudności w integracji cudzoziemców, którzy uzyskali w Rzeczypospolitej Polskiej status uchodźcy lub "
            "ochronę uzupełniającą");
  EXPECT_EQ(before.find("zezwolenie na pobyt czasowy"), std::string_view::npos);
  EXPECT_NE(after.find("zezwolenie na pobyt czasowy"), std::string_view::npos);
  EXPECT_NE(after.find("art. 159"), std::string_view::npos);
}

TEST(Art7, EveryDayHasOneWordingPerPointFifteenPointsWith7aAndNo10) {
  for (const char* day : {"2012-10-01", "2014-04-30", "2014-05-01", "2023-06-21", "2023-06-22", "2026-11-24"}) {
    auto list = art7_reasons_on(d(day));
    ASSERT_EQ(list.size(), 15u) << day;
    for (std::size_t i = 1; i < list.size(); ++i) EXPECT_NE(list[i].code, list[i - 1].code) << day;
    for (const auto& r : list) EXPECT_NE(r.point, "10") << day;
  }
  EXPECT_TRUE(art7_reasons_on(d("2012-09-30")).empty());
}

TEST(Art7, UnknownOrNotYetInForceCodesAreValidationErrorsOnReasons) {
  auto unknown = art7_reason("lenistwo", d("2026-01-01"));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().field, "reasons");
  auto early = art7_reason("ubostwo", d("2012-01-01"));
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().field, "reasons");
}

TEST(FormsOfHelp, CodesAreUniqueAndLookupWorks) {
  auto forms = forms_of_help();
  for (std::size_t i = 0; i < forms.size(); ++i)
    for (std::size_t j = i + 1; j < forms.size(); ++j) EXPECT_NE(forms[i].code, forms[j].code);
  ASSERT_NE(form_of_help("zasilek_okresowy"), nullptr);
  EXPECT_TRUE(form_of_help("zasilek_okresowy")->cash);
  EXPECT_TRUE(form_of_help("zasilek_okresowy")->continuing);
  EXPECT_FALSE(form_of_help("posilek")->cash);
  EXPECT_EQ(form_of_help("nieistniejacy"), nullptr);
}

struct DeadlineCase {
  const char* received;
  bool urgent;
  const char* due;
};

TEST(InterviewDue, FourteenOrTwoWorkingDaysSkippingWeekendsAndHolidays) {
  const DeadlineCase cases[] = {
      {"2026-11-23", false, "2026-12-11"},  // Monday: 14 working days, no holidays in between
      {"2026-11-23", true, "2026-11-25"},
      {"2025-12-19", false, "2026-01-15"},  // 24, 25, 26 Dec 2025, 1 and 6 Jan 2026 are days off
      {"2025-12-19", true, "2025-12-23"},
      {"2026-11-10", true, "2026-11-13"},   // 11 November (Independence Day) skipped
      {"2012-10-01", false, "2012-10-19"},  // first day covered
  };
  for (const auto& c : cases) {
    auto due = interview_due(d(c.received), c.urgent);
    ASSERT_TRUE(due.ok()) << c.received;
    EXPECT_EQ(due->iso(), c.due) << c.received << (c.urgent ? " urgent" : "");
  }
}

TEST(InterviewDue, BeforeOctober2012IsAValidationError) {
  auto due = interview_due(d("2012-09-30"), false);
  ASSERT_FALSE(due.ok());
  EXPECT_EQ(due.error().field, "received_on");
}

TEST(InterviewUpdateDue, SixMonthsLaterOrTheMonthsLastDay) {
  EXPECT_EQ(interview_update_due(d("2026-05-15"))->iso(), "2026-11-15");
  EXPECT_EQ(interview_update_due(d("2026-08-31"))->iso(), "2027-02-28");
}

TEST(DecisionDue, OneOrTwoMonthsMovedOffSaturdaysAndDaysOff) {
  EXPECT_EQ(decision_due(d("2026-01-31"), false).iso(), "2026-03-02");  // 28.02.2026 is a Saturday
  EXPECT_EQ(decision_due(d("2026-01-31"), true).iso(), "2026-03-31");
  EXPECT_EQ(decision_due(d("2026-10-11"), false).iso(), "2026-11-12");  // 11.11 is a holiday
}

TEST(AppealDeadline, FourteenDaysFromDelivery) {
  EXPECT_EQ(appeal_deadline(d("2026-11-02")).iso(), "2026-11-16");
  EXPECT_EQ(appeal_deadline(d("2026-10-28")).iso(), "2026-11-12");  // 11.11 → next working day
}

}  // namespace
}  // namespace ostoja::rules
