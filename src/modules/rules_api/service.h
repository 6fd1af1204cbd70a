#pragma once
// Public calculators over the dated statutory rules (src/rules), shared by the HTTP API
// (/api/v1/rules/…) and the CLI (`ostoja rules …`). No personal data; results as JSON values.
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "core/result.h"

namespace ostoja::rules_api {

using Json = nlohmann::json;

// {"valid_from","valid_to","single_person_grosze","per_person_grosze","max_zasilek_staly_grosze",
//  "income_per_hectare_grosze","legal_basis"}; a date before 2012-10-01 → validation error.
Result<Json> criteria(std::string_view date);

// kind: pesel | nip | regon | iban | postal-code | teryt → {"valid","error","normalized",…}
Result<Json> validate(std::string_view kind, std::string_view value);

// {"date","benefit","household_size","income_grosze"[,"gmina_percent"]} → {"eligible","amount_grosze",
//  "criterion_grosze","explanation"}
Result<Json> benefit_preview(const Json& request);

// The deadline `days` working days after `from` (Saturdays, Sundays and public holidays skipped).
Result<Json> working_days(std::string_view from, std::string_view days);

// Art. 7 reasons in force on `date` ({"date","reasons":[{"code","point","wording","legal_basis"}]}) and the
// forms of help ({"forms":[{"code","name","article","cash","continuing"}]}).
Result<Json> reasons(std::string_view date);
Json forms_of_help();
}  // namespace ostoja::rules_api
