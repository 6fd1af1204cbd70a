// The decision editor and the decision page: the live amount preview (calculation, allowed range), an amount outside the
// range or different without a justification, a bad IBAN and a refusal without reasoning refused by the server at their
// fields with nothing created; the draft's page (legal basis, calculation, PDF, history); kierownik signs through the
// confirm dialog (Esc cancels), pracownik records delivery (a future date refused at the field) and, after the appeal
// term, makes it final — payments planned and reconciled; denials: another section's decision, analityk.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { checkA11y, checkReflow, focusedText, launchBrowser, login, newPage, shot } from './browser.mjs';
import { TODAY, addDays, api, findHouseholds, headOf, pl, re, text, waitForText, zl } from './fixtures.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const IBAN_OK = 'PL61 1090 1014 0000 0712 1981 2874';
const IBAN_BAD = 'PL61 1090 1014 0000 0712 1981 2875';

let household, otherHousehold, decisionId, calculated;

const decisionsOf = async (page, householdId) => (await api.get(page, `/api/v1/households/${householdId}/decisions`)).json.items;
/** The message shown next to a form field (the element its aria-describedby names with "-error"). */
async function fieldError(page, control) {
  assert.equal(await control.getAttribute('aria-invalid'), 'true');
  const id = (await control.getAttribute('aria-describedby')).split(' ').find((x) => x.endsWith('-error'));
  return text(page.locator(`[id="${id}"]`));
}

test('pracownik: projekt decyzji — podgląd kwoty na żywo i błędy przy polach, bez zapisu', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'pracownik');
  ({ own: household, other: otherHousehold } = await findHouseholds(page));
  const head = headOf(household);
  const app = await api.post(page, '/api/v1/applications', {
    household_id: household.id, applicant_id: head.person.id, received_on: TODAY, forms: ['zasilek_okresowy'], reasons: ['ubostwo'],
  });
  assert.equal(app.status, 201);
  const size = household.members.length;
  const preview = await api.post(page, '/api/v1/decisions/amount-preview',
    { form: 'zasilek_okresowy', date: TODAY, household_size: size, income_grosze: 47000 });
  assert.equal(preview.status, 200);
  calculated = preview.json.calculated_grosze;
  const { min_grosze: min, max_grosze: max } = preview.json;
  assert.ok(calculated > 0 && max > min, `a range to choose from: ${JSON.stringify(preview.json)}`);

  // From the application: „Wydaj decyzję” with the keyboard.
  await page.goto(`/wnioski/${app.json.id}`);
  await page.getByRole('link', { name: 'Wydaj decyzję' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: `Decyzja w sprawie wniosku ${app.json.number}` }).waitFor();
  const form = page.getByRole('form', { name: 'Projekt decyzji' });
  assert.equal(await form.getByLabel('Forma pomocy').inputValue(), 'zasilek_okresowy');
  assert.equal(await form.getByLabel('Strona decyzji').inputValue(), String(head.person.id));
  assert.ok(await form.getByLabel('Przyznająca pomoc').isChecked());
  assert.equal(await form.getByLabel('Liczba osób w gospodarstwie').inputValue(), String(size));
  const live = page.locator('.preview');
  assert.equal(await live.getAttribute('aria-live'), 'polite');
  await live.filter({ hasText: 'Podaj liczbę osób w gospodarstwie i jego dochód' }).waitFor();

  // Typing the income brings the calculation, the range and the act's explanation, live.
  await form.getByLabel('Dochód gospodarstwa (zł miesięcznie)').focus();
  await page.keyboard.type('470,00');
  await waitForText(page, '.preview', `Kwota wyliczona: ${zl(calculated)} miesięcznie`);
  const shown = await text(live);
  assert.match(shown, re(`Dopuszczalny zakres: od ${zl(min)} do ${zl(max)}.`));
  assert.match(shown, /Kryterium dochodowe na osobę w rodzinie: 823,00 zł/);
  await checkA11y(page, 'nowa decyzja – podgląd kwoty');
  await shot(page, '110-decyzja-podglad-kwoty');

  // Zasiłek okresowy is granted for a fixed period: without its end the server names the field.
  await form.getByRole('button', { name: 'Zapisz projekt decyzji' }).click();
  const summary = form.locator('.error-summary');
  await summary.filter({ hasText: 'podaj koniec okresu' }).waitFor();
  assert.match(await fieldError(page, form.getByLabel('Okres do')), /Zasiłek okresowy przyznaje się na czas określony/);
  await form.getByLabel('Okres do').fill(addDays(TODAY, 60));

  // An amount above the range, without a justification: the server's message at the amount, nothing saved.
  const amount = form.getByLabel('Kwota w decyzji (zł)');
  await amount.fill(zl(max + 100000).replace(' zł', ''));
  await form.getByLabel('Numer rachunku bankowego (IBAN)').fill(IBAN_OK);
  await form.getByRole('button', { name: 'Zapisz projekt decyzji' }).click();
  await summary.filter({ hasText: 'Kwota musi mieścić się w granicach' }).waitFor();
  assert.match(await focusedText(page), /^div:Wystąpił problem/);
  assert.equal(await fieldError(page, amount), `Błąd: Kwota musi mieścić się w granicach od ${zl(min)} do ${zl(max)}.`);
  await checkA11y(page, 'nowa decyzja – kwota spoza zakresu');
  await shot(page, '111-decyzja-kwota-spoza-zakresu');
  assert.deepEqual(await decisionsOf(page, household.id), []);

  // Within the range but not the calculated one: a justification is required.
  const other = calculated + 10000;
  await amount.fill(zl(other).replace(' zł', ''));
  await form.getByRole('button', { name: 'Zapisz projekt decyzji' }).click();
  await summary.filter({ hasText: 'wymaga uzasadnienia' }).waitFor();
  assert.match(await fieldError(page, form.getByLabel('Uzasadnienie innej kwoty')), re(`Kwota inna niż wyliczona (${zl(calculated)}) wymaga uzasadnienia.`));
  await form.getByLabel('Uzasadnienie innej kwoty').fill('Koszty leczenia dziecka (zaświadczenie w aktach).');

  // A wrong account number: the live check says so, and the server refuses it at the field.
  const iban = form.getByLabel('Numer rachunku bankowego (IBAN)');
  await iban.fill('');
  await iban.focus();
  await page.keyboard.type(IBAN_BAD);
  const ibanInfo = page.locator('.live-check');
  assert.equal(await ibanInfo.getAttribute('aria-live'), 'polite');
  await ibanInfo.filter({ hasText: 'Nieprawidłowy numer rachunku: Nieprawidłowe cyfry kontrolne' }).waitFor();
  await form.getByRole('button', { name: 'Zapisz projekt decyzji' }).click();
  await summary.filter({ hasText: 'Nieprawidłowe cyfry kontrolne numeru rachunku bankowego (IBAN).' }).waitFor();
  assert.match(await fieldError(page, iban), /Nieprawidłowe cyfry kontrolne numeru rachunku bankowego \(IBAN\)\./);
  await shot(page, '112-decyzja-zly-iban');

  // A refusal needs reasoning; amount and payment do not apply to it (hidden).
  await form.getByLabel('Odmowna').check();
  assert.ok(!(await amount.isVisible()) && !(await iban.isVisible()));
  await form.getByRole('button', { name: 'Zapisz projekt decyzji' }).click();
  await summary.filter({ hasText: 'wymaga uzasadnienia faktycznego i prawnego' }).waitFor();
  assert.match(await fieldError(page, form.getByLabel('Uzasadnienie decyzji')), /wymaga uzasadnienia faktycznego i prawnego/);
  assert.deepEqual(await decisionsOf(page, household.id), [], 'nothing was created by the refused attempts');

  // Put right: a grant for a fixed period, the different amount justified, a good account.
  await form.getByLabel('Przyznająca pomoc').check();
  await iban.fill('');
  await iban.focus();
  await page.keyboard.type(IBAN_OK);
  await ibanInfo.filter({ hasText: 'Numer rachunku poprawny: PL61 1090 1014 0000 0712 1981 2874' }).waitFor();
  await form.getByLabel('Uzasadnienie decyzji').fill('Rodzina spełnia kryterium dochodowe; bezrobocie i ubostwo stwierdzone w wywiadzie.');
  await form.getByRole('button', { name: 'Zapisz projekt decyzji' }).focus();
  await page.keyboard.press('Enter');

  await page.getByRole('heading', { level: 1, name: 'Projekt decyzji (zasiłek okresowy)' }).waitFor();
  decisionId = page.url().split('/').pop();
  await page.getByRole('main').getByRole('status').filter({ hasText: `Zapisano projekt decyzji (przyznająca pomoc): zasiłek okresowy, ${zl(other)}` }).waitFor();
  const data = await text(page.getByRole('region', { name: 'Dane decyzji' }));
  assert.match(data, /Stan\s+Projekt/);
  assert.match(data, /Numer\s+Nadawany przy podpisaniu/);
  assert.match(data, re(`${zl(other)} miesięcznie`));
  assert.match(data, re(`Kwota wyliczona: ${zl(calculated)}. Inna kwota, ponieważ: Koszty leczenia dziecka`));
  assert.match(data, re(`od ${pl(TODAY)} do ${pl(addDays(TODAY, 60))}`));
  assert.match(data, /PL61 1090 1014 0000 0712 1981 2874/);
  assert.match(await text(page.getByRole('region', { name: 'Podstawa prawna' })), /^Podstawa prawna\s+Na podstawie art\. 104 .*\(zasiłek okresowy\), po rozpatrzeniu wniosku z dnia/);
  assert.match(await text(page.getByRole('region', { name: 'Wyliczenie kwoty' })), /Kwotę można ustalić od/);
  const pdf = page.getByRole('link', { name: 'Pobierz projekt decyzji (PDF)' });
  assert.equal(await pdf.getAttribute('href'), `/api/v1/decisions/${decisionId}/pdf`);
  assert.ok(await pdf.getAttribute('download'), 'a download link, not an in-app route');
  const file = await page.request.get(await pdf.getAttribute('href'));
  assert.equal(file.status(), 200);
  assert.equal(file.headers()['content-type'], 'application/pdf');
  // pracownik prepares, but does not sign.
  await page.getByText('Projekt czeka na podpis kierownika sekcji albo dyrektora.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Podpisz decyzję' }).count(), 0);
  await page.getByRole('button', { name: 'Anuluj projekt' }).waitFor();
  assert.match(await text(page.getByRole('region', { name: 'Historia decyzji', exact: true })), /Projekt decyzji\s+Projekt\s+Projekt decyzji\.\s+pracownik/);
  await page.getByText('Wypłaty zostaną zaplanowane, gdy decyzja stanie się ostateczna.').waitFor();
  await checkA11y(page, 'projekt decyzji');
  await shot(page, '113-projekt-decyzji');

  // The application and the household card list the draft.
  await page.getByRole('link', { name: `Wniosek ${app.json.number}` }).click();
  await page.getByRole('region', { name: 'Decyzje w sprawie', exact: true }).getByRole('link', { name: 'Projekt' }).waitFor();
  await page.goto(`/srodowiska/${household.id}`);
  const decisions = page.getByRole('region', { name: 'Decyzje', exact: true });
  const row = await text(decisions.getByRole('row').filter({ hasText: 'Przyznająca pomoc' }));
  assert.match(row, /^Projekt\s+Przyznająca pomoc\s+zasiłek okresowy/);
  assert.match(row, re(`${zl(other)} miesięcznie`));
  await checkA11y(page, 'karta środowiska z decyzją');
  await page.context().close();
});

test('kierownik podpisuje (okno potwierdzenia), pracownik doręcza i po terminie na odwołanie decyzja jest ostateczna', async () => {
  assert.ok(decisionId, 'runs after the draft test');
  const boss = await newPage(browser, server.baseUrl);
  await login(boss, 'kierownik');
  // The draft waits on the manager's worklist and opens from there.
  await boss.getByRole('heading', { level: 1, name: 'Moje zadania' }).waitFor();
  const toSign = boss.getByRole('row').filter({ hasText: 'Decyzja do podpisu' })
    .filter({ has: boss.locator(`a[href="/decyzje/${decisionId}"]`) });
  await toSign.waitFor();
  await toSign.getByRole('link', { name: /^Projekt decyzji do podpisu/ }).click();
  await boss.getByRole('heading', { level: 1, name: 'Projekt decyzji (zasiłek okresowy)' }).waitFor();
  const sign = boss.getByRole('form', { name: 'Podpisanie decyzji' });
  await sign.getByLabel('Data wydania (podpisania)').fill(addDays(TODAY, -25));
  const signButton = sign.getByRole('button', { name: 'Podpisz decyzję' });
  await signButton.click();
  const dialog = boss.getByRole('dialog', { name: /^Podpisanie decyzji: Projekt decyzji/ });
  await dialog.waitFor();
  assert.match(await text(dialog), re(`datę wydania ${pl(addDays(TODAY, -25))}`));
  assert.match(await focusedText(boss), /^button:Anuluj/);
  await shot(boss, '114-podpisanie-okno');
  await boss.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.match(await focusedText(boss), /^button:Podpisz decyzję/);
  assert.equal((await api.get(boss, `/api/v1/decisions/${decisionId}`)).json.state, 'draft', 'Esc signs nothing');
  await signButton.click();
  await dialog.getByRole('button', { name: 'Podpisz decyzję' }).click();
  const heading = boss.getByRole('heading', { level: 1, name: /^Decyzja D\/\d{4}\/\d+$/ });
  await heading.waitFor();
  const number = (await heading.innerText()).replace('Decyzja ', '');
  assert.match(await focusedText(boss), /^h1:Decyzja D\//);
  await boss.getByRole('main').getByRole('status').filter({ hasText: `Podpisanie: Decyzja podpisana ${pl(addDays(TODAY, -25))}. Numer decyzji: ${number}.` }).waitFor();
  assert.match(await text(boss.getByRole('region', { name: 'Dane decyzji' })), /Stan\s+Podpisana/);
  await boss.getByRole('link', { name: 'Pobierz decyzję (PDF)' }).waitFor();
  await checkA11y(boss, 'decyzja podpisana');
  await shot(boss, '115-decyzja-podpisana');
  await boss.context().close();

  const page = await newPage(browser, server.baseUrl);
  await login(page, 'pracownik');
  await page.goto(`/decyzje/${decisionId}`);
  await page.getByRole('heading', { level: 1, name: `Decyzja ${number}` }).waitFor();
  // Delivery in the future: the server refuses the date at the field.
  const deliver = page.getByRole('form', { name: 'Doręczenie decyzji' });
  await deliver.getByLabel('Data doręczenia').fill(addDays(TODAY, 1));
  await deliver.getByRole('button', { name: 'Zapisz doręczenie' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Zapisz doręczenie' }).click();
  await deliver.locator('.error-summary').filter({ hasText: 'nie może być późniejsza niż dzisiaj' }).waitFor();
  assert.match(await fieldError(page, deliver.getByLabel('Data doręczenia')), /Data czynności nie może być późniejsza niż dzisiaj\./);
  await deliver.getByLabel('Data doręczenia').fill(addDays(TODAY, -24));
  await deliver.getByRole('button', { name: 'Zapisz doręczenie' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Zapisz doręczenie' }).click();
  await page.getByRole('main').getByRole('status').filter({ hasText: `Doręczenie: Doręczona ${pl(addDays(TODAY, -24))}; termin na odwołanie do` }).waitFor();
  const delivered = (await api.get(page, `/api/v1/decisions/${decisionId}`)).json;
  assert.equal(delivered.state, 'delivered');
  const data = page.getByRole('region', { name: 'Dane decyzji' });
  assert.match(await text(data), re(`Termin na odwołanie ${pl(delivered.appeal_deadline)}`));

  // The appeal term is over: „Oznacz jako ostateczną”; final from the day after the term.
  const final = page.getByRole('form', { name: 'Decyzja ostateczna' });
  assert.match(await text(final), re(`Termin na odwołanie upłynął ${pl(delivered.appeal_deadline)}`));
  await page.getByRole('form', { name: 'Zrzeczenie się prawa do odwołania' }).waitFor();
  await page.getByRole('form', { name: 'Odwołanie do SKO' }).waitFor();
  await checkA11y(page, 'decyzja doręczona');
  await shot(page, '116-decyzja-doreczona');
  await final.getByRole('button', { name: 'Oznacz jako ostateczną' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Oznacz jako ostateczną' }).click();
  await page.getByRole('main').getByRole('status').filter({ hasText: 'Upływ terminu na odwołanie: Termin na odwołanie upłynął bezskutecznie' }).waitFor();
  const binding = (await api.get(page, `/api/v1/decisions/${decisionId}`)).json;
  assert.equal(binding.state, 'final');
  assert.equal(binding.final_on, addDays(delivered.appeal_deadline, 1));
  assert.match(await text(data), re(`Stan Ostateczna`));
  assert.match(await text(data), re(`Ostateczna od ${pl(binding.final_on)}`));
  assert.equal(await page.getByRole('region', { name: 'Czynności w sprawie decyzji' }).count(), 0, 'no step is left for a final decision');
  const history = await text(page.getByRole('region', { name: 'Historia decyzji', exact: true }));
  for (const step of ['Projekt decyzji', 'Podpisanie', 'Doręczenie', 'Upływ terminu na odwołanie']) assert.match(history, re(step));

  // Payments are planned from the binding day, and add up to what the decision grants.
  const payments = page.getByRole('region', { name: 'Wypłaty', exact: true });
  assert.match(await text(payments), /Zgodność\s+Wypłaty są zgodne z decyzją/);
  const totals = (await api.get(page, `/api/v1/decisions/${decisionId}/payment-totals`)).json;
  assert.match(await text(payments), re(`Przyznano decyzją ${zl(totals.granted_grosze)}`));
  const planned = (await api.get(page, `/api/v1/households/${household.id}/payments`)).json.items.filter((p) => String(p.decision_id) === decisionId);
  assert.ok(planned.length >= 2);
  assert.equal(await payments.getByRole('row').filter({ hasText: 'Zaplanowana' }).count(), planned.length);
  await checkA11y(page, 'decyzja ostateczna');
  await shot(page, '117-decyzja-ostateczna');
  await page.context().close();
});

test('odwołanie do SKO i jego rozstrzygnięcie: utrzymana w mocy decyzja wiąże i planuje wypłatę', async () => {
  assert.ok(household, 'runs after the draft test');
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'pracownik');
  const made = await api.post(page, '/api/v1/decisions', {
    household_id: household.id, person_id: headOf(household).person.id, kind: 'grant', form: 'zasilek_celowy',
    period_from: TODAY, amount_grosze: 40000, payment_method: 'cash', reasoning: 'Zakup opału na zimę.',
  });
  assert.equal(made.status, 201);
  const id = made.json.id;
  const boss = await newPage(browser, server.baseUrl);
  await login(boss, 'kierownik');
  assert.equal((await api.post(boss, `/api/v1/decisions/${id}/approve`, { date: addDays(TODAY, -3) })).status, 200);
  await boss.context().close();
  assert.equal((await api.post(page, `/api/v1/decisions/${id}/events`, { action: 'deliver', date: addDays(TODAY, -2) })).status, 200);

  await page.goto(`/decyzje/${id}`);
  await page.getByRole('heading', { level: 1, name: /^Decyzja D\// }).waitFor();
  const appeal = page.getByRole('form', { name: 'Odwołanie do SKO' });
  await appeal.getByLabel('Data wniesienia odwołania').fill(addDays(TODAY, -1));
  await appeal.getByRole('button', { name: 'Zapisz odwołanie' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Zapisz odwołanie' }).click();
  await page.getByRole('main').getByRole('status').filter({ hasText: `Odwołanie do SKO: Odwołanie wniesione ${pl(addDays(TODAY, -1))}` }).waitFor();
  assert.match(await text(page.getByRole('region', { name: 'Dane decyzji' })), /Stan Odwołanie do SKO/);
  // The SKO's outcome: three choices in one fieldset, the first one preselected.
  const outcome = page.getByRole('form', { name: 'Rozstrzygnięcie SKO' });
  const choices = outcome.getByRole('group', { name: 'Rozstrzygnięcie' });
  for (const choice of ['Utrzymanie decyzji w mocy', 'Uchylenie decyzji', 'Uchylenie i przekazanie do ponownego rozpatrzenia']) {
    await choices.getByLabel(choice, { exact: true }).waitFor();
  }
  assert.ok(await choices.getByLabel('Utrzymanie decyzji w mocy').isChecked());
  await checkA11y(page, 'decyzja – odwołanie');
  await shot(page, '123-decyzja-odwolanie');
  await outcome.getByRole('button', { name: 'Zapisz rozstrzygnięcie SKO' }).click();
  const dialog = page.getByRole('dialog', { name: /^Utrzymanie decyzji w mocy: Decyzja D\// });
  await dialog.getByRole('button', { name: 'Zapisz rozstrzygnięcie SKO' }).click();
  await page.getByRole('main').getByRole('status').filter({ hasText: `SKO: utrzymanie w mocy: SKO utrzymało decyzję w mocy ${pl(TODAY)}` }).waitFor();
  const data = await text(page.getByRole('region', { name: 'Dane decyzji' }));
  assert.match(data, /Stan Utrzymana w mocy przez SKO/);
  assert.match(data, re(`Rozstrzygnięcie SKO ${pl(TODAY)}`));
  const payments = page.getByRole('region', { name: 'Wypłaty', exact: true });
  assert.match(await text(payments), re(`${zl(40000)} kasa Zaplanowana`));
  await page.context().close();
});

test('odmowy: decyzja środowiska innej sekcji — poza zakresem; analityk nie widzi decyzji', async () => {
  assert.ok(household && otherHousehold && decisionId, 'runs after the draft test');
  // The benefits clerk works for every section: an ex officio decision (meals, non-cash) for another section's household.
  const clerk = await newPage(browser, server.baseUrl);
  await login(clerk, 'swiadczenia');
  const other = (await api.get(clerk, `/api/v1/households/${otherHousehold}`)).json;
  const made = await api.post(clerk, '/api/v1/decisions', {
    household_id: other.id, person_id: headOf(other).person.id, kind: 'grant', form: 'posilek', period_from: TODAY,
    period_to: addDays(TODAY, 30), reasoning: 'Dożywianie dziecka w szkole.',
  });
  assert.equal(made.status, 201);
  await clerk.goto(`/decyzje/${made.json.id}`);
  await clerk.getByRole('heading', { level: 1, name: 'Projekt decyzji (posiłek)' }).waitFor();
  assert.match(await text(clerk.getByRole('region', { name: 'Wypłaty', exact: true })), /Pomoc niepieniężna — decyzja nie przewiduje wypłat\./);
  await clerk.context().close();

  const page = await newPage(browser, server.baseUrl);
  await login(page, 'pracownik');
  await page.goto(`/decyzje/${made.json.id}`);
  await page.getByRole('heading', { level: 1, name: 'Sprawa poza Twoim zakresem' }).waitFor();
  assert.match(await text(page.locator('.notice--warning')), /nie należy do Twojej sekcji ani nie jest Ci przydzielone/);
  assert.equal(await page.getByRole('region', { name: 'Dane decyzji' }).count(), 0);
  await checkA11y(page, 'decyzja poza zakresem');
  await shot(page, '118-decyzja-poza-zakresem');
  // Nor can the editor be opened for that household.
  await page.goto(`/srodowiska/${otherHousehold}/nowa-decyzja`);
  await page.getByRole('heading', { level: 1, name: 'Środowisko poza Twoim zakresem' }).waitFor();
  assert.equal(await page.getByRole('form', { name: 'Projekt decyzji' }).count(), 0);
  await page.context().close();

  const analyst = await newPage(browser, server.baseUrl);
  await login(analyst, 'analityk');
  for (const path of [`/decyzje/${decisionId}`, `/srodowiska/${household.id}/nowa-decyzja`, `/srodowiska/${household.id}/dochod`]) {
    await analyst.goto(path);
    await analyst.getByRole('heading', { level: 1, name: 'Brak dostępu' }).waitFor();
  }
  assert.equal((await api.get(analyst, `/api/v1/decisions/${decisionId}`)).status, 403);
  await checkA11y(analyst, 'analityk – decyzja');
  await shot(analyst, '119-analityk-decyzja');
  await analyst.context().close();
});

test('wąski ekran (320 px): decyzja, edytor decyzji i dochód bez poziomego przewijania', async () => {
  assert.ok(decisionId, 'runs after the draft test');
  const page = await newPage(browser, server.baseUrl);
  await page.setViewportSize({ width: 320, height: 800 });
  await login(page, 'pracownik');
  await checkReflow(page, [[`/decyzje/${decisionId}`, '120-waski-decyzja'], [`/srodowiska/${household.id}/nowa-decyzja`, '121-waski-nowa-decyzja'],
    [`/srodowiska/${household.id}/dochod`, '122-waski-dochod']]);
  await page.context().close();
});
