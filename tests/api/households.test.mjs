// Households (issue 4 §1): search by address (diacritics-insensitive, in order, scoped like person search,
// audited), changes of family type / address / worker (the section resolved again, members' scope mirrored,
// audited, out-of-scope refused), the actual address of a person, and the duplicate checks (the same
// document refused; likely duplicates only from the user's scope, their showing audited) — on SQLite and
// PostgreSQL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Server, backends } from './harness.mjs';

const houseNumber = (b) => Number.parseInt(b, 10);

for (const backend of backends) {
  describe(`households (${backend})`, () => {
    const server = new Server(backend);
    let pracownik, dyrektor, analityk, kierownik, mySection;
    before(async () => {
      await server.start({ households: 300 });
      pracownik = await server.login('pracownik');
      dyrektor = await server.login('dyrektor');
      analityk = await server.login('analityk');
      kierownik = await server.login('kierownik');
      mySection = pracownik.user.sections[0].id;
    });
    after(() => server.stop());

    const get = (session, p) => server.request('GET', p, { session });
    const patch = (session, id, body) => server.request('PATCH', `/api/v1/households/${id}`, { session, body });
    const search = (session, params) => get(session, `/api/v1/households?${new URLSearchParams(params)}`);

    it('finds households by street prefix without diacritics, ordered by street, house and flat, with members', async () => {
      const r = await search(pracownik, { street: 'glowackiego' });
      assert.equal(r.status, 200, r.text);
      const expected = server.sql(`SELECT COUNT(*) FROM households WHERE street = 'Głowackiego' AND (section_id = ${mySection} OR worker_id = ${pracownik.user.id})`);
      assert.ok(Number(expected) >= 2);
      assert.equal(r.json.items.length, Math.min(50, Number(expected)), r.text.slice(0, 200));
      for (const h of r.json.items) {
        assert.equal(h.address.street, 'Głowackiego');
        assert.ok(h.section_id === mySection || h.worker_id === pracownik.user.id);
        assert.ok(Array.isArray(h.members));
        for (const m of h.members) assert.equal(m.person.restricted, null);
      }
      const numbers = r.json.items.map((h) => houseNumber(h.address.building));
      assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b), 'house numbers in numeric order');
      // ł → l and the other letters: Łęczyńska (section 5) by "leczynska" — the director sees it, the worker of section 1 does not.
      const all = await search(dyrektor, { street: 'LECZYNSKA' });
      assert.ok(all.json.items.length > 0);
      assert.ok(all.json.items.every((h) => h.address.street === 'Łęczyńska'));
      assert.equal((await search(pracownik, { street: 'leczynska' })).json.items.length, 0);
      // A house number: every building with that number; a leading "ul." is ignored; the limit holds.
      const first = r.json.items[0];
      const byHouse = await search(pracownik, { street: 'ul. Głowackiego', house: String(houseNumber(first.address.building)) });
      assert.ok(byHouse.json.items.some((h) => h.id === first.id));
      assert.ok(byHouse.json.items.every((h) => houseNumber(h.address.building) === houseNumber(first.address.building)));
      assert.equal((await search(pracownik, { street: 'gl', limit: 2 })).json.items.length, 2);
      if (first.address.flat) {
        const exact = await search(pracownik, { street: 'Głow', house: first.address.building, flat: first.address.flat, locality: 'lublin' });
        assert.ok(exact.json.items.some((h) => h.id === first.id));
        assert.ok(exact.json.items.every((h) => h.address.flat === first.address.flat));
      }
    });

    it('audits every member of every household found, and refuses bad input and roles without cases.read', async () => {
      const r = await search(pracownik, { street: 'ogrodowa', limit: 1 });
      const [h] = r.json.items;
      assert.ok(h && h.members.length > 0, r.text);
      const audit = await get(dyrektor, `/api/v1/audit?action=search&entity=household&entity_id=${h.id}`);
      assert.equal(audit.status, 200, audit.text);
      const mine = audit.json.items.filter((e) => e.user_login === 'pracownik' && e.purpose === 'wyszukiwanie po adresie');
      assert.deepEqual(mine.map((e) => e.person_id).sort(), h.members.map((m) => m.person.id).sort());
      for (const [params, field] of [
        [{ street: 'g' }, 'street'], [{}, 'street'], [{ street: 'ul. ' }, 'street'], [{ street: 'zana', house: 'abc' }, 'house'],
        [{ street: 'zana', flat: '3' }, 'flat'], [{ street: 'zana', limit: '0' }, 'limit'], [{ street: 'z'.repeat(201) }, 'street'],
      ]) {
        const bad = await search(pracownik, params);
        assert.equal(bad.status, 400, `${JSON.stringify(params)}: ${bad.text}`);
        assert.equal(bad.json.error.field, field, JSON.stringify(params));
        assert.ok(bad.json.error.message.length > 10);
      }
      assert.equal((await search(analityk, { street: 'zana' })).status, 403);
      assert.equal((await search(undefined, { street: 'zana' })).status, 401);
    });

    it('changes family type, worker and address; the section follows the territory and the members follow the household', async () => {
      const id = Number(server.sql(`SELECT id FROM households WHERE section_id = ${mySection} AND worker_id IS NULL ORDER BY id LIMIT 1`));
      const state = () => server.sql(`SELECT family_type, street, building, section_id, COALESCE(worker_id, 0) FROM households WHERE id = ${id}`);
      const membersScope = () => server.sql(`SELECT DISTINCT section_id || ':' || COALESCE(worker_id, 0) FROM persons WHERE household_id = ${id}`);
      const before = state();
      for (const [body, field] of [
        [{}, ''], [{ family_type: 'komuna' }, 'family_type'], [{ worker_id: 99999999 }, 'worker_id'],
        [{ address: { locality: 'Lublin', street: 'Nieznana', building: '1' } }, 'address'],
        [{ address: { locality: 'Lublin', street: 'Głowackiego', building: '' } }, 'address.building'],
        [{ address: { locality: 'Lublin', street: 'Głowackiego', building: '1', postal_code: '20601' } }, 'address.postal_code'],
        [{ address: 'Głowackiego 1' }, 'address'], [{ worker_id: 'x' }, 'worker_id'],
      ]) {
        const r = await patch(pracownik, id, body);
        assert.equal(r.status, 400, `${JSON.stringify(body)}: ${r.text}`);
        assert.equal(r.json.error.field, field, JSON.stringify(body));
        assert.equal(state(), before, 'nothing changed');
      }
      for (const s of [analityk, dyrektor]) assert.equal((await patch(s, id, { family_type: 'couple' })).status, 403);
      const foreign = Number(server.sql(`SELECT id FROM households WHERE section_id <> ${mySection} AND (worker_id IS NULL OR worker_id <> ${pracownik.user.id}) ORDER BY id LIMIT 1`));
      const foreignBefore = server.sql(`SELECT family_type FROM households WHERE id = ${foreign}`);
      const denied = await patch(pracownik, foreign, { family_type: 'other' });
      assert.equal(denied.status, 403);
      assert.match(denied.json.error.message, /nie należy do Twojej sekcji/);
      assert.equal(server.sql(`SELECT family_type FROM households WHERE id = ${foreign}`), foreignBefore);
      assert.equal((await patch(pracownik, 99999999, { family_type: 'other' })).status, 404);

      const assigned = await patch(pracownik, id, { family_type: 'with_children', worker_id: pracownik.user.id });
      assert.equal(assigned.status, 200, assigned.text);
      assert.equal(assigned.json.family_type, 'with_children');
      assert.equal(assigned.json.worker_id, pracownik.user.id);
      assert.equal(assigned.json.in_scope, true);
      assert.equal(membersScope(), `${mySection}:${pracownik.user.id}`);
      const unassigned = await patch(pracownik, id, { worker_id: null });
      assert.equal(unassigned.json.worker_id, null);
      assert.equal(membersScope(), `${mySection}:0`);

      // Zana belongs to section 14: the household moves there and out of the worker's scope.
      const moved = await patch(pracownik, id, { address: { locality: 'Lublin', street: 'Zana', building: '14', flat: '2', postal_code: '20-601' } });
      assert.equal(moved.status, 200, moved.text);
      assert.equal(moved.json.section.number, 14);
      assert.equal(moved.json.in_scope, false);
      assert.deepEqual(moved.json.address, { locality: 'Lublin', street: 'Zana', building: '14', flat: '2', postal_code: '20-601' });
      assert.equal(membersScope(), `${moved.json.section.id}:0`);
      assert.equal((await get(pracownik, `/api/v1/households/${id}`)).status, 403);
      const card = await get(dyrektor, `/api/v1/households/${id}`);
      assert.equal(card.json.family_type, 'with_children');
      assert.equal(card.json.section_id, moved.json.section.id);
      assert.ok((await search(dyrektor, { street: 'zana', house: '14', flat: '2' })).json.items.some((h) => h.id === id));
      const audit = await get(dyrektor, `/api/v1/audit?action=update&entity=household&entity_id=${id}`);
      assert.ok(audit.json.items.some((e) => e.purpose === 'zmiana: adres, sekcja nr 14'), audit.text);
      assert.ok(audit.json.items.every((e) => e.user_login === 'pracownik'));
    });

    it('keeps the actual address of a person beside the registered one', async () => {
      const pid = Number(server.sql(`SELECT p.id FROM persons p WHERE p.section_id = ${mySection} ORDER BY p.id LIMIT 1`));
      const r = await server.request('PATCH', `/api/v1/persons/${pid}`, {
        session: pracownik, body: { registered_address: 'ul. Głowackiego 1, 20-060 Lublin', actual_address: 'ul. Zana 3/4, 20-601 Lublin' },
      });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.actual_address, 'ul. Zana 3/4, 20-601 Lublin');
      const again = await server.request('PATCH', `/api/v1/persons/${pid}`, { session: pracownik, body: { actual_address: '' } });
      assert.equal(again.json.actual_address, '');
      assert.equal(again.json.registered_address, 'ul. Głowackiego 1, 20-060 Lublin');
      const tooLong = await server.request('PATCH', `/api/v1/persons/${pid}`, { session: pracownik, body: { actual_address: 'x'.repeat(301) } });
      assert.equal(tooLong.status, 400);
      assert.equal(tooLong.json.error.field, 'actual_address');
      assert.equal((await get(pracownik, `/api/v1/persons/${pid}`)).json.actual_address, '');
    });

    it('refuses the same document twice and lists only likely duplicates in scope, audited; merged records are no candidates', async () => {
      const create = (session, body) => server.request('POST', '/api/v1/persons', { session, body });
      const doc = { document_type: 'paszport', document_number: 'ZZ7654321', first_name: 'Olha', last_name: 'Bondarenko', birth_date: '1991-02-03', sex: 'K', citizenship: 'UA' };
      assert.equal((await create(pracownik, doc)).status, 201);
      const twice = await create(pracownik, { ...doc, first_name: 'Olga', allow_duplicate: true });
      assert.equal(twice.status, 409, twice.text);
      assert.equal(twice.json.error.field, 'document_number');
      assert.match(twice.json.error.message, /ZZ7654321/);
      assert.equal(server.sql(`SELECT COUNT(*) FROM persons WHERE document_number = 'ZZ7654321'`), '1');

      // A demo person of another section — one of the manager's (name and birth date unique in the centre): counted, never shown.
      const managerSections = kierownik.user.sections.map((s) => s.id).filter((s) => s !== mySection);
      const [first, last, born, theirId] = server.sql(
        `SELECT p.first_name, p.last_name, p.birth_date, p.id FROM persons p JOIN households h ON h.id = p.household_id ` +
        `WHERE h.section_id IN (${managerSections.join(',')}) AND (h.worker_id IS NULL OR h.worker_id <> ${pracownik.user.id}) AND NOT EXISTS ` +
        `(SELECT 1 FROM persons q WHERE q.id <> p.id AND q.last_name = p.last_name AND q.first_name = p.first_name AND q.birth_date = p.birth_date) ` +
        `ORDER BY p.id LIMIT 1`).split('|');
      const hidden = await create(pracownik, { document_type: 'paszport', document_number: 'QQ1', first_name: first, last_name: last, birth_date: born, sex: 'K' });
      assert.equal(hidden.status, 409, hidden.text);
      assert.equal(hidden.json.error.field, 'allow_duplicate');
      assert.deepEqual(hidden.json.duplicates, []);
      assert.equal(hidden.json.duplicates_outside_scope, 1);
      assert.match(hidden.json.error.message, /spoza Twojego zakresu/);
      assert.ok(!hidden.text.includes(`"id":${theirId}`));
      // The manager of that section sees the candidate, and showing it is audited as a read.
      const shown = await create(kierownik, { document_type: 'paszport', document_number: 'QQ2', first_name: first, last_name: last, birth_date: born, sex: 'K' });
      assert.equal(shown.status, 409);
      assert.deepEqual(shown.json.duplicates.map((d) => d.id), [Number(theirId)]);
      assert.equal(shown.json.duplicates_outside_scope, 0);
      const audit = await get(dyrektor, `/api/v1/audit?person_id=${theirId}&action=read`);
      assert.ok(audit.json.items.some((e) => e.user_login === 'kierownik' && e.purpose === 'ostrzeżenie o możliwym duplikacie'), audit.text);
      assert.ok(!audit.json.items.some((e) => e.user_login === 'pracownik'), 'a candidate not shown is not a read');
      // Merged away: the tombstone is no longer a candidate.
      const a = await create(pracownik, { ...doc, document_number: 'MM1', first_name: 'Iryna', last_name: 'Tkachenko' });
      const b = await create(pracownik, { ...doc, document_number: 'MM2', first_name: 'Iryna', last_name: 'Tkachenko', allow_duplicate: true });
      assert.equal(b.status, 201, b.text);
      assert.equal((await server.request('POST', `/api/v1/persons/${a.json.id}/merge`, { session: pracownik, body: { duplicate_id: b.json.id } })).status, 200);
      const c = await create(pracownik, { ...doc, document_number: 'MM3', first_name: 'Iryna', last_name: 'Tkachenko' });
      assert.equal(c.status, 409);
      assert.deepEqual(c.json.duplicates.map((d) => d.id), [a.json.id]);
      const shownA = await get(dyrektor, `/api/v1/audit?person_id=${a.json.id}&action=read`);
      assert.ok(shownA.json.items.some((e) => e.purpose === 'ostrzeżenie o możliwym duplikacie'));
    });
  });
}
