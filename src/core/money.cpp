#include "core/money.h"

#include <cstdlib>

namespace ostoja {

std::string Money::polish() const {
  std::int64_t abs = grosze < 0 ? -grosze : grosze;
  std::string zl = std::to_string(abs / 100);
  // Thousands separated by a (non-breaking in print; here plain) space: 1 229,00 zł
  std::string grouped;
  int n = 0;
  for (auto it = zl.rbegin(); it != zl.rend(); ++it, ++n) {
    if (n > 0 && n % 3 == 0) grouped.insert(grouped.begin(), ' ');
    grouped.insert(grouped.begin(), *it);
  }
  std::int64_t gr = abs % 100;
  std::string out = (grosze < 0 ? "-" : "") + grouped + "," + (gr < 10 ? "0" : "") + std::to_string(gr) + " zł";
  return out;
}

}  // namespace ostoja
