#include "modules/income/service.h"

#include "audit/audit_log.h"
#include "core/text.h"

namespace ostoja::income {

namespace {

constexpr const char* kCols =
    "id, person_id, type, month, amount_grosze, tax_grosze, health_grosze, social_grosze, alimony_paid_grosze, "
    "hectares_e4, source, period_from, period_to";

StoredItem item_from(const storage::Row& r) {
  StoredItem s;
  s.id = r.int64(0);
  s.item.person_id = r.int64(1);
  s.item.type = r.text(2);
  s.item.month = r.text(3);
  s.item.amount = Money{r.int64(4)};
  s.item.tax = Money{r.int64(5)};
  s.item.health = Money{r.int64(6)};
  s.item.social = Money{r.int64(7)};
  s.item.alimony_paid = Money{r.int64(8)};
  s.item.hectares_e4 = r.int64(9);
  s.source = r.text(10);
  s.item.period_from = r.opt_text(11);
  s.item.period_to = r.opt_text(12);
  return s;
}

}  // namespace

Result<StoredItem> IncomeService::add(const Principal& who, std::int64_t household_id, rules::IncomeItem item,
                                      std::string source) {
  // The pure rules validate the item (type, month, amounts, deductions) as they will count it.
  OSTOJA_CHECK(rules::household_income(std::span(&item, 1), item.month, 1));
  if (item.month > clock_.today().iso().substr(0, 7))
    return Error::validation("Dochód nie może dotyczyć przyszłego miesiąca.", "month");
  if (source.size() > 500) return Error::validation("Źródło: najwyżej 500 znaków.", "source");
  const std::int64_t now = clock_.now_ms();
  auto conn = db_.acquire();
  return storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Result<StoredItem> {
    OSTOJA_CHECK(cases_.household_in_scope(c, who, household_id));
    if (!c.query_one("SELECT 1 FROM household_members WHERE centre_id = ? AND household_id = ? AND person_id = ? AND "
                     "until IS NULL",
                     {who.centre.value, household_id, item.person_id}))
      return Error::validation("Dochód można przypisać tylko członkowi tego gospodarstwa.", "person_id");
    auto r = c.query_one(
        "INSERT INTO income_items (centre_id, household_id, person_id, month, type, amount_grosze, tax_grosze, health_grosze, "
        "social_grosze, alimony_paid_grosze, hectares_e4, source, period_from, period_to, created_by, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {who.centre.value, household_id, item.person_id, item.month, item.type, item.amount.grosze, item.tax.grosze,
         item.health.grosze, item.social.grosze, item.alimony_paid.grosze, item.hectares_e4, text::trim(source),
         item.period_from, item.period_to, who.user.value ? std::optional<std::int64_t>(who.user.value) : std::nullopt,
         now});
    audit::append(c, audit::entry_for(who, now, "create", "income_item", r->int64(0), item.person_id));
    return StoredItem{r->int64(0), std::move(item), text::trim(source)};
  });
}

Result<Audited<Assessment>> IncomeService::assess(const Principal& who, std::int64_t household_id, std::string_view month,
                                                  std::string_view date_text) {
  auto start = Date::parse(std::string(month) + "-01");
  if (month.size() != 7 || !start) return Error::validation("Miesiąc w postaci RRRR-MM.", "month");
  Date date = start->plus_months(1);
  if (!text::trim(date_text).empty()) {
    auto d = Date::parse(text::trim(date_text));
    if (!d) return Error::validation("Data w postaci RRRR-MM-DD.", "date");
    date = *d;
  }
  Audited<Assessment> out;
  out.value.month = std::string(month);
  out.value.date = date.iso();
  auto conn = db_.acquire();
  OSTOJA_CHECK(cases_.household_in_scope(*conn, who, household_id));
  const int persons = static_cast<int>(
      conn->query_one("SELECT COUNT(*) FROM household_members WHERE centre_id = ? AND household_id = ? AND until IS NULL",
                      {who.centre.value, household_id})
          ->int64(0));
  if (persons == 0) return Error::conflict("Gospodarstwo nie ma obecnie członków.", "household_id");
  // Items of the month, earlier one-off items that may be spread into it (art. 8 ust. 11), and income
  // due for a period that covers the month, whenever it was received (art. 8 ust. 12).
  const std::string from = start->plus_months(-11).iso().substr(0, 7);
  for (const auto& r : conn->query(std::string("SELECT ") + kCols +
                                       " FROM income_items WHERE centre_id = ? AND household_id = ? AND ((month >= ? AND "
                                       "month <= ?) OR (period_from <= ? AND period_to >= ?)) ORDER BY month, id",
                                   {who.centre.value, household_id, from, std::string(month), std::string(month),
                                    std::string(month)}))
    out.value.items.push_back(item_from(r));
  std::vector<rules::IncomeItem> items;
  for (const auto& s : out.value.items) items.push_back(s.item);
  OSTOJA_TRY(income, rules::household_income(items, month, persons));
  out.value.income = std::move(income);
  for (auto kind : {rules::BenefitKind::zasilek_staly, rules::BenefitKind::zasilek_okresowy}) {
    OSTOJA_TRY(preview, rules::benefit_preview(date, kind, persons, out.value.income.total, {}));
    out.value.eligibility.push_back({std::string(rules::to_string(kind)), std::move(preview)});
  }
  const std::int64_t now = clock_.now_ms();
  for (const auto& r : conn->query("SELECT person_id FROM household_members WHERE centre_id = ? AND household_id = ? AND "
                                   "until IS NULL ORDER BY person_id",
                                   {who.centre.value, household_id}))
    out.audit.push_back(audit::entry_for(who, now, "read", "income", household_id, r.int64(0)));
  return out;
}

}  // namespace ostoja::income
