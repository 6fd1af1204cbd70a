// Brute-force protection per client address through HTTP on both databases: the slowdown from the
// 10th failure, the administrator's list of throttled addresses of their centre and lifting one
// (permissions, bad input, audit), and the client address behind a trusted reverse proxy
// (OSTOJA_TRUSTED_PROXIES) — the X-Forwarded-For header believed only from such a proxy.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Server, backends } from './harness.mjs';

// Demo accounts of the demo centre; two wrong passwords each stay below the per-account slowdown (3rd).
const ACCOUNTS = ['dyrektor', 'kierownik', 'pracownik', 'swiadczenia', 'analityk'];

function login(server, login, password, forwardedFor) {
  const headers = forwardedFor ? { 'x-forwarded-for': forwardedFor } : {};
  return server.request('POST', '/api/v1/auth/login', { body: { login, password }, headers });
}

// Ten failures against the centre's accounts, spread over them; each header value in turn. The
// accounts start from no failures (a successful login resets an account's count).
async function tenFailures(server, forwardedFor) {
  for (const account of ACCOUNTS) await server.login(account);
  const values = [forwardedFor].flat();
  let n = 0;
  for (const account of ACCOUNTS)
    for (let k = 0; k < 2; k++) {
      const r = await login(server, account, `zle-${k}`, values[n++ % values.length]);
      assert.equal(r.status, 401, r.text);
    }
}

for (const backend of backends) {
  describe(`address locks behind a trusted proxy (${backend})`, () => {
    const server = new Server(backend);
    let admin;
    before(async () => {
      await server.start({ households: 50, env: { OSTOJA_TRUSTED_PROXIES: '127.0.0.1' } });
      admin = await server.login('admin');  // from the proxy itself (no header): 127.0.0.1
    });
    after(() => server.stop());

    it('throttles each forwarded client address separately; audit and sessions carry the client address', async () => {
      await tenFailures(server, '203.0.113.10');
      const slowed = await login(server, 'partner', 'demo', '203.0.113.10');
      assert.equal(slowed.status, 429, slowed.text);
      assert.equal(slowed.json.error.code, 'rate_limited');
      assert.match(slowed.json.error.message, /^Po kilku nieudanych próbach logowania z tego adresu kolejna próba jest możliwa za \d+ s\.$/);
      // Entries written by the client before the proxy's own do not help: the last one counts.
      const spoofed = await login(server, 'partner', 'demo', '198.51.100.99, 203.0.113.10');
      assert.equal(spoofed.status, 429, spoofed.text);
      // Another client behind the same proxy is not affected.
      const other = await login(server, 'partner', 'demo', '203.0.113.11');
      assert.equal(other.status, 200, other.text);
      assert.equal(server.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'login_failed' AND ip = '203.0.113.10'"), '10');
      assert.equal(server.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'login' AND ip = '203.0.113.11'"), '1');
      assert.equal(server.sql("SELECT COUNT(*) FROM sessions WHERE ip = '203.0.113.11'"), '1');
      assert.equal(server.sql("SELECT COUNT(*) FROM login_throttle WHERE address = '127.0.0.1'"), '0');
    });

    it('lists the throttled address for the administrator of the centre and lifts it, audited', async () => {
      const list = await server.request('GET', '/api/v1/security/address-locks', { session: admin });
      assert.equal(list.status, 200, list.text);
      assert.deepEqual(list.json.items.map((i) => i.address), ['203.0.113.10']);
      const [lock] = list.json.items;
      assert.equal(lock.failures, 10);
      assert.equal(lock.locked, false);
      assert.ok(lock.window_start > Date.now() - 60000 && lock.window_start <= Date.now(), JSON.stringify(lock));
      assert.ok(lock.locked_until === null || lock.locked_until > lock.window_start, JSON.stringify(lock));

      const before = server.sql('SELECT COUNT(*) FROM audit_log');
      const bad = await server.request('DELETE', '/api/v1/security/address-locks/nie-adres', { session: admin });
      assert.equal(bad.status, 400, bad.text);
      assert.equal(bad.json.error.field, 'address');
      assert.equal(bad.json.error.message, 'Podaj adres IP (IPv4 lub IPv6).');
      const notThrottled = await server.request('DELETE', '/api/v1/security/address-locks/203.0.113.11', { session: admin });
      assert.equal(notThrottled.status, 404, notThrottled.text);
      assert.match(notThrottled.json.error.message, /nie jest teraz spowolniony ani zablokowany/);
      assert.equal(server.sql('SELECT COUNT(*) FROM audit_log'), before, 'refused requests change nothing');
      assert.equal(server.sql("SELECT COUNT(*) FROM login_throttle WHERE address = '203.0.113.10'"), '1');

      const lifted = await server.request('DELETE', '/api/v1/security/address-locks/203.0.113.10', { session: admin });
      assert.equal(lifted.status, 204, lifted.text);
      assert.deepEqual((await server.request('GET', '/api/v1/security/address-locks', { session: admin })).json.items, []);
      assert.equal(server.sql(
        "SELECT user_login || ' ' || purpose FROM audit_log WHERE action = 'unlock' AND entity = 'login_address'"),
        'admin Odblokowanie adresu 203.0.113.10 po nieudanych logowaniach');
      const again = await login(server, 'partner', 'demo', '203.0.113.10');
      assert.equal(again.status, 200, again.text);
    });

    it('refuses the list and the lifting to everyone without users.manage', async () => {
      await tenFailures(server, '203.0.113.12');
      const none = await server.request('GET', '/api/v1/security/address-locks');
      assert.equal(none.status, 401);
      for (const role of ['dyrektor', 'pracownik', 'analityk']) {
        const s = await server.login(role);
        const list = await server.request('GET', '/api/v1/security/address-locks', { session: s });
        assert.equal(list.status, 403, `${role}: ${list.text}`);
        assert.equal(list.json.error.code, 'forbidden');
        const lift = await server.request('DELETE', '/api/v1/security/address-locks/203.0.113.12', { session: s });
        assert.equal(lift.status, 403, `${role}: ${lift.text}`);
      }
      const noCsrf = await server.request('DELETE', '/api/v1/security/address-locks/203.0.113.12', {
        session: admin, headers: { 'x-csrf-token': 'zly' },
      });
      assert.equal(noCsrf.status, 403);
      assert.equal(server.sql("SELECT failures FROM login_throttle WHERE address = '203.0.113.12'"), '10');
    });
  });

  describe(`address locks without a trusted proxy (${backend})`, () => {
    const server = new Server(backend);
    let admin;
    before(async () => {
      await server.start({ households: 50 });
      admin = await server.login('admin');
    });
    after(() => server.stop());

    it('ignores X-Forwarded-For: every failure counts for the real peer', async () => {
      await tenFailures(server, ['203.0.113.20', '203.0.113.21']);
      const slowed = await login(server, 'partner', 'demo', '203.0.113.22');
      assert.equal(slowed.status, 429, slowed.text);
      assert.equal(server.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'login_failed' AND ip = '127.0.0.1'"), '10');
      assert.equal(server.sql("SELECT COUNT(*) FROM login_throttle WHERE address LIKE '203.%'"), '0');
      const list = await server.request('GET', '/api/v1/security/address-locks', { session: admin });
      assert.deepEqual(list.json.items.map((i) => i.address), ['127.0.0.1']);
      const lifted = await server.request('DELETE', '/api/v1/security/address-locks/127.0.0.1', { session: admin });
      assert.equal(lifted.status, 204, lifted.text);
      assert.equal((await login(server, 'partner', 'demo')).status, 200);
    });
  });
}
