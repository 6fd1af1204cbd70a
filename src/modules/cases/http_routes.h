#pragma once
#include "http/router.h"
#include "modules/cases/service.h"

namespace ostoja::cases {
// A response carrying personal data: it waits (without blocking a thread) until the read's audit
// entries are durable in `log`, and is never cached.
template <class T>
http::Response gated(http::Response resp, audit::GroupCommitLog& log, Audited<T>& read) {
  resp.gate = [&log, entries = std::move(read.audit)](std::function<void(bool)> send) mutable {
    log.append_async(std::move(entries), std::move(send));
  };
  resp.header("Cache-Control", "no-store");
  return resp;
}

// Reads of personal data are sent only after their audit entries are committed by `log`.
void register_routes(http::Router& router, CaseService& service, audit::GroupCommitLog& log);
}  // namespace ostoja::cases
