#pragma once
// The HTTP server (Boost.Beast/Asio, kept inside server.cpp). Keep-alive, TCP_NODELAY, limits on
// header and body size and on request time, a bounded worker pool for blocking (database) work so
// a slow query never stalls the event loop, graceful shutdown on SIGTERM/SIGINT.
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "http/message.h"

namespace ostoja::http {

struct ServerConfig {
  std::string address{"0.0.0.0"};
  unsigned short port{8080};  // 0 = any free port (tests)
  std::size_t io_threads{4};  // all but one may run blocking work inline; the rest goes to `workers`
  std::size_t workers{8};
  std::size_t max_in_flight{4096};  // beyond this, 503 at once instead of queueing without bound
  std::size_t max_body_bytes{2 * 1024 * 1024};
  std::size_t max_header_bytes{16 * 1024};
  std::chrono::seconds request_timeout{30};
  std::chrono::seconds shutdown_grace{10};
};

struct AccessRecord {
  const Request& request;
  unsigned status;
  std::size_t bytes;
  std::chrono::microseconds duration;
};

struct ServerHooks {
  std::function<Response(const Request&)> dispatch;  // may block; runs on a worker unless run_inline
  std::function<bool(const Request&)> run_inline;    // true → cheap, run on the I/O thread
  std::function<void(const AccessRecord&)> access_log;
  std::function<void(unsigned short port)> on_listening;
};

class Server {
 public:
  Server(ServerConfig config, ServerHooks hooks);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds, serves until stop() or SIGTERM/SIGINT, then drains in-flight requests and returns.
  void run();
  void stop();

  struct Impl;  // defined in server.cpp

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace ostoja::http
