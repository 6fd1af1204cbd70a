// The only translation unit that includes Boost.Beast.
#include "http/server.h"

#include <pthread.h>
#include <spdlog/spdlog.h>

#include <array>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <functional>
#include <thread>
#include <utility>
#include <vector>

namespace ostoja::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

// One scheduler run by `io_threads` threads. A connection's handlers run one at a time on its strand,
// on whichever thread is free, so a connection is never tied to a thread that is busy: a slow query
// holds one thread while the others keep serving every other connection (tested in tests/api).
struct Server::Impl {
  ServerConfig config;
  ServerHooks hooks;
  std::size_t threads;
  asio::io_context ioc;
  asio::thread_pool workers;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  std::atomic<std::size_t> in_flight{0};
  std::atomic<std::size_t> blocking{0};  // scheduler threads now running blocking work
  std::atomic<bool> draining{false};

  Impl(ServerConfig c, ServerHooks h)
      : config(std::move(c)),
        hooks(std::move(h)),
        threads(std::max<std::size_t>(2, config.io_threads)),
        ioc(static_cast<int>(threads)),
        workers(config.workers),
        acceptor(asio::make_strand(ioc)),
        signals(ioc, SIGINT, SIGTERM) {}

  void accept();
  void begin_shutdown();
  void drain(std::shared_ptr<asio::steady_timer> timer, std::chrono::steady_clock::time_point deadline);
};

namespace {

std::string json_error(std::string_view code, std::string_view message) {
  // Messages are fixed ASCII-safe Polish strings from this file; no escaping needed beyond quotes.
  return std::string(R"({"error":{"code":")") + std::string(code) + R"(","message":")" + std::string(message) +
         R"(","field":""}})";
}

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Server::Impl& server) : stream_(std::move(socket)), server_(server) {}

  void start() {
    beast::error_code ec;
    stream_.socket().set_option(tcp::no_delay(true), ec);
    auto ep = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ip_ = ep.address().to_string();
    read();
  }

 private:
  void read() {
    parser_.emplace();
    parser_->body_limit(server_.config.max_body_bytes);
    parser_->header_limit(static_cast<std::uint32_t>(server_.config.max_header_bytes));
    stream_.expires_after(server_.config.request_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
  }

  void on_read(beast::error_code ec) {
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted ||
        ec == asio::error::connection_reset || ec == asio::error::eof) {
      close();
      return;
    }
    if (ec == bhttp::error::body_limit) {
      reply_error(413, "too_large", "Treść żądania jest za duża.");
      return;
    }
    if (ec == bhttp::error::header_limit) {
      reply_error(431, "too_large", "Nagłówki żądania są za duże.");
      return;
    }
    if (ec) {
      reply_error(400, "validation", "Nieprawidłowe żądanie HTTP.");
      return;
    }
    started_ = std::chrono::steady_clock::now();
    auto& msg = parser_->get();
    keep_alive_ = msg.keep_alive();
    auto req = std::make_shared<Request>();
    req->method = std::string(msg.method_string());
    std::string_view target = msg.target();
    auto q = target.find('?');
    req->path = std::string(target.substr(0, q));
    if (q != std::string_view::npos) req->query = std::string(target.substr(q + 1));
    req->headers.reserve(8);
    for (const auto& f : msg) req->headers.emplace_back(std::string(f.name_string()), std::string(f.value()));
    req->body = std::move(msg.body());
    req->remote_ip = remote_ip_;

    if (server_.hooks.run_inline(*req)) {
      respond(req, server_.hooks.dispatch(*req));
      return;
    }
    if (server_.in_flight.fetch_add(1) >= server_.config.max_in_flight) {
      server_.in_flight.fetch_sub(1);
      reply_error(503, "unavailable", "Serwer jest przeciążony. Spróbuj ponownie za chwilę.");
      return;
    }
    // Blocking (database) work runs on this scheduler thread only while another scheduler thread
    // stays free for everyone else's I/O; otherwise it goes to the bounded worker pool. This saves
    // two thread hand-offs per request (measured in docs/benchmarks.md).
    if (server_.blocking.fetch_add(1) + 1 < server_.threads) {
      auto r = std::make_shared<Response>(server_.hooks.dispatch(*req));
      server_.blocking.fetch_sub(1);
      finish(req, r);
      return;
    }
    server_.blocking.fetch_sub(1);
    asio::post(server_.workers, [self = shared_from_this(), req] {
      self->finish(req, std::make_shared<Response>(self->server_.hooks.dispatch(*req)));
    });
  }

  // Sends a dispatched response from any thread, after its gate (if any) opens; the sending itself
  // always happens on this connection's strand.
  void finish(const std::shared_ptr<Request>& req, const std::shared_ptr<Response>& r) {
    auto send = [self = shared_from_this(), req, r](bool ok) {
      asio::dispatch(self->stream_.get_executor(), [self, req, r, ok] {
        self->server_.in_flight.fetch_sub(1);
        if (ok) {
          self->respond(req, std::move(*r));
        } else {
          Response failed;
          failed.status = 503;
          failed.body = json_error("unavailable", "Nie udało się zapisać wpisu w dzienniku audytu. Spróbuj ponownie.");
          self->respond(req, std::move(failed));
        }
      });
    };
    if (r->gate) {
      Gate gate = std::move(r->gate);
      r->gate = nullptr;
      gate(send);  // continues on whichever thread opens the gate
    } else {
      send(true);
    }
  }

  void respond(const std::shared_ptr<Request>& req, Response r) {
    auto res = std::make_shared<bhttp::response<bhttp::string_body>>();
    res->result(r.status);
    res->version(11);
    res->set(bhttp::field::server, "ostoja");
    if (!r.content_type.empty()) res->set(bhttp::field::content_type, r.content_type);
    for (auto& [k, v] : r.headers) res->insert(k, v);
    res->keep_alive(keep_alive_ && !server_.draining);
    std::size_t bytes = r.body.size();
    if (req->method != "HEAD") res->body() = std::move(r.body);
    res->prepare_payload();
    if (req->method == "HEAD") res->content_length(bytes);
    if (server_.hooks.access_log) {
      auto dur = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started_);
      server_.hooks.access_log(AccessRecord{*req, r.status, bytes, dur});
    }
    write(std::move(res));
  }

  void reply_error(unsigned status, std::string_view code, std::string_view message) {
    auto res = std::make_shared<bhttp::response<bhttp::string_body>>();
    res->result(status);
    res->version(11);
    res->set(bhttp::field::content_type, "application/json; charset=utf-8");
    res->keep_alive(false);
    res->body() = json_error(code, message);
    res->prepare_payload();
    keep_alive_ = false;
    write(std::move(res));
  }

  void write(std::shared_ptr<bhttp::response<bhttp::string_body>> res) {
    bool close_after = !res->keep_alive();
    bhttp::async_write(stream_, *res, [self = shared_from_this(), res, close_after](beast::error_code ec, std::size_t) {
      if (ec || close_after) {
        self->close();
        return;
      }
      self->read();
    });
  }

  // Lingering close: stop sending, then read and discard what the client is still sending (e.g. the
  // rest of an oversized body) for up to 2 s, so it receives our response instead of a reset.
  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) {
      stream_.socket().close(ec);
      return;
    }
    stream_.expires_after(std::chrono::seconds(2));
    drain(std::make_shared<std::array<char, 16384>>());
  }

  void drain(std::shared_ptr<std::array<char, 16384>> buf) {
    stream_.async_read_some(asio::buffer(*buf), [self = shared_from_this(), buf](beast::error_code ec, std::size_t) {
      if (ec) {
        beast::error_code ignored;
        self->stream_.socket().close(ignored);
        return;
      }
      self->drain(buf);
    });
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  Server::Impl& server_;
  std::string remote_ip_;
  bool keep_alive_{true};
  std::chrono::steady_clock::time_point started_;
};

}  // namespace

void Server::Impl::accept() {
  // Each connection gets a strand of its own: its handlers never run concurrently.
  acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (ec == asio::error::operation_aborted) return;  // acceptor closed: shutting down
      spdlog::warn("accept failed: {}", ec.message());
    } else {
      auto strand = socket.get_executor();
      auto session = std::make_shared<Session>(std::move(socket), *this);
      asio::dispatch(strand, [session] { session->start(); });
    }
    if (acceptor.is_open()) accept();
  });
}

void Server::Impl::begin_shutdown() {
  if (draining.exchange(true)) return;
  spdlog::info("shutting down: no new connections, finishing {} request(s) in progress", in_flight.load());
  beast::error_code ec;
  acceptor.close(ec);
  // Wait for in-flight requests (their responses are sent with Connection: close), then stop.
  drain(std::make_shared<asio::steady_timer>(acceptor.get_executor()),
        std::chrono::steady_clock::now() + config.shutdown_grace);
}

void Server::Impl::drain(std::shared_ptr<asio::steady_timer> timer, std::chrono::steady_clock::time_point deadline) {
  if (in_flight == 0 || std::chrono::steady_clock::now() > deadline) {
    ioc.stop();
    return;
  }
  timer->expires_after(std::chrono::milliseconds(20));
  timer->async_wait([this, timer, deadline](beast::error_code) { drain(timer, deadline); });
}

Server::Server(ServerConfig config, ServerHooks hooks)
    : impl_(std::make_unique<Impl>(std::move(config), std::move(hooks))) {}

Server::~Server() {
  impl_->workers.join();
}

void Server::run() {
  auto& s = *impl_;
  tcp::endpoint ep{asio::ip::make_address(s.config.address), s.config.port};
  s.acceptor.open(ep.protocol());
  s.acceptor.set_option(asio::socket_base::reuse_address(true));
  s.acceptor.bind(ep);
  s.acceptor.listen(asio::socket_base::max_listen_connections);
  unsigned short port = s.acceptor.local_endpoint().port();
  if (s.hooks.on_listening) s.hooks.on_listening(port);
  // Shutdown runs on the acceptor's strand: it closes the acceptor, which only that strand touches.
  s.signals.async_wait(asio::bind_executor(s.acceptor.get_executor(), [&s](beast::error_code ec, int) {
    if (!ec) s.begin_shutdown();
  }));
  s.accept();
  auto guard = asio::make_work_guard(s.ioc);
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < s.threads; ++i)
    threads.emplace_back([&s] {
      pthread_setname_np(pthread_self(), "ostoja-io");  // thread names show in top -H and perf
      s.ioc.run();
    });
  s.ioc.run();
  s.ioc.stop();
  for (auto& t : threads) t.join();
  s.workers.join();
}

void Server::stop() {
  asio::post(impl_->acceptor.get_executor(), [this] { impl_->begin_shutdown(); });
}

}  // namespace ostoja::http
