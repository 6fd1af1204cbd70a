#include "modules/rules_api/service.h"

#include <charconv>

#include "core/date.h"
#include "rules/benefits.h"
#include "rules/calendar.h"
#include "rules/criteria.h"
#include "rules/identifiers.h"
#include "rules/procedure.h"

namespace ostoja::rules_api {

namespace {

Json check_json(const rules::IdentifierCheck& c) {
  return {{"valid", c.valid},
          {"error", c.valid ? Json(nullptr) : Json(c.error)},
          {"normalized", c.valid ? Json(c.normalized) : Json(nullptr)}};
}

}  // namespace

Result<Json> criteria(std::string_view date) {
  OSTOJA_TRY(d, parse_date_field(date, "date"));
  OSTOJA_TRY(c, rules::criteria_on(d));
  return Json{{"date", d.iso()},
              {"valid_from", c.valid_from.iso()},
              {"valid_to", c.valid_to ? Json(c.valid_to->iso()) : Json(nullptr)},
              {"single_person_grosze", c.single_person.grosze},
              {"per_person_grosze", c.per_person_in_family.grosze},
              {"max_zasilek_staly_grosze", c.max_zasilek_staly.grosze},
              {"income_per_hectare_grosze", c.income_per_hectare.grosze},
              {"legal_basis", std::string(c.legal_basis)}};
}

Result<Json> validate(std::string_view kind, std::string_view value) {
  if (value.size() > 64) return Error::validation("Wartość jest za długa.", "value");
  if (kind == "pesel") {
    auto p = rules::check_pesel(value);
    return Json{{"valid", p.valid},
                {"birth_date", p.birth_date ? Json(p.birth_date->iso()) : Json(nullptr)},
                {"sex", p.valid ? Json(std::string(1, p.sex)) : Json(nullptr)},
                {"error", p.valid ? Json(nullptr) : Json(p.error)},
                {"normalized", p.valid ? Json(p.normalized) : Json(nullptr)}};
  }
  if (kind == "nip") return check_json(rules::check_nip(value));
  if (kind == "regon") return check_json(rules::check_regon(value));
  if (kind == "iban") return check_json(rules::check_iban(value));
  if (kind == "postal-code") return check_json(rules::check_postal_code(value));
  if (kind == "teryt") return check_json(rules::check_teryt_gmina(value));
  return Error::not_found("Nieznany rodzaj identyfikatora (pesel, nip, regon, iban, postal-code, teryt).");
}

Result<Json> benefit_preview(const Json& req) {
  auto str = [&](const char* f) -> Result<std::string> {
    auto it = req.find(f);
    if (it == req.end() || !it->is_string())
      return Error::validation(std::string("Pole „") + f + "” jest wymagane (tekst).", f);
    return it->get<std::string>();
  };
  auto integer = [&](const char* f, bool required) -> Result<std::optional<std::int64_t>> {
    auto it = req.find(f);
    if (it == req.end() || it->is_null()) {
      if (required) return Error::validation(std::string("Pole „") + f + "” jest wymagane (liczba całkowita).", f);
      return std::optional<std::int64_t>{};
    }
    if (!it->is_number_integer())
      return Error::validation(std::string("Pole „") + f + "” musi być liczbą całkowitą.", f);
    return std::optional<std::int64_t>{it->get<std::int64_t>()};
  };
  OSTOJA_TRY(date_text, str("date"));
  OSTOJA_TRY(d, parse_date_field(date_text, "date"));
  OSTOJA_TRY(kind_text, str("benefit"));
  OSTOJA_TRY(kind, rules::parse_benefit_kind(kind_text));
  OSTOJA_TRY(size, integer("household_size", true));
  OSTOJA_TRY(income, integer("income_grosze", true));
  OSTOJA_TRY(percent, integer("gmina_percent", false));
  if (*size < 1 || *size > 30) return Error::validation("Liczba osób w gospodarstwie: od 1 do 30.", "household_size");
  if (*income < 0 || *income > 100'000'000'00LL)
    return Error::validation("Dochód nie może być ujemny ani większy niż 100 mln zł.", "income_grosze");
  rules::GminaSettings gmina;
  if (percent)
    gmina.zasilek_okresowy_percent.push_back(
        {Date{2012, 10, 1}, std::nullopt, static_cast<int>(*percent), "parametr żądania"});
  OSTOJA_TRY(p, rules::benefit_preview(d, kind, static_cast<int>(*size), Money{*income}, gmina));
  return Json{{"eligible", p.eligible},
              {"amount_grosze", p.amount.grosze},
              {"criterion_grosze", p.criterion.grosze},
              {"explanation", p.explanation}};
}

Result<Json> working_days(std::string_view from, std::string_view days) {
  OSTOJA_TRY(d, parse_date_field(from, "from"));
  int n = 0;
  auto [ptr, ec] = std::from_chars(days.data(), days.data() + days.size(), n);
  if (ec != std::errc{} || ptr != days.data() + days.size() || n < 0 || n > 1000)
    return Error::validation("Parametr „days” musi być liczbą całkowitą od 0 do 1000.", "days");
  if (d < Date{2000, 1, 1} || d > Date{2100, 12, 31})
    return Error::validation("Data musi mieścić się w latach 2000–2100.", "from");
  Date end = rules::add_working_days(d, n);
  return Json{{"from", d.iso()}, {"days", n}, {"deadline", end.iso()}};
}

Result<Json> reasons(std::string_view date) {
  OSTOJA_TRY(d, parse_date_field(date, "date"));
  auto list = rules::art7_reasons_on(d);
  if (list.empty()) return Error::validation("Powody z art. 7 są dostępne od 1 października 2012 r.", "date");
  Json items = Json::array();
  for (const auto& r : list)
    items.push_back({{"code", r.code}, {"point", r.point}, {"wording", r.wording}, {"legal_basis", r.legal_basis}});
  return Json{{"date", d.iso()}, {"reasons", items}};
}

Json forms_of_help() {
  Json items = Json::array();
  for (const auto& f : rules::forms_of_help())
    items.push_back(
        {{"code", f.code}, {"name", f.name}, {"article", f.article}, {"cash", f.cash}, {"continuing", f.continuing}});
  return Json{{"forms", items}};
}

}  // namespace ostoja::rules_api
