// The whole loop over HTTP (issue 4 §2–5), on SQLite and PostgreSQL: application → interview →
// decision with the calculated amount → approval by the manager → delivery → final → payments →
// payment list → sent → paid; roles outside their powers are refused at each step.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { Server, backends } from './harness.mjs';

for (const backend of backends) {
  describe(`application to payment (${backend})`, () => {
    const server = new Server(backend);
    let pracownik, kierownik, swiadczenia, dyrektor, asystent, admin, analityk, household, head;
    before(async () => {
      await server.start({ households: 100 });
      [pracownik, kierownik, swiadczenia, dyrektor, asystent, admin, analityk] = await Promise.all(
        ['pracownik', 'kierownik', 'swiadczenia', 'dyrektor', 'asystent', 'admin', 'analityk'].map((r) => server.login(r)));
      const mySection = pracownik.user.sections[0].id;
      [household, head] = server.sql(
        `SELECT h.id || ',' || m.person_id FROM households h JOIN household_members m ON m.household_id = h.id ` +
        `WHERE h.section_id = ${mySection} AND m.relation = 'head' AND m.until IS NULL ORDER BY h.id DESC LIMIT 1`).split(',').map(Number);
    });
    after(() => server.stop());
    const post = (session, path, body) => server.request('POST', path, { session, body });

    it('runs from a new application to a paid transfer, and payments reconcile with the decision', async () => {
      const app = await post(pracownik, '/api/v1/applications', {
        household_id: household, applicant_id: head, received_on: '2026-11-02', forms: ['zasilek_okresowy'], reasons: ['bezrobocie'],
      });
      assert.equal(app.status, 201, app.text);
      const done = await post(pracownik, `/api/v1/interviews/${app.json.interviews[0].id}/complete`,
        { conducted_on: '2026-11-05', parts: { income: 'Brak dochodu poza zasiłkiem rodzinnym.', assessment: 'Pomoc konieczna.' } });
      assert.equal(done.status, 200, done.text);

      const preview = await post(pracownik, '/api/v1/decisions/amount-preview',
        { form: 'zasilek_okresowy', date: '2026-12-01', household_size: 2, income_grosze: 40000 });
      assert.equal(preview.status, 200, preview.text);
      assert.equal(preview.json.calculated_grosze, 62300);  // 50 % × (2 × 823 zł − 400 zł)
      assert.equal(preview.json.max_grosze, 124600);

      const draftBody = {
        application_id: app.json.id, household_id: household, person_id: head, kind: 'grant', form: 'zasilek_okresowy',
        period_from: '2026-12-01', period_to: '2027-02-28', household_size: 2, income_grosze: 40000,
        amount_grosze: 80000, amount_justification: 'Koszty leczenia dziecka (zaświadczenie w aktach).',
        payment_method: 'transfer', iban: 'PL62102053560000123456789012',
      };
      assert.equal((await post(asystent, '/api/v1/decisions', draftBody)).status, 403);
      const bad = await post(pracownik, '/api/v1/decisions', { ...draftBody, amount_grosze: 200000 });
      assert.equal(bad.status, 400);
      assert.equal(bad.json.error.field, 'amount_grosze');
      const draft = await post(pracownik, '/api/v1/decisions', draftBody);
      assert.equal(draft.status, 201, draft.text);
      assert.equal(draft.json.calculated_grosze, 62300);
      assert.equal(draft.json.amount_grosze, 80000);
      const id = draft.json.id;

      assert.equal((await post(pracownik, `/api/v1/decisions/${id}/approve`, {})).status, 403);
      assert.equal((await post(pracownik, `/api/v1/decisions/${id}/events`, { action: 'approve' })).status, 400);
      const approved = await post(kierownik, `/api/v1/decisions/${id}/approve`, { date: '2026-11-20' });
      assert.equal(approved.status, 200, approved.text);
      assert.match(approved.json.number, /^D\/2026\/\d+$/);
      assert.equal((await post(pracownik, `/api/v1/decisions/${id}/events`, { action: 'make_final', date: '2026-11-23' })).status, 409);
      const delivered = await post(pracownik, `/api/v1/decisions/${id}/events`, { action: 'deliver', date: '2026-11-23' });
      assert.equal(delivered.json.appeal_deadline, '2026-12-07');
      const final = await post(pracownik, `/api/v1/decisions/${id}/events`, { action: 'waive_appeal', date: '2026-11-24' });
      assert.equal(final.status, 200, final.text);
      assert.equal(final.json.state, 'final');
      assert.equal((await server.request('GET', `/api/v1/applications/${app.json.id}`, { session: pracownik })).json.status, 'decided');

      const pays = await server.request('GET', `/api/v1/households/${household}/payments`, { session: pracownik });
      const mine = pays.json.items.filter((p) => p.decision_id === id);
      // Paid on the centre's payment day (10th), or the next working day: 10.01.2027 is a Sunday.
      assert.deepEqual(mine.map((p) => [p.month, p.due_on, p.amount_grosze]),
        [['2026-12', '2026-12-10', 80000], ['2027-01', '2027-01-11', 80000], ['2027-02', '2027-02-10', 80000]]);
      const totals = await server.request('GET', `/api/v1/decisions/${id}/payment-totals`, { session: pracownik });
      assert.deepEqual([totals.json.granted_grosze, totals.json.payments_grosze, totals.json.reconciled], [240000, 240000, true]);

      assert.equal((await post(pracownik, '/api/v1/payment-lists', { payment_date: '2026-12-10', method: 'transfer' })).status, 403);
      const list = await post(swiadczenia, '/api/v1/payment-lists', { payment_date: '2026-12-10', method: 'transfer' });
      assert.equal(list.status, 201, list.text);
      assert.ok(list.json.count >= 1);
      const detail = await server.request('GET', `/api/v1/payment-lists/${list.json.id}`, { session: dyrektor });
      const line = detail.json.payments.find((p) => p.decision_id === id);
      assert.equal(line.amount_grosze, 80000);
      assert.equal(line.iban, 'PL62102053560000123456789012');
      const file = async (format, session = swiadczenia) => {
        const res = await fetch(`${server.base}/api/v1/payment-lists/${list.json.id}/export?format=${format}`,
          { headers: { cookie: session.cookie } });
        return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
      };
      const csv = await file('csv');
      assert.equal(csv.status, 200);
      assert.ok(csv.body.toString().includes(';800,00;'), csv.body.toString().slice(0, 300));
      const xlsx = await file('xlsx');
      assert.equal(xlsx.body.subarray(0, 2).toString(), 'PK');
      const elixir = await file('elixir');
      assert.equal(elixir.type, 'text/plain; charset=windows-1250');
      assert.ok(elixir.body.toString('latin1').split('\r\n').some((l) => l.startsWith('110,20261210,80000,10901014,0,"61109010140000071219812874","62102053560000123456789012"')),
        elixir.body.toString('latin1'));
      assert.equal((await file('pdf')).status, 400);
      assert.equal((await file('csv', pracownik)).status, 403);
      assert.equal((await post(swiadczenia, `/api/v1/payment-lists/${list.json.id}/send`, {})).json.status, 'sent');
      const paid = await post(swiadczenia, `/api/v1/payments/${line.id}/status`, { status: 'paid', date: '2026-11-24' });
      assert.equal(paid.status, 200, paid.text);
      assert.equal(paid.json.status, 'paid');
      assert.equal((await post(swiadczenia, `/api/v1/payments/${line.id}/status`, { status: 'lost', date: '2026-11-24' })).status, 400);
      // The printed decision: a PDF whose text reads back with the number, the amount and the centre's own template.
      // Those who edit the templates read them, with the fields they may use.
      const templates = await server.request('GET', '/api/v1/decision-templates', { session: admin });
      assert.equal(templates.status, 200, templates.text);
      assert.ok(templates.json.placeholders.includes('wszczecie'));
      assert.match(templates.json.templates.legal_basis_grant, /\{\{wszczecie\}\}/);
      const badTemplate = await server.request('PUT', '/api/v1/decision-templates/appeal_instruction', { session: admin, body: { body: 'Odwołanie: {{pesel}}' } });
      assert.equal(badTemplate.status, 400, badTemplate.text);
      assert.equal((await server.request('PUT', '/api/v1/decision-templates/appeal_instruction', { session: pracownik, body: { body: 'x' } })).status, 403);
      const tpl = await server.request('PUT', '/api/v1/decision-templates/appeal_instruction',
        { session: admin, body: { body: 'Odwołanie wnosi się do SKO w Lublinie za pośrednictwem {{osrodek}} w terminie 14 dni od doręczenia.' } });
      assert.equal(tpl.status, 200, tpl.text);
      const res = await fetch(`${server.base}/api/v1/decisions/${id}/pdf`, { headers: { cookie: pracownik.cookie } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/pdf');
      const pdf = Buffer.from(await res.arrayBuffer());
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf, stdio: ['pipe', 'pipe', 'ignore'] }).toString();
      assert.match(text, /DECYZJA/);
      assert.ok(text.includes(approved.json.number), text.slice(0, 400));
      assert.ok(text.includes('800,00 zł'), text.slice(0, 1200));
      // Signed before the template changed: it reprints as signed (regression: it used to follow the new template).
      assert.ok(!text.includes('Odwołanie wnosi się do SKO w Lublinie za pośrednictwem'), text);
      assert.match(text.replace(/\s+/g, ' '), /POUCZENIE/);
      assert.equal((await fetch(`${server.base}/api/v1/decisions/${id}/pdf`, { headers: { cookie: asystent.cookie } })).status, 403);
      // The decision's JSON carries the legal basis as printed: the centre's template for its kind, filled in.
      const read = async () => (await server.request('GET', `/api/v1/decisions/${id}`, { session: pracownik })).json;
      assert.match((await read()).legal_basis,
        /^Na podstawie art\. 104 .* \(zasiłek okresowy\), po rozpatrzeniu wniosku z dnia 2 listopada 2026 r\.,$/);
      // Regression: a decision without an application (ex officio) said "po rozpatrzeniu wniosku z dnia —".
      const exOfficio = await post(pracownik, '/api/v1/decisions', { ...draftBody, application_id: undefined, amount_grosze: undefined, amount_justification: undefined });
      assert.equal(exOfficio.status, 201, exOfficio.text);
      const exRead = (await server.request('GET', `/api/v1/decisions/${exOfficio.json.id}`, { session: pracownik })).json;
      assert.match(exRead.legal_basis, /\(zasiłek okresowy\), po rozpatrzeniu sprawy wszczętej z urzędu,$/);
      // A draft prints from the centre's current templates.
      const draftPdf = await fetch(`${server.base}/api/v1/decisions/${exOfficio.json.id}/pdf`, { headers: { cookie: pracownik.cookie } });
      const draftText = execFileSync('pdftotext', ['-layout', '-', '-'], { input: Buffer.from(await draftPdf.arrayBuffer()), stdio: ['pipe', 'pipe', 'ignore'] }).toString();
      assert.match(draftText, /PROJEKT DECYZJI/);
      assert.ok(draftText.replace(/\s+/g, ' ').includes('Odwołanie wnosi się do SKO w Lublinie za pośrednictwem Miejski Ośrodek Pomocy Rodzinie'), draftText);
      const basis = await server.request('PUT', '/api/v1/decision-templates/legal_basis_grant',
        { session: admin, body: { body: 'Na podstawie art. 38 ustawy o pomocy społecznej ({{forma}}, wniosek z dnia {{data_wniosku}})' } });
      assert.equal(basis.status, 200, basis.text);
      assert.match((await read()).legal_basis, /^Na podstawie art\. 104 .*po rozpatrzeniu wniosku z dnia 2 listopada 2026 r\.,$/);  // signed: unchanged
      assert.equal((await server.request('GET', `/api/v1/decisions/${exOfficio.json.id}`, { session: pracownik })).json.legal_basis,
        'Na podstawie art. 38 ustawy o pomocy społecznej (zasiłek okresowy, wniosek z dnia —)');
      // The person's timeline holds the application, the decision and its payment.
      const timeline = await server.request('GET', `/api/v1/persons/${head}/timeline`, { session: pracownik });
      assert.equal(timeline.status, 200, timeline.text);
      const kinds = timeline.json.items.map((i) => `${i.kind} ${i.number}`);
      for (const k of [`application ${app.json.number}`, `decision ${approved.json.number}`, `payment ${approved.json.number}`])
        assert.ok(kinds.includes(k), `${k} in ${kinds.join('; ')}`);
      assert.equal((await server.request('GET', `/api/v1/persons/${head}/timeline`, { session: analityk })).status, 403);

      const audit = await server.request('GET', `/api/v1/audit?person_id=${head}`, { session: dyrektor });
      assert.ok(audit.json.items.some((e) => e.action === 'print' && e.entity === 'decision'), 'printing is audited');
      assert.ok(audit.json.items.some((e) => e.action === 'export' && e.entity === 'payment_list'), 'export is audited');
      for (const entity of ['application', 'interview', 'decision', 'payments', 'payment_list']) {
        assert.ok(audit.json.items.some((e) => e.entity === entity), `audit has ${entity}`);
      }
    });
  });
}
