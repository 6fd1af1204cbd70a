#include "core/clock.h"

#include <unicode/calendar.h>
#include <unicode/timezone.h>

#include <memory>
#include <stdexcept>

namespace ostoja {

Date Clock::today() const {
  // Legal dates are Warsaw dates: a decision signed at 00:30 CET on 1 January is dated 1 January.
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> cal(
      icu::Calendar::createInstance(icu::TimeZone::createTimeZone("Europe/Warsaw"), status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU calendar unavailable");
  cal->setTime(static_cast<UDate>(now_ms()), status);
  int y = cal->get(UCAL_YEAR, status);
  int m = cal->get(UCAL_MONTH, status) + 1;
  int d = cal->get(UCAL_DATE, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU calendar failed");
  return Date{y, static_cast<unsigned>(m), static_cast<unsigned>(d)};
}

}  // namespace ostoja
