#pragma once
// Per-centre editable texts of a decision (legal basis, appeal instruction, …) with "{{name}}"
// placeholders filled from the case. Pure: no I/O.
//
// Syntax: "{{name}}" is replaced by the value of `name`; spaces just inside the braces are ignored
// ("{{ kwota }}" is "{{kwota}}"). Everything else, including a lone "}}", is copied as it is.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace ostoja::decisions {

// Fills "{{name}}" placeholders. Unknown placeholder in the template or an unclosed "{{" → Error::validation
// naming the placeholder (field "template"). Values are inserted verbatim (no recursion).
Result<std::string> fill_template(std::string_view tpl, const std::map<std::string, std::string, std::less<>>& values);

// Names of placeholders used by a template (for the template editor to validate against the known list),
// each once, in the order of their first use. An unclosed "{{" or an empty "{{}}" → Error::validation
// (field "template").
Result<std::vector<std::string>> template_placeholders(std::string_view tpl);

// The standard texts of a decision a centre may edit (name → default body) and the placeholders they
// may use ({{osrodek}}, {{forma}}, {{kwota}}, …).
const std::map<std::string, std::string, std::less<>>& default_templates();
const std::vector<std::string>& known_placeholders();

// {{wszczecie}}: how the proceeding began — on an application received on `received` (as written in
// a decision, e.g. "3 marca 2026 r.") or, without one, ex officio (art. 61 § 1 KPA).
std::string initiation_text(const std::optional<std::string>& received);

}  // namespace ostoja::decisions
