// Public calculator endpoints (issue 4 §3): dated criteria, benefit preview, identifier validation,
// working-day deadlines. They need no session and touch no database, so one backend is enough.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Server } from './harness.mjs';

describe('rules API', () => {
  const server = new Server('sqlite');
  before(() => server.start({ households: 5 }));
  after(() => server.stop());

  it('returns the criteria in force on a date, with the legal basis, and refuses dates before 2012-10-01', async () => {
    const cases = [
      ['2012-10-01', 54200, 45600, 52900],
      ['2015-09-30', 54200, 45600, 52900],
      ['2015-10-01', 63400, 51400, 60400],
      ['2021-12-31', 70100, 52800, 64500],
      ['2023-06-15', 77600, 60000, 71900],
      ['2024-06-15', 77600, 60000, 100000],
      ['2026-11-23', 101000, 82300, 122900],
    ];
    for (const [date, single, perPerson, maxStaly] of cases) {
      const r = await server.request('GET', `/api/v1/rules/criteria?date=${date}`);
      assert.equal(r.status, 200, `${date}: ${r.text}`);
      assert.equal(r.json.single_person_grosze, single, date);
      assert.equal(r.json.per_person_grosze, perPerson, date);
      assert.equal(r.json.max_zasilek_staly_grosze, maxStaly, date);
      assert.match(r.json.legal_basis, /Dz\.U\./);
    }
    for (const bad of ['2012-09-30', '2025-02-30', 'jutro', '']) {
      const r = await server.request('GET', `/api/v1/rules/criteria?date=${bad}`);
      assert.equal(r.status, 400, bad);
      assert.equal(r.json.error.field, 'date');
    }
  });

  it('previews benefits as of the date, eligibility strictly below the criterion', async () => {
    const preview = (body) => server.request('POST', '/api/v1/rules/benefit-preview', { body });
    const staly = await preview({ date: '2025-03-01', benefit: 'zasilek_staly', household_size: 1, income_grosze: 50000 });
    assert.equal(staly.status, 200);
    assert.deepEqual([staly.json.eligible, staly.json.amount_grosze, staly.json.criterion_grosze], [true, 81300, 101000]);
    assert.ok(staly.json.explanation.some((e) => e.includes('art. 37')));
    const atCriterion = await preview({ date: '2025-03-01', benefit: 'zasilek_okresowy', household_size: 1, income_grosze: 101000 });
    assert.equal(atCriterion.json.eligible, false);
    const family = await preview({ date: '2025-03-01', benefit: 'zasilek_okresowy', household_size: 3, income_grosze: 150000 });
    assert.equal(family.json.eligible, true);
    assert.equal(family.json.criterion_grosze, 3 * 82300);
    for (const [body, field] of [
      [{ date: '2025-03-01', benefit: 'zasilek_staly', household_size: 0, income_grosze: 1 }, 'household_size'],
      [{ date: '2025-03-01', benefit: 'zasilek_staly', household_size: 1, income_grosze: -5 }, 'income_grosze'],
      [{ date: '2025-03-01', benefit: 'zasilek_staly', household_size: 1, income_grosze: '5' }, 'income_grosze'],
      [{ date: '2011-03-01', benefit: 'zasilek_staly', household_size: 1, income_grosze: 5 }, 'date'],
      [{ date: '2025-03-01', benefit: 'zasilek_celowy_xyz', household_size: 1, income_grosze: 5 }, 'benefit'],
    ]) {
      const r = await preview(body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal(r.json.error.field, field, JSON.stringify(body));
    }
  });

  it('validates identifiers', async () => {
    const v = async (kind, value) => (await server.request('GET', `/api/v1/rules/validate/${kind}/${encodeURIComponent(value)}`)).json;
    assert.deepEqual(await v('pesel', '44051401359'), { valid: true, birth_date: '1944-05-14', sex: 'M', error: null, normalized: '44051401359' });
    const bad = await v('pesel', '44051401358');
    assert.equal(bad.valid, false);
    assert.match(bad.error, /PESEL/);
    assert.equal((await v('nip', '526-000-12-46')).valid, true);
    assert.equal((await v('nip', '5260001247')).valid, false);
    assert.equal((await v('postal-code', '20-112')).valid, true);
    assert.equal((await v('postal-code', '20112')).valid, false);
    assert.equal((await v('teryt', '0663011')).valid, true);
    assert.equal((await v('iban', 'PL61 1090 1014 0000 0712 1981 2874')).valid, true);
    assert.equal((await v('iban', 'PL61 1090 1014 0000 0712 1981 2875')).valid, false);
    const unknown = await server.request('GET', '/api/v1/rules/validate/dowod/ABC123456');
    assert.equal(unknown.status, 404);
  });

  it('computes working-day deadlines across holidays', async () => {
    const d = async (from, days) => server.request('GET', `/api/v1/rules/working-days?from=${from}&days=${days}`);
    assert.equal((await d('2025-12-19', 3)).json.deadline, '2025-12-29');  // 24–26 Dec and the weekend skipped
    assert.equal((await d('2025-04-17', 2)).json.deadline, '2025-04-22');  // Easter Monday 21 Apr
    assert.equal((await d('2025-11-07', 14)).json.deadline, '2025-11-28'); // 11 Nov
    assert.equal((await d('2025-11-07', -1)).status, 400);
    assert.equal((await d('2025-13-07', 1)).status, 400);
  });
});
