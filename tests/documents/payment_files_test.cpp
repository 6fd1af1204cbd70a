// Payment-list files: CSV as Polish spreadsheets read it, an XLSX workbook read back with unzip, and
// the Elixir-O bank file byte for byte (windows-1250).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "modules/payments/files.h"

namespace ostoja::payments {
namespace {

FileList sample() {
  FileList l;
  l.number = "LW/2026/3";
  l.payment_date = *Date::parse("2026-12-10");
  l.centre_name = "Miejski Ośrodek Pomocy Rodzinie w Lublinie";
  l.centre_address = "ul. Grodzka, 20-112 Lublin";
  l.payer_iban = "PL61109010140000071219812874";
  l.lines = {{101, "Łucja Żółkiewska", "ul. Łęczyńska 5 m. 3; 20-400 Lublin", "transfer", "PL62102053560000123456789012",
              Money{73450}, "Zasiłek okresowy 12/2026", "D/2026/15"},
             {102, "Jan \"Janek\" Nowak", "ul. Zana 1, 20-601 Lublin", "cash", "", Money{30000}, "Zasiłek celowy",
              "D/2026/16"}};
  return l;
}

std::string run(const std::string& cmd) {
  std::string out;
  if (FILE* p = ::popen(cmd.c_str(), "r")) {
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    ::pclose(p);
  }
  return out;
}

TEST(PaymentFiles, CsvForPolishSpreadsheets) {
  EXPECT_EQ(to_csv(sample()),
            "\xEF\xBB\xBFLista wypłat LW/2026/3;10.12.2026;Miejski Ośrodek Pomocy Rodzinie w Lublinie\r\n"
            "Lp.;Nr wypłaty;Odbiorca;Adres;Sposób;Rachunek;Kwota;Tytuł;Nr decyzji\r\n"
            "1;101;Łucja Żółkiewska;\"ul. Łęczyńska 5 m. 3; 20-400 Lublin\";przelew;PL62102053560000123456789012;734,50;"
            "Zasiłek okresowy 12/2026;D/2026/15\r\n"
            "2;102;\"Jan \"\"Janek\"\" Nowak\";ul. Zana 1, 20-601 Lublin;kasa;;300,00;Zasiłek celowy;D/2026/16\r\n"
            ";;Razem;;;;1034,50;;\r\n");
}

TEST(PaymentFiles, XlsxHoldsNumbersAFormulaAndPolishText) {
  auto x = to_xlsx(sample());
  ASSERT_TRUE(x.ok()) << x.error().message;
  ASSERT_TRUE(x->starts_with("PK"));
  const auto path = std::filesystem::temp_directory_path() / ("ostoja-test-" + std::to_string(::getpid()) + ".xlsx");
  std::ofstream(path, std::ios::binary) << *x;
  const std::string sheet = run("unzip -p " + path.string() + " xl/worksheets/sheet1.xml");
  const std::string strings = run("unzip -p " + path.string() + " xl/sharedStrings.xml");
  std::filesystem::remove(path);
  EXPECT_NE(sheet.find("<f>SUM(G6:G7)</f><v>1034.5</v>"), std::string::npos) << sheet.substr(0, 2000);
  EXPECT_NE(sheet.find("<v>734.5</v>"), std::string::npos);
  EXPECT_NE(strings.find("Łucja Żółkiewska"), std::string::npos);
  EXPECT_NE(strings.find("Zatwierdził"), std::string::npos);
}

TEST(PaymentFiles, ElixirRecordInWindows1250WithCashSkipped) {
  auto e = to_elixir(sample());
  ASSERT_TRUE(e.ok()) << e.error().message;
  ASSERT_TRUE(e->ends_with("\r\n"));
  EXPECT_EQ(e->find("\r\n"), e->size() - 2);  // one record: the cash payment is not in the bank file
  EXPECT_TRUE(e->starts_with("110,20261210,73450,10901014,0,\"61109010140000071219812874\",\"62102053560000123456789012\",\""))
      << *e;
  EXPECT_NE(e->find(",0,10205356,\"Zasi\xB3" "ek okresowy 12/2026 D/2026/15\",\"\",\"\",\"51\",\"WYPL 101\"\r\n"),
            std::string::npos)
      << *e;
  // "Łęczyńska" in windows-1250: Ł A3, ę EA, ń F1.
  EXPECT_NE(e->find("\xA3\xEA" "czy\xF1ska"), std::string::npos);
  auto only_cash = sample();
  only_cash.lines.erase(only_cash.lines.begin());
  EXPECT_EQ(to_elixir(only_cash).error().field, "method");
  auto bad = sample();
  bad.lines[0].iban = "PL00102053560000123456789012";
  EXPECT_EQ(to_elixir(bad).error().field, "iban");
}

TEST(PaymentFiles, ElixirTextIsCutIntoPartsOf35AndCleaned) {
  const std::string t = elixir_text("Miejski Ośrodek Pomocy Rodzinie w Lublinie, ul. Grodzka \"1\" | 20-112 Lublin");
  std::size_t start = 0, parts = 0;
  while (true) {
    auto bar = t.find('|', start);
    const std::string part = t.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
    EXPECT_LE(part.size(), 35u) << part;
    ++parts;
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  EXPECT_LE(parts, 4u);
  EXPECT_EQ(t.find('"'), std::string::npos);
  EXPECT_EQ(t.find(','), std::string::npos);
  EXPECT_EQ(elixir_text("Привет Anna", 1), "Anna");  // letters windows-1250 cannot carry are dropped
}

}  // namespace
}  // namespace ostoja::payments
