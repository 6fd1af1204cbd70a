// Applications, interviews and the worklist (issue 4 §2) over HTTP, on SQLite and PostgreSQL:
// deadlines as of the day of receipt, record scoping, bad input, audited reads.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Server, backends } from './harness.mjs';

for (const backend of backends) {
  describe(`applications (${backend})`, () => {
    const server = new Server(backend);
    let pracownik, dyrektor, analityk, household, head, outsider;
    before(async () => {
      await server.start({ households: 200 });
      pracownik = await server.login('pracownik');
      dyrektor = await server.login('dyrektor');
      analityk = await server.login('analityk');
      const mySection = pracownik.user.sections[0].id;
      [household, head] = server.sql(
        `SELECT h.id || ',' || m.person_id FROM households h JOIN household_members m ON m.household_id = h.id ` +
        `WHERE h.section_id = ${mySection} AND m.relation = 'head' AND m.until IS NULL ORDER BY h.id LIMIT 1`).split(',').map(Number);
      outsider = Number(server.sql(
        `SELECT h.id FROM households h WHERE h.section_id <> ${mySection} AND ` +
        `(h.worker_id IS NULL OR h.worker_id <> ${pracownik.user.id}) ORDER BY h.id LIMIT 1`));
    });
    after(() => server.stop());

    const body = (over = {}) => ({
      household_id: household, applicant_id: head, received_on: '2026-11-20',
      forms: ['zasilek_okresowy'], reasons: ['ubostwo', 'przemoc'], description: 'Wniosek złożony osobiście.', ...over,
    });
    const post = (session, b) => server.request('POST', '/api/v1/applications', { session, body: b });

    it('registers an application with deadlines computed from the day of receipt and plans the interview', async () => {
      const r = await post(pracownik, body());
      assert.equal(r.status, 201, r.text);
      assert.match(r.json.number, /^W\/2026\/\d+$/);
      assert.equal(r.json.interview_due, '2026-12-10');  // 14 working days after Friday 20.11.2026
      assert.equal(r.json.decision_due, '2026-12-21');   // 20.12.2026 is a Sunday
      assert.deepEqual(r.json.reasons.map((x) => x.wording), ['ubóstwa', 'przemocy domowej']);
      assert.equal(r.json.interviews.length, 1);
      assert.equal(r.json.interviews[0].status, 'planned');
      const read = await server.request('GET', `/api/v1/applications/${r.json.id}`, { session: pracownik });
      assert.equal(read.status, 200);
      assert.equal(read.headers.get('cache-control'), 'no-store');
      const audit = await server.request('GET', `/api/v1/audit?person_id=${head}&entity=application`, { session: dyrektor });
      assert.ok(audit.json.items.some((e) => e.action === 'read'), audit.text);
      assert.ok(audit.json.items.some((e) => e.action === 'create'), audit.text);
      const list = await server.request('GET', `/api/v1/households/${household}/applications`, { session: pracownik });
      assert.ok(list.json.items.some((a) => a.id === r.json.id));
    });

    it('refuses bad input with the field named and writes nothing', async () => {
      const before = server.sql('SELECT COUNT(*) FROM applications');
      for (const [b, field] of [
        [body({ received_on: '2099-01-01' }), 'received_on'],
        [body({ received_on: '20.11.2026' }), 'received_on'],
        [body({ forms: ['wczasy'] }), 'forms'],
        [body({ reasons: [] }), 'reasons'],
        [body({ reasons: 'ubostwo' }), 'reasons'],
        [body({ household_id: 'x' }), 'household_id'],
        [body({ mode: 'sms' }), 'mode'],
      ]) {
        const r = await post(pracownik, b);
        assert.equal(r.status, 400, JSON.stringify(b));
        assert.equal(r.json.error.field, field, r.text);
      }
      assert.equal((await post(pracownik, body({ household_id: outsider }))).status, 403);
      assert.equal((await post(analityk, body())).status, 403);
      assert.equal(server.sql('SELECT COUNT(*) FROM applications'), before);
    });

    it('completes the interview once and plans the 6-month update; the worklist shows what is due', async () => {
      const a = (await post(pracownik, body({ received_on: '2026-11-23' }))).json;
      const interview = a.interviews[0].id;
      const complete = (parts, conducted_on = '2026-11-24') =>
        server.request('POST', `/api/v1/interviews/${interview}/complete`, { session: pracownik, body: { conducted_on, parts } });
      assert.equal((await complete({ family: 'x' })).json.error.field, 'parts.assessment');
      assert.equal((await complete({ family: 7, assessment: 'x' })).status, 400);
      const done = await complete({ family: 'Samotna matka.', assessment: 'Wymaga wsparcia.', health: 'Depresja.' });
      assert.equal(done.status, 200, done.text);
      assert.equal(done.json.status, 'completed');
      assert.equal(done.json.parts.health, undefined);
      assert.equal(done.json.health_hidden, true);
      assert.equal((await complete({ assessment: 'ponownie' })).status, 409);
      const read = await server.request('GET', `/api/v1/applications/${a.id}`, { session: pracownik });
      assert.deepEqual(read.json.interviews.map((i) => [i.kind, i.status, i.due_on]),
        [['initial', 'completed', a.interview_due], ['update', 'planned', '2027-05-24']]);

      const change = await server.request('POST', `/api/v1/households/${household}/interviews`, { session: pracownik, body: { urgent: true } });
      assert.equal(change.status, 201, change.text);
      const all = await server.request('GET', `/api/v1/households/${household}/interviews`, { session: pracownik });
      assert.equal(all.status, 200, all.text);
      assert.ok(all.json.items.some((i) => i.id === change.json.id && i.kind === 'change' && i.application_id === null));
      assert.ok(all.json.items.some((i) => i.id === interview && i.health_hidden === true));
      const one = await server.request('GET', `/api/v1/interviews/${interview}`, { session: pracownik });
      assert.equal(one.json.parts.assessment, 'Wymaga wsparcia.');
      const outsiderInterview = server.sql(`SELECT MIN(i.id) FROM interviews i WHERE i.household_id = ${outsider}`);
      if (outsiderInterview) assert.equal((await server.request('GET', `/api/v1/interviews/${outsiderInterview}`, { session: pracownik })).status, 403);
      assert.equal((await server.request('GET', `/api/v1/households/${outsider}/interviews`, { session: pracownik })).status, 403);
      const card = await server.request('GET', `/api/v1/households/${household}`, { session: pracownik });
      assert.match(card.json.section_name, /\S/);

      const wl = await server.request('GET', '/api/v1/worklist?as_of=2026-12-11&days=14', { session: pracownik });
      assert.equal(wl.status, 200, wl.text);
      const mine = wl.json.items.filter((i) => i.household_id === household);
      assert.ok(mine.some((i) => i.kind === 'interview_overdue'), wl.text);  // the first application's interview (due 10.12)
      assert.ok(mine.some((i) => i.kind === 'decision_due'));
      assert.ok(wl.json.by_worker.length >= 1);
      assert.equal((await server.request('GET', '/api/v1/worklist?days=500', { session: pracownik })).status, 400);
      assert.equal((await server.request('GET', '/api/v1/worklist', { session: analityk })).status, 403);
    });

    it('withdraws an application once and lists art. 7 reasons by date publicly', async () => {
      const a = (await post(pracownik, body())).json;
      const w = await server.request('POST', `/api/v1/applications/${a.id}/withdraw`, { session: pracownik, body: { date: '2026-11-24' } });
      assert.equal(w.status, 200, w.text);
      assert.equal(w.json.status, 'withdrawn');
      assert.equal((await server.request('POST', `/api/v1/applications/${a.id}/withdraw`, { session: pracownik, body: { date: '2026-11-24' } })).status, 409);
      const old = await server.request('GET', '/api/v1/rules/reasons?date=2020-01-01');
      assert.equal(old.json.reasons.find((r) => r.code === 'przemoc').wording, 'przemocy w rodzinie');
      assert.equal((await server.request('GET', '/api/v1/rules/reasons?date=2010-01-01')).status, 400);
      assert.ok((await server.request('GET', '/api/v1/rules/forms-of-help')).json.forms.length > 10);
    });
  });
}
