// The gmina's resolutions on both databases: stored per centre and dated, a new one repealing the
// open-ended one before it, overlaps and bad input refused with nothing changed, every change audited.
#include "audit/audit_log.h"
#include "fixture.h"
#include "modules/gmina/service.h"

namespace ostoja::testing {

using gmina::NewResolution;

class Gmina : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped()) return;
    centre_ = make_centre();
    svc_ = std::make_unique<gmina::GminaService>(*db_, clock_);
  }
  Principal director() {
    return actor(centre_, {"org.write", "gmina.read"}, make_user(centre_, "d" + unique_suffix()));
  }
  static NewResolution percent(const char* from, int p, const char* to = "") {
    return {"zasilek_okresowy_percent", from, to, p, std::nullopt, "uchwała nr " + std::to_string(p) + "/2025"};
  }
  static NewResolution limit(const char* kind, const char* from, std::int64_t grosze, const char* to = "") {
    return {kind, from, to, std::nullopt, grosze, "uchwała o limicie"};
  }
  std::int64_t rows() { return db_->acquire()->query_one("SELECT COUNT(*) FROM gmina_resolutions")->int64(0); }
  std::int64_t audited() {
    return db_->acquire()->query_one("SELECT COUNT(*) FROM audit_log WHERE entity = 'gmina_resolution'")->int64(0);
  }
  CentreId centre_;
  std::unique_ptr<gmina::GminaService> svc_;
};

TEST_P(Gmina, ANewResolutionRepealsTheOpenEndedOneBeforeItAndTheSettingsAreDated) {
  const Principal who = director();
  auto first = svc_->add(who, percent("2024-01-01", 60));
  ASSERT_TRUE(first.ok()) << first.error().message;
  auto second = svc_->add(who, percent("2025-07-01", 80));
  ASSERT_TRUE(second.ok()) << second.error().message;
  auto celowy = svc_->add(who, limit("zasilek_celowy_max", "2025-01-01", 50000));
  ASSERT_TRUE(celowy.ok()) << celowy.error().message;
  auto list = svc_->list(who);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 3u);
  const auto& repealed = (*list)[1];  // by kind, then start: celowy first, then the two percents
  EXPECT_EQ(repealed.id, first->id);
  EXPECT_EQ(repealed.valid_to, Date(2025, 6, 30));
  EXPECT_EQ((*list)[0].amount, Money{50000});

  const auto s = svc_->settings(who);
  ASSERT_EQ(s.zasilek_okresowy_percent.size(), 2u);
  EXPECT_EQ(rules::rate_on(s, Date(2025, 6, 30))->percent, 60);
  EXPECT_EQ(rules::rate_on(s, Date(2025, 7, 1))->percent, 80);
  EXPECT_EQ(rules::rate_on(s, Date(2023, 12, 31)), nullptr);
  EXPECT_EQ(rules::limit_on(s.zasilek_celowy_max, Date(2025, 1, 1))->max, Money{50000});
  EXPECT_TRUE(s.specjalny_zasilek_celowy_max.empty());
  EXPECT_EQ(audited(), 4);  // three created, one repealed

  // another centre sees none of them
  const CentreId other = make_centre("Inny OPS");
  EXPECT_TRUE(svc_->list(actor(other, {"gmina.read"}))->empty());
}

TEST_P(Gmina, OverlapsAndBadInputAreRefusedAndChangeNothing) {
  const Principal who = director();
  ASSERT_TRUE(svc_->add(who, percent("2024-01-01", 60, "2024-12-31")).ok());
  ASSERT_TRUE(svc_->add(who, percent("2025-01-01", 70)).ok());
  const std::int64_t before = rows(), audit_before = audited();
  struct Bad {
    NewResolution in;
    ErrorCode code;
    const char* field;
  };
  const std::vector<Bad> bad{
      {percent("2024-06-01", 65, "2024-08-31"), ErrorCode::conflict, "valid_from"},  // inside a closed one
      {percent("2025-01-01", 90), ErrorCode::conflict, "valid_from"},                // same start as the open one
      {percent("2023-06-01", 55), ErrorCode::conflict, "valid_from"},                // open-ended across later ones
      {percent("2026-01-01", 45), ErrorCode::validation, "percent"},
      {percent("2026-01-01", 101), ErrorCode::validation, "percent"},
      {percent("2012-09-30", 60), ErrorCode::validation, "valid_from"},
      {percent("2026-01-01", 60, "2025-12-31"), ErrorCode::validation, "valid_to"},
      {percent("2026-13-01", 60), ErrorCode::validation, "valid_from"},
      {{"zasilek_okresowy_percent", "2026-01-01", "", std::nullopt, std::nullopt, "uchwała"},
       ErrorCode::validation,
       "percent"},
      {{"zasilek_okresowy_percent", "2026-01-01", "", 60, 100, "uchwała"}, ErrorCode::validation, "amount_grosze"},
      {{"zasilek_okresowy_percent", "2026-01-01", "", 60, std::nullopt, " "}, ErrorCode::validation, "resolution"},
      {limit("zasilek_celowy_max", "2026-01-01", 0), ErrorCode::validation, "amount_grosze"},
      {limit("specjalny_zasilek_celowy_max", "2026-01-01", 10'000'001), ErrorCode::validation, "amount_grosze"},
      {{"zasilek_celowy_max", "2026-01-01", "", 60, 100, "uchwała"}, ErrorCode::validation, "percent"},
      {{"zasilek_staly_max", "2026-01-01", "", std::nullopt, 100, "uchwała"}, ErrorCode::validation, "kind"},
  };
  for (const auto& b : bad) {
    auto r = svc_->add(who, b.in);
    ASSERT_FALSE(r.ok()) << b.in.kind << " " << b.in.valid_from;
    EXPECT_EQ(r.error().code, b.code) << b.in.valid_from << " " << r.error().message;
    EXPECT_EQ(r.error().field, b.field) << b.in.valid_from << " " << r.error().message;
  }
  EXPECT_EQ(rows(), before);
  EXPECT_EQ(audited(), audit_before);
  // the open-ended 2025 resolution was not touched by the refused additions
  EXPECT_FALSE(svc_->settings(who).zasilek_okresowy_percent[1].valid_to);
}

TEST_P(Gmina, EndSetsTheLastDayWithinItsOwnPeriodOnly) {
  const Principal who = director();
  auto a = svc_->add(who, limit("specjalny_zasilek_celowy_max", "2025-01-01", 100000, "2025-06-30"));
  auto b = svc_->add(who, limit("specjalny_zasilek_celowy_max", "2025-07-01", 150000));
  ASSERT_TRUE(a.ok() && b.ok());
  auto ended = svc_->end(who, b->id, "2026-12-31");
  ASSERT_TRUE(ended.ok()) << ended.error().message;
  EXPECT_EQ(ended->valid_to, Date(2026, 12, 31));
  EXPECT_EQ(svc_->end(who, b->id, "2025-06-30").error().field, "valid_to");          // before its start
  EXPECT_EQ(svc_->end(who, a->id, "2025-07-01").error().code, ErrorCode::conflict);  // into the next one
  EXPECT_EQ(svc_->end(who, a->id, "jutro").error().field, "valid_to");
  EXPECT_EQ(svc_->end(who, 999999, "2026-01-01").error().code, ErrorCode::not_found);
  // a resolution of another centre is not found
  const CentreId other = make_centre("Inny OPS");
  EXPECT_EQ(svc_->end(actor(other, {"org.write"}), a->id, "2025-05-31").error().code, ErrorCode::not_found);
  const auto s = svc_->settings(who);
  EXPECT_EQ(s.specjalny_zasilek_celowy_max[0].valid_to, Date(2025, 6, 30));
  EXPECT_EQ(s.specjalny_zasilek_celowy_max[1].valid_to, Date(2026, 12, 31));
  EXPECT_EQ(audited(), 3);
}

OSTOJA_STORAGE_TEST_SUITE(Gmina);

}  // namespace ostoja::testing
