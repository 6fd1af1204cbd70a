// The decision state machine (KPA): legal paths, illegal transitions, dates and appeal terms.
#include <gtest/gtest.h>

#include "modules/decisions/lifecycle.h"

namespace ostoja::decisions {
namespace {

Date d(const char* iso) {
  return *Date::parse(iso);
}
const Date kToday = d("2026-12-31");

TEST(DecisionLifecycle, DraftToFinalAfterTheAppealTermPassesUnused) {
  Dates dates;
  auto approved = apply(State::draft, dates, Action::approve, d("2026-11-02"), kToday);
  ASSERT_TRUE(approved.ok());
  EXPECT_EQ(approved->to, State::approved);
  auto delivered = apply(approved->to, approved->dates, Action::deliver, d("2026-11-04"), kToday);
  ASSERT_TRUE(delivered.ok());
  EXPECT_EQ(delivered->dates.appeal_deadline->iso(), "2026-11-18");
  auto early = apply(delivered->to, delivered->dates, Action::make_final, d("2026-11-18"), kToday);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, ErrorCode::conflict);
  auto final = apply(delivered->to, delivered->dates, Action::make_final, d("2026-11-20"), kToday);
  ASSERT_TRUE(final.ok());
  EXPECT_EQ(final->to, State::final);
  EXPECT_EQ(final->dates.final_on->iso(), "2026-11-19");  // the day after the last day of the term
  EXPECT_TRUE(in_force(final->to));
}

TEST(DecisionLifecycle, WaiverMakesItFinalAtOnce) {
  Dates dates{d("2026-11-02"), d("2026-11-04"), d("2026-11-18"), {}, {}, {}};
  auto waived = apply(State::delivered, dates, Action::waive_appeal, d("2026-11-05"), kToday);
  ASSERT_TRUE(waived.ok());
  EXPECT_EQ(waived->to, State::final);
  EXPECT_EQ(waived->dates.final_on->iso(), "2026-11-05");
  EXPECT_EQ(apply(State::delivered, dates, Action::waive_appeal, d("2026-11-19"), kToday).error().field, "date");
}

TEST(DecisionLifecycle, AppealInTimeThenTheSkoOutcome) {
  Dates dates{d("2026-11-02"), d("2026-11-04"), d("2026-11-18"), {}, {}, {}};
  auto late = apply(State::delivered, dates, Action::appeal, d("2026-11-19"), kToday);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().field, "date");
  auto appealed = apply(State::delivered, dates, Action::appeal, d("2026-11-18"), kToday);
  ASSERT_TRUE(appealed.ok());
  EXPECT_EQ(appealed->to, State::appealed);
  struct Case {
    Action action;
    State to;
    bool binding;
  };
  for (auto c : {Case{Action::uphold, State::upheld, true}, Case{Action::overturn, State::overturned, false},
                 Case{Action::send_back, State::sent_back, false}}) {
    auto outcome = apply(appealed->to, appealed->dates, c.action, d("2026-12-15"), kToday);
    ASSERT_TRUE(outcome.ok()) << to_string(c.action);
    EXPECT_EQ(outcome->to, c.to);
    EXPECT_EQ(in_force(outcome->to), c.binding);
    EXPECT_EQ(outcome->dates.outcome_on->iso(), "2026-12-15");
  }
  EXPECT_EQ(apply(appealed->to, appealed->dates, Action::uphold, d("2026-11-10"), kToday).error().field, "date");
}

TEST(DecisionLifecycle, EveryIllegalTransitionIsAConflict) {
  // Legal (from, action) pairs; everything else must be refused.
  const std::pair<State, Action> legal[] = {
      {State::draft, Action::approve},          {State::draft, Action::cancel},
      {State::approved, Action::deliver},       {State::delivered, Action::make_final},
      {State::delivered, Action::waive_appeal}, {State::delivered, Action::appeal},
      {State::appealed, Action::uphold},        {State::appealed, Action::overturn},
      {State::appealed, Action::send_back},
  };
  const State states[] = {State::draft,  State::approved,   State::delivered, State::final,    State::appealed,
                          State::upheld, State::overturned, State::sent_back, State::cancelled};
  const Action actions[] = {Action::approve, Action::deliver,  Action::make_final, Action::waive_appeal, Action::appeal,
                            Action::uphold,  Action::overturn, Action::send_back,  Action::cancel};
  Dates dates{d("2026-11-02"), d("2026-11-04"), d("2026-11-18"), d("2026-11-10"), {}, {}};
  int refused = 0;
  for (auto s : states)
    for (auto a : actions) {
      bool is_legal = std::find(std::begin(legal), std::end(legal), std::pair{s, a}) != std::end(legal);
      auto r = apply(s, dates, a, d("2026-11-16"), kToday);
      if (is_legal) continue;  // dates may still refuse a legal one; covered above
      ASSERT_FALSE(r.ok()) << to_string(s) << " + " << to_string(a);
      EXPECT_EQ(r.error().code, ErrorCode::conflict) << to_string(s) << " + " << to_string(a);
      ++refused;
    }
  EXPECT_EQ(refused, 81 - 9);
}

TEST(DecisionLifecycle, FutureDatesAndUnknownNamesAreValidationErrors) {
  EXPECT_EQ(apply(State::draft, {}, Action::approve, d("2027-01-01"), kToday).error().field, "date");
  EXPECT_EQ(parse_action("sign").error().field, "action");
  EXPECT_EQ(parse_kind("maybe").error().field, "kind");
  EXPECT_EQ(*parse_state("sent_back"), State::sent_back);
  EXPECT_TRUE(pays(Kind::grant));
  EXPECT_FALSE(pays(Kind::refuse));
}

}  // namespace
}  // namespace ostoja::decisions
