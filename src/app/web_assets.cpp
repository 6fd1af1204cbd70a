#include <span>
#include <string>

#include "app/application.h"
#include "core/embedded.h"

namespace ostoja::app {

namespace embedded_web {
std::span<const ostoja::EmbeddedFile> embedded_files();
}

namespace {

std::string content_type(std::string_view path) {
  auto ends = [&](std::string_view ext) { return path.ends_with(ext); };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".json")) return "application/json";
  if (ends(".woff2")) return "font/woff2";
  if (ends(".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

const EmbeddedFile* find(std::string_view path) {
  for (const auto& f : embedded_web::embedded_files())
    if (f.path == path) return &f;
  return nullptr;
}

}  // namespace

std::optional<http::Response> serve_web_asset(const http::Request& req) {
  std::string_view path = req.path;
  if (path.find("..") != std::string_view::npos) return std::nullopt;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  const EmbeddedFile* f = path.empty() ? nullptr : find(path);
  bool fallback = false;
  if (!f) {
    // Client-side routes (/sekcje/3) get the app shell; missing hashed assets get a real 404.
    if (path.starts_with("assets/")) return std::nullopt;
    f = find("index.html");
    fallback = true;
  }
  if (!f) {
    http::Response r;
    r.content_type = "text/plain; charset=utf-8";
    r.body = "Ostoja: aplikacja WWW nie została zbudowana (uruchom make demo lub npm run build).";
    r.status = 503;
    return r;
  }
  http::Response r;
  r.content_type = content_type(fallback ? "index.html" : f->path);
  r.body = std::string(f->content);
  // Vite puts content hashes in asset names: cache them forever; the HTML shell must revalidate.
  if (f->path.starts_with("assets/"))
    r.header("Cache-Control", "public, max-age=31536000, immutable");
  else
    r.header("Cache-Control", "no-cache");
  return r;
}

}  // namespace ostoja::app
