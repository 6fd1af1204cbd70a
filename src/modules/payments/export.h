#pragma once
// Exports of a payment list (lista wypłat): CSV and XLSX for the accounts department and the cash
// desk, and the bank file of its transfers in the Elixir-O ("PLI") import format of Polish corporate
// internet banking (docs/bank-file.md). Pure apart from the temporary file the XLSX writer needs.
// Every export validates the list first and returns validate()'s error unchanged.
#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "core/result.h"

namespace ostoja::payments {

enum class Method { transfer, cash };

struct PaymentLine {
  std::int64_t payment_id{0};
  std::string recipient_name;                  // "Anna Kowalska"
  std::vector<std::string> recipient_address;  // {"ul. Łęczyńska 5 m. 3", "20-400 Lublin"}
  Method method{Method::transfer};
  std::string iban;             // transfer: Polish IBAN, with or without "PL", spaces allowed; cash: empty (ignored)
  Money amount;                 // > 0
  std::string title;            // "Zasiłek okresowy 12/2026"; when empty, `benefit` is the title
  std::string decision_number;  // "MOPR-ZS.4011.123.2026"
  std::string benefit;          // "zasiłek okresowy"
};

struct PaymentList {
  std::string number;  // "LW/2026/12/001"
  Date payment_date;
  std::string centre_name;  // the payer
  std::vector<std::string> centre_address;
  std::string payer_iban;  // the centre's account; required when the list has a transfer
  std::vector<PaymentLine> lines;

  Money total() const;  // all lines, transfers and cash
};

// The first problem found, in this order: no lines ("lines"), list or centre text that is not UTF-8
// (no field), no centre name ("centre_name"), an invalid payment date ("payment_date"), a missing or
// invalid payer account when a line is a transfer ("payer_iban"); then line by line: text that is not
// UTF-8 ("lines[i]"), an empty recipient name ("lines[i].recipient_name"), an amount not above zero
// ("lines[i].amount"), an invalid account of a transfer ("lines[i].iban"), no title and no benefit
// ("lines[i].title"). Fields count lines from 0, messages name them from 1 ("Pozycja 2 (Jan Nowak): …").
Status validate(const PaymentList& list);

// CSV as Polish Excel opens it: UTF-8 with BOM, ';' separator, CRLF, RFC 4180 quoting, a header row
// "Lp.;Nr wypłaty;Odbiorca;Adres;Sposób;Rachunek;Kwota;Tytuł;Nr decyzji", one row per line
// (address lines joined with ", ", "przelew"/"gotówka", account grouped "PL61 1090 …", amount
// "1229,00"), and a last row "Razem" with the total. Text that a spreadsheet would take for a
// formula (starting with = + - @) gets a leading apostrophe (CSV injection).
Result<std::string> to_csv(const PaymentList& list);

// XLSX bytes: one sheet "Lista wypłat" with title rows (number, date, centre), the same columns with
// amounts as numbers in a złoty format, a "Razem" row with a SUM formula and its cached value,
// column widths, the header frozen and repeated on printed pages (landscape A4, one page wide),
// and signature lines "Sporządził" / "Zatwierdził".
Result<std::string> to_xlsx(const PaymentList& list);

// Elixir-O bank file: one record per transfer (cash lines are not in it; a list without transfers is
// an error, field "lines"), windows-1250, every record ending in CRLF. Fields: docs/bank-file.md.
Result<std::string> to_elixir(const PaymentList& list);

// One text field of a bank file, in windows-1250: each element (a name, an address line, a title)
// cleaned to the characters banks accept, wrapped at spaces into parts of at most 35 characters, the
// parts joined with '|'; when that needs more than `max_parts` parts the elements are joined with a
// space and wrapped again, and what still does not fit is cut off. The rules: docs/bank-file.md.
std::string bank_text(const std::vector<std::string>& elements, std::size_t max_parts = 4);

}  // namespace ostoja::payments
