// Payment-list exports read back: validation errors, the CSV byte for byte, the XLSX unzipped
// (unzip from scripts/deps.sh), and the Elixir-O bank file byte for byte in windows-1250.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>
#include <vector>

#include "core/csv.h"
#include "modules/payments/export.h"

namespace ostoja::payments {
namespace {

constexpr const char* kPayerIban = "PL61 1090 1014 0000 0712 1981 2874";

PaymentLine transfer_line() {
  return {101,
          "Łucja Żółkiewska",
          {"ul. Łęczyńska 5 m. 3", "20-400 Lublin"},
          Method::transfer,
          "PL62 1020 5356 0000 1234 5678 9012",
          Money{73450},
          "Zasiłek okresowy 12/2026",
          "MOPR-ZS.4011.123.2026",
          "zasiłek okresowy"};
}

PaymentLine cash_line() {
  return {102,
          "Jan \"Janek\" Nowak",
          {"ul. Zana 1; kl. B", "20-601 Lublin"},
          Method::cash,
          "",
          Money{30000},
          "Zasiłek celowy 12/2026",
          "MOPR-ZC.4011.7.2026",
          "zasiłek celowy"};
}

PaymentList sample() {
  PaymentList l;
  l.number = "LW/2026/12/001";
  l.payment_date = Date{2026, 12, 10};
  l.centre_name = "Miejski Ośrodek Pomocy Rodzinie w Lublinie";
  l.centre_address = {"ul. Diamentowa 2", "20-447 Lublin"};
  l.payer_iban = kPayerIban;
  l.lines = {transfer_line(), cash_line()};
  return l;
}

std::vector<std::string> split(const std::string& s, const std::string& separator) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t at; (at = s.find(separator, start)) != std::string::npos; start = at + separator.size())
    out.push_back(s.substr(start, at - start));
  out.push_back(s.substr(start));
  return out;
}

std::string run(const std::string& command) {
  std::string out;
  if (FILE* p = ::popen(command.c_str(), "r")) {
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    ::pclose(p);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// validate()

struct InvalidCase {
  const char* name;
  void (*spoil)(PaymentList&);
  const char* field;
  const char* message_part;
};

void PrintTo(const InvalidCase& c, std::ostream* os) {
  *os << c.name;
}

class PaymentExportValidate : public ::testing::TestWithParam<InvalidCase> {};

TEST_P(PaymentExportValidate, ReturnsAPolishErrorNamingTheField) {
  PaymentList list = sample();
  GetParam().spoil(list);
  const Status s = validate(list);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::validation);
  EXPECT_EQ(s.error().field, GetParam().field);
  EXPECT_NE(s.error().message.find(GetParam().message_part), std::string::npos) << s.error().message;
  // Every export refuses the same list with the same error.
  EXPECT_EQ(to_csv(list).error().field, GetParam().field);
  EXPECT_EQ(to_xlsx(list).error().field, GetParam().field);
  EXPECT_EQ(to_elixir(list).error().field, GetParam().field);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PaymentExportValidate,
    ::testing::Values(
        InvalidCase{"EmptyList", [](PaymentList& l) { l.lines.clear(); }, "lines", "nie ma żadnej pozycji"},
        InvalidCase{"NoCentreName", [](PaymentList& l) { l.centre_name = "  "; }, "centre_name", "nazwy ośrodka"},
        InvalidCase{"ZeroAmount", [](PaymentList& l) { l.lines[1].amount = Money{0}; }, "lines[1].amount",
                    "Pozycja 2 (Jan \"Janek\" Nowak): kwota musi być większa od zera (jest 0,00 zł)"},
        InvalidCase{"NegativeAmount", [](PaymentList& l) { l.lines[0].amount = Money{-500}; }, "lines[0].amount",
                    "Pozycja 1 (Łucja Żółkiewska): kwota musi być większa od zera (jest -5,00 zł)"},
        InvalidCase{"BadIbanChecksum", [](PaymentList& l) { l.lines[0].iban = "PL00 1020 5356 0000 1234 5678 9012"; },
                    "lines[0].iban",
                    "Pozycja 1 (Łucja Żółkiewska): nieprawidłowy rachunek odbiorcy. Nieprawidłowe cyfry kontrolne"},
        InvalidCase{"TransferWithoutIban", [](PaymentList& l) { l.lines[1].method = Method::transfer; },
                    "lines[1].iban", "Pozycja 2 (Jan \"Janek\" Nowak): nieprawidłowy rachunek odbiorcy"},
        InvalidCase{"NoRecipientName", [](PaymentList& l) { l.lines[1].recipient_name = ""; },
                    "lines[1].recipient_name", "Pozycja 2: brak nazwy odbiorcy"},
        InvalidCase{"NoTitleNorBenefit",
                    [](PaymentList& l) {
                      l.lines[0].title = "";
                      l.lines[0].benefit = " ";
                    },
                    "lines[0].title", "Pozycja 1 (Łucja Żółkiewska): brak tytułu"},
        InvalidCase{"ImpossiblePaymentDate",
                    [](PaymentList& l) {
                      l.payment_date = Date{2026, 2, 30};
                    },
                    "payment_date", "Nieprawidłowa data wypłaty"},
        InvalidCase{"CentreAddressNotUtf8", [](PaymentList& l) { l.centre_address[1] = "20-447 \xFF"; }, "",
                    "nie są poprawnie zapisane (UTF-8)"},
        InvalidCase{"NotUtf8", [](PaymentList& l) { l.lines[1].recipient_address[0] = "ul. \xC5"; }, "lines[1]",
                    "Pozycja 2: tekst nie jest poprawnie zapisany (UTF-8)"},
        InvalidCase{"MissingPayerIban", [](PaymentList& l) { l.payer_iban = ""; }, "payer_iban",
                    "nie podano rachunku ośrodka"},
        InvalidCase{"BadPayerIban", [](PaymentList& l) { l.payer_iban = "PL61 1090"; }, "payer_iban",
                    "Nieprawidłowy rachunek ośrodka (płatnika)"}),
    [](const ::testing::TestParamInfo<InvalidCase>& p) { return std::string{p.param.name}; });

TEST(PaymentExportValidateOk, CashOnlyListNeedsNoPayerAccount) {
  PaymentList list = sample();
  list.lines = {cash_line()};
  list.payer_iban = "";
  EXPECT_TRUE(validate(list).ok());
  EXPECT_TRUE(to_csv(list).ok());
  EXPECT_TRUE(validate(sample()).ok());
  EXPECT_EQ(sample().total(), Money{103450});
}

// ---------------------------------------------------------------------------------------------
// CSV

TEST(PaymentExportCsv, ExactBytesWithBomQuotingCrlfAndTotal) {
  const auto csv = to_csv(sample());
  ASSERT_TRUE(csv.ok()) << csv.error().message;
  EXPECT_EQ(*csv,
            "\xEF\xBB\xBF"
            "Lp.;Nr wypłaty;Odbiorca;Adres;Sposób;Rachunek;Kwota;Tytuł;Nr decyzji\r\n"
            "1;101;Łucja Żółkiewska;ul. Łęczyńska 5 m. 3, 20-400 Lublin;przelew;PL62 1020 5356 0000 1234 5678 9012;"
            "734,50;Zasiłek okresowy 12/2026;MOPR-ZS.4011.123.2026\r\n"
            "2;102;\"Jan \"\"Janek\"\" Nowak\";\"ul. Zana 1; kl. B, 20-601 Lublin\";gotówka;;300,00;"
            "Zasiłek celowy 12/2026;MOPR-ZC.4011.7.2026\r\n"
            "Razem;;;;;;1034,50;;\r\n");
}

TEST(PaymentExportCsv, ReadsBackWithTheProjectsCsvReader) {
  const auto parsed = csv::parse(*to_csv(sample()));
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  ASSERT_EQ(parsed->size(), 4u);
  EXPECT_EQ((*parsed)[2].fields[2], "Jan \"Janek\" Nowak");
  EXPECT_EQ((*parsed)[2].fields[3], "ul. Zana 1; kl. B, 20-601 Lublin");
  for (const auto& r : *parsed) EXPECT_EQ(r.fields.size(), 9u);
}

TEST(PaymentExportCsv, FormulaLikeTextStaysTextAndLineBreaksBecomeSpaces) {
  PaymentList list = sample();
  list.lines[1].recipient_name = "=HYPERLINK(\"http://x\")";
  list.lines[1].title = "Zasiłek\r\ncelowy";
  list.lines[1].amount = Money{5};
  const std::string csv = *to_csv(list);
  EXPECT_NE(csv.find(";\"'=HYPERLINK(\"\"http://x\"\")\";"), std::string::npos) << csv;
  EXPECT_NE(csv.find(";0,05;Zasiłek  celowy;"), std::string::npos) << csv;
  EXPECT_NE(csv.find("Razem;;;;;;734,55;;\r\n"), std::string::npos) << csv;
}

// ---------------------------------------------------------------------------------------------
// XLSX

class PaymentExportXlsx : public ::testing::Test {
 protected:
  // A private TMPDIR, so the test also sees that the exporter leaves no file behind.
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("ostoja-export-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    if (const char* old = std::getenv("TMPDIR")) old_tmpdir_ = old;
    ::setenv("TMPDIR", dir_.c_str(), 1);
  }
  void TearDown() override {
    if (old_tmpdir_.empty())
      ::unsetenv("TMPDIR");
    else
      ::setenv("TMPDIR", old_tmpdir_.c_str(), 1);
    std::filesystem::remove_all(dir_);
  }
  // The named part of the workbook, as unzip prints it.
  std::string part(const std::string& bytes, const std::string& name) {
    const auto path = dir_ / "read.xlsx";
    std::ofstream(path, std::ios::binary) << bytes;
    std::string out = run("unzip -p '" + path.string() + "' " + name);
    std::filesystem::remove(path);
    return out;
  }

  std::filesystem::path dir_;
  std::string old_tmpdir_;
};

TEST_F(PaymentExportXlsx, NumbersFormulaFrozenHeaderAndPolishText) {
  const auto x = to_xlsx(sample());
  ASSERT_TRUE(x.ok()) << x.error().message;
  ASSERT_TRUE(x->starts_with("PK\x03\x04"));  // a zip archive
  EXPECT_TRUE(std::filesystem::is_empty(dir_)) << "the temporary file was not removed";

  const std::string sheet = part(*x, "xl/worksheets/sheet1.xml");
  ASSERT_FALSE(sheet.empty()) << "unzip failed — is it installed (scripts/deps.sh)?";
  EXPECT_NE(sheet.find("<v>734.5</v>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<v>300</v>"), std::string::npos);
  EXPECT_NE(sheet.find("<f>SUM(G6:G7)</f><v>1034.5</v>"), std::string::npos);
  EXPECT_NE(sheet.find("ySplit=\"5\""), std::string::npos);
  EXPECT_NE(sheet.find("state=\"frozen\""), std::string::npos);
  EXPECT_NE(sheet.find("<col "), std::string::npos);
  EXPECT_NE(sheet.find("orientation=\"landscape\""), std::string::npos);

  const std::string strings = part(*x, "xl/sharedStrings.xml");
  for (const char* s : {"Lista wypłat nr LW/2026/12/001", "Data wypłaty: 10.12.2026", "Łucja Żółkiewska",
                        "ul. Łęczyńska 5 m. 3, 20-400 Lublin", "gotówka", "PL62 1020 5356 0000 1234 5678 9012",
                        "Nr wypłaty", "Tytuł", "Razem", "Sporządził", "Zatwierdził"})
    EXPECT_NE(strings.find(s), std::string::npos) << s;
  EXPECT_NE(strings.find("<t>Jan \"Janek\" Nowak</t>"), std::string::npos) << strings;

  const std::string styles = part(*x, "xl/styles.xml");
  EXPECT_NE(styles.find("formatCode=\"#,##0.00 &quot;zł&quot;\""), std::string::npos) << styles;
  const std::string workbook = part(*x, "xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"Lista wypłat\""), std::string::npos) << workbook;
}

TEST_F(PaymentExportXlsx, FormulaCoversEveryLine) {
  PaymentList list = sample();
  for (int i = 0; i < 8; ++i) list.lines.push_back(cash_line());  // 10 lines: rows 6–15
  const std::string sheet = part(*to_xlsx(list), "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("<f>SUM(G6:G15)</f><v>3434.5</v>"), std::string::npos) << sheet;
}

// ---------------------------------------------------------------------------------------------
// Elixir-O

PaymentList elixir_sample() {
  PaymentList list = sample();
  PaymentLine second = transfer_line();
  second.payment_id = 103;
  second.recipient_name = "Bożena Wiśniewska-Kowalczykowska";
  second.recipient_address = {"al. Solidarności 120/45", "20-123 Lublin"};
  second.iban = "93116022020000000012345678";  // without "PL", as some decisions store it
  second.amount = Money{122900};
  second.title = "Specjalny zasiłek celowy na zakup opału i leków za okres od 1 do 31 grudnia 2026 r.";
  second.decision_number = "MOPR-ZC.4011.1234.2026";
  list.lines.push_back(second);
  return list;
}

TEST(PaymentExportElixir, ExactRecordInWindows1250) {
  const auto e = to_elixir(elixir_sample());
  ASSERT_TRUE(e.ok()) << e.error().message;
  const auto records = split(*e, "\r\n");
  ASSERT_EQ(records.size(), 3u) << *e;  // two transfers, each ending in CRLF; the cash line is not there
  EXPECT_EQ(records.back(), "");
  EXPECT_EQ(records[0],
            "110,20261210,73450,10901014,0,\"61109010140000071219812874\",\"62102053560000123456789012\","
            "\"Miejski O\x9C"
            "rodek Pomocy Rodzinie w|Lublinie|ul. Diamentowa 2|20-447 Lublin\","
            "\"\xA3u"
            "cja \xAF\xF3\xB3kiewska|ul. \xA3\xEA"
            "czy\xF1ska 5 m. 3|20-400 Lublin\","
            "0,10205356,\"Zasi\xB3"
            "ek okresowy 12/2026|decyzja MOPR-ZS.4011.123.2026\",\"\",\"\",\"51\",\"WYPL 101\"");
  // The title is wrapped at spaces into parts of at most 35 characters, 4 at most.
  EXPECT_EQ(records[1],
            "110,20261210,122900,10901014,0,\"61109010140000071219812874\",\"93116022020000000012345678\","
            "\"Miejski O\x9C"
            "rodek Pomocy Rodzinie w|Lublinie|ul. Diamentowa 2|20-447 Lublin\","
            "\"Bo\xBF"
            "ena Wi\x9C"
            "niewska-Kowalczykowska|al. Solidarno\x9C"
            "ci 120/45|20-123 Lublin\","
            "0,11602202,\"Specjalny zasi\xB3"
            "ek celowy na zakup|opa\xB3"
            "u i lek\xF3w za okres od 1 do 31|grudnia 2026 r.|decyzja MOPR-ZC.4011.1234.2026\","
            "\"\",\"\",\"51\",\"WYPL 103\"");
}

TEST(PaymentExportElixir, Windows1250BytesOfPolishLetters) {
  const std::string e = *to_elixir(elixir_sample());
  // "Łęczyńska": Ł A3, ę EA, ń F1 — one byte each, no UTF-8 left.
  EXPECT_NE(e.find("\xA3\xEA"
                   "czy\xF1ska"),
            std::string::npos);
  EXPECT_EQ(e.find("\xC5\x81"), std::string::npos);  // UTF-8 "Ł"
  EXPECT_EQ(bank_text({"ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ"}),
            "\xB9\xE6\xEA\xB3\xF1\xF3\x9C\x9F\xBF \xA5\xC6\xCA\xA3\xD1\xD3\x8C\x8F\xAF");
}

TEST(PaymentExportElixir, CashSkippedAndAmountsAddUpToTheTransfers) {
  const PaymentList list = elixir_sample();
  const std::string e = *to_elixir(list);
  EXPECT_EQ(e.find("WYPL 102"), std::string::npos);
  std::int64_t sum = 0;
  for (const auto& record : split(e, "\r\n"))
    if (!record.empty()) sum += std::stoll(split(record, ",")[2]);
  Money transfers;
  for (const auto& l : list.lines)
    if (l.method == Method::transfer) transfers = transfers + l.amount;
  EXPECT_EQ(sum, transfers.grosze);
  EXPECT_EQ(sum, 73450 + 122900);
  for (const auto& record : split(e, "\r\n")) {
    if (!record.empty()) {
      EXPECT_EQ(split(record, ",").size(), 16u) << record;  // no comma inside text
    }
  }
}

TEST(PaymentExportElixir, ListWithoutTransfersIsRefused) {
  PaymentList list = sample();
  list.lines = {cash_line()};
  const auto e = to_elixir(list);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().field, "lines");
  EXPECT_NE(e.error().message.find("nie zawiera przelewów"), std::string::npos);
}

TEST(PaymentExportElixir, RecipientNameWithNothingBanksAccept) {
  PaymentList list = sample();
  list.lines[0].recipient_name = "Привет";
  const auto e = to_elixir(list);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().field, "lines[0].recipient_name");
}

struct TextCase {
  std::vector<std::string> elements;
  std::string expected;  // windows-1250
};

TEST(PaymentExportElixir, BankTextCleansAndCutsDeterministically) {
  const std::vector<TextCase> cases = {
      // Separators of the format and quotation marks.
      {{"Jan \"Janek\" Nowak, syn | Piotra; Łódź"},
       "Jan 'Janek' Nowak syn Piotra \xA3\xF3"
       "d\x9F"},
      {{"„Pod Dębem” – Dom"},
       "'Pod D\xEA"
       "bem' - Dom"},
      // Letters windows-1250 has stay (Czech, German); others keep their base letter or go.
      {{"Dvořák Müller Muñoz Øster Привет Anna"}, "Dvo\xF8\xE1k M\xFCller Munoz ster Anna"},
      // Decomposed input is composed first: e + combining ogonek is ę.
      {{"Le\xCC\x81 we\xCC\xA8"}, "L\xE9 w\xEA"},
      // Line breaks, tabs, symbols become single spaces; the ends are trimmed.
      {{"  a\r\n\tb  €  c@d#e  "}, "a b c d e"},
      // Each element starts a new part; a word longer than 35 is cut where the part is full.
      {{"Anna", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789XYZ"}, "Anna|ABCDEFGHIJKLMNOPQRSTUVWXYZ012345678|9XYZ"},
      // More than 4 parts one element each: the elements are joined and wrapped again.
      {{"a", "b", "c", "d", "e"}, "a b c d e"},
      // Whatever does not fit in 4×35 is cut off.
      {{std::string(50, 'x') + " " + std::string(50, 'y') + " " + std::string(50, 'z')},
       std::string(35, 'x') + "|" + std::string(15, 'x') + "|" + std::string(35, 'y') + "|" + std::string(15, 'y')},
  };
  for (const auto& c : cases) EXPECT_EQ(bank_text(c.elements), c.expected) << c.elements[0];
  EXPECT_EQ(bank_text({"WYPL 12345"}, 1), "WYPL 12345");
}

TEST(PaymentExportElixir, EveryPartAtMost35Characters) {
  const std::string t =
      bank_text({"Gminny Ośrodek Pomocy Społecznej im. Jana Pawła II w Wólce Kozodawskiej i Nowej Iwicznej",
                 "ul. Bardzo Długiej Nazwy Ulicy Imienia Kogoś Ważnego 123/456", "05-500 Piaseczno"});
  const auto parts = split(t, "|");
  EXPECT_LE(parts.size(), 4u);
  for (const auto& p : parts) {
    EXPECT_LE(p.size(), 35u) << p;
    EXPECT_FALSE(p.empty());
    EXPECT_NE(p.front(), ' ');
    EXPECT_NE(p.back(), ' ');
  }
}

}  // namespace
}  // namespace ostoja::payments
