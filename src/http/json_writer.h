#pragma once
// Writes a JSON document straight into its text, for responses read often (a person's card, a
// household, search results), where building a nlohmann::json tree first and dumping it cost more
// than everything else the request does (measured in bench/read_path_bench: 7.5 µs of 19 µs for one
// person). Output is what nlohmann::json::dump(-1, ' ', false, replace) writes for the same values:
// the same string escaping, invalid UTF-8 replaced by U+FFFD (that rare case is handed to nlohmann
// itself) — tests compare the two byte for byte. Keys and values are written in the order given.
#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/router.h"

namespace ostoja::http {

class JsonWriter {
 public:
  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
  JsonWriter& value(bool b);
  template <std::integral T>
  requires(!std::same_as<T, bool>) JsonWriter& value(T v) {
    separate();
    out_ += std::to_string(v);
    return *this;
  }
  JsonWriter& value(const Json& j);  // a value built elsewhere with nlohmann::json
  JsonWriter& null();
  template <class T>
  JsonWriter& value(const std::optional<T>& v) {
    return v ? value(*v) : null();
  }
  JsonWriter& value(const std::vector<std::string>& items);

  // key(name).value(v)
  template <class T>
  JsonWriter& field(std::string_view name, const T& v) {
    return key(name).value(v);
  }

  // The finished document; the writer is empty afterwards. Throws std::logic_error if a container
  // is still open (a bug in the caller).
  std::string take();

 private:
  void separate();  // a comma before every element but the first of its container
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);
  std::string out_;
  std::vector<bool> first_;  // per open container: nothing written in it yet
  bool after_key_{false};
};

Response json_response(JsonWriter& body, unsigned status = 200);

}  // namespace ostoja::http
