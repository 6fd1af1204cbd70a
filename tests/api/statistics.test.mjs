// Report counts (issue 4 §6) over HTTP, on SQLite and PostgreSQL: quantities dated where they were given (quarters add
// up), the sheltered-flat register and its places, care-home fee shares; the statistics are aggregates for analityk,
// kierownik and dyrektor only — never personal data — and denied to the partner; managers' worklist per section.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Server, backends } from './harness.mjs';

const YEAR = new Date().getUTCFullYear();
const day = (m, d) => `${YEAR}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const Q = [[day(1, 1), day(3, 31)], [day(4, 1), day(6, 30)], [day(7, 1), day(9, 30)], [day(10, 1), day(12, 31)]];

for (const backend of backends) {
  describe(`statistics (${backend})`, () => {
    const server = new Server(backend);
    let pracownik, analityk, partner, dyrektor, kierownik, household, head, member, headName;
    before(async () => {
      await server.start({ households: 200 });
      [pracownik, analityk, partner, dyrektor, kierownik] = await Promise.all(
        ['pracownik', 'analityk', 'partner', 'dyrektor', 'kierownik'].map((r) => server.login(r)));
      const mySection = pracownik.user.sections[0].id;
      [household, head, member] = server.sql(
        `SELECT h.id || ',' || m.person_id || ',' || o.person_id FROM households h ` +
        `JOIN household_members m ON m.household_id = h.id AND m.relation = 'head' AND m.until IS NULL ` +
        `JOIN household_members o ON o.household_id = h.id AND o.person_id <> m.person_id AND o.until IS NULL ` +
        `WHERE h.section_id = ${mySection} ORDER BY h.id LIMIT 1`).split(',').map(Number);
      headName = server.sql(`SELECT last_name FROM persons WHERE id = ${head}`);
    });
    after(() => server.stop());

    const stats = async (from, to, session = analityk) => {
      const r = await server.request('GET', `/api/v1/statistics/assistance?from=${from}&to=${to}`, { session });
      assert.equal(r.status, 200, r.text);
      return r.json;
    };
    const record = (body, session = pracownik) =>
      server.request('POST', `/api/v1/households/${household}/services`, { session, body });
    const psych = (s) => s.counselling.consultations.psychologiczne ?? 0;

    it('counts consultations on their days: the quarters add up to the year', async () => {
      const before = await Promise.all([...Q, [day(1, 1), day(12, 31)]].map(([f, t]) => stats(f, t)));
      const r = await record({
        kind: 'poradnictwo', subtype: 'psychologiczne', person_id: head, date_from: day(2, 1), date_to: day(4, 30),
        deliveries: [{ on_date: day(2, 10), quantity: 2 }, { on_date: day(3, 10), quantity: 2 }, { on_date: day(4, 10), quantity: 1 }],
      });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.json.quantity, 5);
      assert.deepEqual(r.json.deliveries.map((d) => d.on_date), [day(2, 10), day(3, 10), day(4, 10)]);
      const more = await server.request('POST', `/api/v1/services/${r.json.id}/deliveries`,
        { session: pracownik, body: { on_date: day(4, 20), quantity: 1 } });
      assert.equal(more.status, 201, more.text);
      assert.equal(more.json.quantity, 6);
      const after = await Promise.all([...Q, [day(1, 1), day(12, 31)]].map(([f, t]) => stats(f, t)));
      const delta = after.map((s, i) => psych(s) - psych(before[i]));
      assert.deepEqual(delta, [4, 2, 0, 0, 6]);
      assert.equal(after.slice(0, 4).reduce((a, s) => a + psych(s), 0), psych(after[4]));
      assert.equal(after[0].counselling.persons - before[0].counselling.persons, 1);
      assert.equal(after[2].counselling.persons - before[2].counselling.persons, 0);
    });

    it('refuses undated quantities over months, days outside the record and bad lists; nothing is written', async () => {
      const count = () => server.sql(`SELECT COUNT(*) FROM services WHERE household_id = ${household}`);
      const deliveries = () => server.sql('SELECT COUNT(*) FROM service_deliveries');
      const [c0, d0] = [count(), deliveries()];
      for (const [body, field] of [
        [{ kind: 'poradnictwo', subtype: 'prawne', person_id: head, date_from: day(2, 1), date_to: day(4, 30), quantity: 3 }, 'deliveries'],
        [{ kind: 'poradnictwo', subtype: 'prawne', person_id: head, date_from: day(2, 1), date_to: day(2, 28),
          deliveries: [{ on_date: day(3, 1), quantity: 1 }] }, 'deliveries'],
        [{ kind: 'poradnictwo', subtype: 'prawne', person_id: head, date_from: day(2, 1), date_to: day(2, 28),
          deliveries: [{ on_date: day(2, 3) }] }, 'deliveries'],
        [{ kind: 'poradnictwo', subtype: 'prawne', person_id: head, date_from: day(2, 1), date_to: day(2, 28), deliveries: 'dużo' }, 'deliveries'],
        [{ kind: 'dps', person_id: head, date_from: day(2, 1), date_to: day(2, 28) }, 'cost_grosze'],
        [{ kind: 'dps', person_id: head, date_from: day(2, 1), date_to: day(2, 28), cost_grosze: 500000, resident_fee_grosze: 150000,
          resident_income_grosze: 200000 }, 'resident_fee_grosze'],
        [{ kind: 'mieszkanie_chronione', person_id: head, date_from: day(2, 1), date_to: day(2, 28), place: 'nie ma takiego' }, 'flat_id'],
      ]) {
        const r = await record(body);
        assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.text}`);
        assert.equal(r.json.error.field, field, r.text);
      }
      assert.equal((await record({ kind: 'posilek', subtype: 'szkola', person_id: head, date_from: day(2, 1), date_to: day(2, 28) },
        analityk)).status, 403);
      assert.equal(count(), c0);
      assert.equal(deliveries(), d0);
    });

    it('keeps a register of sheltered flats whose places bound the residents; the report gives flats, places, persons', async () => {
      const name = `T-${backend}-${Date.now()}`;
      const flatBody = { name, places: 1, opened_on: day(1, 1), address: 'ul. Testowa 1' };
      assert.equal((await server.request('POST', '/api/v1/sheltered-flats', { session: pracownik, body: flatBody })).status, 403);
      assert.equal((await server.request('POST', '/api/v1/sheltered-flats', { session: dyrektor, body: { ...flatBody, places: 0 } })).status, 400);
      const before = await stats(day(2, 1), day(2, 28));
      const flat = await server.request('POST', '/api/v1/sheltered-flats', { session: dyrektor, body: flatBody });
      assert.equal(flat.status, 201, flat.text);
      const list = await server.request('GET', '/api/v1/sheltered-flats', { session: pracownik });
      assert.ok(list.json.items.some((f) => f.id === flat.json.id && f.places === 1));
      const stay = await record({ kind: 'mieszkanie_chronione', person_id: head, flat_id: flat.json.id, date_from: day(2, 1), date_to: day(3, 31) });
      assert.equal(stay.status, 201, stay.text);
      assert.equal(stay.json.place, name);
      const full = await record({ kind: 'mieszkanie_chronione', person_id: member, flat_id: flat.json.id, date_from: day(3, 1), date_to: day(3, 10) });
      assert.equal(full.status, 409, full.text);
      assert.equal(full.json.error.field, 'date_from');
      const fewer = await server.request('PATCH', `/api/v1/sheltered-flats/${flat.json.id}`,
        { session: dyrektor, body: { closed_on: day(2, 15) } });
      assert.equal(fewer.status, 409, fewer.text);
      const after = await stats(day(2, 1), day(2, 28));
      assert.equal(after.sheltered.flats - before.sheltered.flats, 1);
      assert.equal(after.sheltered.places - before.sheltered.places, 1);
      assert.equal(after.sheltered.persons - before.sheltered.persons, 1);
    });

    it('sums the gmina\'s share of care-home fees', async () => {
      const before = await stats(day(2, 1), day(2, 28));
      const r = await record({ kind: 'dps', person_id: member, place: 'DPS „Kalina”', date_from: day(2, 1), date_to: day(2, 28),
        cost_grosze: 600000, resident_fee_grosze: 140000, family_fee_grosze: 60000, resident_income_grosze: 200000 });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.json.care_home_fee.gmina_grosze, 400000);
      const after = await stats(day(2, 1), day(2, 28));
      assert.equal(after.care_homes.gmina_fee_grosze - before.care_homes.gmina_fee_grosze, 400000);
      assert.equal(after.care_homes.resident_fee_grosze - before.care_homes.resident_fee_grosze, 140000);
      assert.equal(after.care_homes.residents - before.care_homes.residents, 1);
    });

    it('gives aggregates to analityk, kierownik and dyrektor — never personal data — and nothing to others', async () => {
      const s = await stats(day(1, 1), day(12, 31));
      assert.deepEqual(Object.keys(s).sort(), ['care_homes', 'counselling', 'delivered', 'families_by_form', 'from',
        'in_kind_families', 'meals_children', 'sheltered', 'social_work', 'to']);
      const text = JSON.stringify(s);
      assert.ok(!text.includes(headName) && !/person_id|pesel|household_id|first_name|last_name/.test(text), text);
      for (const v of Object.values(s.families_by_form)) assert.equal(typeof v, 'number');
      await stats(day(1, 1), day(12, 31), kierownik);
      await stats(day(1, 1), day(12, 31), dyrektor);
      for (const session of [partner, pracownik]) {
        const r = await server.request('GET', `/api/v1/statistics/assistance?from=${day(1, 1)}&to=${day(12, 31)}`, { session });
        assert.equal(r.status, 403, r.text);
      }
      // The analyst reads no case, no person, no service record.
      for (const p of [`/api/v1/households/${household}/services`, `/api/v1/households/${household}`, `/api/v1/persons/${head}`,
        `/api/v1/households/${household}/social-work`, '/api/v1/worklist'])
        assert.equal((await server.request('GET', p, { session: analityk })).status, 403, p);
      for (const [q, field] of [[`from=${day(12, 31)}&to=${day(1, 1)}`, 'to'], [`to=${day(1, 1)}`, 'from'], ['from=2012-01-01&to=2012-12-31', 'from'],
        [`from=${day(1, 1)}&to=31.12.${YEAR}`, 'to']]) {
        const r = await server.request('GET', `/api/v1/statistics/assistance?${q}`, { session: analityk });
        assert.equal(r.status, 400, q);
        assert.equal(r.json.error.field, field, r.text);
      }
    });

    it('gives managers the worklist per section, filtered by section and worker within their scope', async () => {
      const all = await server.request('GET', '/api/v1/worklist?days=30', { session: kierownik });
      assert.equal(all.status, 200, all.text);
      assert.ok(Array.isArray(all.json.by_section));
      const mine = new Set(kierownik.user.sections.map((s) => s.id));
      for (const c of all.json.by_section) if (c.section_id !== null) assert.ok(mine.has(c.section_id), JSON.stringify(c));
      const total = all.json.by_section.reduce((a, c) => a + c.overdue + c.upcoming, 0);
      assert.equal(total, all.json.items.length);
      const section = kierownik.user.sections[0].id;
      const one = await server.request('GET', `/api/v1/worklist?days=30&section_id=${section}`, { session: kierownik });
      assert.equal(one.status, 200, one.text);
      assert.ok(one.json.items.every((i) => i.section_id === section));
      assert.deepEqual(one.json.filter, { section_id: section, worker_id: null });
      assert.equal(one.json.by_section.length, all.json.by_section.length);
      const foreign = Number(server.sql(`SELECT id FROM sections WHERE id NOT IN (${[...mine].join(',')}) ORDER BY id LIMIT 1`));
      const denied = await server.request('GET', `/api/v1/worklist?section_id=${foreign}`, { session: kierownik });
      assert.equal(denied.status, 403, denied.text);
      const director = await server.request('GET', `/api/v1/worklist?section_id=${foreign}`, { session: dyrektor });
      assert.equal(director.status, 200, director.text);
      const bad = await server.request('GET', '/api/v1/worklist?worker_id=abc', { session: kierownik });
      assert.equal(bad.status, 400);
      assert.equal(bad.json.error.field, 'worker_id');
    });
  });
}
