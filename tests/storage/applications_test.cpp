// Applications, interviews and the worklist on both databases: deadlines stored, scope enforced,
// bad input changes nothing, every write audited.
#include "audit/audit_log.h"
#include "fixture.h"
#include "modules/applications/service.h"

namespace ostoja::testing {

using applications::ApplicationService;
using applications::CompletedInterview;
using applications::NewApplication;

class Applications : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped()) return;
    centre_ = make_centre();
    for (int i = 0; i < 2; ++i) sections_[i] = make_section(centre_, i + 1);
    for (int i = 0; i < 2; ++i)
      users_[i] = make_user(centre_, "u" + std::to_string(i), "Pracownik " + std::to_string(i));
    household_ = make_household(centre_, sections_[0], users_[0]);
    for (int m = 0; m < 2; ++m) persons_[m] = make_person(centre_, m == 0 ? "Anna" : "Zofia", "Łęcka");
    add_member(centre_, household_, persons_[0]);
    cases_ = std::make_unique<cases::CaseService>(*db_, clock_);
    svc_ = std::make_unique<ApplicationService>(*db_, clock_, *cases_);
  }
  void TearDown() override {
    svc_.reset();
    cases_.reset();
    StorageTest::TearDown();
  }
  Principal worker(int i, bool restricted = false) {
    Principal p = actor(centre_, {"cases.read", "cases.write"}, users_[i]);
    p.sections.emplace_back(sections_[i]);
    p.restricted_access = restricted;
    return p;
  }
  NewApplication valid() {
    NewApplication a;
    a.household_id = household_;
    a.applicant_id = persons_[0];
    a.received_on = "2025-11-20";
    a.forms = {"zasilek_okresowy", "posilek"};
    a.reasons = {"ubostwo", "bezrobocie"};
    a.description = "Utrata pracy w październiku.";
    return a;
  }
  std::int64_t count(const char* table) {
    return db_->acquire()->query_one(std::string("SELECT COUNT(*) FROM ") + table)->int64(0);
  }
  CentreId centre_;
  std::int64_t sections_[2]{}, users_[2]{}, persons_[2]{}, household_{0};
  std::unique_ptr<cases::CaseService> cases_;
  std::unique_ptr<ApplicationService> svc_;
};

TEST_P(Applications, RegisteredWithNumberDeadlinesAndAPlannedInterview) {
  // The fixture's clock stands on 24.11.2025 (Monday).
  auto a = svc_->create(worker(0), valid());
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_EQ(a->value.number, "W/2025/1");
  EXPECT_EQ(a->value.status, "open");
  EXPECT_EQ(a->value.interview_due, "2025-12-10");  // 14 working days from Thursday 20.11.2025
  EXPECT_EQ(a->value.decision_due, "2025-12-22");   // 20.12.2025 is a Saturday (KPA art. 57 § 4)
  ASSERT_EQ(a->value.reasons.size(), 2u);
  EXPECT_EQ(a->value.reasons[0].wording, "ubóstwa");
  EXPECT_EQ(a->value.applicant_name, "Anna Łęcka");
  ASSERT_EQ(a->value.interviews.size(), 1u);
  EXPECT_EQ(a->value.interviews[0].kind, "initial");
  EXPECT_EQ(a->value.interviews[0].status, "planned");
  EXPECT_EQ(a->value.interviews[0].due_on, "2025-12-10");
  EXPECT_EQ(a->value.interviews[0].worker_id, users_[0]);
  auto urgent = valid();
  urgent.urgent = true;
  urgent.complex = true;
  auto b = svc_->create(worker(0), urgent);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->value.number, "W/2025/2");
  EXPECT_EQ(b->value.interview_due, "2025-11-24");  // 2 working days
  EXPECT_EQ(b->value.decision_due, "2026-01-20");   // 2 months, complex case
  auto c = db_->acquire();
  EXPECT_EQ(c->query_one("SELECT COUNT(*) FROM audit_log WHERE action = 'create' AND entity = 'application' AND "
                         "person_id = ?",
                         {persons_[0]})
                ->int64(0),
            2);
}

TEST_P(Applications, BadInputAndOutOfScopeChangeNothing) {
  struct Case {
    const char* name;
    std::function<void(NewApplication&)> spoil;
    const char* field;
  };
  const Case cases[] = {
      {"future date", [](NewApplication& a) { a.received_on = "2025-11-25"; }, "received_on"},
      {"malformed date", [](NewApplication& a) { a.received_on = "20.11.2025"; }, "received_on"},
      {"before 2012-10", [](NewApplication& a) { a.received_on = "2012-09-28"; }, "received_on"},
      {"unknown form", [](NewApplication& a) { a.forms = {"bon_na_wczasy"}; }, "forms"},
      {"no forms", [](NewApplication& a) { a.forms.clear(); }, "forms"},
      {"repeated reason",
       [](NewApplication& a) {
         a.reasons = {"ubostwo", "ubostwo"};
       },
       "reasons"},
      {"unknown reason", [](NewApplication& a) { a.reasons = {"lenistwo"}; }, "reasons"},
      {"bad mode", [](NewApplication& a) { a.mode = "telefon"; }, "mode"},
      {"applicant not a member", [this](NewApplication& a) { a.applicant_id = persons_[1]; }, "applicant_id"},
  };
  for (const auto& c : cases) {
    auto a = valid();
    c.spoil(a);
    auto r = svc_->create(worker(0), a);
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.error().code, ErrorCode::validation) << c.name;
    EXPECT_EQ(r.error().field, c.field) << c.name;
  }
  auto other = svc_->create(worker(1), valid());
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::forbidden);
  EXPECT_EQ(count("applications"), 0);
  EXPECT_EQ(count("interviews"), 0);
  EXPECT_EQ(count("register_counters"), 0);
}

TEST_P(Applications, CompletingTheInterviewPlansTheSixMonthUpdateForContinuingHelp) {
  auto a = svc_->create(worker(0), valid());
  ASSERT_TRUE(a.ok());
  const auto interview = a->value.interviews[0].id;
  CompletedInterview done{"2025-11-21", {{"family", "Matka z dzieckiem."}, {"health", "Cukrzyca."}}};
  auto incomplete = svc_->complete_interview(worker(0), interview, done);
  ASSERT_FALSE(incomplete.ok());
  EXPECT_EQ(incomplete.error().field, "parts.assessment");
  done.parts["assessment"] = "Rodzina wymaga wsparcia finansowego.";
  auto early = done;
  early.conducted_on = "2025-11-19";
  EXPECT_EQ(svc_->complete_interview(worker(0), interview, early).error().field, "conducted_on");
  auto unknown = done;
  unknown.parts["hobby"] = "x";
  EXPECT_EQ(svc_->complete_interview(worker(0), interview, unknown).error().field, "parts");
  EXPECT_EQ(svc_->complete_interview(worker(1), interview, done).error().code, ErrorCode::forbidden);

  auto ok = svc_->complete_interview(worker(0), interview, done);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->value.status, "completed");
  EXPECT_EQ(ok->value.conducted_on, "2025-11-21");
  EXPECT_EQ(ok->value.parts.count("health"), 0u);  // restricted category, reader without restricted access
  EXPECT_TRUE(ok->value.health_hidden);
  auto again = svc_->complete_interview(worker(0), interview, done);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::conflict);

  auto read = svc_->get(worker(0, true), a->value.id);
  ASSERT_TRUE(read.ok());
  ASSERT_EQ(read->value.interviews.size(), 2u);
  EXPECT_EQ(read->value.interviews[0].parts.at("health"), "Cukrzyca.");
  EXPECT_EQ(read->value.interviews[1].kind, "update");
  EXPECT_EQ(read->value.interviews[1].status, "planned");
  EXPECT_EQ(read->value.interviews[1].due_on, "2026-05-21");
  ASSERT_EQ(read->audit.size(), 1u);
  EXPECT_EQ(read->audit[0].person_id, persons_[0]);
}

TEST_P(Applications, WithdrawalCancelsPlannedInterviewsOnce) {
  auto a = svc_->create(worker(0), valid());
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(svc_->withdraw(worker(0), a->value.id, "2025-11-19").error().field, "date");
  auto w = svc_->withdraw(worker(0), a->value.id, "2025-11-24");
  ASSERT_TRUE(w.ok()) << w.error().message;
  EXPECT_EQ(w->value.status, "withdrawn");
  EXPECT_EQ(w->value.closed_on, "2025-11-24");
  EXPECT_EQ(w->value.interviews[0].status, "cancelled");
  EXPECT_EQ(svc_->withdraw(worker(0), a->value.id, "2025-11-24").error().code, ErrorCode::conflict);
}

TEST_P(Applications, WorklistShowsOverdueAndUpcomingInScopeWithCountsPerWorker) {
  ASSERT_TRUE(svc_->create(worker(0), valid()).ok());
  auto list = svc_->worklist(worker(0), "2025-12-11", 14);
  ASSERT_TRUE(list.ok()) << list.error().message;
  ASSERT_EQ(list->value.items.size(), 2u);
  EXPECT_EQ(list->value.items[0].kind, "interview_overdue");
  EXPECT_EQ(list->value.items[0].days_left, -1);
  EXPECT_EQ(list->value.items[0].person_name, "Anna Łęcka");
  EXPECT_EQ(list->value.items[0].address, "Zana 1");
  EXPECT_EQ(list->value.items[1].kind, "decision_due");
  EXPECT_EQ(list->value.items[1].days_left, 11);
  ASSERT_EQ(list->value.by_worker.size(), 1u);
  EXPECT_EQ(list->value.by_worker[0].worker_name, "Pracownik 0");
  EXPECT_EQ(list->value.by_worker[0].overdue, 1);
  EXPECT_EQ(list->value.by_worker[0].upcoming, 1);
  EXPECT_EQ(list->audit.size(), 2u);

  auto early = svc_->worklist(worker(0), "2025-11-24", 7);
  ASSERT_TRUE(early.ok());
  EXPECT_TRUE(early->value.items.empty());
  auto other = svc_->worklist(worker(1), "2025-12-11", 14);
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE(other->value.items.empty());
  auto director = svc_->worklist(actor(centre_, {"cases.read", "cases.scope_all"}, users_[1]), "2025-12-11", 14);
  ASSERT_TRUE(director.ok());
  EXPECT_EQ(director->value.items.size(), 2u);
  EXPECT_EQ(svc_->worklist(worker(0), "2025-12-11", 91).error().field, "days");
  EXPECT_EQ(svc_->worklist(worker(0), "jutro", 7).error().field, "as_of");
}

TEST_P(Applications, WorklistShowsExpiringDecisionsAndContractReviews) {
  auto c = db_->acquire();
  c->execute(
      "INSERT INTO decisions (centre_id, number, household_id, person_id, kind, form, period_from, period_to, "
      "amount_grosze, state, final_on, created_at) VALUES (?, 'D/2025/7', ?, ?, 'grant', 'zasilek_okresowy', "
      "'2025-09-01', '2025-11-30', 50000, 'final', '2025-08-20', 0)",
      {centre_.value, household_, persons_[0]});
  c->execute(
      "INSERT INTO decisions (centre_id, number, household_id, person_id, kind, form, period_from, period_to, "
      "amount_grosze, state, created_at) VALUES (?, NULL, ?, ?, 'grant', 'zasilek_okresowy', '2025-09-01', "
      "'2025-11-30', 50000, 'draft', 0)",
      {centre_.value, household_, persons_[0]});  // a draft does not expire
  c->execute(
      "INSERT INTO social_work (centre_id, household_id, kind, person_id, on_date, until_date, review_on, "
      "description, created_at) VALUES (?, ?, 'contract', ?, '2025-06-01', '2025-12-31', '2025-11-20', 'Cele', 0)",
      {centre_.value, household_, persons_[0]});
  auto list = svc_->worklist(worker(0), "2025-11-24", 14);
  ASSERT_TRUE(list.ok()) << list.error().message;
  std::vector<std::string> kinds;
  for (const auto& w : list->value.items) kinds.push_back(w.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"contract_review_overdue", "decision_expiring"}));
  EXPECT_EQ(list->value.items[1].application_number, "D/2025/7");
  EXPECT_EQ(list->value.items[1].days_left, 6);
  EXPECT_TRUE(svc_->worklist(worker(1), "2025-11-24", 14)->value.items.empty());
}

// A manager who signs decisions sees every draft in scope on the worklist, whatever its date; a worker does not.
TEST_P(Applications, WorklistShowsDraftDecisionsToThoseWhoSign) {
  auto created = svc_->create(worker(0), valid());
  ASSERT_TRUE(created.ok()) << created.error().message;
  const auto* app = &created->value;
  auto c = db_->acquire();
  c->execute(
      "INSERT INTO decisions (centre_id, number, application_id, household_id, person_id, kind, form, period_from, "
      "amount_grosze, state, created_at) VALUES (?, NULL, ?, ?, ?, 'grant', 'zasilek_okresowy', '2026-01-01', 50000, "
      "'draft', 0)",
      {centre_.value, app->id, household_, persons_[0]});
  c->execute(
      "INSERT INTO decisions (centre_id, number, household_id, person_id, kind, form, period_from, "
      "amount_grosze, state, created_at) VALUES (?, NULL, ?, ?, 'grant', 'zasilek_celowy', '2026-03-01', 20000, "
      "'draft', 0)",
      {centre_.value, household_, persons_[0]});
  Principal manager = worker(0);
  manager.permissions.push_back("decisions.approve");
  std::sort(manager.permissions.begin(), manager.permissions.end());
  auto list = svc_->worklist(manager, "2025-11-24", 7);
  ASSERT_TRUE(list.ok()) << list.error().message;
  std::vector<std::pair<std::string, std::string>> signs;
  for (const auto& w : list->value.items)
    if (w.kind == "decision_to_sign") signs.emplace_back(w.due_on, w.application_number);
  ASSERT_EQ(signs.size(), 2u);
  EXPECT_EQ(signs[0], (std::pair<std::string, std::string>{app->decision_due, app->number}));  // the KPA term
  EXPECT_EQ(signs[1], (std::pair<std::string, std::string>{"2026-03-01", ""}));                // ex officio: its period
  auto own = svc_->worklist(worker(0), "2025-11-24", 7);  // kept: a temporary's member dies before the loop
  ASSERT_TRUE(own.ok());
  for (const auto& w : own->value.items) EXPECT_NE(w.kind, "decision_to_sign");
  Principal other = worker(1);
  other.permissions.push_back("decisions.approve");
  std::sort(other.permissions.begin(), other.permissions.end());
  auto others = svc_->worklist(other, "2025-11-24", 7);
  ASSERT_TRUE(others.ok());
  for (const auto& w : others->value.items) EXPECT_NE(w.kind, "decision_to_sign");
}

// Managers see the worklist counted per section (over their whole scope) and per worker (in the chosen section),
// and can narrow the items to one section and one worker; a section outside a manager's scope is refused.
TEST_P(Applications, WorklistCountsPerSectionAndFiltersForManagers) {
  // Household 0 (section 1, worker 0) has an application: an overdue interview and a decision due on 11.12.2025.
  ASSERT_TRUE(svc_->create(worker(0), valid()).ok());
  // Household 1 (section 2, worker 1) and household 2 (section 2, unassigned): one application each.
  const std::int64_t other = make_household(centre_, sections_[1], users_[1], "single", "5");
  const std::int64_t unassigned = make_household(centre_, sections_[1], std::nullopt, "single", "7");
  const std::int64_t registrar = make_user(centre_, "rejestracja", "Punkt przyjęć");  // gets the unassigned one's tasks
  for (auto [h, p] : {std::pair{other, persons_[1]}, std::pair{unassigned, make_person(centre_, "Ewa", "Kos")}}) {
    add_member(centre_, h, p);
    auto a = valid();
    a.household_id = h;
    a.applicant_id = p;
    Principal director = actor(centre_, {"cases.read", "cases.write", "cases.scope_all"}, registrar);
    ASSERT_TRUE(svc_->create(director, a).ok());
  }
  Principal manager = actor(centre_, {"cases.read", "cases.write"}, 0);  // kierownik of both sections
  manager.sections = {SectionId{sections_[0]}, SectionId{sections_[1]}};
  auto all = svc_->worklist(manager, "2025-12-11", 14);
  ASSERT_TRUE(all.ok()) << all.error().message;
  EXPECT_EQ(all->value.items.size(), 6u);
  ASSERT_EQ(all->value.by_section.size(), 2u);
  EXPECT_EQ(all->value.by_section[0].section_id, sections_[0]);
  EXPECT_EQ(all->value.by_section[0].section_number, 1);
  EXPECT_EQ(all->value.by_section[0].section_name, "Sekcja 1");
  EXPECT_EQ(all->value.by_section[0].overdue, 1);
  EXPECT_EQ(all->value.by_section[0].upcoming, 1);
  EXPECT_EQ(all->value.by_section[1].overdue, 2);
  EXPECT_EQ(all->value.by_section[1].upcoming, 2);
  EXPECT_EQ(all->value.by_worker.size(), 3u);  // worker 0, worker 1, the registrar

  auto second = svc_->worklist(manager, "2025-12-11", 14, {sections_[1], std::nullopt});
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->value.items.size(), 4u);
  for (const auto& w : second->value.items) EXPECT_EQ(w.section_id, sections_[1]);
  EXPECT_EQ(second->value.by_section.size(), 2u);  // still every section
  ASSERT_EQ(second->value.by_worker.size(), 2u);   // worker 1 and the registrar: only section 2
  EXPECT_EQ(second->audit.size(), 4u);             // only what is shown is read
  auto one = svc_->worklist(manager, "2025-12-11", 14, {sections_[1], users_[1]});
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->value.items.size(), 2u);
  for (const auto& w : one->value.items) EXPECT_EQ(w.worker_id, users_[1]);
  EXPECT_EQ(one->value.by_worker.size(), 2u);

  // The worker of section 1 may not look into section 2; an unknown section or worker is a bad filter.
  auto denied = svc_->worklist(worker(0), "2025-12-11", 14, {sections_[1], std::nullopt});
  EXPECT_EQ(denied.error().code, ErrorCode::forbidden);
  EXPECT_EQ(svc_->worklist(manager, "2025-12-11", 14, {999999, std::nullopt}).error().field, "section_id");
  EXPECT_EQ(svc_->worklist(manager, "2025-12-11", 14, {std::nullopt, 999999}).error().field, "worker_id");
  // The director sees every section and may pick any.
  auto director = svc_->worklist(actor(centre_, {"cases.read", "cases.scope_all"}, 0), "2025-12-11", 14,
                                 {sections_[1], std::nullopt});
  ASSERT_TRUE(director.ok());
  EXPECT_EQ(director->value.items.size(), 4u);
}

TEST_P(Applications, ChangeOfSituationInterviewIsDueInFourteenWorkingDaysFromToday) {
  auto i = svc_->plan_change_interview(worker(0), household_, false);
  ASSERT_TRUE(i.ok()) << i.error().message;
  EXPECT_EQ(i->value.kind, "change");
  EXPECT_EQ(i->value.due_on, "2025-12-12");  // from Monday 24.11.2025
  EXPECT_EQ(svc_->plan_change_interview(worker(1), household_, false).error().code, ErrorCode::forbidden);
}

OSTOJA_STORAGE_TEST_SUITE(Applications);

}  // namespace ostoja::testing
