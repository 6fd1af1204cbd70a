#include "audit/audit_log.h"

#include <pthread.h>
#include <sodium.h>

#include <algorithm>
#include <charconv>
#include <iterator>
#include <map>

#include "core/text.h"

namespace ostoja::audit {

namespace {

constexpr char kSep = '\x1f';  // unit separator: cannot occur in the logged fields' meaning
const std::string kGenesis(64, '0');

struct Head {
  std::int64_t seq{0};
  std::string hash = kGenesis;
  bool exists{false};
};

Head read_head(storage::Connection& c, CentreId centre) {
  std::string sql = "SELECT seq, hash FROM audit_head WHERE centre_id = ?";
  sql += c.lock_clause();
  auto row = c.query_one(sql, {centre.value});
  if (!row) return {};
  return Head{row->int64(0), row->text(1), true};
}

// Multi-row INSERTs: one round trip for up to kChunk entries (matters on PostgreSQL).
constexpr std::size_t kChunk = 32;
constexpr std::size_t kColumns = 13;

const std::string& insert_sql(std::size_t rows) {
  static const std::vector<std::string> sqls = [] {
    std::vector<std::string> v(kChunk + 1);
    for (std::size_t n = 1; n <= kChunk; ++n) {
      std::string s =
          "INSERT INTO audit_log (centre_id, seq, at, user_id, user_login, action, entity, entity_id, person_id, "
          "purpose, ip, prev_hash, hash) VALUES ";
      for (std::size_t i = 0; i < n; ++i) s += (i ? ",(" : "(") + std::string("?,?,?,?,?,?,?,?,?,?,?,?,?)");
      v[n] = std::move(s);
    }
    return v;
  }();
  return sqls.at(rows);
}

void append_chain(storage::Connection& c, CentreId centre, std::span<const Entry* const> entries) {
  Head head = read_head(c, centre);
  std::vector<std::string> prevs, hashes;
  prevs.reserve(entries.size());
  hashes.reserve(entries.size());
  std::string prev = head.hash;
  std::int64_t seq = head.seq;
  for (const Entry* e : entries) {
    ++seq;
    prevs.push_back(prev);
    hashes.push_back(chain_hash(prev, seq, *e));
    prev = hashes.back();
  }
  for (std::size_t start = 0; start < entries.size(); start += kChunk) {
    std::size_t n = std::min(kChunk, entries.size() - start);
    storage::Params p;
    p.reserve(n * kColumns);
    for (std::size_t i = start; i < start + n; ++i) {
      const Entry& e = *entries[i];
      p.insert(p.end(), {e.centre.value, head.seq + static_cast<std::int64_t>(i) + 1, e.at, e.user_id,
                         std::string_view(e.user_login), std::string_view(e.action), std::string_view(e.entity),
                         e.entity_id, e.person_id, std::string_view(e.purpose), std::string_view(e.ip),
                         std::string_view(prevs[i]), std::string_view(hashes[i])});
    }
    c.execute(insert_sql(n), p);
  }
  if (head.exists)
    c.execute("UPDATE audit_head SET seq = ?, hash = ? WHERE centre_id = ?", {seq, prev, centre.value});
  else
    c.execute("INSERT INTO audit_head (centre_id, seq, hash) VALUES (?, ?, ?)", {centre.value, seq, prev});
}

}  // namespace

Entry entry_for(const Principal& who, std::int64_t now, std::string action, std::string entity,
                std::optional<std::int64_t> entity_id, std::optional<std::int64_t> person_id, std::string purpose) {
  Entry e;
  e.centre = who.centre;
  e.at = now;
  if (who.method != AuthMethod::system) e.user_id = who.user.value;
  e.user_login = who.login;
  e.action = std::move(action);
  e.entity = std::move(entity);
  e.entity_id = entity_id;
  e.person_id = person_id;
  e.purpose = std::move(purpose);
  e.ip = who.ip;
  return e;
}

std::string chain_hash(const std::string& prev_hash, std::int64_t seq, const Entry& e) {
  // SHA-256 over the fields, each followed by the separator, fed to the hash one by one (no
  // canonical string is assembled; the bytes hashed are the same).
  crypto_hash_sha256_state st;
  crypto_hash_sha256_init(&st);
  auto part = [&st](std::string_view v) {
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(v.data()), v.size());
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(&kSep), 1);
  };
  auto number = [&part](std::optional<std::int64_t> v) {
    char buf[24];
    auto* end = v ? std::to_chars(buf, buf + sizeof buf, *v).ptr : buf;
    part(std::string_view(buf, static_cast<std::size_t>(end - buf)));
  };
  part(prev_hash);
  number(e.centre.value);
  number(seq);
  number(e.at);
  number(e.user_id);
  part(e.user_login);
  part(e.action);
  part(e.entity);
  number(e.entity_id);
  number(e.person_id);
  part(e.purpose);
  part(e.ip);
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&st, out);
  return text::hex(std::string_view(reinterpret_cast<const char*>(out), sizeof out));
}

void append(storage::Connection& c, std::span<const Entry> entries) {
  std::map<std::int64_t, std::vector<const Entry*>> by_centre;
  for (const auto& e : entries) by_centre[e.centre.value].push_back(&e);
  for (auto& [centre, list] : by_centre) append_chain(c, CentreId{centre}, list);
}

namespace {
StoredEntry stored_from_row(const storage::Row& r) {
  StoredEntry s;
  s.entry.centre = CentreId{r.int64(0)};
  s.seq = r.int64(1);
  s.entry.at = r.int64(2);
  s.entry.user_id = r.opt_int64(3);
  s.entry.user_login = r.text(4);
  s.entry.action = r.text(5);
  s.entry.entity = r.text(6);
  s.entry.entity_id = r.opt_int64(7);
  s.entry.person_id = r.opt_int64(8);
  s.entry.purpose = r.text(9);
  s.entry.ip = r.text(10);
  s.prev_hash = r.text(11);
  s.hash = r.text(12);
  return s;
}
constexpr const char* kColumnsSql =
    "centre_id, seq, at, user_id, user_login, action, entity, entity_id, person_id, purpose, ip, prev_hash, hash";
}  // namespace

VerifyResult verify(storage::Connection& c, CentreId centre) {
  VerifyResult res;
  std::string prev = kGenesis;
  std::int64_t expected = 1;
  const std::string sql =
      std::string("SELECT ") + kColumnsSql + " FROM audit_log WHERE centre_id = ? AND seq >= ? ORDER BY seq LIMIT 5000";
  auto fail = [&](std::int64_t seq, std::string why) {
    res.ok = false;
    res.first_bad_seq = seq;
    res.reason = std::move(why);
    return res;
  };
  for (;;) {
    auto rows = c.query(sql, {centre.value, expected});
    if (rows.empty()) break;
    for (const auto& r : rows) {
      StoredEntry s = stored_from_row(r);
      if (s.seq != expected) return fail(expected, "Brak wpisu nr " + std::to_string(expected) + " (usunięty).");
      if (s.prev_hash != prev) return fail(s.seq, "Wpis nr " + std::to_string(s.seq) + " nie łączy się z poprzednim.");
      if (chain_hash(prev, s.seq, s.entry) != s.hash)
        return fail(s.seq, "Wpis nr " + std::to_string(s.seq) + " został zmieniony.");
      prev = s.hash;
      ++expected;
      ++res.entries;
    }
  }
  auto head = c.query_one("SELECT seq, hash FROM audit_head WHERE centre_id = ?", {centre.value});
  std::int64_t head_seq = head ? head->int64(0) : 0;
  if (head_seq != res.entries || (head && head->text(1) != prev))
    return fail(res.entries + 1, "Usunięto najnowsze wpisy dziennika (niezgodny stan końcowy łańcucha).");
  return res;
}

std::optional<Anchor> tip(storage::Connection& c, CentreId centre) {
  auto head = c.query_one("SELECT seq, hash FROM audit_head WHERE centre_id = ?", {centre.value});
  if (!head || head->int64(0) == 0) return std::nullopt;
  return Anchor{head->int64(0), head->text(1)};
}

VerifyResult verify_anchored(storage::Connection& c, CentreId centre, const Anchor& anchor) {
  VerifyResult res = verify(c, centre);
  if (!res.ok) return res;
  auto row = c.query_one("SELECT hash FROM audit_log WHERE centre_id = ? AND seq = ?", {centre.value, anchor.seq});
  const std::string n = std::to_string(anchor.seq);
  if (!row || row->text(0) != anchor.hash) {
    res.ok = false;
    res.first_bad_seq = anchor.seq;
    res.reason = !row ? "Brak wpisu nr " + n + " zapisanego w punkcie kontrolnym."
                      : "Wpis nr " + n + " ma inny skrót niż w punkcie kontrolnym: dziennik przepisano i przeliczono.";
  }
  return res;
}

Page query(storage::Connection& c, CentreId centre, const Filter& f) {
  std::string where = " FROM audit_log WHERE centre_id = ?";
  storage::Params p{centre.value};
  if (f.person_id) {
    where += " AND person_id = ?";
    p.emplace_back(*f.person_id);
  }
  if (f.user_id) {
    where += " AND user_id = ?";
    p.emplace_back(*f.user_id);
  }
  if (f.entity_id) {
    where += " AND entity_id = ?";
    p.emplace_back(*f.entity_id);
  }
  if (!f.action.empty()) {
    where += " AND action = ?";
    p.emplace_back(std::string_view(f.action));
  }
  if (!f.entity.empty()) {
    where += " AND entity = ?";
    p.emplace_back(std::string_view(f.entity));
  }
  if (f.from_ms) {
    where += " AND at >= ?";
    p.emplace_back(*f.from_ms);
  }
  if (f.to_ms) {
    where += " AND at < ?";
    p.emplace_back(*f.to_ms);
  }
  Page page;
  page.total = c.query_one("SELECT COUNT(*)" + where, p)->int64(0);
  auto list_params = p;
  list_params.emplace_back(f.limit);
  list_params.emplace_back(f.offset);
  for (const auto& r :
       c.query(std::string("SELECT ") + kColumnsSql + where + " ORDER BY seq DESC LIMIT ? OFFSET ?", list_params))
    page.items.push_back(stored_from_row(r));
  return page;
}

GroupCommitLog::GroupCommitLog(storage::Database& db, std::size_t max_batch)
    : db_(db), max_batch_(max_batch), worker_([this] {
        pthread_setname_np(pthread_self(), "ostoja-audit");  // visible in top -H, perf, /proc/*/task/*/comm
        run();
      }) {}

GroupCommitLog::~GroupCommitLog() {
  {
    std::lock_guard lock(m_);
    stop_ = true;
  }
  cv_.notify_all();
  worker_.join();
}

void GroupCommitLog::append_durable(std::vector<Entry> entries) {
  if (entries.empty()) return;
  auto promise = std::make_shared<std::promise<void>>();
  std::future<void> done = promise->get_future();
  enqueue(std::move(entries), [promise](std::exception_ptr e) {
    if (e)
      promise->set_exception(e);
    else
      promise->set_value();
  });
  done.get();
}

void GroupCommitLog::append_async(std::vector<Entry> entries, std::function<void(bool ok)> done) {
  if (entries.empty()) {
    done(true);
    return;
  }
  enqueue(std::move(entries), [done = std::move(done)](std::exception_ptr e) { done(!e); });
}

void GroupCommitLog::enqueue(std::vector<Entry> entries, std::function<void(std::exception_ptr)> done) {
  {
    std::lock_guard lock(m_);
    queue_.push_back(Pending{std::move(entries), std::move(done)});
  }
  cv_.notify_one();
}

void GroupCommitLog::run() {
  for (;;) {
    std::vector<Pending> batch;
    {
      std::unique_lock lock(m_);
      cv_.wait(lock, [&] { return stop_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping and drained
      std::size_t n = 0;
      while (!queue_.empty() && (batch.empty() || n + queue_.front().entries.size() <= max_batch_)) {
        n += queue_.front().entries.size();
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    try {
      std::vector<Entry> all;
      const std::size_t n_entries = [&] {
        std::size_t k = 0;
        for (auto& p : batch) k += p.entries.size();
        return k;
      }();
      all.reserve(n_entries);
      for (auto& p : batch) std::move(p.entries.begin(), p.entries.end(), std::back_inserter(all));
      {
        auto conn = db_.acquire();  // returned to the pool before the waiters are released
        storage::in_transaction(*conn, true, [&](storage::Connection& c) {
          append(c, all);
          return true;
        });
      }
      ++batches_;
      entries_ += n_entries;
      for (auto& p : batch) p.done(nullptr);
    } catch (...) {
      for (auto& p : batch) p.done(std::current_exception());
    }
  }
}

}  // namespace ostoja::audit
