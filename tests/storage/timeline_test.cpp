// The person's timeline on both databases: records from every household the person lived in, the
// household's own records only while they lived there, other members' records never, other sections'
// households not shown to a section worker, and denials for an unknown or out-of-scope person.
#include "fixture.h"
#include "modules/timeline/service.h"

namespace ostoja::testing {

using timeline::TimelineService;

class Timeline : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped()) return;
    centre_ = make_centre();
    north_ = make_section(centre_, 1);
    south_ = make_section(centre_, 2);
    user_ = make_user(centre_, "u");
    before_ = make_household(centre_, north_);
    now_ = make_household(centre_, south_);
    person_ = make_person(centre_, "Łucja", "Kowalska");
    other_ = make_person(centre_, "Jan", "Kowalski");
    cases_ = std::make_unique<cases::CaseService>(*db_, clock_);
    svc_ = std::make_unique<TimelineService>(*db_, clock_, *cases_);
    auto c = db_->acquire();
    auto member = [&](std::int64_t h, std::int64_t p, const char* relation, const char* since,
                      std::optional<std::string> until) {
      c->execute(
          "INSERT INTO household_members (centre_id, household_id, person_id, relation, since, until) VALUES (?, ?, ?, "
          "?, ?, ?)",
          {centre_.value, h, p, relation, since, until});
    };
    member(before_, person_, "head", "2024-01-01", "2025-06-30");  // lived in the north, then moved south
    member(now_, person_, "partner", "2025-07-01", std::nullopt);
    member(now_, other_, "head", "2023-01-01", std::nullopt);
    c->execute(
        "INSERT INTO applications (centre_id, number, household_id, applicant_id, mode, received_on, forms, reasons, "
        "interview_due, decision_due, created_by, created_at) VALUES (?, 'W/2025/1', ?, ?, 'application', "
        "'2025-03-03', "
        "'zasilek_okresowy', 'bezrobocie', '2025-03-21', '2025-04-03', ?, 0)",
        {centre_.value, before_, person_, user_});
    c->execute(
        "INSERT INTO applications (centre_id, number, household_id, applicant_id, mode, received_on, forms, reasons, "
        "interview_due, decision_due, created_by, created_at) VALUES (?, 'W/2025/2', ?, ?, 'application', "
        "'2025-09-01', "
        "'zasilek_celowy', 'ubostwo', '2025-09-19', '2025-10-01', ?, 0)",
        {centre_.value, now_, other_, user_});  // another member's application
    auto interview = [&](std::int64_t h, const char* kind, const char* status, const char* due,
                         std::optional<std::string> done) {
      c->execute(
          "INSERT INTO interviews (centre_id, household_id, kind, status, due_on, conducted_on, created_at) "
          "VALUES (?, ?, ?, ?, ?, ?, 0)",
          {centre_.value, h, kind, status, due, done});
    };
    interview(before_, "initial", "completed", "2025-03-21", "2025-03-10");
    interview(before_, "update", "planned", "2025-09-10", std::nullopt);  // after she left: not hers
    interview(now_, "change", "completed", "2025-05-05", "2025-05-05");   // before she came: not hers
    interview(now_, "change", "completed", "2025-10-01", "2025-10-02");
    const auto mine = c->query_one(
                           "INSERT INTO decisions (centre_id, number, household_id, person_id, kind, form, "
                           "period_from, period_to, amount_grosze, "
                           "state, issued_on, created_at) VALUES (?, 'D/2025/7', ?, ?, 'grant', 'zasilek_okresowy', "
                           "'2025-10-01', '2025-11-30', "
                           "50000, 'final', '2025-09-25', 0) RETURNING id",
                           {centre_.value, now_, person_})
                          ->int64(0);
    const auto theirs = c->query_one(
                             "INSERT INTO decisions (centre_id, number, household_id, person_id, kind, form, "
                             "period_from, amount_grosze, state, "
                             "issued_on, created_at) VALUES (?, 'D/2025/8', ?, ?, 'grant', 'zasilek_celowy', "
                             "'2025-09-20', 30000, 'final', "
                             "'2025-09-15', 0) RETURNING id",
                             {centre_.value, now_, other_})
                            ->int64(0);
    for (const auto& [d, p, month, due, status] :
         std::vector<std::tuple<std::int64_t, std::int64_t, const char*, const char*, const char*>>{
             {mine, person_, "2025-10", "2025-10-10", "paid"},
             {mine, person_, "2025-11", "2025-11-10", "planned"},
             {theirs, other_, "", "2025-09-20", "paid"}})
      c->execute(
          "INSERT INTO payments (centre_id, decision_id, household_id, person_id, form, month, due_on, amount_grosze, "
          "method, status, created_at) VALUES (?, ?, ?, ?, 'zasilek_okresowy', ?, ?, 50000, 'cash', ?, 0)",
          {centre_.value, d, now_, p, month, due, status});
    auto service = [&](std::int64_t h, std::optional<std::int64_t> p, const char* kind, const char* subtype,
                       const char* from) {
      c->execute(
          "INSERT INTO services (centre_id, household_id, person_id, kind, subtype, date_from, date_to, created_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
          {centre_.value, h, p, kind, subtype, from, from});
    };
    service(now_, std::nullopt, "pomoc_rzeczowa", "zywnosc", "2025-08-01");  // the household's, while she lives there
    service(now_, other_, "poradnictwo", "prawne", "2025-08-02");            // another member's
    service(now_, person_, "poradnictwo", "psychologiczne", "2025-08-03");   // hers
    service(now_, std::nullopt, "pomoc_rzeczowa", "odziez", "2025-02-01");   // before she came
    c->execute(
        "INSERT INTO social_work (centre_id, household_id, kind, person_id, on_date, description, created_at) "
        "VALUES (?, ?, 'entry', NULL, '2025-04-01', 'Rozmowa', 0)",
        {centre_.value, before_});
    c->execute(
        "INSERT INTO social_work (centre_id, household_id, kind, person_id, on_date, until_date, description, "
        "created_at) "
        "VALUES (?, ?, 'contract', ?, '2025-10-05', '2026-03-31', 'Cele', 0)",
        {centre_.value, now_, person_});
  }
  Principal in(std::vector<std::int64_t> sections, std::vector<std::string> extra = {}) {
    extra.push_back("cases.read");
    Principal p = actor(centre_, extra, user_);
    for (auto s : sections) p.sections.emplace_back(s);
    return p;
  }
  static std::vector<std::string> lines(const timeline::PersonTimeline& t) {
    std::vector<std::string> out;
    for (const auto& i : t.items)
      out.push_back(i.on + " " + i.kind + " " + i.code + (i.number.empty() ? "" : " " + i.number));
    return out;
  }
  CentreId centre_;
  std::int64_t north_{0}, south_{0}, user_{0}, before_{0}, now_{0}, person_{0}, other_{0};
  std::unique_ptr<cases::CaseService> cases_;
  std::unique_ptr<TimelineService> svc_;
};

TEST_P(Timeline, EverythingThatConcernsThePersonNewestFirst) {
  auto t = svc_->of_person(in({}, {"cases.scope_all"}), person_);
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(lines(t->value), (std::vector<std::string>{
                                 "2025-11-10 payment zasilek_okresowy D/2025/7",
                                 "2025-10-10 payment zasilek_okresowy D/2025/7",
                                 "2025-10-05 social_work contract",
                                 "2025-10-02 interview change",
                                 "2025-09-25 decision zasilek_okresowy D/2025/7",
                                 "2025-08-03 service poradnictwo",
                                 "2025-08-01 service pomoc_rzeczowa",
                                 "2025-07-01 joined partner",
                                 "2025-06-30 left head",
                                 "2025-04-01 social_work entry",
                                 "2025-03-10 interview initial",
                                 "2025-03-03 application zasilek_okresowy W/2025/1",
                                 "2024-01-01 joined head",
                             }));
  const auto& decision = t->value.items[4];
  EXPECT_EQ(decision.amount_grosze, 50000);
  EXPECT_EQ(decision.state, "final");
  EXPECT_EQ(decision.until, "2025-11-30");
  EXPECT_EQ(t->value.items[0].state, "planned");
  ASSERT_EQ(t->audit.size(), 1u);
  EXPECT_EQ(t->audit[0].entity, "person");
  EXPECT_EQ(t->audit[0].person_id, person_);
}

TEST_P(Timeline, SectionWorkerSeesOnlyHouseholdsInTheirSection) {
  auto north = svc_->of_person(in({north_}), person_);
  ASSERT_TRUE(north.ok()) << north.error().message;
  EXPECT_EQ(lines(north->value), (std::vector<std::string>{
                                     "2025-06-30 left head",
                                     "2025-04-01 social_work entry",
                                     "2025-03-10 interview initial",
                                     "2025-03-03 application zasilek_okresowy W/2025/1",
                                     "2024-01-01 joined head",
                                 }));
  for (const auto& i : north->value.items) EXPECT_EQ(i.household_id, before_);
}

TEST_P(Timeline, UnknownOrOutOfScopePersonIsRefused) {
  const auto third = make_section(centre_, 3);
  auto outside = svc_->of_person(in({third}), person_);
  ASSERT_FALSE(outside.ok());
  EXPECT_EQ(outside.error().code, ErrorCode::forbidden);
  auto unknown = svc_->of_person(in({}, {"cases.scope_all"}), 999999);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::not_found);
  Principal elsewhere = in({}, {"cases.scope_all"});
  elsewhere.centre = make_centre("Inny ośrodek");
  EXPECT_EQ(svc_->of_person(elsewhere, person_).error().code, ErrorCode::not_found);  // tenant key
}

// Regression: a person just registered (in no household yet) had a card whose history answered 403 to a section worker.
TEST_P(Timeline, PersonInNoHouseholdYetHasAnEmptyHistoryForEveryCaseWorker) {
  const auto unhoused = make_person(centre_, "Halina", "Wiśniewska");
  auto t = svc_->of_person(in({north_}), unhoused);
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_TRUE(t->value.items.empty());
  ASSERT_EQ(t->audit.size(), 1u);
  EXPECT_EQ(t->audit[0].person_id, unhoused);
}

OSTOJA_STORAGE_TEST_SUITE(Timeline);

}  // namespace ostoja::testing
