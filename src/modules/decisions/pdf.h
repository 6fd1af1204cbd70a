#pragma once
// The printed administrative decision (decyzja administracyjna, art. 107 § 1 KPA): a value holding its
// parts, rendered to an A4 PDF with libharu. The TrueType font is embedded and text is written as
// UTF-8, so every Polish letter prints and can be copied or extracted back from the file.
//
// Layout of a Polish decision: the centre top-left, "<place>, dnia <date> r." top-right, the case
// number, the addressee on the right, the centred title, the legal basis, "orzekam:", the numbered
// ruling, UZASADNIENIE, POUCZENIE, the signature block on the right and "Otrzymują:". Paragraphs are
// justified and wrapped to the page; pages follow as needed, each with "Strona i z n" at the foot
// and, from the second one, the case number at the top.
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace ostoja::decisions {

struct DecisionDocument {
  std::string centre_name;                        // "Miejski Ośrodek Pomocy Rodzinie w Lublinie"
  std::vector<std::string> centre_address_lines;  // {"ul. Diamentowa 2", "20-447 Lublin"}
  std::string place;                              // "Lublin" — printed as "Lublin, dnia 24 listopada 2026 r."
  Date issue_date;
  std::string number;                        // register number, e.g. "MOPR-ZS.4011.123.2026"
  std::vector<std::string> addressee_lines;  // "Pani Anna Kowalska", "ul. Łęczyńska 5 m. 3", "20-400 Lublin"
  std::string title{"DECYZJA"};
  std::string legal_basis;                      // the "Na podstawie art. … orzekam:" paragraph (one long paragraph)
  std::vector<std::string> ruling;              // numbered points of the sentencja (1., 2., …)
  std::vector<std::string> reasoning;           // paragraphs under "UZASADNIENIE"
  std::vector<std::string> appeal_instruction;  // paragraphs under "POUCZENIE"
  std::string signatory_name, signatory_title;  // right-aligned signature block
  std::vector<std::string> distribution;        // "Otrzymują:" list (1. Adresat, 2. a/a)
};

struct PdfFonts {  // TTF files from Debian's fonts-dejavu-core; embedded in the PDF
  std::string regular{"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"};
  std::string bold{"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"};
};

// A4 PDF bytes. Errors (Result) for a missing/unreadable font or libharu failure, with a Polish message.
// Errors: an empty centre_name, number, addressee_lines or ruling (or an empty ruling point), text that
// is not UTF-8 → validation (field: the member's name); a font file missing, unreadable or not a
// usable TrueType font, or any other libharu failure → unavailable (field "fonts" for fonts).
// A line "orzekam:" is printed after the legal basis unless the legal basis already ends with it.
Result<std::string> render_decision_pdf(const DecisionDocument& doc, const PdfFonts& fonts = {});

// "24 listopada 2026 r." (Polish month names in the genitive)
std::string polish_long_date(Date d);

}  // namespace ostoja::decisions
