#include "core/text.h"

#include <unicode/coll.h>
#include <unicode/translit.h>
#include <unicode/ucol.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace ostoja::text {

namespace {

// ICU transliterators and collators are not thread-safe for concurrent use; keep one per thread.
icu::Transliterator& folder() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error{};
    // NFD + removing combining marks handles ą,ć,ę,ń,ó,ś,ź,ż; ł has no decomposition in Unicode,
    // so it is mapped explicitly (after lower-casing, Ł is ł too).
    std::unique_ptr<icu::Transliterator> tr(icu::Transliterator::createFromRules(
        "ostoja-fold",
        icu::UnicodeString::fromUTF8(":: Lower ; :: NFD ; :: [:Nonspacing Mark:] Remove ; \\u0142 > l ; :: NFC ;"),
        UTRANS_FORWARD, parse_error, status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU transliterator rules failed to compile");
    return tr;
  }();
  return *t;
}

icu::Collator& collator() {
  thread_local std::unique_ptr<icu::Collator> c = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> col(icu::Collator::createInstance(icu::Locale("pl", "PL"), status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU Polish collator unavailable");
    return col;
  }();
  return *c;
}

}  // namespace

std::string fold(std::string_view utf8) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  folder().transliterate(s);
  std::string out;
  s.toUTF8String(out);
  return out;
}

std::string collation_key(std::string_view utf8) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  int32_t need = collator().getSortKey(s, nullptr, 0);
  std::string key(static_cast<size_t>(need), '\0');
  collator().getSortKey(s, reinterpret_cast<uint8_t*>(key.data()), need);
  if (!key.empty() && key.back() == '\0') key.pop_back();  // ICU includes the terminating NUL
  return key;
}

std::pair<std::string, std::string> collation_prefix_range(std::string_view prefix) {
  const std::string key = collation_key(prefix);
  auto bound = [&](UColBoundMode mode) {
    UErrorCode status = U_ZERO_ERROR;
    std::string out(key.size() + 64, '\0');
    const auto* src = reinterpret_cast<const uint8_t*>(key.c_str());  // NUL-terminated sort key
    int32_t n = ucol_getBound(src, static_cast<int32_t>(key.size() + 1), mode, 1,
                              reinterpret_cast<uint8_t*>(out.data()), static_cast<int32_t>(out.size()), &status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU ucol_getBound failed");
    out.resize(static_cast<std::size_t>(n));
    if (!out.empty() && out.back() == '\0') out.pop_back();
    return out;
  };
  return {bound(UCOL_BOUND_LOWER), bound(UCOL_BOUND_UPPER_LONG)};
}

std::vector<std::string> polish_spellings(std::string_view typed, std::size_t max) {
  icu::UnicodeString s =
      icu::UnicodeString::fromUTF8(icu::StringPiece(typed.data(), static_cast<int32_t>(typed.size())));
  s.toLower(icu::Locale("pl", "PL"));
  std::vector<icu::UnicodeString> out{icu::UnicodeString()};
  for (int32_t i = 0; i < s.length();) {
    const UChar32 c = s.char32At(i);
    i += U16_LENGTH(c);
    std::u16string_view alts;
    switch (c) {
      case u'a':
        alts = u"aą";
        break;
      case u'c':
        alts = u"cć";
        break;
      case u'e':
        alts = u"eę";
        break;
      case u'l':
        alts = u"lł";
        break;
      case u'n':
        alts = u"nń";
        break;
      case u'o':
        alts = u"oó";
        break;
      case u's':
        alts = u"sś";
        break;
      case u'z':
        alts = u"zźż";
        break;
      default:
        break;
    }
    if (alts.empty()) {
      for (auto& v : out) v.append(c);
      continue;
    }
    if (out.size() * alts.size() > max) return {};
    std::vector<icu::UnicodeString> next;
    for (const auto& v : out)
      for (char16_t a : alts) next.push_back(icu::UnicodeString(v).append(static_cast<UChar32>(a)));
    out = std::move(next);
  }
  std::vector<std::string> result;
  for (const auto& v : out) {
    std::string u8;
    v.toUTF8String(u8);
    result.push_back(std::move(u8));
  }
  return result;
}

int compare_polish(std::string_view a, std::string_view b) {
  UErrorCode status = U_ZERO_ERROR;
  auto r = collator().compareUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
                                  icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
  return r == UCOL_LESS ? -1 : (r == UCOL_GREATER ? 1 : 0);
}

bool valid_utf8(std::string_view bytes) {
  int32_t i = 0;
  const auto n = static_cast<int32_t>(bytes.size());
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\n' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

std::string hex(std::string_view bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (char ch : bytes) {
    auto c = static_cast<unsigned char>(ch);
    out.push_back(digits[c >> 4]);
    out.push_back(digits[c & 15]);
  }
  return out;
}

std::size_t utf8_length(std::string_view utf8) {
  std::size_t n = 0;
  for (char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // bytes that start a character
  return n;
}

namespace {
std::u32string code_points(std::string_view utf8) {
  std::u32string out;
  int32_t i = 0;
  const auto n = static_cast<int32_t>(utf8.size());
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
  }
  return out;
}
}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::u32string x = code_points(a), y = code_points(b);
  // One row of the dynamic-programming table: row[j] = distance between x[0..i) and y[0..j).
  std::vector<std::size_t> row(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    std::size_t diagonal = row[0];  // distance of x[0..i-1) and y[0..j-1)
    row[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[y.size()];
}

}  // namespace ostoja::text
