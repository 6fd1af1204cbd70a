#include "modules/decisions/service.h"

#include <nlohmann/json.hpp>

#include "audit/audit_log.h"
#include "core/text.h"
#include "modules/applications/service.h"
#include "modules/decisions/amount.h"
#include "modules/gmina/service.h"
#include "rules/identifiers.h"
#include "rules/procedure.h"

namespace ostoja::decisions {

namespace {

std::optional<Date> opt_date(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  return Date::parse(*s);
}
std::optional<std::string> opt_iso(const std::optional<Date>& d) {
  if (!d) return std::nullopt;
  return d->iso();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto nl = text.find('\n', start);
    std::string line = text::trim(text.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
    if (!line.empty()) out.push_back(std::move(line));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

std::string period_text(const Decision& d) {
  const Date from = *Date::parse(*d.period_from);
  if (!d.period_to) return "od " + polish_long_date(from) + " na czas nieokreślony";
  return "na okres od " + polish_long_date(from) + " do " + polish_long_date(*Date::parse(*d.period_to));
}

// The centre's template of the legal basis for a decision of this kind.
const char* legal_basis_template(const std::string& kind) {
  return kind == "grant" ? "legal_basis_grant" : kind == "refuse" ? "legal_basis_refuse" : "legal_basis_change";
}

// The values of the {{…}} fields of the centre's templates for one decision.
std::map<std::string, std::string, std::less<>> placeholder_values(storage::Connection& c, const Principal& who,
                                                                   const Decision& d) {
  auto centre = c.query_one("SELECT name FROM centres WHERE id = ?", {who.centre.value});
  std::optional<std::string> received;
  if (d.application_id)
    received = c.query_one("SELECT received_on FROM applications WHERE id = ?", {*d.application_id})->text(0);
  return {{"osrodek", centre->text(0)},
          {"forma", d.form_name},
          {"kwota", d.amount.polish()},
          {"okres", d.period_from ? period_text(d) : ""},
          {"od", d.period_from ? polish_long_date(*Date::parse(*d.period_from)) : ""},
          {"do", d.period_to ? polish_long_date(*Date::parse(*d.period_to)) : ""},
          {"rodzaj", d.kind},
          {"numer", d.number.value_or("")},
          {"data_wniosku", received ? polish_long_date(*Date::parse(*received)) : "—"},
          {"wszczecie",
           initiation_text(received ? std::optional(polish_long_date(*Date::parse(*received))) : std::nullopt)},
          {"adresat", d.person_name},
          {"kwota_slownie_brak", ""}};
}

using Templates = std::map<std::string, std::string, std::less<>>;

// The centre's standard texts: its own version of each, or the default.
Templates templates_on(storage::Connection& c, CentreId centre) {
  Templates out = default_templates();
  for (const auto& r : c.query("SELECT name, body FROM decision_templates WHERE centre_id = ?", {centre.value}))
    if (out.count(r.text(0))) out[r.text(0)] = r.text(1);
  return out;
}

// The text of a signed decision is kept as it was issued (art. 107 § 1 KPA: the decision is what was
// signed and delivered); later changes of the centre's templates, the party's address or the signatory's
// name must not alter a reprint. Stored as JSON in decisions.issued_text.
nlohmann::json document_to_json(const DecisionDocument& d) {
  return {{"centre_name", d.centre_name},
          {"centre_address_lines", d.centre_address_lines},
          {"place", d.place},
          {"issue_date", d.issue_date.iso()},
          {"number", d.number},
          {"addressee_lines", d.addressee_lines},
          {"title", d.title},
          {"legal_basis", d.legal_basis},
          {"ruling", d.ruling},
          {"reasoning", d.reasoning},
          {"appeal_instruction", d.appeal_instruction},
          {"signatory_name", d.signatory_name},
          {"signatory_title", d.signatory_title},
          {"distribution", d.distribution}};
}
DecisionDocument document_from_json(const std::string& text) {
  const auto j = nlohmann::json::parse(text);  // written by document_to_json only: a failure here is a bug
  DecisionDocument d;
  d.centre_name = j.at("centre_name").get<std::string>();
  d.centre_address_lines = j.at("centre_address_lines").get<std::vector<std::string>>();
  d.place = j.at("place").get<std::string>();
  auto issued = Date::parse(j.at("issue_date").get<std::string>());
  if (!issued) throw std::logic_error("decisions.issued_text holds a bad issue_date");
  d.issue_date = *issued;
  d.number = j.at("number").get<std::string>();
  d.addressee_lines = j.at("addressee_lines").get<std::vector<std::string>>();
  d.title = j.at("title").get<std::string>();
  d.legal_basis = j.at("legal_basis").get<std::string>();
  d.ruling = j.at("ruling").get<std::vector<std::string>>();
  d.reasoning = j.at("reasoning").get<std::vector<std::string>>();
  d.appeal_instruction = j.at("appeal_instruction").get<std::vector<std::string>>();
  d.signatory_name = j.at("signatory_name").get<std::string>();
  d.signatory_title = j.at("signatory_title").get<std::string>();
  d.distribution = j.at("distribution").get<std::vector<std::string>>();
  return d;
}

std::optional<DecisionDocument> issued_document(storage::Connection& c, CentreId centre, std::int64_t id) {
  auto r = c.query_one("SELECT issued_text FROM decisions WHERE centre_id = ? AND id = ?", {centre.value, id});
  if (!r || !r->opt_text(0)) return std::nullopt;
  return document_from_json(*r->opt_text(0));
}

// A decision already ended by a binding change, suspension or withdrawal is not ended again: the later
// decision rules from then on, and a second end would correct its payments twice (claim the same overpaid
// part again). A further change is made to the decision now in force.
Status not_yet_ended(storage::Connection& c, CentreId centre, std::int64_t target, std::int64_t self) {
  auto r = c.query_one(
      "SELECT t.number, e.number FROM decisions e JOIN decisions t ON t.id = e.changes_decision_id WHERE e.centre_id = "
      "? "
      "AND e.changes_decision_id = ? AND e.id <> ? AND e.kind IN ('change', 'suspend', 'withdraw') AND "
      "e.state IN ('final', 'upheld')",
      {centre.value, target, self});
  if (!r) return ok();
  return Error::conflict("Decyzja " + r->opt_text(0).value_or("") +
                             " została już zmieniona, wstrzymana albo uchylona decyzją " + r->opt_text(1).value_or("") +
                             " — kolejną zmianę wydaje się do decyzji, która obowiązuje teraz.",
                         "changes_decision_id");
}

constexpr const char* kCols =
    "d.id, d.number, d.application_id, d.household_id, d.person_id, p.first_name || ' ' || p.last_name, d.kind, "
    "d.form, "
    "d.period_from, d.period_to, d.amount_grosze, d.calculated_grosze, d.household_size, d.income_grosze, "
    "d.calculation, "
    "d.amount_justification, d.reasoning, d.changes_decision_id, d.state, d.issued_on, d.delivered_on, "
    "d.appeal_deadline, "
    "d.appealed_on, d.final_on, d.outcome_on, d.payment_method, d.iban";

}  // namespace

Result<Decision> DecisionService::load(storage::Connection& c, const Principal& who, std::int64_t id) {
  auto r = c.query_one(std::string("SELECT ") + kCols +
                           " FROM decisions d JOIN persons p ON p.id = d.person_id WHERE d.centre_id = ? AND d.id = ?",
                       {who.centre.value, id});
  if (!r) return Error::not_found("Nie znaleziono decyzji.");
  Decision d;
  d.household_id = r->int64(3);
  OSTOJA_CHECK(cases_.household_in_scope(c, who, d.household_id));
  d.id = r->int64(0);
  d.number = r->opt_text(1);
  d.application_id = r->opt_int64(2);
  d.person_id = r->int64(4);
  d.person_name = r->text(5);
  d.kind = r->text(6);
  d.form = r->text(7);
  const auto* form = rules::form_of_help(d.form);
  d.form_name = form ? std::string(form->name) : d.form;
  d.period_from = r->opt_text(8);
  d.period_to = r->opt_text(9);
  d.amount = Money{r->int64(10)};
  if (auto v = r->opt_int64(11)) d.calculated = Money{*v};
  if (auto v = r->opt_int64(12)) d.household_size = static_cast<int>(*v);
  if (auto v = r->opt_int64(13)) d.income = Money{*v};
  for (const auto& line : nlohmann::json::parse(r->text(14))) d.calculation.push_back(line.get<std::string>());
  d.amount_justification = r->text(15);
  d.reasoning = r->text(16);
  d.changes_decision_id = r->opt_int64(17);
  d.state = r->text(18);
  d.dates = Dates{opt_date(r->opt_text(19)), opt_date(r->opt_text(20)), opt_date(r->opt_text(21)),
                  opt_date(r->opt_text(22)), opt_date(r->opt_text(23)), opt_date(r->opt_text(24))};
  d.payment_method = r->text(25);
  d.iban = r->text(26);
  for (const auto& e :
       c.query("SELECT e.action, e.state, e.on_date, e.note, COALESCE(u.login, ''), e.at FROM decision_events e "
               "LEFT JOIN users u ON u.id = e.user_id WHERE e.centre_id = ? AND e.decision_id = ? ORDER BY e.id",
               {who.centre.value, id}))
    d.events.push_back({e.text(0), e.text(1), e.text(2), e.text(3), e.text(4), e.int64(5)});
  return d;
}

Result<Audited<Decision>> DecisionService::create_draft(const Principal& who, NewDecision in) {
  OSTOJA_TRY(kind, parse_kind(in.kind));
  const auto* form = rules::form_of_help(in.form);
  if (!form) return Error::validation("Nieznana forma pomocy: „" + in.form + "”.", "form");
  OSTOJA_TRY(from, rules::case_date(in.period_from, "period_from"));
  std::optional<Date> to;
  if (in.period_to && !text::trim(*in.period_to).empty()) {
    OSTOJA_TRY(parsed, rules::case_date(*in.period_to, "period_to"));
    if (parsed < from) return Error::validation("Koniec okresu nie może być przed jego początkiem.", "period_to");
    if (from.days_until(parsed) > 366 * 3) return Error::validation("Okres nie może przekraczać 3 lat.", "period_to");
    to = parsed;
  }
  if (kind == Kind::grant && in.form == "zasilek_okresowy" && !to)
    return Error::validation("Zasiłek okresowy przyznaje się na czas określony — podaj koniec okresu (art. 38 ust. 4).",
                             "period_to");
  if (!form->cash || !form->continuing) {
    if (form->cash && to && *to != from)
      return Error::validation("Świadczenie jednorazowe: podaj tylko dzień wypłaty.", "period_to");
  }
  const bool needs_target = kind == Kind::change || kind == Kind::suspend || kind == Kind::withdraw;
  if (needs_target && !in.changes_decision_id)
    return Error::validation("Wskaż decyzję, której dotyczy zmiana, zawieszenie albo uchylenie.",
                             "changes_decision_id");
  if (in.reasoning.size() > 20000) return Error::validation("Uzasadnienie: najwyżej 20 000 znaków.", "reasoning");
  if (kind != Kind::grant && text::trim(in.reasoning).size() < 10)
    return Error::validation("Decyzja inna niż przyznająca wymaga uzasadnienia faktycznego i prawnego.", "reasoning");
  if (in.payment_method != "cash" && in.payment_method != "transfer")
    return Error::validation("Sposób wypłaty: transfer (przelew) albo cash (kasa).", "payment_method");
  std::string iban;
  if (in.payment_method == "transfer") {
    auto check = rules::check_iban(in.iban);
    if (!check.valid) return Error::validation(check.error, "iban");
    iban = check.normalized;
  }
  auto conn = db_.acquire();
  // The amount range under the gmina's resolutions in force on the first day of the period.
  AmountFacts facts{in.form,
                    kind,
                    from,
                    in.household_size,
                    in.income_grosze ? std::optional<Money>(Money{*in.income_grosze}) : std::nullopt,
                    gmina::settings(*conn, who.centre)};
  OSTOJA_TRY(range, amount_range(facts));
  OSTOJA_TRY(amount,
             decide_amount(range, in.amount_grosze ? std::optional<Money>(Money{*in.amount_grosze}) : std::nullopt,
                           in.amount_justification));
  const std::int64_t now = clock_.now_ms();
  const Date today = clock_.today();
  auto id = storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Result<std::int64_t> {
    OSTOJA_CHECK(cases_.household_in_scope(c, who, in.household_id));
    if (!c.query_one("SELECT 1 FROM household_members WHERE centre_id = ? AND household_id = ? AND person_id = ? AND "
                     "until IS NULL",
                     {who.centre.value, in.household_id, in.person_id}))
      return Error::validation("Stroną decyzji musi być członek tego gospodarstwa domowego.", "person_id");
    if (in.application_id) {
      auto a = c.query_one("SELECT household_id, status, forms FROM applications WHERE centre_id = ? AND id = ?",
                           {who.centre.value, *in.application_id});
      if (!a || a->int64(0) != in.household_id)
        return Error::validation("Wniosek nie dotyczy tego gospodarstwa.", "application_id");
      if (a->text(1) != "open")
        return Error::conflict(
            "Sprawa z tego wniosku jest zamknięta (" + a->text(1) + ") — nie można wydać w niej nowej decyzji.",
            "application_id");
    }
    if (needs_target) {
      auto t = c.query_one("SELECT household_id, form, state FROM decisions WHERE centre_id = ? AND id = ?",
                           {who.centre.value, *in.changes_decision_id});
      if (!t || t->int64(0) != in.household_id || t->text(1) != in.form)
        return Error::validation("Wskazana decyzja nie dotyczy tego gospodarstwa i tej formy pomocy.",
                                 "changes_decision_id");
      auto st = parse_state(t->text(2));
      if (!st || !in_force(*st))
        return Error::conflict("Zmienić, zawiesić albo uchylić można tylko decyzję ostateczną.", "changes_decision_id");
      OSTOJA_CHECK(not_yet_ended(c, who.centre, *in.changes_decision_id, 0));
    }
    nlohmann::json calc = range.explanation;
    auto r = c.query_one(
        "INSERT INTO decisions (centre_id, application_id, household_id, person_id, kind, form, period_from, "
        "period_to, "
        "amount_grosze, calculated_grosze, household_size, income_grosze, calculation, amount_justification, "
        "reasoning, "
        "changes_decision_id, payment_method, iban, created_by, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "RETURNING id",
        {who.centre.value,
         in.application_id,
         in.household_id,
         in.person_id,
         std::string(to_string(kind)),
         in.form,
         from.iso(),
         opt_iso(to),
         amount.grosze,
         range.calculated ? std::optional<std::int64_t>(range.calculated->grosze) : std::nullopt,
         in.household_size ? std::optional<std::int64_t>(*in.household_size) : std::nullopt,
         in.income_grosze,
         calc.dump(),
         text::trim(in.amount_justification),
         text::trim(in.reasoning),
         in.changes_decision_id,
         in.payment_method,
         iban,
         who.user.value ? std::optional<std::int64_t>(who.user.value) : std::nullopt,
         now});
    const std::int64_t new_id = r->int64(0);
    c.execute(
        "INSERT INTO decision_events (centre_id, decision_id, action, state, on_date, note, user_id, at) "
        "VALUES (?, ?, 'create', 'draft', ?, 'Projekt decyzji.', ?, ?)",
        {who.centre.value, new_id, today.iso(),
         who.user.value ? std::optional<std::int64_t>(who.user.value) : std::nullopt, now});
    audit::append(c, audit::entry_for(who, now, "create", "decision", new_id, in.person_id));
    return new_id;
  });
  if (!id.ok()) return id.error();
  OSTOJA_TRY(d, load(*conn, who, *id));
  return Audited<Decision>{std::move(d), {}};
}

Result<AmountRange> DecisionService::amount_preview(const Principal& who, AmountFacts facts) {
  auto conn = db_.acquire();
  facts.gmina = gmina::settings(*conn, who.centre);
  return amount_range(facts);
}

Result<Audited<Decision>> DecisionService::get(const Principal& who, std::int64_t id) {
  auto conn = db_.acquire();
  OSTOJA_TRY(d, load(*conn, who, id));
  if (auto issued = issued_document(*conn, who.centre, id)) {
    d.legal_basis = issued->legal_basis;
  } else {
    auto tpl = templates_on(*conn, who.centre);
    OSTOJA_TRY(basis, fill_template(tpl[legal_basis_template(d.kind)], placeholder_values(*conn, who, d)));
    d.legal_basis = basis;
  }
  auto e = audit::entry_for(who, clock_.now_ms(), "read", "decision", id, d.person_id);
  return Audited<Decision>{std::move(d), {std::move(e)}};
}

Result<Audited<std::vector<Decision>>> DecisionService::for_household(const Principal& who, std::int64_t household_id) {
  auto conn = db_.acquire();
  OSTOJA_CHECK(cases_.household_in_scope(*conn, who, household_id));
  Audited<std::vector<Decision>> out;
  const std::int64_t now = clock_.now_ms();
  for (const auto& r : conn->query("SELECT id FROM decisions WHERE centre_id = ? AND household_id = ? ORDER BY id DESC",
                                   {who.centre.value, household_id})) {
    OSTOJA_TRY(d, load(*conn, who, r.int64(0)));
    out.audit.push_back(audit::entry_for(who, now, "read", "decision", d.id, d.person_id));
    out.value.push_back(std::move(d));
  }
  return out;
}

Result<Audited<Decision>> DecisionService::act(const Principal& who, std::int64_t id, std::string_view action_name,
                                               std::string_view on_text) {
  OSTOJA_TRY(action, parse_action(action_name));
  if (action == Action::approve && !who.can("decisions.approve"))
    return Error::forbidden("Podpisać decyzję może tylko osoba upoważniona (kierownik sekcji lub dyrektor).");
  if (action != Action::approve && !who.can("decisions.write")) return Error::forbidden();
  const Date today = clock_.today();
  Date on = today;
  if (!text::trim(on_text).empty()) {
    OSTOJA_TRY(parsed, rules::case_date(on_text, "date"));
    on = parsed;
  }
  const std::int64_t now = clock_.now_ms();
  const auto user = who.user.value ? std::optional<std::int64_t>(who.user.value) : std::nullopt;
  auto conn = db_.acquire();
  auto done = storage::in_transaction(*conn, true, [&](storage::Connection& c) -> Status {
    c.query_one(std::string("SELECT id FROM decisions WHERE centre_id = ? AND id = ?") + std::string(c.lock_clause()),
                {who.centre.value, id});
    OSTOJA_TRY(d, load(c, who, id));
    auto from = parse_state(d.state);
    if (!from) throw std::logic_error("unknown decision state in the database: " + d.state);
    OSTOJA_TRY(t, apply(*from, d.dates, action, on, today));
    if (action == Action::approve && d.changes_decision_id && d.kind != "grant" && d.kind != "refuse")
      OSTOJA_CHECK(not_yet_ended(c, who.centre, *d.changes_decision_id, id));
    std::optional<std::string> number = d.number;
    if (action == Action::approve) {
      const int year = static_cast<int>(on.year());
      number = "D/" + std::to_string(year) + "/" +
               std::to_string(applications::next_register_number(c, who.centre, "D", year));
    }
    c.execute(
        "UPDATE decisions SET state = ?, number = ?, issued_on = ?, delivered_on = ?, appeal_deadline = ?, appealed_on "
        "= ?, "
        "final_on = ?, outcome_on = ?, approved_by = CASE WHEN ? = 'approve' THEN ? ELSE approved_by END "
        "WHERE centre_id = ? AND id = ?",
        {std::string(to_string(t.to)), number, opt_iso(t.dates.issued_on), opt_iso(t.dates.delivered_on),
         opt_iso(t.dates.appeal_deadline), opt_iso(t.dates.appealed_on), opt_iso(t.dates.final_on),
         opt_iso(t.dates.outcome_on), std::string(to_string(action)), user, who.centre.value, id});
    c.execute(
        "INSERT INTO decision_events (centre_id, decision_id, action, state, on_date, note, user_id, at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {who.centre.value, id, std::string(to_string(action)), std::string(to_string(t.to)), on.iso(), t.note, user,
         now});
    audit::append(c, audit::entry_for(who, now, "update", "decision", id, d.person_id, std::string(to_string(action))));
    // The case of the application: decided once the decision is signed; open again when the SKO
    // sends it back for reconsideration.
    if (action == Action::approve) {  // the text as signed, kept for every later print
      OSTOJA_TRY(signed_decision, load(c, who, id));
      OSTOJA_TRY(doc, compose(c, who, signed_decision));
      c.execute("UPDATE decisions SET issued_text = ? WHERE centre_id = ? AND id = ?",
                {document_to_json(doc).dump(), who.centre.value, id});
    }
    if (d.application_id && action == Action::approve)
      c.execute(
          "UPDATE applications SET status = 'decided', closed_on = ? WHERE centre_id = ? AND id = ? AND status = "
          "'open'",
          {on.iso(), who.centre.value, *d.application_id});
    if (d.application_id && t.to == State::sent_back)
      c.execute("UPDATE applications SET status = 'open', closed_on = NULL WHERE centre_id = ? AND id = ?",
                {who.centre.value, *d.application_id});
    if (in_force(t.to) && !in_force(*from) && on_binding_) {
      OSTOJA_TRY(binding, load(c, who, id));
      on_binding_(c, who, binding);
    }
    return ok();
  });
  if (!done.ok()) return done.error();
  OSTOJA_TRY(d, load(*conn, who, id));
  return Audited<Decision>{std::move(d), {}};
}

Result<std::map<std::string, std::string, std::less<>>> DecisionService::templates(const Principal& who) {
  auto conn = db_.acquire();
  return templates_on(*conn, who.centre);
}

Status DecisionService::set_template(const Principal& who, std::string_view name, std::string_view body) {
  if (!default_templates().count(name)) return Error::not_found("Nie ma szablonu „" + std::string(name) + "”.");
  const std::string text = text::trim(body);
  if (text.empty() || text.size() > 20000) return Error::validation("Treść szablonu: od 1 do 20 000 znaków.", "body");
  std::map<std::string, std::string, std::less<>> probe;
  for (const auto& p : known_placeholders()) probe[p] = "x";
  OSTOJA_CHECK(fill_template(text, probe));
  const std::int64_t now = clock_.now_ms();
  auto conn = db_.acquire();
  storage::in_transaction(*conn, true, [&](storage::Connection& c) {
    c.execute("DELETE FROM decision_templates WHERE centre_id = ? AND name = ?", {who.centre.value, name});
    c.execute("INSERT INTO decision_templates (centre_id, name, body, updated_at) VALUES (?, ?, ?, ?)",
              {who.centre.value, name, text, now});
    audit::append(
        c, audit::entry_for(who, now, "update", "decision_template", std::nullopt, std::nullopt, std::string(name)));
    return true;
  });
  return ok();
}

Result<Audited<DecisionDocument>> DecisionService::document(const Principal& who, std::int64_t id) {
  auto conn = db_.acquire();
  OSTOJA_TRY(d, load(*conn, who, id));
  auto e = audit::entry_for(who, clock_.now_ms(), "print", "decision", id, d.person_id);
  if (auto issued = issued_document(*conn, who.centre, id))
    return Audited<DecisionDocument>{std::move(*issued), {std::move(e)}};
  OSTOJA_TRY(doc, compose(*conn, who, d));
  return Audited<DecisionDocument>{std::move(doc), {std::move(e)}};
}

Result<DecisionDocument> DecisionService::compose(storage::Connection& c, const Principal& who, const Decision& d) {
  auto tpl = templates_on(c, who.centre);
  auto* conn = &c;
  const std::int64_t id = d.id;
  auto centre = conn->query_one("SELECT name, street, building, postal_code, locality FROM centres WHERE id = ?",
                                {who.centre.value});
  auto person = conn->query_one("SELECT first_name, last_name, sex FROM persons WHERE id = ?", {d.person_id});
  auto home = conn->query_one(
      "SELECT street, building, flat, postal_code, locality FROM households WHERE centre_id = ? AND id = ?",
      {who.centre.value, d.household_id});
  std::optional<std::string> changed_number;
  if (d.changes_decision_id)
    changed_number =
        conn->query_one("SELECT number FROM decisions WHERE id = ?", {*d.changes_decision_id})->opt_text(0);
  std::string signatory;
  if (auto r = conn->query_one(
          "SELECT u.full_name FROM decisions d JOIN users u ON u.id = d.approved_by WHERE d.id = ?", {id}))
    signatory = r->text(0);

  const std::string name = person->text(0) + " " + person->text(1);
  const bool woman = person->text(2) == "K";
  const std::string pani = woman ? "Pani" : "Pana";
  const std::string full_address =
      home->text(0) + " " + home->text(1) + (home->text(2).empty() ? "" : " m. " + home->text(2));
  const std::string city = (home->text(3).empty() ? "" : home->text(3) + " ") + home->text(4);
  const auto values = placeholder_values(*conn, who, d);

  DecisionDocument doc;
  doc.centre_name = centre->text(0);
  doc.centre_address_lines = {centre->text(1) + (centre->text(2).empty() ? "" : " " + centre->text(2)),
                              (centre->text(3).empty() ? "" : centre->text(3) + " ") + centre->text(4)};
  doc.place = centre->text(4);
  doc.issue_date = d.dates.issued_on.value_or(clock_.today());
  doc.number = d.number.value_or("projekt");
  doc.title = d.number ? "DECYZJA" : "PROJEKT DECYZJI";
  doc.addressee_lines = {(woman ? "Pani " : "Pan ") + name, full_address, city};
  const auto* form = rules::form_of_help(d.form);
  const bool periodic = form && form->continuing;
  OSTOJA_TRY(basis, fill_template(tpl[legal_basis_template(d.kind)], values));
  doc.legal_basis = basis;
  const std::string target = changed_number ? "nr " + *changed_number : "";
  if (d.kind == "grant") {
    if (form && form->cash)
      doc.ruling.push_back("Przyznać " + pani + " " + name + " " + d.form_name + " w kwocie " + d.amount.polish() +
                           (periodic ? " miesięcznie " + period_text(d) : " jednorazowo") + ".");
    else
      doc.ruling.push_back("Przyznać " + pani + " " + name + " pomoc w formie: " + d.form_name + " " + period_text(d) +
                           ".");
  } else if (d.kind == "refuse") {
    doc.ruling.push_back("Odmówić " + pani + " " + name + " przyznania pomocy w formie: " + d.form_name + ".");
  } else if (d.kind == "change") {
    doc.ruling.push_back("Zmienić decyzję " + target + " w ten sposób, że " + d.form_name + " przysługuje w kwocie " +
                         d.amount.polish() + (periodic ? " miesięcznie " : " ") + period_text(d) + ".");
  } else if (d.kind == "suspend") {
    doc.ruling.push_back("Wstrzymać od " + polish_long_date(*Date::parse(*d.period_from)) + " wypłatę świadczenia (" +
                         d.form_name + ") przyznanego decyzją " + target + ".");
  } else {
    doc.ruling.push_back("Uchylić od " + polish_long_date(*Date::parse(*d.period_from)) + " decyzję " + target +
                         " przyznającą " + d.form_name + ".");
  }
  if (form && form->cash && (d.kind == "grant" || d.kind == "change"))
    doc.ruling.push_back(d.payment_method == "transfer"
                             ? "Świadczenie będzie wypłacane przelewem na rachunek bankowy nr " + d.iban + "."
                             : "Świadczenie będzie wypłacane w kasie ośrodka.");
  doc.reasoning = lines_of(d.reasoning);
  if (!d.calculation.empty()) {
    std::string calc = "Wyliczenie kwoty:";
    for (const auto& line : d.calculation) calc += " " + line;
    doc.reasoning.push_back(calc);
  }
  if (!d.amount_justification.empty())
    doc.reasoning.push_back("Kwotę ustalono w wysokości innej niż wyliczona, ponieważ: " + d.amount_justification);
  OSTOJA_TRY(appeal, fill_template(tpl["appeal_instruction"], values));
  doc.appeal_instruction = lines_of(appeal);
  auto title_lines = lines_of(tpl["signatory_title"]);
  for (std::size_t i = 0; i < title_lines.size(); ++i) doc.signatory_title += (i ? " — " : "") + title_lines[i];
  doc.signatory_name = signatory;
  doc.distribution = {"Adresat", "a/a"};
  return doc;
}

}  // namespace ostoja::decisions
