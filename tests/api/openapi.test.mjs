// Query parameters are part of each route's definition: the OpenAPI document lists them (in: query),
// and the router refuses a request carrying any parameter its route does not declare — 400 in the
// one error shape, naming the (percent-decoded) parameter, before the handler runs or anything is
// audited.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Server, backends, rolePermissions } from './harness.mjs';

const unknownMessage = (name) => `Nieznany parametr zapytania „${name}”.`;

for (const backend of backends) {
  describe(`OpenAPI query parameters (${backend})`, () => {
    const server = new Server(backend);
    const sessions = {};
    let doc;
    let operations = [];

    before(async () => {
      await server.start({ households: 50 });
      for (const role of Object.keys(rolePermissions)) sessions[role] = await server.login(role);
      doc = (await server.request('GET', '/api/v1/openapi.json')).json;
      for (const [p, ops] of Object.entries(doc.paths))
        for (const [method, op] of Object.entries(ops)) operations.push({ method: method.toUpperCase(), path: p, op });
    });
    after(() => server.stop());

    const op = (method, path) => {
      const found = operations.find((o) => o.method === method && o.path === path);
      assert.ok(found, `${method} ${path} is not documented`);
      return found.op;
    };
    const queryParams = (method, path) =>
      Object.fromEntries((op(method, path).parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p]));
    const concrete = (p) => p.replaceAll(/\{[^}]+\}/g, '999999');
    // A session allowed to call the operation (none for open routes).
    const sessionFor = (o) => {
      if (Array.isArray(o.op.security) && o.op.security.length === 0) return undefined;
      const permission = o.op['x-permission'];
      if (!permission) return sessions.admin;
      const role = Object.keys(rolePermissions).find((r) => rolePermissions[r].includes(permission));
      return role ? sessions[role] : null;
    };

    it('documents every declared query parameter with a description and a schema', () => {
      let documented = 0;
      for (const { method, path, op: o } of operations) {
        for (const p of (o.parameters ?? []).filter((x) => x.in === 'query')) {
          documented++;
          assert.equal(typeof p.name, 'string', `${method} ${path}`);
          assert.ok(p.description && typeof p.description === 'string', `${method} ${path} ?${p.name}: no description`);
          assert.equal(typeof p.required, 'boolean', `${method} ${path} ?${p.name}`);
          assert.ok(['string', 'integer'].includes(p.schema?.type), `${method} ${path} ?${p.name}: ${JSON.stringify(p.schema)}`);
        }
        const names = (o.parameters ?? []).map((x) => `${x.in}:${x.name}`);
        assert.equal(new Set(names).size, names.length, `${method} ${path}: duplicate parameters ${names}`);
      }
      assert.ok(documented >= 40, `only ${documented} query parameters documented`);
    });

    it('lists the known parameters of concrete routes', () => {
      assert.deepEqual(Object.keys(queryParams('GET', '/api/v1/persons')).sort(), ['limit', 'pesel', 'q']);
      assert.equal(queryParams('GET', '/api/v1/persons').limit.schema.type, 'integer');
      assert.deepEqual(Object.keys(queryParams('GET', '/api/v1/persons/{id}')), ['purpose']);
      assert.deepEqual(Object.keys(queryParams('GET', '/api/v1/households/{id}')), ['purpose']);
      const households = queryParams('GET', '/api/v1/households');
      assert.deepEqual(Object.keys(households).sort(), ['flat', 'house', 'limit', 'locality', 'street']);
      assert.equal(households.street.required, true);
      assert.equal(households.house.required, false);
      for (const path of ['/api/v1/audit', '/api/v1/audit.csv']) {
        const audit = queryParams('GET', path);
        assert.deepEqual(Object.keys(audit).sort(),
          ['action', 'entity', 'entity_id', 'from', 'limit', 'offset', 'person_id', 'to', 'user_id'], path);
        assert.deepEqual(audit.person_id.schema, { type: 'integer' });
        assert.deepEqual(audit.from.schema, { type: 'string', format: 'date' });
        assert.equal(audit.person_id.required, false);
      }
      const stats = queryParams('GET', '/api/v1/statistics/assistance');
      assert.deepEqual(Object.keys(stats).sort(), ['from', 'to']);
      for (const p of Object.values(stats)) {
        assert.equal(p.required, true);
        assert.deepEqual(p.schema, { type: 'string', format: 'date' });
      }
      assert.deepEqual(Object.keys(queryParams('GET', '/api/v1/worklist')).sort(), ['as_of', 'days', 'section_id', 'worker_id']);
      assert.deepEqual(Object.keys(queryParams('GET', '/api/v1/households/{id}/income')).sort(), ['date', 'month']);
      assert.deepEqual(Object.keys(queryParams('GET', '/api/v1/territory/resolve')).sort(), ['locality', 'number', 'street']);
      assert.deepEqual(Object.keys(queryParams('GET', '/api/v1/rules/working-days')).sort(), ['days', 'from']);
      for (const path of ['/api/v1/rules/criteria', '/api/v1/rules/reasons', '/api/v1/rules/income-types', '/api/v1/gmina/resolutions'])
        assert.deepEqual(Object.keys(queryParams('GET', path)), ['date'], path);
      assert.deepEqual(queryParams('GET', '/api/v1/payment-lists/{id}/export').format.schema,
        { type: 'string', enum: ['csv', 'xlsx', 'elixir'] });
      // Path parameters stay documented next to them.
      assert.ok(op('GET', '/api/v1/persons/{id}').parameters.some((p) => p.in === 'path' && p.name === 'id' && p.required));
      // A route that reads no query parameter declares none.
      assert.equal(op('GET', '/api/v1/audit/verify').parameters, undefined);
    });

    it('refuses an undeclared parameter on every route, naming it, and accepts the declared ones', async () => {
      let probed = 0;
      for (const o of operations) {
        const session = sessionFor(o);
        if (session === null) continue;  // no role has the permission
        const body = o.method === 'GET' ? undefined : {};
        const r = await server.request(o.method, `${concrete(o.path)}?zzz_nieznany=1`, { session, body });
        assert.equal(r.status, 400, `${o.method} ${o.path}: ${r.text}`);
        assert.deepEqual(r.json, { error: { code: 'validation', message: unknownMessage('zzz_nieznany'), field: 'zzz_nieznany' } },
          `${o.method} ${o.path}`);
        probed++;
        const declared = (o.op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        if (declared.length && o.method === 'GET') {
          const ok = await server.request('GET', `${concrete(o.path)}?${declared.map((n) => `${n}=`).join('&')}`, { session });
          assert.notEqual(ok.json?.error?.message?.startsWith('Nieznany parametr'), true, `${o.path}: ${ok.text}`);
        }
      }
      assert.ok(probed >= 30, `only ${probed} routes probed`);
    });

    it('names the parameter percent-decoded; an empty query string and encoded declared names are fine', async () => {
      const s = sessions.dyrektor;
      let r = await server.request('GET', '/api/v1/persons?q=kowal&na%C5%BCwisko=x', { session: s });
      assert.equal(r.status, 400);
      assert.deepEqual(r.json.error, { code: 'validation', message: unknownMessage('nażwisko'), field: 'nażwisko' });
      r = await server.request('GET', '/api/v1/persons?q=kowal&nowy+param=1', { session: s });
      assert.equal(r.json.error.field, 'nowy param');
      // Names are compared exactly (no case folding).
      r = await server.request('GET', '/api/v1/persons?Q=kowal', { session: s });
      assert.equal(r.status, 400);
      assert.equal(r.json.error.field, 'Q');
      r = await server.request('GET', '/api/v1/persons?%71=kowal&limit=5', { session: s });  // %71 = q
      assert.equal(r.status, 200, r.text);
      r = await server.request('GET', '/api/v1/rules/forms-of-help?');
      assert.equal(r.status, 200, r.text);
      r = await server.request('GET', '/api/v1/rules/criteria?date=2026-01-01&&');
      assert.equal(r.status, 200, r.text);
      // Authentication and permissions are decided first.
      r = await server.request('GET', '/api/v1/persons?zzz=1');
      assert.equal(r.status, 401);
      r = await server.request('GET', '/api/v1/persons?zzz=1', { session: sessions.analityk });
      assert.equal(r.status, 403);
    });

    it('audits nothing for a refused request', async () => {
      const s = sessions.dyrektor;
      const person = server.sql('SELECT id FROM persons ORDER BY id LIMIT 1');
      const household = server.sql(`SELECT household_id FROM household_members WHERE person_id = ${person} LIMIT 1`);
      const count = () => Number(server.sql(`SELECT COUNT(*) FROM audit_log WHERE person_id = ${person}`));
      const total = () => Number(server.sql('SELECT COUNT(*) FROM audit_log'));
      const before = count();
      const beforeAll = total();
      for (const p of [`/api/v1/persons/${person}?purpose=kontrola&kto=1`, `/api/v1/households/${household}?zrodlo=x`,
        `/api/v1/persons?q=kowal&sort=name`, `/api/v1/households?street=gl&page=2`, `/api/v1/audit?person_id=${person}&kolumny=all`]) {
        const r = await server.request('GET', p, { session: s });
        assert.equal(r.status, 400, `${p}: ${r.text}`);
      }
      const csv = await server.request('GET', `/api/v1/audit.csv?person_id=${person}&format=xlsx`, { session: s });
      assert.equal(csv.status, 400);
      assert.equal(csv.json.error.field, 'format');
      assert.equal(count(), before);
      assert.equal(total(), beforeAll);
      // The same read with only declared parameters is audited once, with its purpose.
      const ok = await server.request('GET', `/api/v1/persons/${person}?purpose=kontrola`, { session: s });
      assert.equal(ok.status, 200, ok.text);
      assert.equal(count(), before + 1);
      assert.equal(server.sql(`SELECT purpose FROM audit_log WHERE person_id = ${person} ORDER BY seq DESC LIMIT 1`), 'kontrola');
    });
  });
}
