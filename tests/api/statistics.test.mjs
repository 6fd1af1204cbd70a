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

// The demo database (ostoja demo) carries help, as the services module records it, for the previous and the current
// year: the report counts are not zero, the records obey the module's rules, and the same seed gives the same data.
for (const backend of backends) {
  describe(`demo help (${backend})`, () => {
    const PREV = YEAR - 1;
    const run = async () => {
      const server = new Server(backend);
      await server.start({ households: 300 });
      try {
        const [analityk, pracownik] = await Promise.all(['analityk', 'pracownik'].map((r) => server.login(r)));
        const report = async (y) => {
          const r = await server.request('GET', `/api/v1/statistics/assistance?from=${y}-01-01&to=${y}-12-31`, { session: analityk });
          assert.equal(r.status, 200, r.text);
          return r.json;
        };
        const today = server.sql("SELECT MAX(on_date) FROM service_deliveries");
        // What the services module refuses never appears: deliveries outside their record or after today, quantities
        // other than the sum of the deliveries, persons outside the household, children's meals for adults, more
        // residents in a flat than places on some day, open contracts without a later review.
        const broken = server.sql(
          `SELECT (SELECT COUNT(*) FROM service_deliveries v JOIN services s ON s.id = v.service_id ` +
          `  WHERE v.on_date < s.date_from OR v.on_date > s.date_to) || ',' || ` +
          `(SELECT COUNT(*) FROM services s WHERE s.kind NOT IN ('dps', 'mieszkanie_chronione') AND s.quantity <> ` +
          `  (SELECT COALESCE(SUM(v.quantity), 0) FROM service_deliveries v WHERE v.service_id = s.id)) || ',' || ` +
          `(SELECT COUNT(*) FROM services s WHERE s.person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM household_members m ` +
          `  WHERE m.household_id = s.household_id AND m.person_id = s.person_id)) || ',' || ` +
          `(SELECT COUNT(*) FROM services s JOIN persons p ON p.id = s.person_id WHERE s.kind = 'posilek' AND ` +
          `  s.subtype <> 'inne' AND CAST(SUBSTR(s.date_from, 1, 4) AS INTEGER) - CAST(SUBSTR(p.birth_date, 1, 4) AS INTEGER) > 18) || ',' || ` +
          `(SELECT COUNT(*) FROM services a JOIN sheltered_flats f ON f.id = a.flat_id WHERE f.places < (SELECT COUNT(*) ` +
          `  FROM services b WHERE b.flat_id = a.flat_id AND b.date_from <= a.date_from AND b.date_to >= a.date_from)) || ',' || ` +
          `(SELECT COUNT(*) FROM services WHERE kind = 'dps' AND (cost_grosze - resident_fee_grosze - family_fee_grosze < 0)) || ',' || ` +
          `(SELECT COUNT(*) FROM social_work WHERE kind = 'contract' AND (until_date IS NULL OR review_on IS NULL OR ` +
          `  (outcome = '' AND review_on <= '${today}')))`);
        assert.equal(broken, '0,0,0,0,0,0,0');
        // The household card: pracownik sees the help of her households, and the income of last month is assessed by
        // the rules (the card asks for it).
        const household = Number(server.sql(`SELECT MIN(i.household_id) FROM income_items i JOIN households h ON ` +
          `h.id = i.household_id WHERE h.section_id = ${pracownik.user.sections[0].id} AND h.restricted = '' AND ` +
          `EXISTS (SELECT 1 FROM services s WHERE s.household_id = h.id)`));
        const month = server.sql(`SELECT MAX(month) FROM income_items`);
        const services = await server.request('GET', `/api/v1/households/${household}/services`, { session: pracownik });
        assert.equal(services.status, 200, services.text);
        assert.ok(services.json.items.length > 0);
        const income = await server.request('GET', `/api/v1/households/${household}/income?month=${month}`, { session: pracownik });
        assert.equal(income.status, 200, income.text);
        assert.ok(income.json.items.length > 0, income.text);
        const rows = server.sql(`SELECT (SELECT COUNT(*) || ':' || SUM(quantity) FROM services) || '/' || ` +
          `(SELECT COUNT(*) || ':' || SUM(hours) FROM social_work) || '/' || (SELECT COUNT(*) || ':' || SUM(amount_grosze) FROM income_items)`);
        return { current: await report(YEAR), previous: await report(PREV), rows };
      } finally {
        await server.stop();
      }
    };

    it('gives non-zero counts for the forms of help in both years, the same for the same seed', async () => {
      const first = await run();
      for (const s of [first.current, first.previous]) {
        for (const form of ['posilek', 'pomoc_rzeczowa', 'uslugi_opiekuncze', 'poradnictwo'])
          assert.ok(s.families_by_form[form] > 0, `${form}: ${JSON.stringify(s.families_by_form)}`);
        assert.ok(s.meals_children > 0 && s.delivered.posilek > s.meals_children, JSON.stringify(s));
        assert.ok(s.in_kind_families.zywnosc > 0, JSON.stringify(s.in_kind_families));
        assert.ok(s.delivered.uslugi_opiekuncze > 0);
        assert.ok(s.counselling.persons > 0 && s.counselling.consultations.psychologiczne > 0, JSON.stringify(s.counselling));
        assert.ok(s.social_work.families > 0 && s.social_work.referrals > 0, JSON.stringify(s.social_work));
        assert.ok(s.social_work.families >= Math.max(...Object.values(s.families_by_form)) / 2);
        assert.ok(s.sheltered.flats >= 1 && s.sheltered.places >= 3);
      }
      // The register: flats open for years, and one opened this year.
      assert.equal(first.current.sheltered.new_flats, 1);
      assert.equal(first.current.sheltered.flats, first.previous.sheltered.flats + 1);
      // Over both years, the rarer forms appear too.
      const both = (f) => f(first.current) + f(first.previous);
      assert.ok(both((s) => s.social_work.contracts) > 0);
      assert.ok(both((s) => s.social_work.community_work_hours) > 0);
      assert.ok(both((s) => s.social_work.activated_persons) > 0);
      assert.ok(both((s) => s.sheltered.persons) > 0);
      assert.ok(both((s) => s.care_homes.residents) > 0 && both((s) => s.care_homes.gmina_fee_grosze) > 0);
      const second = await run();
      assert.deepEqual(second, first);
    });
  });
}
