#include "http/json_input.h"

#include <charconv>

#include "core/text.h"

namespace ostoja::http {

namespace {
Error type_error(const char* field, const char* what) {
  return Error::validation(std::string("Pole „") + field + "” musi być " + what + ".", field);
}
}  // namespace

Result<std::optional<std::string>> optional_string(const Json& j, const char* field, std::size_t max_len) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return std::optional<std::string>{};
  if (!it->is_string()) return type_error(field, "tekstem");
  std::string v = text::trim(it->get<std::string>());
  if (v.size() > max_len)
    return Error::validation(
        std::string("Pole „") + field + "” jest za długie (maks. " + std::to_string(max_len) + " znaków).", field);
  return std::optional<std::string>{std::move(v)};
}

Result<std::string> string_field(const Json& j, const char* field, std::size_t max_len, bool required) {
  OSTOJA_TRY(v, optional_string(j, field, max_len));
  if (!v || v->empty()) {
    if (required) return Error::validation(std::string("Pole „") + field + "” jest wymagane.", field);
    return std::string();
  }
  return *v;
}

Result<std::optional<std::int64_t>> optional_int(const Json& j, const char* field, std::int64_t min, std::int64_t max) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return std::optional<std::int64_t>{};
  if (!it->is_number_integer()) return type_error(field, "liczbą całkowitą");
  std::int64_t v = it->is_number_unsigned() && it->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)
                       ? INT64_MAX
                       : it->get<std::int64_t>();
  if (v < min || v > max)
    return Error::validation(std::string("Pole „") + field + "” musi mieścić się w zakresie " + std::to_string(min) +
                                 "–" + std::to_string(max) + ".",
                             field);
  return std::optional<std::int64_t>{v};
}

Result<std::int64_t> int_field(const Json& j, const char* field, std::int64_t min, std::int64_t max) {
  OSTOJA_TRY(v, optional_int(j, field, min, max));
  if (!v) return Error::validation(std::string("Pole „") + field + "” jest wymagane.", field);
  return *v;
}

Result<std::optional<bool>> optional_bool(const Json& j, const char* field) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return std::optional<bool>{};
  if (!it->is_boolean()) return type_error(field, "wartością logiczną (true/false)");
  return std::optional<bool>{it->get<bool>()};
}

Result<std::optional<std::vector<std::string>>> optional_string_list(const Json& j, const char* field,
                                                                     std::size_t max_items) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return std::optional<std::vector<std::string>>{};
  if (!it->is_array() || it->size() > max_items) return type_error(field, "listą tekstów");
  std::vector<std::string> out;
  for (const auto& e : *it) {
    if (!e.is_string() || e.get_ref<const std::string&>().size() > 100) return type_error(field, "listą tekstów");
    out.push_back(e.get<std::string>());
  }
  return std::optional<std::vector<std::string>>{std::move(out)};
}

Result<std::optional<std::vector<std::int64_t>>> optional_id_list(const Json& j, const char* field,
                                                                  std::size_t max_items) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return std::optional<std::vector<std::int64_t>>{};
  if (!it->is_array() || it->size() > max_items) return type_error(field, "listą identyfikatorów");
  std::vector<std::int64_t> out;
  for (const auto& e : *it) {
    if (!e.is_number_integer() || e.get<std::int64_t>() <= 0) return type_error(field, "listą identyfikatorów");
    out.push_back(e.get<std::int64_t>());
  }
  return std::optional<std::vector<std::int64_t>>{std::move(out)};
}

Result<std::optional<std::int64_t>> query_opt_int(const Request& req, const char* name) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::optional<std::int64_t>{};
  std::int64_t out = 0;
  auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
  if (ec != std::errc{} || p != v->data() + v->size())
    return Error::validation(std::string("Parametr „") + name + "” musi być liczbą całkowitą.", name);
  return std::optional<std::int64_t>{out};
}

Result<std::int64_t> query_int(const Request& req, const char* name, std::int64_t def, std::int64_t min,
                               std::int64_t max) {
  OSTOJA_TRY(v, query_opt_int(req, name));
  std::int64_t x = v.value_or(def);
  if (x < min || x > max)
    return Error::validation(std::string("Parametr „") + name + "” musi mieścić się w zakresie " + std::to_string(min) +
                                 "–" + std::to_string(max) + ".",
                             name);
  return x;
}

}  // namespace ostoja::http
