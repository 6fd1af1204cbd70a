#include "core/csv.h"

#include "core/text.h"

namespace ostoja::csv {

char detect_separator(std::string_view text) {
  auto nl = text.find('\n');
  auto header = text.substr(0, nl);
  return header.find(';') != std::string_view::npos ? ';' : ',';
}

Result<std::vector<Record>> parse(std::string_view text, char separator) {
  if (!text::valid_utf8(text)) return Error::validation("Plik nie jest poprawnym tekstem UTF-8.", "file");
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<Record> out;
  Record rec;
  std::string field;
  bool quoted = false, field_started = false, any = false;
  int line = 1;
  rec.line = 1;
  auto end_field = [&] {
    rec.fields.push_back(std::move(field));
    field.clear();
    field_started = false;
  };
  auto end_record = [&] {
    if (any) {
      end_field();
      out.push_back(std::move(rec));
    }
    rec = Record{};
    field.clear();
    field_started = false;
    any = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (quoted) {
      if (ch == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (ch == '\n') ++line;
        field += ch;
      }
      continue;
    }
    if (ch == '"' && !field_started) {
      quoted = field_started = any = true;
      if (rec.fields.empty() && field.empty()) rec.line = line;
      continue;
    }
    if (ch == separator) {
      if (!any) rec.line = line;
      any = true;
      end_field();
      continue;
    }
    if (ch == '\r') continue;
    if (ch == '\n') {
      end_record();
      ++line;
      rec.line = line;
      continue;
    }
    if (!any) rec.line = line;
    field += ch;
    field_started = any = true;
  }
  if (quoted) return Error::validation("Niezamknięty cudzysłów w wierszu " + std::to_string(rec.line) + ".", "file");
  end_record();
  return out;
}

std::string field(std::string_view s) {
  std::string v{s};
  if (!v.empty() && std::string_view{"=+-@"}.find(v.front()) != std::string_view::npos) v.insert(0, 1, '\'');
  if (v.find_first_of(";\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void append_record(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? ";" : "") + fields[i];
  out += "\r\n";
}

}  // namespace ostoja::csv
