// Persons (issue 4 §1): registration with PESEL validation, uniqueness per centre, likely-duplicate
// warning, documents for persons without PESEL, and diacritics-insensitive search in Polish order
// within the user's scope — on SQLite and PostgreSQL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Server, backends } from './harness.mjs';

for (const backend of backends) {
  describe(`persons (${backend})`, () => {
    const server = new Server(backend);
    let pracownik, dyrektor, analityk;
    before(async () => {
      await server.start({ households: 200 });
      pracownik = await server.login('pracownik');
      dyrektor = await server.login('dyrektor');
      analityk = await server.login('analityk');
    });
    after(() => server.stop());

    const create = (session, body) => server.request('POST', '/api/v1/persons', { session, body });

    it('registers a person with a valid PESEL, deriving birth date and sex, and refuses bad input', async () => {
      const r = await create(pracownik, { pesel: '02270812343', first_name: 'Łucja', last_name: 'Żółkiewska' });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.json.birth_date, '2002-07-08');
      assert.equal(r.json.sex, 'K');
      for (const [body, field] of [
        [{ pesel: '02270812348', first_name: 'A', last_name: 'B' }, 'pesel'],
        [{ pesel: '02270812343', first_name: 'A', last_name: 'B', sex: 'M' }, 'sex'],
        [{ pesel: '02270812343', first_name: 'A', last_name: 'B', birth_date: '2002-07-09' }, 'birth_date'],
        [{ first_name: 'A', last_name: 'B' }, 'pesel'],
        [{ document_type: 'paszport', document_number: 'FE123', first_name: 'Olena', last_name: 'Shevchenko', sex: 'K' }, 'birth_date'],
        [{ pesel: '02270812343', first_name: '', last_name: 'B' }, 'first_name'],
      ]) {
        const bad = await create(pracownik, body);
        assert.equal(bad.status, 400, JSON.stringify(body));
        assert.equal(bad.json.error.field, field, JSON.stringify(body));
      }
      const again = await create(pracownik, { pesel: '02270812343', first_name: 'Łucja', last_name: 'Żółkiewska' });
      assert.equal(again.status, 409);
      assert.equal(again.json.error.field, 'pesel');
      assert.equal((await create(analityk, { pesel: '02270812343', first_name: 'X', last_name: 'Y' })).status, 403);
    });

    it('registers a foreigner by document and warns of a likely duplicate', async () => {
      const olena = { document_type: 'paszport', document_number: 'FE123456', first_name: 'Olena', last_name: 'Shevchenko', birth_date: '1990-03-04', sex: 'K', citizenship: 'UA' };
      assert.equal((await create(pracownik, olena)).status, 201);
      const dup = await create(pracownik, { ...olena, document_number: 'FE999999' });
      assert.equal(dup.status, 409);
      assert.equal(dup.json.error.field, 'allow_duplicate');
      assert.equal(dup.json.duplicates.length, 1);
      assert.equal((await create(pracownik, { ...olena, document_number: 'FE999999', allow_duplicate: true })).status, 201);
    });

    it('finds persons without diacritics (ł → l) in Polish alphabetical order, and audits the search', async () => {
      for (const [pesel, first, last] of [['85010112345', 'Anna', 'Łabędzka'], ['85010112352', 'Jan', 'Labuda'], ['85010112369', 'Ewa', 'Łaba']]) {
        assert.equal((await create(pracownik, { pesel, first_name: first, last_name: last })).status, 201);
      }
      const r = await server.request('GET', '/api/v1/persons?q=lab', { session: pracownik });
      assert.equal(r.status, 200, r.text);
      const names = r.json.items.map((p) => p.last_name);
      assert.deepEqual(names.filter((n) => ['Łabędzka', 'Labuda', 'Łaba'].includes(n)), ['Labuda', 'Łaba', 'Łabędzka']);
      const withFirst = await server.request('GET', '/api/v1/persons?q=' + encodeURIComponent('ŁABĘDZKA an'), { session: pracownik });
      assert.deepEqual(withFirst.json.items.map((p) => p.first_name), ['Anna']);
      const byPesel = await server.request('GET', '/api/v1/persons?pesel=85010112369', { session: pracownik });
      assert.equal(byPesel.json.items[0].last_name, 'Łaba');
      const audit = await server.request('GET', `/api/v1/audit?person_id=${byPesel.json.items[0].id}&action=search`, { session: dyrektor });
      assert.ok(audit.json.total >= 1);
      assert.equal((await server.request('GET', '/api/v1/persons?q=l', { session: pracownik })).status, 400);
      assert.equal((await server.request('GET', '/api/v1/persons?pesel=123', { session: pracownik })).status, 400);
    });

    it('creates a household at an address resolved to its section, with one head, members not already housed', async () => {
      const ids = [];
      for (const [pesel, first, last] of [['90022812354', 'Marek', 'Wrona'], ['92051512344', 'Ewa', 'Wrona']]) {
        const p = await create(pracownik, { pesel, first_name: first, last_name: last });
        assert.equal(p.status, 201, p.text);
        ids.push(p.json.id);
      }
      const body = (over = {}) => ({
        address: { locality: 'Lublin', street: 'Głowackiego', building: '12', flat: '3', postal_code: '20-060' },
        family_type: 'couple',
        members: [{ person_id: ids[0], relation: 'head' }, { person_id: ids[1], relation: 'spouse' }],
        ...over,
      });
      const post = (b) => server.request('POST', '/api/v1/households', { session: pracownik, body: b });
      for (const [b, field, status] of [
        [body({ family_type: 'komuna' }), 'family_type', 400],
        [body({ members: [{ person_id: ids[0], relation: 'spouse' }] }), 'members', 400],
        [body({ members: [{ person_id: ids[0], relation: 'head' }, { person_id: ids[0], relation: 'child' }] }), 'members', 400],
        [body({ address: { locality: 'Lublin', street: 'Nieznana', building: '1' } }), 'address', 400],
        [body({ members: [{ person_id: 99999999, relation: 'head' }] }), 'members', 400],
      ]) {
        const r = await post(b);
        assert.equal(r.status, status, `${JSON.stringify(b).slice(0, 120)}: ${r.text}`);
        assert.equal(r.json.error.field, field);
      }
      const before = server.sql('SELECT COUNT(*) FROM households');
      const ok = await post(body());
      assert.equal(ok.status, 201, ok.text);
      assert.equal(ok.json.section.number, 1);  // Głowackiego belongs to section 1 in the demo territory
      assert.equal(Number(server.sql('SELECT COUNT(*) FROM households')), Number(before) + 1);
      const again = await post(body());
      assert.equal(again.status, 409);  // the members already live in a household
      const read = await server.request('GET', `/api/v1/households/${ok.json.id}`, { session: pracownik });
      assert.equal(read.status, 200);
      assert.deepEqual(read.json.members.map((m) => m.relation), ['head', 'spouse']);
      const member = await server.request('GET', `/api/v1/persons/${ids[0]}`, { session: pracownik });
      assert.equal(member.json.household_id, ok.json.id);  // a person card links to the current household
    });

    it('scopes search: a worker does not find members of households outside her section', async () => {
      const mySection = pracownik.user.sections[0].id;
      const outsider = server.sql(
        `SELECT p.pesel FROM persons p JOIN household_members m ON m.person_id = p.id JOIN households h ON h.id = m.household_id ` +
        `WHERE h.section_id <> ${mySection} AND (h.worker_id IS NULL OR h.worker_id <> ${pracownik.user.id}) LIMIT 1`);
      const insider = server.sql(
        `SELECT p.pesel FROM persons p JOIN household_members m ON m.person_id = p.id JOIN households h ON h.id = m.household_id ` +
        `WHERE h.section_id = ${mySection} LIMIT 1`);
      assert.equal((await server.request('GET', `/api/v1/persons?pesel=${outsider}`, { session: pracownik })).json.items.length, 0);
      assert.equal((await server.request('GET', `/api/v1/persons?pesel=${insider}`, { session: pracownik })).json.items.length, 1);
      assert.equal((await server.request('GET', `/api/v1/persons?pesel=${outsider}`, { session: dyrektor })).json.items.length, 1);
    });
  });
}
