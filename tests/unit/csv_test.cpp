// CSV reading as spreadsheets write it: quoting, separators, line breaks inside quotes, BOM, CRLF.
#include "core/csv.h"

#include <gtest/gtest.h>

namespace ostoja::csv {
namespace {

TEST(Csv, QuotedFieldsSeparatorsAndLineBreaksInside) {
  auto r = parse(
      "\xEF\xBB\xBFimie;nazwisko;uwagi\r\nAnna;\"Kowalska; z d. Nowak\";\"ma "
      "\"\"psa\"\"\"\r\n\r\nJan;Łęcki;\"dwie\nlinie\"\nEwa;;\n");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 4u);
  EXPECT_EQ((*r)[0].fields, (std::vector<std::string>{"imie", "nazwisko", "uwagi"}));
  EXPECT_EQ((*r)[1].fields, (std::vector<std::string>{"Anna", "Kowalska; z d. Nowak", "ma \"psa\""}));
  EXPECT_EQ((*r)[1].line, 2);
  EXPECT_EQ((*r)[2].fields[2], "dwie\nlinie");
  EXPECT_EQ((*r)[2].line, 4);
  EXPECT_EQ((*r)[3].line, 6);
  EXPECT_EQ((*r)[3].fields, (std::vector<std::string>{"Ewa", "", ""}));
}

TEST(Csv, CommaSeparatedAndErrors) {
  EXPECT_EQ(detect_separator("a,b,c\n1;2"), ',');
  EXPECT_EQ(detect_separator("a;b,c"), ';');
  auto r = parse("a,b\n1,2", ',');
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)[1].fields, (std::vector<std::string>{"1", "2"}));
  auto open = parse("a;b\n\"x;y\n");
  ASSERT_FALSE(open.ok());
  EXPECT_NE(open.error().message.find("wierszu 2"), std::string::npos);
  EXPECT_FALSE(parse("a;\xC3\x28").ok());
}

}  // namespace
}  // namespace ostoja::csv

TEST(CsvWrite, QuotesSeparatorsAndKeepsFormulasAsText) {
  struct Case {
    const char* in;
    const char* out;
  };
  for (const Case& c : std::vector<Case>{{"Kowalski", "Kowalski"},
                                         {"a;b", "\"a;b\""},
                                         {"powiedział \"tak\"", "\"powiedział \"\"tak\"\"\""},
                                         {"dwie\nlinie", "\"dwie\nlinie\""},
                                         {"=SUM(A1:A2)", "'=SUM(A1:A2)"},
                                         {"+48 600", "'+48 600"},
                                         {"-5", "'-5"},
                                         {"@cmd", "'@cmd"},
                                         {"=a;b", "\"'=a;b\""},
                                         {"", ""}})
    EXPECT_EQ(ostoja::csv::field(c.in), c.out) << c.in;
  std::string out;
  ostoja::csv::append_record(out, {"1", "x"});
  ostoja::csv::append_record(out, {});
  EXPECT_EQ(out, "1;x\r\n\r\n");
}
