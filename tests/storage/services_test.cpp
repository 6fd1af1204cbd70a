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
  // A record of household `h` for `person` (an id, or none).
  NewService of(int h, std::optional<std::int64_t> person, const char* kind, const char* subtype, const char* from,
                const char* to) {
    NewService s;
    s.household_id = households_[h];
    s.person_id = person;
    s.kind = kind;
    s.subtype = subtype;
    s.date_from = from;
    s.date_to = to;
    return s;
  }
  // A service record; `quantity` undated (a record within one month), or `deliveries` with their days.
  std::int64_t service(int h, std::optional<int> member, const char* kind, const char* subtype, const char* from,
                       const char* to, std::optional<int> quantity = std::nullopt,
                       std::vector<services::Delivery> deliveries = {}, const char* place = "") {
    NewService s =
        of(h, member ? std::optional<std::int64_t>(persons_[h][*member]) : std::nullopt, kind, subtype, from, to);
    s.place = place;
    s.quantity = quantity;
    s.deliveries = std::move(deliveries);
    auto r = svc_->record(worker(), s);
    EXPECT_TRUE(r.ok()) << kind << ": " << r.error().message;
    return r.ok() ? r->id : 0;
  }
  // Meals or care of a whole half-year, recorded per month on the month's last day.
  static std::vector<services::Delivery> monthly(int quantity, int months = 6) {
    static const char* ends[] = {"2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30", "2025-05-31", "2025-06-30"};
    std::vector<services::Delivery> out;
    for (int m = 0; m < months; ++m) out.push_back({ends[m], quantity});
    return out;
  }
  std::int64_t flat(const char* name, int places, const char* opened,
                    std::optional<std::string> closed = std::nullopt) {
    auto f = svc_->add_flat(manager(), {name, "ul. Zana 3", places, opened, closed});
    EXPECT_TRUE(f.ok()) << f.error().message;
    return f.ok() ? f->id : 0;
  }
  Principal manager() { return actor(centre_, {"org.read", "org.write"}, 0); }
  // The year 2025 of the report test, with counts known by hand (see ReportCountsAreExactQueriesOverTheRecords).
  void record_year();
  services::Statistics stats(const char* from, const char* to) {
    auto s = svc_->statistics(worker(), from, to);
    EXPECT_TRUE(s.ok()) << s.error().message;
    return s.ok() ? *s : services::Statistics{};
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

void Services::record_year() {
  // Meals: two children of household 0 (school, kindergarten) fed January–June, recorded per month; a child of
  // household 1 in kindergarten in March (undated: one month); the mother's own meals (not a child); a 2024 record.
  service(0, 1, "posilek", "szkola", "2025-01-01", "2025-06-30", std::nullopt, monthly(20));
  service(0, 2, "posilek", "przedszkole", "2025-01-01", "2025-06-30", std::nullopt, monthly(20));
  service(1, 1, "posilek", "przedszkole", "2025-03-01", "2025-03-31", 20);
  service(1, 0, "posilek", "inne", "2025-03-01", "2025-03-31", 20);
  service(2, 1, "posilek", "szkola", "2024-01-01", "2024-06-30", std::nullopt, {{"2024-06-30", 100}});
  // In-kind help: food to households 0 and 1 (twice to 0), clothing to 2.
  service(0, std::nullopt, "pomoc_rzeczowa", "zywnosc", "2025-02-01", "2025-02-01");
  service(0, std::nullopt, "pomoc_rzeczowa", "zywnosc", "2025-05-01", "2025-05-01");
  service(1, std::nullopt, "pomoc_rzeczowa", "zywnosc", "2025-05-01", "2025-05-01");
  service(2, std::nullopt, "pomoc_rzeczowa", "odziez", "2025-05-01", "2025-05-01");
  // Sheltered flats of the register: M1 (3 places, since 2024), M2 (2 places, opened in May 2025), M3 closed in 2024.
  flat("M1", 3, "2024-01-01");
  flat("M2", 2, "2025-05-01");
  flat("M3", 1, "2023-01-01", "2024-12-31");
  for (int m = 0; m < 3; ++m)
    service(2, m, "mieszkanie_chronione", "", "2025-01-01", "2025-12-31", std::nullopt, {}, "M1");
  service(1, 0, "mieszkanie_chronione", "", "2025-06-01", "2025-08-31", std::nullopt, {}, "M2");
  // Counselling: mother 0 psychological February–April, each consultation on its day (2 + 2 + 1), legal once in
  // March; mother 1 psychological 3 in September.
  service(0, 0, "poradnictwo", "psychologiczne", "2025-02-01", "2025-04-30", std::nullopt,
          {{"2025-02-10", 2}, {"2025-03-10", 2}, {"2025-04-10", 1}});
  service(0, 0, "poradnictwo", "prawne", "2025-03-10", "2025-03-10", 1);
  service(1, 0, "poradnictwo", "psychologiczne", "2025-09-01", "2025-09-30", std::nullopt, {{"2025-09-05", 3}});
  // A care home for mother 0 from 20 July: 3 100 zł a month, she pays 1 000 zł, the family 500 zł, the gmina the rest.
  NewService dps = of(0, persons_[0][0], "dps", "", "2025-07-20", "2025-12-31");
  dps.cost_grosze = 310000;
  dps.resident_fee_grosze = 100000;
  dps.family_fee_grosze = 50000;
  dps.resident_income_grosze = 150000;
  auto placed = svc_->record(worker(), dps);
  ASSERT_TRUE(placed.ok()) << placed.error().message;
  // Social work: entries, a contract in force March–December, community work in March and April, a job, a referral.
  work(0, std::nullopt, "entry", "2025-03-01");
  work(0, std::nullopt, "entry", "2025-04-01");
  work(1, std::nullopt, "entry", "2025-04-01");
  work(0, 0, "contract", "2025-03-01");
  work(1, 0, "community_work", "2025-03-31", 40);
  work(1, 0, "community_work", "2025-04-30", 30);
  work(0, 0, "activation", "2025-10-01", 0, "job");
  work(2, 0, "referral", "2025-05-05", 0, "Poradnia Psychologiczno-Pedagogiczna");
}

TEST_P(Services, ReportCountsAreExactQueriesOverTheRecords) {
  record_year();
  auto s = stats("2025-01-01", "2025-12-31");
  EXPECT_EQ(s.families_by_form["posilek"], 2);
  EXPECT_EQ(s.families_by_form["pomoc_rzeczowa"], 3);
  EXPECT_EQ(s.families_by_form["mieszkanie_chronione"], 2);
  EXPECT_EQ(s.families_by_form["poradnictwo"], 2);
  EXPECT_EQ(s.families_by_form["dps"], 1);
  EXPECT_EQ(s.in_kind_families["zywnosc"], 2);
  EXPECT_EQ(s.in_kind_families["odziez"], 1);
  EXPECT_EQ(s.delivered["posilek"], 120 + 120 + 20 + 20);
  EXPECT_EQ(s.delivered["pomoc_rzeczowa"], 4);
  EXPECT_EQ(s.delivered.count("mieszkanie_chronione"), 0u);  // a stay delivers nothing, it lasts
  EXPECT_EQ(s.meals_children, 3);
  EXPECT_EQ(s.sheltered.flats, 2);  // M3 was closed before
  EXPECT_EQ(s.sheltered.places, 5);
  EXPECT_EQ(s.sheltered.new_flats, 1);
  EXPECT_EQ(s.sheltered.persons, 4);
  EXPECT_EQ(s.sheltered.children, 2);
  EXPECT_EQ(s.counselling_persons, 2);
  EXPECT_EQ(s.consultations["psychologiczne"], 8);
  EXPECT_EQ(s.consultations["prawne"], 1);
  EXPECT_EQ(s.social_work_families, 3);  // household 2 only through a referral
  EXPECT_EQ(s.contracts, 1);
  EXPECT_EQ(s.community_work_persons, 1);
  EXPECT_EQ(s.community_work_hours, 70);
  EXPECT_EQ(s.activated_persons, 2);
  EXPECT_EQ(s.activation["job"], 1);
  EXPECT_EQ(s.referrals, 1);
  // July: 12 of 31 days — 387,10 + 193,55 + 619,35 = 1 200 zł; August–December whole.
  EXPECT_EQ(s.care_homes.residents, 1);
  EXPECT_EQ(s.care_homes.resident.grosze, 38710 + 5 * 100000);
  EXPECT_EQ(s.care_homes.family.grosze, 19355 + 5 * 50000);
  EXPECT_EQ(s.care_homes.gmina.grosze, 61935 + 5 * 160000);

  auto q1 = stats("2025-01-01", "2025-03-31");
  EXPECT_EQ(q1.sheltered.persons, 3);  // M2 opened in May
  EXPECT_EQ(q1.sheltered.flats, 1);
  EXPECT_EQ(q1.consultations["psychologiczne"], 4);
  EXPECT_EQ(q1.counselling_persons, 1);
  EXPECT_EQ(q1.care_homes.residents, 0);
  auto q3 = stats("2025-07-01", "2025-09-30");
  EXPECT_EQ(q3.social_work_families, 1);  // household 0: its contract is in force, nothing else happened
  EXPECT_EQ(q3.contracts, 1);
  EXPECT_EQ(q3.counselling_persons, 1);  // the psychological record of household 0 ended in April
  EXPECT_EQ(q3.meals_children, 0);
}

// Issue 4 §6 (a): a record that only partly overlapped a period was counted with its whole quantity, so a
// counselling record February–April put all its consultations into Q1 and again into Q2. Quantities are now
// the deliveries dated in the period: the quarters add up to the year.
TEST_P(Services, PartlyOverlappingRecordWasCountedInFullInEachQuarter) {
  record_year();
  const auto year = stats("2025-01-01", "2025-12-31");
  const char* quarters[][2] = {{"2025-01-01", "2025-03-31"},
                               {"2025-04-01", "2025-06-30"},
                               {"2025-07-01", "2025-09-30"},
                               {"2025-10-01", "2025-12-31"}};
  std::map<std::string, std::int64_t> delivered, consultations;
  std::int64_t hours = 0, resident = 0, family = 0, gmina = 0;
  for (const auto& q : quarters) {
    const auto s = stats(q[0], q[1]);
    for (const auto& [k, v] : s.delivered) delivered[k] += v;
    for (const auto& [k, v] : s.consultations) consultations[k] += v;
    hours += s.community_work_hours;
    resident += s.care_homes.resident.grosze;
    family += s.care_homes.family.grosze;
    gmina += s.care_homes.gmina.grosze;
  }
  EXPECT_EQ(delivered, year.delivered);
  EXPECT_EQ(consultations, year.consultations);
  EXPECT_EQ(consultations["psychologiczne"], 8);  // was 5 + 5 + 3 = 13
  EXPECT_EQ(hours, year.community_work_hours);
  EXPECT_EQ(resident, year.care_homes.resident.grosze);
  EXPECT_EQ(family, year.care_homes.family.grosze);
  EXPECT_EQ(gmina, year.care_homes.gmina.grosze);
  // A month split in two halves adds up too: deliveries fall on one day each.
  auto a = stats("2025-02-01", "2025-02-14"), b = stats("2025-02-15", "2025-02-28"),
       feb = stats("2025-02-01", "2025-02-28");
  EXPECT_EQ(a.delivered["posilek"] + b.delivered["posilek"], feb.delivered["posilek"]);
  EXPECT_EQ(a.consultations["psychologiczne"] + b.consultations["psychologiczne"], 2);
}

// Issue 4 §6 (c): children with meals were those fed in a nursery, kindergarten or school, whatever their age.
// A child is now under 18 (art. 10 § 1 k.c.) on the first day of their meals in the period.
TEST_P(Services, MealsCountChildrenByAgeNotByPlace) {
  const auto teen = make_person(centre_, "Ola", "Nowak", "2007-03-05");   // 18 on 5.03.2025
  const auto pupil = make_person(centre_, "Jan", "Nowak", "2006-09-01");  // 18 already, still at school
  add_member(centre_, households_[0], teen, "child");
  add_member(centre_, households_[0], pupil, "child");
  auto meals = [&](std::int64_t person, const char* subtype, const char* from, const char* to) {
    NewService s = of(0, person, "posilek", subtype, from, to);
    s.quantity = 20;
    auto r = svc_->record(worker(), s);
    ASSERT_TRUE(r.ok()) << r.error().message;
  };
  meals(teen, "szkola", "2025-02-01", "2025-02-28");  // 17 in February
  meals(teen, "szkola", "2025-04-01", "2025-04-30");  // 18 in April
  meals(pupil, "szkola", "2025-02-01", "2025-02-28");
  meals(persons_[0][2], "inne", "2025-02-01", "2025-02-28");       // a six-year-old fed at home counts
  EXPECT_EQ(stats("2025-01-01", "2025-12-31").meals_children, 2);  // the teen (17 on 1.02) and the six-year-old
  EXPECT_EQ(stats("2025-04-01", "2025-04-30").meals_children, 0);
  EXPECT_EQ(stats("2025-03-01", "2025-04-30").meals_children, 0);
}

// Issue 4 §6 (b): a grant counted for its whole period even after a binding withdrawal or change; an
// indefinite zasiłek stały counted only in the period of its first day. The decision half of families_by_form.
TEST_P(Services, FamiliesByFormCountDecisionsForTheTimeTheyHaveEffect) {
  auto c = db_->acquire();
  auto decision = [&](int h, const char* kind, const char* form, const char* from, std::optional<std::string> to,
                      const char* state, std::optional<std::int64_t> changes = std::nullopt) {
    return c
        ->query_one(
            "INSERT INTO decisions (centre_id, household_id, person_id, kind, form, period_from, period_to, "
            "amount_grosze, state, changes_decision_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 50000, ?, ?, 0) "
            "RETURNING id",
            {centre_.value, households_[h], persons_[h][0], kind, form, from, to, state, changes})
        ->int64(0);
  };
  const auto d1 = decision(0, "grant", "zasilek_okresowy", "2025-01-01", "2025-12-31", "final");
  decision(0, "withdraw", "zasilek_okresowy", "2025-04-01", std::nullopt, "final", d1);  // ends D1 on 31.03
  const auto d2 = decision(1, "grant", "zasilek_okresowy", "2025-01-01", "2025-06-30", "final");
  decision(1, "change", "zasilek_okresowy", "2025-03-01", "2025-06-30", "final", d2);    // the change rules from March
  decision(1, "withdraw", "zasilek_okresowy", "2025-02-01", std::nullopt, "draft", d2);  // not binding
  decision(2, "grant", "zasilek_staly", "2024-06-01", std::nullopt, "final");            // indefinite
  const auto d4 = decision(2, "grant", "zasilek_okresowy", "2025-05-01", "2025-08-31", "final");
  decision(2, "suspend", "zasilek_okresowy", "2025-05-01", std::nullopt, "final", d4);  // never had effect
  decision(0, "grant", "zasilek_celowy", "2025-02-10", std::nullopt, "final");          // one-off, 10.02
  decision(1, "grant", "zasilek_celowy", "2025-05-05", std::nullopt, "draft");
  decision(2, "refuse", "zasilek_celowy", "2025-05-05", std::nullopt, "final");
  const auto d9 = decision(2, "grant", "zasilek_okresowy", "2025-01-01", "2025-12-31", "upheld");
  decision(2, "withdraw", "zasilek_okresowy", "2025-10-01", std::nullopt, "appealed", d9);  // not binding yet

  using Counts = std::map<std::string, std::int64_t>;
  EXPECT_EQ(stats("2025-01-01", "2025-03-31").families_by_form,
            (Counts{{"zasilek_celowy", 1}, {"zasilek_okresowy", 3}, {"zasilek_staly", 1}}));
  EXPECT_EQ(stats("2025-04-01", "2025-06-30").families_by_form,
            (Counts{{"zasilek_okresowy", 2}, {"zasilek_staly", 1}}));
  EXPECT_EQ(stats("2025-07-01", "2025-09-30").families_by_form,
            (Counts{{"zasilek_okresowy", 1}, {"zasilek_staly", 1}}));
  EXPECT_EQ(stats("2025-10-01", "2025-12-31").families_by_form,
            (Counts{{"zasilek_okresowy", 1}, {"zasilek_staly", 1}}));
  EXPECT_EQ(stats("2025-01-01", "2025-12-31").families_by_form,
            (Counts{{"zasilek_celowy", 1}, {"zasilek_okresowy", 3}, {"zasilek_staly", 1}}));
  EXPECT_EQ(stats("2025-02-11", "2025-02-28").families_by_form.count("zasilek_celowy"), 0u);
}

// Issue 4 §6 (e): a residence names a flat of the register; the flat's places bound its residents on every day.
TEST_P(Services, ShelteredFlatsHoldNoMoreResidentsThanPlaces) {
  const auto m2 = flat("M2", 2, "2025-05-01");
  service(1, 0, "mieszkanie_chronione", "", "2025-06-01", "2025-08-31", std::nullopt, {}, "M2");
  NewService s = of(1, persons_[1][1], "mieszkanie_chronione", "", "2025-06-01", "2025-06-30");
  s.flat_id = m2;
  ASSERT_TRUE(svc_->record(worker(), s).ok());
  s.person_id = persons_[1][2];
  s.date_from = "2025-06-15";
  s.date_to = "2025-07-15";
  auto full = svc_->record(worker(), s);
  EXPECT_EQ(full.error().code, ErrorCode::conflict);
  EXPECT_EQ(full.error().field, "date_from");
  s.date_from = "2025-07-01";  // the child's place is free from July
  auto fits = svc_->record(worker(), s);
  ASSERT_TRUE(fits.ok()) << fits.error().message;
  EXPECT_EQ(fits->data.place, "M2");
  EXPECT_EQ(fits->data.quantity, 15);  // the days of the stay
  s.date_from = "2025-04-01";          // before the flat opened
  EXPECT_EQ(svc_->record(worker(), s).error().field, "date_from");
  s.flat_id.reset();
  s.place = "M9";
  s.date_from = "2025-07-01";
  EXPECT_EQ(svc_->record(worker(), s).error().field, "flat_id");
  s.place = "M2";
  s.quantity = 31;
  EXPECT_EQ(svc_->record(worker(), s).error().field, "quantity");
  EXPECT_EQ(db_->acquire()->query_one("SELECT COUNT(*) FROM services")->int64(0), 3);
  // The register: fewer places than residents at once, a closing before a stay ends, a duplicate name.
  EXPECT_EQ(svc_->change_flat(manager(), m2, {std::nullopt, 1, std::nullopt}).error().field, "places");
  EXPECT_EQ(svc_->change_flat(manager(), m2, {std::nullopt, std::nullopt, "2025-07-31"}).error().field, "closed_on");
  EXPECT_EQ(svc_->add_flat(manager(), {"M2", "", 2, "2025-01-01", std::nullopt}).error().code, ErrorCode::conflict);
  EXPECT_EQ(svc_->add_flat(manager(), {"M4", "", 0, "2025-01-01", std::nullopt}).error().field, "places");
  auto grown = svc_->change_flat(manager(), m2, {"ul. Nowa 1", 3, "2025-12-31"});
  ASSERT_TRUE(grown.ok()) << grown.error().message;
  EXPECT_EQ(grown->data.places, 3);
  EXPECT_EQ(svc_->flats(manager())->size(), 1u);
  EXPECT_EQ(stats("2025-06-01", "2025-06-30").sheltered.places, 3);
}

// Quantities are dated: an undated quantity only within one month; a delivery added later lies in the
// record's period and not in the future; stays and care-home shares are checked.
TEST_P(Services, QuantitiesAreDatedWhereTheyHappen) {
  NewService s = of(0, persons_[0][0], "poradnictwo", "rodzinne", "2025-02-01", "2025-04-30");
  s.quantity = 5;
  EXPECT_EQ(svc_->record(worker(), s).error().field, "deliveries");  // three months, one number
  s.quantity.reset();
  s.deliveries = {{"2025-05-02", 1}};
  EXPECT_EQ(svc_->record(worker(), s).error().field, "deliveries");  // outside the record
  s.deliveries = {{"2025-02-03", 1}};
  s.quantity = 1;
  EXPECT_EQ(svc_->record(worker(), s).error().field, "quantity");  // both
  s.quantity.reset();
  s.date_to = "2025-12-31";
  auto course = svc_->record(worker(), s);
  ASSERT_TRUE(course.ok()) << course.error().message;
  EXPECT_EQ(svc_->add_delivery(worker(), course->id, {"2025-11-25", 1}).error().field, "deliveries");  // tomorrow
  EXPECT_EQ(svc_->add_delivery(worker(), course->id, {"2025-01-31", 1}).error().field, "deliveries");
  EXPECT_EQ(svc_->add_delivery(worker(), course->id, {"2025-03-03", 0}).error().field, "deliveries");
  Principal outsider = actor(centre_, {"cases.read", "cases.write"}, 0);
  EXPECT_EQ(svc_->add_delivery(outsider, course->id, {"2025-03-03", 1}).error().code, ErrorCode::forbidden);
  auto added = svc_->add_delivery(worker(), course->id, {"2025-11-24", 2});
  ASSERT_TRUE(added.ok()) << added.error().message;
  EXPECT_EQ(added->data.quantity, 3);
  ASSERT_EQ(added->data.deliveries.size(), 2u);
  EXPECT_EQ(added->data.deliveries[1].on_date, "2025-11-24");
  EXPECT_EQ(stats("2025-11-01", "2025-11-30").consultations["rodzinne"], 2);
  NewService dps = of(2, persons_[2][0], "dps", "", "2025-01-01", "2025-01-31");
  EXPECT_EQ(svc_->record(worker(), dps).error().field, "cost_grosze");  // a placement states the cost
  dps.cost_grosze = 500000;
  dps.resident_fee_grosze = 150000;
  dps.resident_income_grosze = 200000;  // 70 % = 1 400 zł
  EXPECT_EQ(svc_->record(worker(), dps).error().field, "resident_fee_grosze");
  dps.resident_fee_grosze = 140000;
  auto placed = svc_->record(worker(), dps);
  ASSERT_TRUE(placed.ok()) << placed.error().message;
  EXPECT_EQ(svc_->add_delivery(worker(), placed->id, {"2025-01-10", 1}).error().code, ErrorCode::conflict);
  NewService meal = s;
  meal.kind = "posilek";
  meal.subtype = "szkola";
  meal.deliveries.clear();
  meal.date_to = "2025-02-28";
  meal.cost_grosze = 1;
  EXPECT_EQ(svc_->record(worker(), meal).error().field, "cost_grosze");
  EXPECT_EQ(db_->acquire()->query_one("SELECT COUNT(*) FROM service_deliveries")->int64(0), 2);
  EXPECT_EQ(db_->acquire()
                ->query_one("SELECT COUNT(*) FROM audit_log WHERE entity = 'service' AND action = 'update'")
                ->int64(0),
            1);
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
      {"2025-09-30", "", std::nullopt, "outcome"},            // neither outcome nor next review
      {"2025-09-30", "sukces", std::nullopt, "outcome"},      // unknown outcome
      {"2025-09-30", "achieved", "2025-11-01", "review_on"},  // both
      {"2025-09-30", "", "2025-09-30", "review_on"},          // next review not after this one
      {"2025-02-01", "", "2025-10-31", "on_date"},            // before the contract was made
      {"2025-12-01", "achieved", std::nullopt, "on_date"},    // in the future (today 24.11.2025)
      {"2025-13-01", "achieved", std::nullopt, "on_date"},    // not a date
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

  auto postponed =
      svc_->review_contract(worker(), contract, "2025-09-30", "", "2025-11-20", "  Zarejestrowana w PUP.  ");
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
  EXPECT_EQ(
      conn->query_one("SELECT COUNT(*) FROM audit_log WHERE action = 'review' AND entity = 'social_work'")->int64(0),
      2);
}

OSTOJA_STORAGE_TEST_SUITE(Services);

}  // namespace ostoja::testing
