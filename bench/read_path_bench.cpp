// The server-side CPU of one audited read, piece by piece, without the network (SQLite demo data):
//   router dispatch of the unauthenticated hello endpoint        (baseline)
//   router dispatch of GET /api/v1/persons/{id} with an API token (authentication, permission, scope,
//     query, JSON) — the audit entry is produced but not committed
//   the same read with its audit entry group-committed, 64 requests in flight as in scripts/bench.sh
// The end-to-end figure (wrk against the real server) is scripts/bench.sh; this one shows where the
// time goes. Usage: build/release/bench/read_path_bench
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>

#include "app/application.h"
#include "app/demo.h"

using namespace ostoja;

namespace {

struct Env {
  std::unique_ptr<app::Application> app;
  http::Request hello, read;
};

Env& env() {
  static Env e = [] {
    Env v;
    auto path = std::filesystem::temp_directory_path() / ("ostoja-read-bench-" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path);
    app::Config config;
    config.database_url = "sqlite://" + path.string();
    v.app = std::make_unique<app::Application>(config);
    if (!app::create_demo(*v.app, {.households = 300, .seed = 1}).ok()) std::abort();
    auto login = v.app->identity().login("dyrektor", "demo", "127.0.0.1");
    if (!login.ok()) std::abort();
    auto token = v.app->identity().create_token(login->principal, "bench", 1);
    if (!token.ok()) std::abort();
    auto person = v.app->db().acquire()->query_one("SELECT MIN(id) FROM persons")->int64(0);
    v.hello.method = v.read.method = "GET";
    v.hello.path = "/api/v1/hello";
    v.read.path = "/api/v1/persons/" + std::to_string(person);
    v.hello.remote_ip = v.read.remote_ip = "127.0.0.1";
    for (auto* r : {&v.hello, &v.read}) {
      r->headers = {{"Host", "127.0.0.1:18080"}, {"User-Agent", "bench"}, {"Accept", "*/*"}};
    }
    v.read.headers.emplace_back("Authorization", "Bearer " + token->secret);
    return v;
  }();
  return e;
}

void BM_DispatchHello(benchmark::State& state) {
  auto& e = env();
  for (auto _ : state) {
    auto r = e.app->router().dispatch(e.hello, e.app->authenticator());
    benchmark::DoNotOptimize(r.body.data());
  }
}
BENCHMARK(BM_DispatchHello);

void BM_DispatchPersonRead(benchmark::State& state) {
  auto& e = env();
  for (auto _ : state) {
    auto r = e.app->router().dispatch(e.read, e.app->authenticator());
    if (r.status != 200 || !r.gate) state.SkipWithError("the read failed or carried no audit gate");
    benchmark::DoNotOptimize(r.body.data());
  }
}
BENCHMARK(BM_DispatchPersonRead);

// Keeps `depth` reads in flight: each one, once its audit entry is durable, starts the next. CPU time of
// the whole process (dispatching thread + group-commit thread) per read.
void BM_PersonReadAudited(benchmark::State& state) {
  auto& e = env();
  const auto depth = static_cast<int>(state.range(0));
  std::mutex m;
  std::condition_variable cv;
  int done = 0;
  const auto batches0 = e.app->audit_log().batches_committed();
  const auto entries0 = e.app->audit_log().entries_committed();
  for (auto _ : state) {
    for (int i = 0; i < depth; ++i) {
      auto r = e.app->router().dispatch(e.read, e.app->authenticator());
      r.gate([&](bool ok) {
        if (!ok) std::abort();
        std::lock_guard lock(m);
        ++done;
        cv.notify_one();
      });
    }
    std::unique_lock lock(m);
    cv.wait(lock, [&] { return done == depth; });
    done = 0;
  }
  state.SetItemsProcessed(state.iterations() * depth);
  state.counters["entries_per_commit"] =
      static_cast<double>(e.app->audit_log().entries_committed() - entries0) /
      static_cast<double>(std::max<std::uint64_t>(1, e.app->audit_log().batches_committed() - batches0));
}
BENCHMARK(BM_PersonReadAudited)->Arg(8)->Arg(64)->MeasureProcessCPUTime()->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
