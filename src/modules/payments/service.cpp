#include "modules/payments/service.h"

#include <cctype>

#include "audit/audit_log.h"
#include "core/text.h"
#include "modules/applications/service.h"
#include "modules/payments/schedule.h"
#include "rules/calendar.h"
#include "rules/procedure.h"

namespace ostoja::payments {

namespace {

constexpr const char* kCols =
    "pm.id, pm.decision_id, d.number, pm.household_id, pm.person_id, p.first_name || ' ' || p.last_name, pm.form, "
    "pm.month, pm.due_on, pm.kind, pm.method, pm.iban, pm.status, pm.amount_grosze, pm.list_id, pm.status_on";
constexpr const char* kFrom =
    " FROM payments pm JOIN decisions d ON d.id = pm.decision_id JOIN persons p ON p.id = pm.person_id";

Payment payment_from(const storage::Row& r) {
  Payment p;
  p.id = r.int64(0);
  p.decision_id = r.int64(1);
  p.decision_number = r.opt_text(2);
  p.household_id = r.int64(3);
  p.person_id = r.int64(4);
  p.person_name = r.text(5);
  p.form = r.text(6);
  p.month = r.text(7);
  p.due_on = r.text(8);
  p.kind = r.text(9);
  p.method = r.text(10);
  p.iban = r.text(11);
  p.status = r.text(12);
  p.amount = Money{r.int64(13)};
  p.list_id = r.opt_int64(14);
  p.status_on = r.opt_text(15);
  return p;
}

bool periodic(const std::string& form) {
  const auto* f = rules::form_of_help(form);
  return f && f->cash && f->continuing;
}

ScheduleInput schedule_of(const decisions::Decision& d, int payment_day, std::optional<Date> last_day = std::nullopt) {
  ScheduleInput in;
  in.from = *Date::parse(*d.period_from);
  if (d.period_to) in.to = Date::parse(*d.period_to);
  if (last_day && (!in.to || *last_day < *in.to)) in.to = *last_day;
  in.monthly = d.amount;
  in.periodic = periodic(d.form);
  in.payment_day = payment_day;
  in.binding_on = d.dates.final_on.value_or(in.from);
  return in;
}

}  // namespace

std::vector<Payment> PaymentService::query(storage::Connection& c, const Principal& who, const std::string& where,
                                           const storage::Params& params) {
  storage::Params all{who.centre.value};
  all.insert(all.end(), params.begin(), params.end());
  std::vector<Payment> out;
  for (const auto& r : c.query(std::string("SELECT ") + kCols + kFrom + " WHERE pm.centre_id = ?" + where, all))
    out.push_back(payment_from(r));
  return out;
}

void PaymentService::on_binding(storage::Connection& c, const Principal& who, const decisions::Decision& d) {
  const auto* form = rules::form_of_help(d.form);
  if (!form || !form->cash) return;  // non-cash help: nothing to pay
  const int payment_day = c.query_one("SELECT payment_day FROM centres WHERE id = ?", {who.centre.value})->int32(0);
  const std::int64_t now = clock_.now_ms();
  const Date today = clock_.today();
  if (d.changes_decision_id && (d.kind == "change" || d.kind == "suspend" || d.kind == "withdraw")) {
    // The earlier decision ends the day before this one takes effect.
    auto earlier = c.query_one(
        "SELECT period_from, period_to, amount_grosze, form, final_on FROM decisions WHERE centre_id = ? AND id = ?",
        {who.centre.value, *d.changes_decision_id});
    decisions::Decision old;
    old.id = *d.changes_decision_id;
    old.period_from = earlier->text(0);
    old.period_to = earlier->opt_text(1);
    old.amount = Money{earlier->int64(2)};
    old.form = earlier->text(3);
    if (auto f = earlier->opt_text(4)) old.dates.final_on = Date::parse(*f);
    const Date last_day = Date::parse(*d.period_from)->plus_days(-1);
    std::vector<Planned> target;
    if (last_day >= *Date::parse(*old.period_from)) target = schedule(schedule_of(old, payment_day, last_day));
    std::vector<Existing> existing;
    for (const auto& r : c.query("SELECT id, month, amount_grosze, status FROM payments WHERE centre_id = ? AND "
                                 "decision_id = ? AND kind = 'regular'",
                                 {who.centre.value, old.id}))
      existing.push_back({r.int64(0), r.text(1), Money{r.int64(2)}, r.text(3)});
    auto rec = reconcile(existing, target, today);
    for (auto id : rec.cancel)
      c.execute("UPDATE payments SET status = 'cancelled', status_on = ? WHERE centre_id = ? AND id = ?",
                {today.iso(), who.centre.value, id});
    for (const auto& u : rec.update)
      c.execute("UPDATE payments SET amount_grosze = ? WHERE centre_id = ? AND id = ?",
                {u.amount.grosze, who.centre.value, u.id});
    auto method = c.query_one("SELECT payment_method, iban FROM decisions WHERE id = ?", {old.id});
    for (const auto& k : rec.corrections)
      c.execute(
          "INSERT INTO payments (centre_id, decision_id, household_id, person_id, form, month, due_on, amount_grosze, "
          "kind, "
          "method, iban, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'correction', ?, ?, 'to_recover', ?)",
          {who.centre.value, old.id, d.household_id, d.person_id, old.form, k.month, k.due.iso(), k.amount.grosze,
           method->text(0), method->text(1), now});
    audit::append(c, audit::entry_for(who, now, "update", "payments", old.id, d.person_id,
                                      "korekta po decyzji " + d.number.value_or("")));
  }
  if (!decisions::pays(*decisions::parse_kind(d.kind)) || d.amount.grosze <= 0) return;
  for (const auto& p : schedule(schedule_of(d, payment_day)))
    c.execute(
        "INSERT INTO payments (centre_id, decision_id, household_id, person_id, form, month, due_on, amount_grosze, "
        "method, "
        "iban, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {who.centre.value, d.id, d.household_id, d.person_id, d.form, p.month, p.due.iso(), p.amount.grosze,
         d.payment_method, d.iban, now});
  audit::append(c, audit::entry_for(who, now, "create", "payments", d.id, d.person_id, "harmonogram wypłat"));
}

Result<Audited<std::vector<Payment>>> PaymentService::for_household(const Principal& who, std::int64_t household_id) {
  auto conn = db_.acquire();
  OSTOJA_CHECK(cases_.household_in_scope(*conn, who, household_id));
  Audited<std::vector<Payment>> out;
  out.value = query(*conn, who, " AND pm.household_id = ? ORDER BY pm.due_on, pm.id", {household_id});
  const std::int64_t now = clock_.now_ms();
  std::vector<std::int64_t> persons;
  for (const auto& p : out.value)
    if (std::find(persons.begin(), persons.end(), p.person_id) == persons.end()) persons.push_back(p.person_id);
  for (auto p : persons) out.audit.push_back(audit::entry_for(who, now, "read", "payments", household_id, p));
  return out;
}

Result<DecisionTotals> PaymentService::totals(const Principal& who, std::int64_t decision_id) {
  auto conn = db_.acquire();
  auto d = conn->query_one(
      "SELECT household_id, period_from, period_to, amount_grosze, form, final_on, state, kind FROM decisions "
      "WHERE centre_id = ? AND id = ?",
      {who.centre.value, decision_id});
  if (!d) return Error::not_found("Nie znaleziono decyzji.");
  OSTOJA_CHECK(cases_.household_in_scope(*conn, who, d->int64(0)));
  DecisionTotals t;
  t.decision_id = decision_id;
  const auto state = decisions::parse_state(d->text(6));
  if (state && decisions::in_force(*state) && decisions::pays(*decisions::parse_kind(d->text(7)))) {
    decisions::Decision dec;
    dec.period_from = d->text(1);
    dec.period_to = d->opt_text(2);
    dec.amount = Money{d->int64(3)};
    dec.form = d->text(4);
    if (auto f = d->opt_text(5)) dec.dates.final_on = Date::parse(*f);
    // A later binding change, suspension or withdrawal ends this decision the day before it.
    std::optional<Date> last_day;
    if (auto first = conn->query_one(std::string("SELECT ") + decisions::kFirstChangeSql +
                                         " FROM decisions d WHERE d.centre_id = ? AND d.id = ?",
                                     {who.centre.value, decision_id})
                         ->opt_text(0))
      last_day = Date::parse(*first)->plus_days(-1);
    const int payment_day =
        conn->query_one("SELECT payment_day FROM centres WHERE id = ?", {who.centre.value})->int32(0);
    if (!last_day || *last_day >= *Date::parse(*dec.period_from))
      for (const auto& p : schedule(schedule_of(dec, payment_day, last_day))) t.granted = t.granted + p.amount;
  }
  t.payments = Money{conn->query_one("SELECT COALESCE(SUM(amount_grosze), 0) FROM payments WHERE centre_id = ? AND "
                                     "decision_id = ? AND status NOT IN ('cancelled', 'returned')",
                                     {who.centre.value, decision_id})
                         ->int64(0)};
  t.reconciled = t.granted == t.payments;
  return t;
}

Result<ListSummary> PaymentService::summary(storage::Connection& c, const Principal& who, std::int64_t id) {
  auto r = c.query_one(
      "SELECT l.id, l.number, l.payment_date, l.method, l.status, "
      "(SELECT COUNT(*) FROM payments p WHERE p.list_id = l.id), "
      "(SELECT COALESCE(SUM(amount_grosze), 0) FROM payments p WHERE p.list_id = l.id) "
      "FROM payment_lists l WHERE l.centre_id = ? AND l.id = ?",
      {who.centre.value, id});
  if (!r) return Error::not_found("Nie znaleziono listy wypłat.");
  return ListSummary{r->int64(0), r->text(1), r->text(2), r->text(3), r->text(4), r->int32(5), Money{r->int64(6)}};
}

Result<ListSummary> PaymentService::create_list(const Principal& who, std::string_view date_text,
                                                std::string_view method) {
  auto date = Date::parse(text::trim(date_text));
  if (!date || *date < rules::kProcedureRulesFrom)
    return Error::validation("Podaj datę wypłaty w postaci RRRR-MM-DD.", "payment_date");
  if (method != "transfer" && method != "cash")
    return Error::validation("Sposób wypłaty: transfer (przelew) albo cash (kasa).", "method");
  const std::int64_t now = clock_.now_ms();
  auto conn = db_.acquire();
  auto id = storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Result<std::int64_t> {
    auto pending = c.query_one(
        "SELECT COUNT(*) FROM payments WHERE centre_id = ? AND status = 'planned' AND kind = 'regular' AND method = ? "
        "AND "
        "due_on <= ? AND list_id IS NULL",
        {who.centre.value, method, date->iso()});
    if (pending->int64(0) == 0)
      return Error::conflict("Brak zaplanowanych wypłat (" + std::string(method == "cash" ? "kasa" : "przelew") +
                                 ") z terminem do " + date->polish() + ".",
                             "payment_date");
    const int year = date->year();
    const std::string number = "LW/" + std::to_string(year) + "/" +
                               std::to_string(applications::next_register_number(c, who.centre, "LW", year));
    auto r = c.query_one(
        "INSERT INTO payment_lists (centre_id, number, payment_date, method, created_by, created_at) VALUES (?, ?, ?, "
        "?, ?, "
        "?) RETURNING id",
        {who.centre.value, number, date->iso(), method,
         who.user.value ? std::optional<std::int64_t>(who.user.value) : std::nullopt, now});
    const std::int64_t list = r->int64(0);
    c.execute(
        "UPDATE payments SET list_id = ? WHERE centre_id = ? AND status = 'planned' AND kind = 'regular' AND method = "
        "? "
        "AND due_on <= ? AND list_id IS NULL",
        {list, who.centre.value, method, date->iso()});
    audit::append(c, audit::entry_for(who, now, "create", "payment_list", list, std::nullopt));
    return list;
  });
  if (!id.ok()) return id.error();
  return summary(*conn, who, *id);
}

Result<std::vector<ListSummary>> PaymentService::lists(const Principal& who) {
  auto conn = db_.acquire();
  std::vector<ListSummary> out;
  for (const auto& r :
       conn->query("SELECT id FROM payment_lists WHERE centre_id = ? ORDER BY id DESC LIMIT 200", {who.centre.value})) {
    OSTOJA_TRY(s, summary(*conn, who, r.int64(0)));
    out.push_back(std::move(s));
  }
  return out;
}

Result<Audited<ListDetail>> PaymentService::list(const Principal& who, std::int64_t id) {
  auto conn = db_.acquire();
  OSTOJA_TRY(s, summary(*conn, who, id));
  Audited<ListDetail> out;
  out.value.summary = s;
  out.value.payments = query(*conn, who, " AND pm.list_id = ? ORDER BY p.last_name, p.first_name, pm.id", {id});
  const std::int64_t now = clock_.now_ms();
  for (const auto& p : out.value.payments)
    out.audit.push_back(audit::entry_for(who, now, "read", "payment_list", id, p.person_id));
  return out;
}

Result<Audited<PaymentList>> PaymentService::file_list(const Principal& who, std::int64_t id) {
  OSTOJA_TRY(detail, list(who, id));
  auto conn = db_.acquire();
  auto centre = conn->query_one(
      "SELECT name, street, building, postal_code, locality, bank_iban FROM centres WHERE id = ?", {who.centre.value});
  Audited<PaymentList> out;
  PaymentList& f = out.value;
  f.number = detail.value.summary.number;
  f.payment_date = *Date::parse(detail.value.summary.payment_date);
  f.centre_name = centre->text(0);
  f.centre_address = {centre->text(1) + (centre->text(2).empty() ? "" : " " + centre->text(2)),
                      (centre->text(3).empty() ? "" : centre->text(3) + " ") + centre->text(4)};
  f.payer_iban = centre->text(5);
  const std::int64_t now = clock_.now_ms();
  for (const auto& p : detail.value.payments) {
    auto h = conn->query_one("SELECT street, building, flat, postal_code, locality FROM households WHERE id = ?",
                             {p.household_id});
    const auto* form = rules::form_of_help(p.form);
    std::string title = form ? std::string(form->name) : p.form;
    if (!title.empty()) title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
    if (!p.month.empty()) title += " " + p.month.substr(5, 2) + "/" + p.month.substr(0, 4);
    PaymentLine line;
    line.payment_id = p.id;
    line.recipient_name = p.person_name;
    line.recipient_address = {h->text(0) + " " + h->text(1) + (h->text(2).empty() ? "" : " m. " + h->text(2)),
                              (h->text(3).empty() ? "" : h->text(3) + " ") + h->text(4)};
    line.method = p.method == "transfer" ? Method::transfer : Method::cash;
    line.iban = p.iban;
    line.amount = p.amount;
    line.title = title;
    line.decision_number = p.decision_number.value_or("");
    line.benefit = form ? std::string(form->name) : p.form;
    f.lines.push_back(std::move(line));
    out.audit.push_back(audit::entry_for(who, now, "export", "payment_list", id, p.person_id));
  }
  return out;
}

Result<ListSummary> PaymentService::send_list(const Principal& who, std::int64_t id) {
  const std::int64_t now = clock_.now_ms();
  const Date today = clock_.today();
  auto conn = db_.acquire();
  auto done = storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Status {
    OSTOJA_TRY(s, summary(c, who, id));
    if (s.status != "draft") return Error::conflict("Lista " + s.number + " została już wysłana.", "status");
    c.execute("UPDATE payment_lists SET status = 'sent', sent_at = ? WHERE centre_id = ? AND id = ?",
              {now, who.centre.value, id});
    c.execute(
        "UPDATE payments SET status = 'sent', status_on = ? WHERE centre_id = ? AND list_id = ? AND status = 'planned'",
        {today.iso(), who.centre.value, id});
    audit::append(c, audit::entry_for(who, now, "update", "payment_list", id, std::nullopt, "wysłanie listy"));
    return ok();
  });
  if (!done.ok()) return done.error();
  return summary(*conn, who, id);
}

Result<Payment> PaymentService::set_status(const Principal& who, std::int64_t payment_id, std::string_view status,
                                           std::string_view on_text) {
  if (status != "paid" && status != "returned")
    return Error::validation("Status wypłaty: paid (wypłacona) albo returned (zwrócona).", "status");
  auto on = Date::parse(text::trim(on_text));
  if (!on) return Error::validation("Podaj datę w postaci RRRR-MM-DD.", "date");
  if (*on > clock_.today()) return Error::validation("Data nie może być późniejsza niż dzisiaj.", "date");
  const std::int64_t now = clock_.now_ms();
  auto conn = db_.acquire();
  auto done = storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Status {
    auto r = c.query_one(
        "SELECT status, person_id, decision_id, household_id, form, month, amount_grosze, kind, method, iban, due_on "
        "FROM payments "
        "WHERE centre_id = ? AND id = ?",
        {who.centre.value, payment_id});
    if (!r) return Error::not_found("Nie znaleziono wypłaty.");
    if (r->text(0) != "sent")
      return Error::conflict("Potwierdzić można tylko wypłatę wysłaną na liście (status: " + r->text(0) + ").",
                             "status");
    c.execute("UPDATE payments SET status = ?, status_on = ? WHERE centre_id = ? AND id = ?",
              {status, on->iso(), who.centre.value, payment_id});
    audit::append(c, audit::entry_for(who, now, "update", "payment", payment_id, r->int64(1), std::string(status)));
    if (status == "returned") {
      // Returned (a closed account, a wrong name) the benefit is still due: it is planned again, due on the
      // first working day from today (not before it was due), for the next list — so the decision's payments
      // keep reconciling.
      Date due = std::max(clock_.today(), *Date::parse(r->text(10)));
      while (!rules::is_working_day(due)) due = due.plus_days(1);
      c.execute(
          "INSERT INTO payments (centre_id, decision_id, household_id, person_id, form, month, due_on, amount_grosze, "
          "kind, "
          "method, iban, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {who.centre.value, r->int64(2), r->int64(3), r->int64(1), r->text(4), r->text(5), due.iso(), r->int64(6),
           r->text(7), r->text(8), r->text(9), now});
      audit::append(
          c, audit::entry_for(who, now, "create", "payments", r->int64(2), r->int64(1), "ponowna wypłata zwróconej"));
    }
    return ok();
  });
  if (!done.ok()) return done.error();
  auto found = query(*conn, who, " AND pm.id = ?", {payment_id});
  return found.at(0);
}

}  // namespace ostoja::payments
