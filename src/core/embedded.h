#pragma once
// Files compiled into the binary (SQL migrations, the built web app); see cmake/embed.cmake.
#include <string_view>

namespace ostoja {

struct EmbeddedFile {
  std::string_view path;     // relative to the embedded folder, '/' separated
  std::string_view content;  // bytes
};

}  // namespace ostoja
