#pragma once
// Reading CSV as spreadsheets and other systems write it (RFC 4180): a separator (';' by Polish
// convention, or ','), fields optionally in double quotes with "" for a quote and line breaks
// inside, CRLF or LF line ends, an optional UTF-8 BOM. Each record keeps its physical line number.
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace ostoja::csv {

struct Record {
  int line{0};  // 1-based line where the record starts
  std::vector<std::string> fields;
};

// Empty lines are skipped. Invalid UTF-8 or an unterminated quote → validation error naming the line.
Result<std::vector<Record>> parse(std::string_view text, char separator = ';');

// The separator used by a header line: ';' if it has one, else ','.
char detect_separator(std::string_view text);

// Writing, RFC 4180 with ';': a field is quoted when it holds ; " CR or LF. A text starting with
// = + - @ would make a spreadsheet evaluate it as a formula (CSV injection, OWASP): an apostrophe in
// front keeps it text.
std::string field(std::string_view s);
// Appends the (already formatted) fields as one record ending in CRLF.
void append_record(std::string& out, const std::vector<std::string>& fields);

}  // namespace ostoja::csv
