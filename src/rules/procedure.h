#pragma once
// Procedure of social assistance as dated data and pure functions: the statutory reasons for help
// (art. 7 u.p.s.), the forms of help a person may apply for, and the deadlines of the environmental
// interview (rozporządzenie w sprawie rodzinnego wywiadu środowiskowego) and of the decision (KPA).
// No I/O: every date is an argument.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace ostoja::rules {

// One point of art. 7 of ustawa z 12 marca 2004 r. o pomocy społecznej, with the wording in force
// between valid_from and valid_to. A point whose wording changed has one row per wording.
struct Art7Reason {
  std::string_view code;   // stable key used in records: "ubostwo", "przemoc", …
  std::string_view point;  // "1", "7a", …
  std::string_view wording;
  Date valid_from;
  std::optional<Date> valid_to;
  std::string_view legal_basis;
};
std::span<const Art7Reason> art7_reasons();
// Reasons in force on `date`, in the act's order.
std::vector<Art7Reason> art7_reasons_on(Date date);
// The reason with `code` in force on `date`; validation error (field "reasons") when the code is
// unknown or not in force that day.
Result<Art7Reason> art7_reason(std::string_view code, Date date);

// Forms of help a person may apply for (u.p.s. art. 36 — świadczenia pieniężne i niepieniężne).
struct FormOfHelp {
  std::string_view code;  // "zasilek_okresowy", "posilek", …
  std::string_view name;  // Polish name as used in decisions and reports
  std::string_view article;
  bool cash;        // świadczenie pieniężne (art. 36 pkt 1)
  bool continuing;  // usually granted for a period: needs the 6-month interview update
};
std::span<const FormOfHelp> forms_of_help();
const FormOfHelp* form_of_help(std::string_view code);

// Dated deadlines of the environmental interview.
struct InterviewDeadlines {
  Date valid_from;
  std::optional<Date> valid_to;
  int working_days;         // from learning of the need to conduct it
  int urgent_working_days;  // cases that cannot wait
  int update_months;        // update for continuing help, at the latest (art. 107 ust. 4 u.p.s., not the regulation)
  std::string_view legal_basis;
};
std::span<const InterviewDeadlines> interview_deadline_rules();

// The day by which the interview must be conducted: `working_days` (or `urgent_working_days`)
// working days after the application was received (the day of receipt is not counted).
Result<Date> interview_due(Date received, bool urgent);
// The latest date of the update of the interview for continuing help: `update_months` after the
// last interview (same day of the month, or the month's last day).
Result<Date> interview_update_due(Date last_interview);
// KPA art. 35 § 3: a case that needs explanatory proceedings is settled within one month, a
// particularly complicated one within two months, counted from the start of the proceedings
// (art. 61 § 3: the day the application was received); art. 57 § 3–4 for the end of the term.
Date decision_due(Date received, bool complex);
// KPA art. 129 § 2: an appeal within 14 days of the decision's delivery (art. 57 § 1 and § 4).
Date appeal_deadline(Date delivered);

// Earliest date the rules here cover (the criteria table starts then too).
inline constexpr Date kProcedureRulesFrom{2012, 10, 1};

// A date of a case event typed by a user: a valid date, not before 1.10.2012 (the rules start then)
// and, when `latest` is given, not after it (usually today). Validation errors name `field`.
Result<Date> case_date(std::string_view text, std::string_view field, std::optional<Date> latest = std::nullopt);

}  // namespace ostoja::rules
