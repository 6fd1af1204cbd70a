#pragma once
// Files made from a payment list: CSV and XLSX for the accounts and the cash desk, and a bank file
// of transfers in the Elixir-O ("PLI") import format of Polish corporate banking (docs/bank-file.md).
// Pure apart from the XLSX writer's temporary file.
#include <string>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "core/result.h"

namespace ostoja::payments {

struct FileLine {
  std::int64_t payment_id{0};
  std::string recipient;  // "Anna Kowalska"
  std::string address;    // "ul. Zana 5 m. 3, 20-601 Lublin"
  std::string method;     // transfer | cash
  std::string iban;       // transfer: Polish IBAN "PL…" (26 digits after PL)
  Money amount;
  std::string title;            // "Zasiłek okresowy 12/2026"
  std::string decision_number;  // "D/2026/15"
};

struct FileList {
  std::string number;  // "LW/2026/3"
  Date payment_date;
  std::string centre_name, centre_address, payer_iban;
  std::vector<FileLine> lines;
  Money total() const;
};

// CSV: UTF-8 with BOM, ';', CRLF, RFC 4180 quoting, amounts "1229,00", a final "Razem" row.
std::string to_csv(const FileList& list);
// XLSX bytes (libxlsxwriter): title rows, the same columns, amounts as numbers with a złoty format,
// a SUM formula with its value, signature lines.
Result<std::string> to_xlsx(const FileList& list);
// Elixir-O: one record per transfer, windows-1250, CRLF. Cash lines are not in it. Errors: no
// transfers, an invalid payer or recipient account (field "iban", naming the line).
Result<std::string> to_elixir(const FileList& list);

// Text for a bank file: characters outside windows-1250 transliterated or dropped, '"' and '|' and
// ',' removed, cut into at most 4 parts of 35 characters joined with '|'.
std::string elixir_text(const std::string& utf8, std::size_t parts = 4);

}  // namespace ostoja::payments
