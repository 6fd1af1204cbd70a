#pragma once
// Insert-only, hash-chained audit log (one chain per centre).
//
// Writes append their entries inside the same transaction as the data they change (append()).
// Reads of personal data go through GroupCommitLog::append_durable(): the caller blocks until the
// batch holding its entries is committed, so a response carrying personal data is only sent once its
// audit entry is durable — even if the process dies right after sending. Many concurrent reads share
// one commit (group commit), as databases do with their write-ahead logs.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "core/ids.h"
#include "core/principal.h"
#include "storage/database.h"

namespace ostoja::audit {

struct Entry {
  CentreId centre;
  std::int64_t at{0};  // epoch ms
  std::optional<std::int64_t> user_id;
  std::string user_login;
  std::string action;  // read, create, update, delete, login, login_failed, logout, break_glass, export…
  std::string entity;  // person, household, user, section, street_range, audit…
  std::optional<std::int64_t> entity_id;
  std::optional<std::int64_t> person_id;  // whose personal data (RODO art. 15 queries)
  std::string purpose;
  std::string ip;
};

struct StoredEntry {
  Entry entry;
  std::int64_t seq{0};
  std::string prev_hash;
  std::string hash;
};

// An entry for something `who` did now (system principals — the CLI — carry no user id).
Entry entry_for(const Principal& who, std::int64_t now, std::string action, std::string entity,
                std::optional<std::int64_t> entity_id, std::optional<std::int64_t> person_id = std::nullopt,
                std::string purpose = {});

// Hash of an entry given its predecessor's hash and its sequence number (SHA-256, hex).
std::string chain_hash(const std::string& prev_hash, std::int64_t seq, const Entry& e);

// Appends entries inside the caller's open write transaction.
void append(storage::Connection& c, std::span<const Entry> entries);
inline void append(storage::Connection& c, const Entry& e) {
  append(c, std::span(&e, 1));
}

struct VerifyResult {
  bool ok{true};
  std::int64_t entries{0};
  std::optional<std::int64_t> first_bad_seq;
  std::string reason;  // Polish
};

// Recomputes the chain of one centre; detects altered, inserted, reordered and removed entries.
VerifyResult verify(storage::Connection& c, CentreId centre);

// A point of the chain kept outside the database (printed, sent, filed by `ostoja audit anchor`). The
// chain alone cannot stop someone with write access from rewriting entries and recomputing every hash
// after them; an entry whose hash was recorded elsewhere can no longer change unnoticed.
struct Anchor {
  std::int64_t seq{0};
  std::string hash;  // 64 hex digits
};
// The chain's newest entry, if any.
std::optional<Anchor> tip(storage::Connection& c, CentreId centre);
// verify(), and also that entry `anchor.seq` still exists with `anchor.hash`.
VerifyResult verify_anchored(storage::Connection& c, CentreId centre, const Anchor& anchor);

struct Filter {
  std::optional<std::int64_t> person_id, user_id, entity_id;
  std::string action, entity;
  std::optional<std::int64_t> from_ms, to_ms;  // [from, to)
  std::int64_t limit{100}, offset{0};
};

struct Page {
  std::vector<StoredEntry> items;
  std::int64_t total{0};
};

Page query(storage::Connection& c, CentreId centre, const Filter& f);

class GroupCommitLog {
 public:
  explicit GroupCommitLog(storage::Database& db, std::size_t max_batch = 2048);
  ~GroupCommitLog();
  GroupCommitLog(const GroupCommitLog&) = delete;
  GroupCommitLog& operator=(const GroupCommitLog&) = delete;

  // Blocks until the entries are committed; throws storage::StorageError if the commit failed.
  void append_durable(std::vector<Entry> entries);
  // Returns at once; `done(ok)` runs on the log's thread after the batch holding the entries is
  // committed (ok=true) or failed (ok=false).
  void append_async(std::vector<Entry> entries, std::function<void(bool ok)> done);

  std::uint64_t batches_committed() const { return batches_; }
  std::uint64_t entries_committed() const { return entries_; }

 private:
  struct Pending {
    std::vector<Entry> entries;
    std::function<void(std::exception_ptr)> done;  // null error = committed
  };
  void run();
  void enqueue(std::vector<Entry> entries, std::function<void(std::exception_ptr)> done);

  storage::Database& db_;
  std::size_t max_batch_;
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<Pending> queue_;
  bool stop_{false};
  std::atomic<std::uint64_t> batches_{0};
  std::atomic<std::uint64_t> entries_{0};
  std::thread worker_;
};

}  // namespace ostoja::audit
