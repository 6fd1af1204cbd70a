// Non-cash help, social work and the report counts over them on both databases: every count is
// checked against rows whose answer is known by hand.
#include "audit/audit_log.h"
#include "fixture.h"
#include "modules/services/service.h"

namespace ostoja::testing {

using services::NewService;
using services::NewSocialWork;

class Services : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped()) return;
    centre_ = make_centre();
    section_ = make_section(centre_);
    // Three households: a mother (1985) with two children (2015, 2019) each.
    for (int h = 0; h < 3; ++h) {
      households_[h] = make_household(centre_, section_, std::nullopt, "single_parent", std::to_string(h + 1));
      const char* births[] = {"1985-05-05", "2015-01-01", "2019-06-30"};
      for (int m = 0; m < 3; ++m) {
        persons_[h][m] = make_person(centre_, "a", "b", births[m]);
        add_member(centre_, households_[h], persons_[h][m], m == 0 ? "head" : "child");
      }
    }
    cases_ = std::make_unique<cases::CaseService>(*db_, clock_);
    svc_ = std::make_unique<services::ServicesService>(*db_, clock_, *cases_);
  }
  Principal worker() {
    Principal p = actor(centre_, {"cases.read", "cases.write", "stats.read"}, 0);
    p.sections.emplace_back(section_);
    return p;
  }
  void service(int h, std::optional<int> member, const char* kind, const char* subtype, const char* from, const char* to,
               int quantity = 1, const char* place = "") {
    NewService s;
    s.household_id = households_[h];
    if (member) s.person_id = persons_[h][*member];
    s.kind = kind;
    s.subtype = subtype;
    s.place = place;
    s.date_from = from;
    s.date_to = to;
    s.quantity = quantity;
    auto r = svc_->record(worker(), s);
    ASSERT_TRUE(r.ok()) << kind << ": " << r.error().message;
  }
  void work(int h, std::optional<int> member, const char* kind, const char* on, int hours = 0, const char* subtype = "",
            const char* description = "Rozmowa wspierająca, plan działań.") {
    NewSocialWork w;
    w.household_id = households_[h];
    if (member) w.person_id = persons_[h][*member];
    w.kind = kind;
    w.on_date = on;
    w.hours = hours;
    w.subtype = subtype;
    w.description = description;
    if (std::string(kind) == "contract") {
      w.until_date = "2025-12-31";
      w.review_on = "2025-09-30";
      w.description = "Cel: podjęcie zatrudnienia. Klientka: rejestracja w PUP; ośrodek: zasiłek okresowy.";
    }
    auto r = svc_->record_social_work(worker(), w);
    ASSERT_TRUE(r.ok()) << kind << ": " << r.error().message;
  }
  CentreId centre_;
  std::int64_t section_{0}, households_[3]{}, persons_[3][3]{};
  std::unique_ptr<cases::CaseService> cases_;
  std::unique_ptr<services::ServicesService> svc_;
};

TEST_P(Services, ReportCountsAreExactQueriesOverTheRecords) {
  // Meals: two children of household 0 at school, one child of household 1 in kindergarten, a mother's
  // meal (inne) and one school meal outside the period.
  service(0, 1, "posilek", "szkola", "2025-01-01", "2025-06-30", 120);
  service(0, 2, "posilek", "przedszkole", "2025-01-01", "2025-06-30", 120);
  service(1, 1, "posilek", "przedszkole", "2025-03-01", "2025-03-31", 20);
  service(1, 0, "posilek", "inne", "2025-03-01", "2025-03-31", 20);
  service(2, 1, "posilek", "szkola", "2024-01-01", "2024-06-30", 100);
  // In-kind help: food to households 0 and 1 (twice to 0), clothing to 2.
  service(0, std::nullopt, "pomoc_rzeczowa", "zywnosc", "2025-02-01", "2025-02-01");
  service(0, std::nullopt, "pomoc_rzeczowa", "zywnosc", "2025-05-01", "2025-05-01");
  service(1, std::nullopt, "pomoc_rzeczowa", "zywnosc", "2025-05-01", "2025-05-01");
  service(2, std::nullopt, "pomoc_rzeczowa", "odziez", "2025-05-01", "2025-05-01");
  // Sheltered flats: household 2 (mother and two children) in flat "M1", household 1's mother in "M2".
  for (int m = 0; m < 3; ++m) service(2, m, "mieszkanie_chronione", "", "2025-01-01", "2025-12-31", 365, "M1");
  service(1, 0, "mieszkanie_chronione", "", "2025-06-01", "2025-08-31", 92, "M2");
  // Counselling: mother 0 psychological 5 + legal 1; mother 1 psychological 3.
  service(0, 0, "poradnictwo", "psychologiczne", "2025-02-01", "2025-04-30", 5);
  service(0, 0, "poradnictwo", "prawne", "2025-03-10", "2025-03-10", 1);
  service(1, 0, "poradnictwo", "psychologiczne", "2025-09-01", "2025-09-30", 3);
  // Social work.
  work(0, std::nullopt, "entry", "2025-03-01");
  work(0, std::nullopt, "entry", "2025-04-01");
  work(1, std::nullopt, "entry", "2025-04-01");
  work(0, 0, "contract", "2025-03-01");
  work(1, 0, "community_work", "2025-03-31", 40);
  work(1, 0, "community_work", "2025-04-30", 30);
  work(0, 0, "activation", "2025-10-01", 0, "job");
  work(2, 0, "referral", "2025-05-05", 0, "Poradnia Psychologiczno-Pedagogiczna");

  auto s = svc_->statistics(worker(), "2025-01-01", "2025-12-31");
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->families_by_form["posilek"], 2);
  EXPECT_EQ(s->families_by_form["pomoc_rzeczowa"], 3);
  EXPECT_EQ(s->in_kind_families["zywnosc"], 2);
  EXPECT_EQ(s->in_kind_families["odziez"], 1);
  EXPECT_EQ(s->meals_children, 3);
  EXPECT_EQ(s->sheltered_flats, 2);
  EXPECT_EQ(s->sheltered_persons, 4);
  EXPECT_EQ(s->sheltered_children, 2);
  EXPECT_EQ(s->counselling_persons, 2);
  EXPECT_EQ(s->consultations["psychologiczne"], 8);
  EXPECT_EQ(s->consultations["prawne"], 1);
  EXPECT_EQ(s->social_work_families, 2);
  EXPECT_EQ(s->contracts, 1);
  EXPECT_EQ(s->community_work_persons, 1);
  EXPECT_EQ(s->community_work_hours, 70);
  EXPECT_EQ(s->activation["job"], 1);
  EXPECT_EQ(s->referrals, 1);

  auto first_quarter = svc_->statistics(worker(), "2025-01-01", "2025-03-31");
  ASSERT_TRUE(first_quarter.ok());
  EXPECT_EQ(first_quarter->sheltered_persons, 3);  // M2 starts in June
  EXPECT_EQ(first_quarter->consultations["psychologiczne"], 5);
}

TEST_P(Services, BadRecordsAreRefusedWithTheField) {
  NewService s;
  s.household_id = households_[0];
  s.kind = "posilek";
  s.subtype = "szkola";
  s.date_from = "2025-01-01";
  s.date_to = "2025-01-31";
  EXPECT_EQ(svc_->record(worker(), s).error().field, "person_id");
  s.person_id = persons_[1][1];  // a child of another household
  EXPECT_EQ(svc_->record(worker(), s).error().field, "person_id");
  s.person_id = persons_[0][1];
  s.subtype = "uczelnia";
  EXPECT_EQ(svc_->record(worker(), s).error().field, "subtype");
  s.subtype = "szkola";
  s.date_to = "2024-12-31";
  EXPECT_EQ(svc_->record(worker(), s).error().field, "date_to");
  s.date_to = "2025-01-31";
  s.kind = "wczasy";
  EXPECT_EQ(svc_->record(worker(), s).error().field, "kind");
  NewSocialWork w;
  w.household_id = households_[0];
  w.kind = "contract";
  w.person_id = persons_[0][0];
  w.on_date = "2025-03-01";
  EXPECT_EQ(svc_->record_social_work(worker(), w).error().field, "until_date");
  Principal outsider = actor(centre_, {"cases.read", "cases.write"}, 0);
  s.kind = "posilek";
  EXPECT_EQ(svc_->record(outsider, s).error().code, ErrorCode::forbidden);
  EXPECT_EQ(db_->acquire()->query_one("SELECT COUNT(*) FROM services")->int64(0), 0);
  EXPECT_EQ(svc_->statistics(worker(), "2025-12-31", "2025-01-01").error().field, "to");
}

// A social contract is reviewed on its review date: the review either sets the next review date or records the
// outcome, which closes the contract (and takes it off the worklist). Bad input and a second outcome change nothing.
TEST_P(Services, ContractReviewPostponesOrClosesTheContract) {
  work(0, 0, "contract", "2025-03-01");
  work(0, 0, "entry", "2025-03-02");
  auto conn = db_->acquire();
  const auto contract = conn->query_one("SELECT id FROM social_work WHERE kind = 'contract'")->int64(0);
  const auto entry = conn->query_one("SELECT id FROM social_work WHERE kind = 'entry'")->int64(0);
  struct Bad {
    const char* on;
    const char* outcome;
    std::optional<std::string> next;
    const char* field;
  };
  const Bad bad[] = {
      {"2025-09-30", "", std::nullopt, "outcome"},               // neither outcome nor next review
      {"2025-09-30", "sukces", std::nullopt, "outcome"},         // unknown outcome
      {"2025-09-30", "achieved", "2025-11-01", "review_on"},     // both
      {"2025-09-30", "", "2025-09-30", "review_on"},             // next review not after this one
      {"2025-02-01", "", "2025-10-31", "on_date"},               // before the contract was made
      {"2025-12-01", "achieved", std::nullopt, "on_date"},       // in the future (today 24.11.2025)
      {"2025-13-01", "achieved", std::nullopt, "on_date"},       // not a date
  };
  for (const auto& b : bad) {
    auto r = svc_->review_contract(worker(), contract, b.on, b.outcome, b.next, "");
    ASSERT_FALSE(r.ok()) << b.on << " " << b.outcome;
    EXPECT_EQ(r.error().field, b.field) << b.on << " " << b.outcome << ": " << r.error().message;
  }
  Principal outsider = actor(centre_, {"cases.read", "cases.write"}, 0);
  EXPECT_EQ(svc_->review_contract(outsider, contract, "2025-09-30", "achieved", std::nullopt, "").error().code,
            ErrorCode::forbidden);
  EXPECT_EQ(svc_->review_contract(worker(), entry, "2025-09-30", "achieved", std::nullopt, "").error().code,
            ErrorCode::conflict);
  EXPECT_EQ(svc_->review_contract(worker(), 999999, "2025-09-30", "achieved", std::nullopt, "").error().code,
            ErrorCode::not_found);
  auto row = [&] { return conn->query_one("SELECT review_on, outcome FROM social_work WHERE id = ?", {contract}); };
  EXPECT_EQ(row()->text(0), "2025-09-30");
  EXPECT_EQ(row()->text(1), "");

  auto postponed = svc_->review_contract(worker(), contract, "2025-09-30", "", "2025-11-20", "  Zarejestrowana w PUP.  ");
  ASSERT_TRUE(postponed.ok()) << postponed.error().message;
  EXPECT_EQ(postponed->data.review_on, "2025-11-20");
  EXPECT_EQ(postponed->data.outcome, "");
  EXPECT_NE(postponed->data.description.find("\n\nOcena 30.09.2025: Zarejestrowana w PUP."), std::string::npos);
  auto closed = svc_->review_contract(worker(), contract, "2025-11-20", "achieved", std::nullopt, "Podjęła pracę.");
  ASSERT_TRUE(closed.ok()) << closed.error().message;
  EXPECT_EQ(row()->text(1), "achieved");
  EXPECT_NE(closed->data.description.find("Ocena 20.11.2025: Podjęła pracę."), std::string::npos);
  auto again = svc_->review_contract(worker(), contract, "2025-11-21", "partly", std::nullopt, "");
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
  EXPECT_EQ(again.error().field, "outcome");
  EXPECT_EQ(row()->text(1), "achieved");
  EXPECT_EQ(conn->query_one("SELECT COUNT(*) FROM audit_log WHERE action = 'review' AND entity = 'social_work'")->int64(0), 2);
}

OSTOJA_STORAGE_TEST_SUITE(Services);

}  // namespace ostoja::testing
