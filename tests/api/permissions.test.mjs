// Every route of the OpenAPI document, probed with no session and with every role: each denial is
// asserted (401 without a session, 403 without the route's permission), and each allowed call gets
// past authorisation. Also checks that the OpenAPI document matches the routes the server has.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Server, backends, roles, rolePermissions } from './harness.mjs';

for (const backend of backends) {
  describe(`permissions (${backend})`, () => {
    const server = new Server(backend);
    const sessions = {};
    let operations = [];

    before(async () => {
      await server.start();
      for (const role of roles) sessions[role] = await server.login(role);
      const doc = (await server.request('GET', '/api/v1/openapi.json')).json;
      for (const [p, ops] of Object.entries(doc.paths))
        for (const [method, op] of Object.entries(ops)) operations.push({ method: method.toUpperCase(), path: p, op });
    });
    after(() => server.stop());

    const concrete = (p) => p.replaceAll(/\{[^}]+\}/g, '999999');
    const isOpen = (op) => Array.isArray(op.security) && op.security.length === 0;
    // Logout would end the probing session; it has its own test.
    const probed = () => operations.filter((o) => o.path !== '/api/v1/auth/logout');

    it('OpenAPI document lists the real routes and only them', async () => {
      assert.ok(operations.length >= 30, `only ${operations.length} operations documented`);
      // Routes of issue 4 §1 (address search, household changes) are probed below like every other.
      for (const [method, path, permission] of [['GET', '/api/v1/households', 'cases.read'], ['PATCH', '/api/v1/households/{id}', 'cases.write']]) {
        const op = operations.find((o) => o.method === method && o.path === path);
        assert.ok(op, `${method} ${path} is not documented`);
        assert.equal(op.op['x-permission'], permission, `${method} ${path}`);
      }
      for (const { method, path } of probed()) {
        const r = await server.request(method, concrete(path), { session: sessions.admin, body: method === 'GET' ? undefined : {} });
        const unknown = r.status === 404 && r.json?.error?.message === 'Nie ma takiego adresu w API.';
        assert.ok(!unknown, `${method} ${path} is documented but not routed`);
        assert.notEqual(r.status, 405, `${method} ${path}`);
      }
      // Every other method on a documented address is refused, and Allow names exactly the documented
      // methods of every pattern that address matches (e.g. /decisions/amount-preview is also /decisions/{id}).
      const matches = (pattern, concretePath) =>
        new RegExp(`^${pattern.replaceAll(/\{[^}]+\}/g, '[^/]+')}$`).test(concretePath);
      for (const path of new Set(operations.map((o) => o.path))) {
        const allowed = [...new Set(operations.filter((o) => matches(o.path, concrete(path))).map((o) => o.method))].sort();
        for (const other of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !allowed.includes(m))) {
          const r = await server.request(other, concrete(path), { session: sessions.admin, body: other === 'GET' ? undefined : {} });
          assert.equal(r.status, 405, `${other} ${path}: ${r.text}`);
          assert.deepEqual(r.headers.get('allow').split(', ').sort(), allowed, `${other} ${path}`);
        }
      }
      const logout = await server.request('POST', '/api/v1/auth/logout', { session: await server.login('admin') });
      assert.equal(logout.status, 204);
      const missing = await server.request('GET', '/api/v1/nie-ma-takiego', { session: sessions.admin });
      assert.equal(missing.status, 404);
      assert.equal(missing.json.error.code, 'not_found');
    });

    it('GET /roles agrees with the permission table the tests assume', async () => {
      const r = await server.request('GET', '/api/v1/roles', { session: sessions.pracownik });
      const byCode = Object.fromEntries(r.json.items.map((i) => [i.code, [...i.permissions].sort()]));
      for (const role of roles) {
        const code = role === 'admin' ? 'administrator' : role;
        assert.deepEqual(byCode[code], [...rolePermissions[role]].sort(), code);
      }
    });

    it('the gmina resolutions are read with gmina.read and changed with org.write only', async () => {
      const need = (method, p) => operations.find((o) => o.method === method && o.path === p)?.op['x-permission'];
      assert.equal(need('GET', '/api/v1/gmina/resolutions'), 'gmina.read');
      assert.equal(need('POST', '/api/v1/gmina/resolutions'), 'org.write');
      assert.equal(need('POST', '/api/v1/gmina/resolutions/{id}/end'), 'org.write');
      // readers: who drafts or signs decisions, and who sets the resolutions
      for (const role of roles) {
        const holds = rolePermissions[role];
        const reads = holds.includes('decisions.write') || holds.includes('decisions.approve') || holds.includes('org.write');
        assert.equal(holds.includes('gmina.read'), reads, role);
        const r = await server.request('GET', '/api/v1/gmina/resolutions', { session: sessions[role] });
        assert.equal(r.status, reads ? 200 : 403, `${role}: ${r.text}`);
      }
    });

    it('every protected route answers 401 without a session', async () => {
      for (const { method, path, op } of probed()) {
        if (isOpen(op)) continue;
        const r = await server.request(method, concrete(path), { body: method === 'GET' ? undefined : {} });
        assert.equal(r.status, 401, `${method} ${path}: ${r.text}`);
        assert.equal(r.json.error.code, 'unauthenticated');
      }
    });

    it('every route answers 403 to each role without its permission, and lets the others through', async () => {
      let denials = 0;
      for (const role of roles) {
        for (const { method, path, op } of probed()) {
          if (isOpen(op)) continue;
          const needed = op['x-permission'];
          const allowed = !needed || rolePermissions[role].includes(needed);
          const r = await server.request(method, concrete(path), {
            session: sessions[role],
            body: method === 'GET' ? undefined : {},
          });
          if (allowed) {
            assert.ok(r.status !== 401 && !(r.status === 403 && r.json?.error?.message === 'Brak uprawnień do tej operacji.'),
              `${role} ${method} ${path} should pass authorisation, got ${r.status} ${r.text}`);
          } else {
            assert.equal(r.status, 403, `${role} ${method} ${path}: ${r.text}`);
            assert.equal(r.json.error.code, 'forbidden');
            denials++;
          }
        }
      }
      assert.ok(denials > 50, `only ${denials} denials asserted`);
    });

    it('state-changing requests without the CSRF token are refused', async () => {
      const s = sessions.admin;
      const r = await server.request('POST', '/api/v1/me/tokens', {
        session: s, body: { name: 'x', expires_in_days: 1 }, headers: { 'x-csrf-token': 'zly' },
      });
      assert.equal(r.status, 403);
      assert.equal(r.json.error.field, 'csrf');
      const ok = await server.request('POST', '/api/v1/me/tokens', { session: s, body: { name: 'x', expires_in_days: 1 } });
      assert.equal(ok.status, 201);
    });
  });
}
