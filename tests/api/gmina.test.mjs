// The gmina's resolutions over HTTP, on SQLite and PostgreSQL: written by dyrektor and administrator (org.write),
// read by those who draft or sign decisions (gmina.read), bad input and overlaps refused with nothing changed;
// the decision amount preview and the household's income assessment apply the ones in force on their date, and
// the assessment answers the eligibility for every form of help.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Server, backends } from './harness.mjs';

for (const backend of backends) {
  describe(`gmina resolutions (${backend})`, () => {
    const server = new Server(backend);
    let dyrektor, admin, pracownik, swiadczenia, asystent, analityk, household, head;
    const post = (session, path, body) => server.request('POST', path, { session, body });
    const get = (session, path) => server.request('GET', path, { session });
    const count = () => Number(server.sql('SELECT COUNT(*) FROM gmina_resolutions'));

    before(async () => {
      await server.start({ households: 40 });
      [dyrektor, admin, pracownik, swiadczenia, asystent, analityk] = await Promise.all(
        ['dyrektor', 'admin', 'pracownik', 'swiadczenia', 'asystent', 'analityk'].map((r) => server.login(r)));
      const mySection = pracownik.user.sections[0].id;
      [household, head] = server.sql(
        `SELECT h.id || ',' || m.person_id FROM households h JOIN household_members m ON m.household_id = h.id ` +
        `WHERE h.section_id = ${mySection} AND m.relation = 'head' AND m.until IS NULL ORDER BY h.id LIMIT 1`).split(',').map(Number);
    });
    after(() => server.stop());

    it('dyrektor and administrator record resolutions; a later one repeals the open-ended one; readers see them', async () => {
      const first = await post(dyrektor, '/api/v1/gmina/resolutions', {
        kind: 'zasilek_okresowy_percent', valid_from: '2025-01-01', percent: 60, resolution: 'uchwała nr I/1/2024 Rady Miasta',
      });
      assert.equal(first.status, 201, first.text);
      assert.deepEqual([first.json.percent, first.json.valid_to, first.json.amount_grosze], [60, null, null]);
      const second = await post(dyrektor, '/api/v1/gmina/resolutions', {
        kind: 'zasilek_okresowy_percent', valid_from: '2026-01-01', percent: 70, resolution: 'uchwała nr X/9/2025 Rady Miasta',
      });
      assert.equal(second.status, 201, second.text);
      const limit = await post(admin, '/api/v1/gmina/resolutions', {
        kind: 'zasilek_celowy_max', valid_from: '2026-01-01', amount_grosze: 50000, resolution: 'uchwała nr X/10/2025 Rady Miasta',
      });
      assert.equal(limit.status, 201, limit.text);

      const list = await get(pracownik, '/api/v1/gmina/resolutions?date=2025-12-31');
      assert.equal(list.status, 200, list.text);
      assert.equal(list.json.items.length, 3);
      assert.equal(list.json.items.find((i) => i.id === first.json.id).valid_to, '2025-12-31');  // repealed
      assert.equal(list.json.in_force.zasilek_okresowy_percent.percent, 60);
      assert.equal(list.json.in_force.zasilek_celowy_max, null);
      const later = await get(swiadczenia, '/api/v1/gmina/resolutions?date=2026-11-01');
      assert.equal(later.json.in_force.zasilek_okresowy_percent.percent, 70);
      assert.equal(later.json.in_force.zasilek_celowy_max.amount_grosze, 50000);
      assert.equal(later.json.in_force.specjalny_zasilek_celowy_max, null);
      assert.equal((await get(pracownik, '/api/v1/gmina/resolutions?date=31.12.2025')).json.error.field, 'date');
      assert.equal(Number(server.sql("SELECT COUNT(*) FROM audit_log WHERE entity = 'gmina_resolution'")), 4);
    });

    it('refuses bad input, overlaps and other roles, and changes nothing', async () => {
      const before = count();
      const cases = [
        [{ kind: 'zasilek_okresowy_percent', valid_from: '2027-01-01', percent: 45, resolution: 'uchwała nr 1' }, 400, 'percent'],
        [{ kind: 'zasilek_okresowy_percent', valid_from: '2027-01-01', percent: 101, resolution: 'uchwała nr 1' }, 400, 'percent'],
        [{ kind: 'zasilek_okresowy_percent', valid_from: '2027-01-01', percent: '70', resolution: 'uchwała nr 1' }, 400, 'percent'],
        [{ kind: 'zasilek_okresowy_percent', valid_from: '2027-01-01', resolution: 'uchwała nr 1' }, 400, 'percent'],
        [{ kind: 'zasilek_celowy_max', valid_from: '2027-01-01', amount_grosze: 0, resolution: 'uchwała nr 1' }, 400, 'amount_grosze'],
        [{ kind: 'zasilek_celowy_max', valid_from: '2027-01-01', amount_grosze: 10000001, resolution: 'uchwała nr 1' }, 400, 'amount_grosze'],
        [{ kind: 'zasilek_celowy_max', valid_from: '2027-02-30', amount_grosze: 100, resolution: 'uchwała nr 1' }, 400, 'valid_from'],
        [{ kind: 'zasilek_celowy_max', valid_from: '2027-01-01', valid_to: '2026-12-31', amount_grosze: 100, resolution: 'uchwała nr 1' }, 400, 'valid_to'],
        [{ kind: 'zasilek_celowy_max', valid_from: '2027-01-01', amount_grosze: 100 }, 400, 'resolution'],
        [{ kind: 'zasilek_staly', valid_from: '2027-01-01', amount_grosze: 100, resolution: 'uchwała nr 1' }, 400, 'kind'],
        // same start as the open-ended 2026 resolution; inside the repealed 2025 one
        [{ kind: 'zasilek_okresowy_percent', valid_from: '2026-01-01', percent: 80, resolution: 'uchwała nr 2' }, 409, 'valid_from'],
        [{ kind: 'zasilek_okresowy_percent', valid_from: '2025-03-01', valid_to: '2025-04-30', percent: 80, resolution: 'uchwała nr 3' }, 409, 'valid_from'],
      ];
      for (const [body, status, field] of cases) {
        const r = await post(dyrektor, '/api/v1/gmina/resolutions', body);
        assert.equal(r.status, status, `${JSON.stringify(body)}: ${r.text}`);
        assert.equal(r.json.error.field, field, JSON.stringify(body));
        assert.match(r.json.error.message, /\p{L}/u);
      }
      const valid = { kind: 'specjalny_zasilek_celowy_max', valid_from: '2027-01-01', amount_grosze: 100000, resolution: 'uchwała nr 4' };
      for (const session of [pracownik, swiadczenia, asystent, analityk])
        assert.equal((await post(session, '/api/v1/gmina/resolutions', valid)).status, 403);
      assert.equal((await server.request('POST', '/api/v1/gmina/resolutions', { body: valid })).status, 401);
      for (const session of [asystent, analityk]) assert.equal((await get(session, '/api/v1/gmina/resolutions')).status, 403);
      assert.equal(count(), before);
    });

    it('ends a resolution within its own period only', async () => {
      const items = (await get(dyrektor, '/api/v1/gmina/resolutions')).json.items;
      const open = items.find((i) => i.kind === 'zasilek_celowy_max');
      const repealed = items.find((i) => i.kind === 'zasilek_okresowy_percent' && i.valid_to);
      assert.equal((await post(pracownik, `/api/v1/gmina/resolutions/${open.id}/end`, { valid_to: '2027-12-31' })).status, 403);
      const bad = await post(dyrektor, `/api/v1/gmina/resolutions/${open.id}/end`, { valid_to: '2025-12-31' });
      assert.equal(bad.status, 400);
      assert.equal(bad.json.error.field, 'valid_to');
      const overlap = await post(dyrektor, `/api/v1/gmina/resolutions/${repealed.id}/end`, { valid_to: '2026-03-31' });
      assert.equal(overlap.status, 409);
      assert.equal((await post(dyrektor, '/api/v1/gmina/resolutions/999999/end', { valid_to: '2027-12-31' })).status, 404);
      const ended = await post(admin, `/api/v1/gmina/resolutions/${open.id}/end`, { valid_to: '2027-12-31' });
      assert.equal(ended.status, 200, ended.text);
      assert.equal(ended.json.valid_to, '2027-12-31');
      assert.equal(server.sql(`SELECT valid_to FROM gmina_resolutions WHERE id = ${repealed.id}`), '2025-12-31');
    });

    it('the amount preview applies the resolutions in force on the decision period start', async () => {
      const okresowy = (date) => post(pracownik, '/api/v1/decisions/amount-preview',
        { form: 'zasilek_okresowy', date, household_size: 2, income_grosze: 40000 });
      const in2025 = await okresowy('2025-06-01');  // 60 % × (2 × 823 zł − 400 zł)
      assert.equal(in2025.json.calculated_grosze, 74760);
      const in2026 = await okresowy('2026-12-01');  // 70 %
      assert.equal(in2026.json.calculated_grosze, 87220);
      assert.ok(in2026.json.explanation.some((l) => l.includes('uchwała nr X/9/2025')), in2026.text);
      const celowy = await post(pracownik, '/api/v1/decisions/amount-preview', { form: 'zasilek_celowy', date: '2026-12-01' });
      assert.equal(celowy.json.max_grosze, 50000);
      const draft = await post(pracownik, '/api/v1/decisions', {
        household_id: household, person_id: head, kind: 'grant', form: 'zasilek_celowy', period_from: '2026-12-01',
        amount_grosze: 50001, household_size: 2, income_grosze: 40000,
      });
      assert.equal(draft.status, 400, draft.text);
      assert.equal(draft.json.error.field, 'amount_grosze');
    });

    it('the income assessment answers every form of help with the resolutions of its date', async () => {
      const item = await post(pracownik, `/api/v1/households/${household}/income-items`,
        { person_id: head, type: 'wynagrodzenie', month: '2026-10', amount_grosze: 50000 });
      assert.equal(item.status, 201, item.text);
      const r = await get(pracownik, `/api/v1/households/${household}/income?month=2026-10&date=2026-11-01`);
      assert.equal(r.status, 200, r.text);
      const forms = (await server.request('GET', '/api/v1/rules/forms-of-help')).json.forms;
      assert.deepEqual(r.json.eligibility.map((e) => e.form), forms.map((f) => f.code));
      const by = Object.fromEntries(r.json.eligibility.map((e) => [e.form, e]));
      const persons = r.json.persons;
      const criterion = persons === 1 ? 101000 : persons * 82300;
      assert.equal(by.zasilek_okresowy.eligible, true);
      const share = Math.round((criterion - r.json.total_grosze) * 70 / 100);
      assert.equal(by.zasilek_okresowy.amount_grosze,
        persons === 1 ? Math.min(share, 82300) : share, JSON.stringify(by.zasilek_okresowy));
      assert.equal(by.zasilek_celowy.eligible, true);
      assert.equal(by.zasilek_celowy.max_amount_grosze, 50000);
      assert.equal(by.specjalny_zasilek_celowy.eligible, false);
      assert.equal(by.poradnictwo.income_tested, false);
      assert.ok(by.poradnictwo.explanation.some((l) => l.includes('art. 46 ust. 1')));
      assert.ok(by.posilek.explanation.some((l) => l.includes('Posiłek w szkole i w domu')));
      assert.equal((await get(analityk, `/api/v1/households/${household}/income?month=2026-10`)).status, 403);
    });
  });
}
