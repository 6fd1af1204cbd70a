#pragma once
// Typed reads of JSON request fields with Polish errors naming the field. Wrong type, missing
// required field or out-of-range value → Error::validation(field).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "http/router.h"

namespace ostoja::http {

Result<std::string> string_field(const Json& j, const char* field, std::size_t max_len = 200, bool required = true);
Result<std::optional<std::string>> optional_string(const Json& j, const char* field, std::size_t max_len = 200);
Result<std::optional<std::int64_t>> optional_int(const Json& j, const char* field, std::int64_t min, std::int64_t max);
Result<std::int64_t> int_field(const Json& j, const char* field, std::int64_t min, std::int64_t max);
Result<std::optional<bool>> optional_bool(const Json& j, const char* field);
Result<std::optional<std::vector<std::string>>> optional_string_list(const Json& j, const char* field,
                                                                     std::size_t max_items = 50);
Result<std::optional<std::vector<std::int64_t>>> optional_id_list(const Json& j, const char* field,
                                                                  std::size_t max_items = 200);

// Query-string integer (?limit=…): absent → default; malformed or out of range → validation error.
Result<std::int64_t> query_int(const Request& req, const char* name, std::int64_t def, std::int64_t min,
                               std::int64_t max);
Result<std::optional<std::int64_t>> query_opt_int(const Request& req, const char* name);

// Output: an optional value as JSON, null when absent (dates as "YYYY-MM-DD").
template <class T>
Json nullable(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}
inline Json nullable(const std::optional<Date>& d) {
  return d ? Json(d->iso()) : Json(nullptr);
}

}  // namespace ostoja::http
