// Decisions on both databases: drafts with calculated amounts, approval numbering, the KPA life,
// a closed case refused, illegal transitions changing nothing, history and audit.
#include "audit/audit_log.h"
#include "fixture.h"
#include "modules/applications/service.h"
#include "modules/decisions/service.h"
#include "modules/gmina/service.h"

namespace ostoja::testing {

using decisions::DecisionService;
using decisions::NewDecision;

class Decisions : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (IsSkipped()) return;
    centre_ = make_centre();
    section_ = make_section(centre_);
    user_ = make_user(centre_, "u");
    household_ = make_household(centre_, section_, std::nullopt, "with_children");
    person_ = make_person(centre_);
    add_member(centre_, household_, person_);
    cases_ = std::make_unique<cases::CaseService>(*db_, clock_);
    apps_ = std::make_unique<applications::ApplicationService>(*db_, clock_, *cases_);
    svc_ = std::make_unique<DecisionService>(*db_, clock_, *cases_);
    svc_->on_binding(
        [this](storage::Connection&, const Principal&, const decisions::Decision& d) { bound_.push_back(d.id); });
  }
  Principal worker() {
    Principal p = actor(centre_, {"cases.read", "cases.write", "decisions.write"}, user_);
    p.sections.emplace_back(section_);
    return p;
  }
  Principal manager() {
    Principal p = actor(centre_, {"cases.read", "decisions.approve", "decisions.write"}, user_);
    p.sections.emplace_back(section_);
    return p;
  }
  std::int64_t application() {
    applications::NewApplication a;
    a.household_id = household_;
    a.applicant_id = person_;
    a.received_on = "2025-11-20";
    a.forms = {"zasilek_okresowy"};
    a.reasons = {"bezrobocie"};
    return apps_->create(worker(), a)->value.id;
  }
  NewDecision okresowy(std::optional<std::int64_t> app) {
    NewDecision d;
    d.application_id = app;
    d.household_id = household_;
    d.person_id = person_;
    d.kind = "grant";
    d.form = "zasilek_okresowy";
    d.period_from = "2025-12-01";
    d.period_to = "2026-02-28";
    d.household_size = 3;
    d.income_grosze = 100000;
    return d;
  }
  std::int64_t count(const char* sql) { return db_->acquire()->query_one(sql)->int64(0); }
  CentreId centre_;
  std::int64_t section_{0}, user_{0}, household_{0}, person_{0};
  std::unique_ptr<cases::CaseService> cases_;
  std::unique_ptr<applications::ApplicationService> apps_;
  std::unique_ptr<DecisionService> svc_;
  std::vector<std::int64_t> bound_;
};

TEST_P(Decisions, DraftApproveDeliverFinalWithNumberHistoryAndBindingHook) {
  const auto app = application();
  auto draft = svc_->create_draft(worker(), okresowy(app));
  ASSERT_TRUE(draft.ok()) << draft.error().message;
  const auto id = draft->value.id;
  EXPECT_EQ(draft->value.state, "draft");
  EXPECT_FALSE(draft->value.number);
  // 1.12.2025: per-person criterion 823 zł × 3 − 1 000 zł = 1 469 zł; 50 % = 734,50 zł
  EXPECT_EQ(draft->value.amount.grosze, 73450);
  EXPECT_EQ(draft->value.calculated->grosze, 73450);
  EXPECT_FALSE(draft->value.calculation.empty());

  EXPECT_EQ(svc_->act(worker(), id, "approve", "2025-11-24").error().code, ErrorCode::forbidden);
  auto approved = svc_->act(manager(), id, "approve", "2025-11-24");
  ASSERT_TRUE(approved.ok()) << approved.error().message;
  EXPECT_EQ(approved->value.number, "D/2025/1");
  EXPECT_EQ(db_->acquire()->query_one("SELECT status FROM applications WHERE id = ?", {app})->text(0), "decided");
  // Illegal: approving twice, final before delivery — nothing changes.
  EXPECT_EQ(svc_->act(manager(), id, "approve", "2025-11-24").error().code, ErrorCode::conflict);
  EXPECT_EQ(svc_->act(worker(), id, "make_final", "2025-11-24").error().code, ErrorCode::conflict);
  EXPECT_EQ(svc_->act(worker(), id, "deliver", "2025-11-25").error().field, "date");  // future
  auto delivered = svc_->act(worker(), id, "deliver", "2025-11-24");
  ASSERT_TRUE(delivered.ok());
  EXPECT_EQ(delivered->value.dates.appeal_deadline->iso(), "2025-12-08");
  EXPECT_TRUE(bound_.empty());
  auto waived = svc_->act(worker(), id, "waive_appeal", "2025-11-24");
  ASSERT_TRUE(waived.ok()) << waived.error().message;
  EXPECT_EQ(waived->value.state, "final");
  ASSERT_EQ(bound_.size(), 1u);
  EXPECT_EQ(bound_[0], id);
  ASSERT_EQ(waived->value.events.size(), 4u);
  EXPECT_EQ(waived->value.events[1].action, "approve");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'decision'"), 4);

  // A decision in a case already decided is refused; a new draft needs an open case.
  auto closed = svc_->create_draft(worker(), okresowy(app));
  ASSERT_FALSE(closed.ok());
  EXPECT_EQ(closed.error().code, ErrorCode::conflict);
  EXPECT_EQ(closed.error().field, "application_id");
}

// Regression: a signed decision's reprint was composed again from the centre's current templates and
// records, so a template edit or the party's move changed the text of a decision already issued.
TEST_P(Decisions, SignedDecisionReprintsAsSignedAfterTemplateAndAddressChange) {
  const auto app = application();
  auto draft = svc_->create_draft(worker(), okresowy(app));
  ASSERT_TRUE(draft.ok()) << draft.error().message;
  const auto id = draft->value.id;
  ASSERT_TRUE(
      svc_->set_template(manager(), "legal_basis_grant", "Na podstawie art. 38 ustawy (wersja A) orzekam:").ok());
  auto before = svc_->document(worker(), id);
  ASSERT_TRUE(before.ok()) << before.error().message;
  EXPECT_EQ(before->value.title, "PROJEKT DECYZJI");
  EXPECT_EQ(before->value.legal_basis, "Na podstawie art. 38 ustawy (wersja A) orzekam:");

  ASSERT_TRUE(svc_->act(manager(), id, "approve", "2025-11-24").ok());
  auto signed_doc = svc_->document(worker(), id);
  ASSERT_TRUE(signed_doc.ok()) << signed_doc.error().message;
  EXPECT_EQ(signed_doc->value.title, "DECYZJA");
  EXPECT_EQ(signed_doc->value.number, "D/2025/1");
  EXPECT_EQ(signed_doc->value.issue_date.iso(), "2025-11-24");

  // After signing: the template is edited and the household moves.
  ASSERT_TRUE(
      svc_->set_template(manager(), "legal_basis_grant", "Na podstawie art. 38 ustawy (wersja B) orzekam:").ok());
  ASSERT_TRUE(svc_->set_template(manager(), "appeal_instruction", "Nowe pouczenie.").ok());
  db_->acquire()->execute("UPDATE households SET street = 'ul. Nowa', building = '99' WHERE id = ?", {household_});

  auto reprint = svc_->document(worker(), id);
  ASSERT_TRUE(reprint.ok()) << reprint.error().message;
  EXPECT_EQ(reprint->value.legal_basis, "Na podstawie art. 38 ustawy (wersja A) orzekam:");
  EXPECT_EQ(reprint->value.addressee_lines, signed_doc->value.addressee_lines);
  EXPECT_EQ(reprint->value.appeal_instruction, signed_doc->value.appeal_instruction);
  EXPECT_EQ(reprint->value.ruling, signed_doc->value.ruling);
  EXPECT_EQ(reprint->value.signatory_name, signed_doc->value.signatory_name);
  EXPECT_EQ(reprint->value.issue_date.iso(), "2025-11-24");
  EXPECT_EQ(svc_->get(worker(), id)->value.legal_basis, "Na podstawie art. 38 ustawy (wersja A) orzekam:");

  // A new draft takes the centre's current text.
  auto next = svc_->create_draft(worker(), okresowy(std::nullopt));
  ASSERT_TRUE(next.ok()) << next.error().message;
  auto next_doc = svc_->document(worker(), next->value.id);
  ASSERT_TRUE(next_doc.ok());
  EXPECT_EQ(next_doc->value.appeal_instruction, std::vector<std::string>{"Nowe pouczenie."});
  EXPECT_NE(next_doc->value.addressee_lines, signed_doc->value.addressee_lines);
}

// The amount range of a draft follows the gmina's resolutions stored for the centre and in force on the
// first day of the period — not the statutory defaults.
TEST_P(Decisions, DraftAmountFollowsTheGminaResolutionsInForceOnThePeriodStart) {
  gmina::GminaService resolutions(*db_, clock_);
  const Principal director = actor(centre_, {"org.write"});
  ASSERT_TRUE(
      resolutions.add(director, {"zasilek_okresowy_percent", "2025-01-01", "", 70, std::nullopt, "uchwała nr I/1/2024"})
          .ok());
  ASSERT_TRUE(
      resolutions
          .add(director, {"zasilek_okresowy_percent", "2026-02-01", "", 90, std::nullopt, "uchwała nr II/2/2026"})
          .ok());
  ASSERT_TRUE(
      resolutions.add(director, {"zasilek_celowy_max", "2025-01-01", "", std::nullopt, 40000, "uchwała nr I/3/2024"})
          .ok());
  // 1.12.2025: 70 % of (3 × 823 zł − 1 000 zł) = 1 028,30 zł; the 90 % resolution is not yet in force
  auto draft = svc_->create_draft(worker(), okresowy(std::nullopt));
  ASSERT_TRUE(draft.ok()) << draft.error().message;
  EXPECT_EQ(draft->value.amount.grosze, 102830);
  bool cited = false;
  for (const auto& line : draft->value.calculation)
    cited = cited || line.find("uchwała nr I/1/2024") != std::string::npos;
  EXPECT_TRUE(cited);
  auto later = okresowy(std::nullopt);
  later.period_from = "2026-02-01";
  later.period_to = "2026-04-30";
  EXPECT_EQ(svc_->create_draft(worker(), later)->value.amount.grosze, 132210);  // 90 %
  // zasiłek celowy above the gmina's 400 zł is refused and nothing is saved
  NewDecision celowy = okresowy(std::nullopt);
  celowy.form = "zasilek_celowy";
  celowy.period_to = std::nullopt;
  celowy.amount_grosze = 40001;
  const auto saved = count("SELECT COUNT(*) FROM decisions");
  EXPECT_EQ(svc_->create_draft(worker(), celowy).error().field, "amount_grosze");
  EXPECT_EQ(count("SELECT COUNT(*) FROM decisions"), saved);
  celowy.amount_grosze = 40000;
  EXPECT_TRUE(svc_->create_draft(worker(), celowy).ok());
  auto preview = svc_->amount_preview(
      worker(), {"zasilek_celowy", decisions::Kind::grant, Date(2025, 12, 1), std::nullopt, std::nullopt, {}});
  ASSERT_TRUE(preview.ok());
  EXPECT_EQ(preview->max, Money{40000});
}

TEST_P(Decisions, BadDraftsChangeNothing) {
  struct Case {
    const char* name;
    std::function<void(NewDecision&)> spoil;
    const char* field;
  };
  const Case cases[] = {
      {"no end of okresowy", [](NewDecision& d) { d.period_to.reset(); }, "period_to"},
      {"end before start", [](NewDecision& d) { d.period_to = "2025-11-01"; }, "period_to"},
      {"income above criterion", [](NewDecision& d) { d.income_grosze = 300000; }, "income_grosze"},
      {"negative income", [](NewDecision& d) { d.income_grosze = -1; }, "income_grosze"},
      {"amount above the difference",
       [](NewDecision& d) {
         d.amount_grosze = 200000;
         d.amount_justification = "Uzasadnienie kwoty.";
       },
       "amount_grosze"},
      {"other amount without reason", [](NewDecision& d) { d.amount_grosze = 80000; }, "amount_justification"},
      {"refusal without reasoning", [](NewDecision& d) { d.kind = "refuse"; }, "reasoning"},
      {"withdrawal without target",
       [](NewDecision& d) {
         d.kind = "withdraw";
         d.reasoning = "Zmiana sytuacji dochodowej.";
       },
       "changes_decision_id"},
      {"unknown form", [](NewDecision& d) { d.form = "bon"; }, "form"},
      {"date before 2012-10", [](NewDecision& d) { d.period_from = "2011-01-01"; }, "period_from"},
  };
  for (const auto& c : cases) {
    auto d = okresowy(std::nullopt);
    c.spoil(d);
    auto r = svc_->create_draft(worker(), d);
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.error().field, c.field) << c.name << ": " << r.error().message;
  }
  Principal outsider = actor(centre_, {"cases.read", "decisions.write"}, user_);
  EXPECT_EQ(svc_->create_draft(outsider, okresowy(std::nullopt)).error().code, ErrorCode::forbidden);
  EXPECT_EQ(count("SELECT COUNT(*) FROM decisions"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM decision_events"), 0);
}

TEST_P(Decisions, AppealSentBackReopensTheCase) {
  const auto app = application();
  const auto id = svc_->create_draft(worker(), okresowy(app))->value.id;
  ASSERT_TRUE(svc_->act(manager(), id, "approve", "2025-11-21").ok());
  ASSERT_TRUE(svc_->act(worker(), id, "deliver", "2025-11-21").ok());
  ASSERT_TRUE(svc_->act(worker(), id, "appeal", "2025-11-24").ok());
  auto back = svc_->act(worker(), id, "send_back", "2025-11-24");
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->value.state, "sent_back");
  EXPECT_TRUE(bound_.empty());
  EXPECT_EQ(db_->acquire()->query_one("SELECT status FROM applications WHERE id = ?", {app})->text(0), "open");
  EXPECT_EQ(svc_->act(worker(), id, "sign", "").error().field, "action");
}

OSTOJA_STORAGE_TEST_SUITE(Decisions);

}  // namespace ostoja::testing
