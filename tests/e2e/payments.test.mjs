// Payment lists: pracownik has no „Wypłaty” (menu and page denied), dyrektor reads lists without managing them; the
// benefits clerk creates a transfer list for a payment date (a date with nothing due is refused at the field), sees the
// household's payment with its amount and account, downloads CSV, XLSX and the Elixir-O bank file, sends the list
// through the confirm dialog (Esc cancels) and confirms the payment as paid; a cash list has no bank file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { checkA11y, checkReflow, launchBrowser, login, newPage, shot } from './browser.mjs';
import { TODAY, addDays, api, findHouseholds, headOf, pl, re, text, zl } from './fixtures.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const nav = (page) => page.getByRole('navigation', { name: 'Menu główne' });
const FIRST = `${TODAY.slice(0, 7)}-01`;

let household, head, periodic, oneOff, listNumber, listId;

/** Two binding decisions through the API: zasiłek okresowy by transfer (this month and the next) and zasiłek celowy in cash. */
test('przygotowanie: decyzje ostateczne z wypłatami (przez API)', async () => {
  const worker = await newPage(browser, server.baseUrl);
  await login(worker, 'pracownik');
  ({ own: household } = await findHouseholds(worker));
  head = headOf(household);
  const app = await api.post(worker, '/api/v1/applications', {
    household_id: household.id, applicant_id: head.person.id, received_on: TODAY, forms: ['zasilek_okresowy'], reasons: ['bezrobocie'],
  });
  assert.equal(app.status, 201);
  const endOfNextMonth = addDays(`${addDays(FIRST, 62).slice(0, 7)}-01`, -1);
  const a = await api.post(worker, '/api/v1/decisions', {
    application_id: app.json.id, household_id: household.id, person_id: head.person.id, kind: 'grant', form: 'zasilek_okresowy',
    period_from: FIRST, period_to: endOfNextMonth, household_size: household.members.length, income_grosze: 0,
    payment_method: 'transfer', iban: 'PL61109010140000071219812874',
  });
  assert.equal(a.status, 201);
  const b = await api.post(worker, '/api/v1/decisions', {
    household_id: household.id, person_id: head.person.id, kind: 'grant', form: 'zasilek_celowy', period_from: TODAY,
    amount_grosze: 35000, payment_method: 'cash', reasoning: 'Zakup opału na zimę.',
  });
  assert.equal(b.status, 201);
  const boss = await newPage(browser, server.baseUrl);
  await login(boss, 'kierownik');
  for (const d of [a.json, b.json]) {
    assert.equal((await api.post(boss, `/api/v1/decisions/${d.id}/approve`, { date: TODAY })).status, 200);
    assert.equal((await api.post(worker, `/api/v1/decisions/${d.id}/events`, { action: 'deliver', date: TODAY })).status, 200);
    assert.equal((await api.post(worker, `/api/v1/decisions/${d.id}/events`, { action: 'waive_appeal', date: TODAY })).status, 200);
  }
  const payments = (await api.get(worker, `/api/v1/households/${household.id}/payments`)).json.items;
  periodic = payments.filter((p) => p.decision_id === a.json.id).sort((x, y) => x.due_on.localeCompare(y.due_on));
  oneOff = payments.find((p) => p.decision_id === b.json.id);
  assert.ok(periodic.length >= 2 && oneOff, JSON.stringify(payments));
  assert.equal(periodic[0].amount_grosze, a.json.amount_grosze, 'the whole first month is covered');
  await worker.context().close();
  await boss.context().close();
});

test('odmowy: pracownik bez „Wypłat”; dyrektor tylko przegląda', async () => {
  assert.ok(periodic, 'runs after the setup');
  const worker = await newPage(browser, server.baseUrl);
  await login(worker, 'pracownik');
  assert.ok(!(await nav(worker).getByRole('link').allInnerTexts()).includes('Wypłaty'));
  await worker.goto('/wyplaty');
  await worker.getByRole('heading', { level: 1, name: 'Brak dostępu' }).waitFor();
  assert.equal((await api.get(worker, '/api/v1/payment-lists')).status, 403);
  await checkA11y(worker, 'pracownik – wypłaty');
  await shot(worker, '130-pracownik-wyplaty-brak-dostepu');
  // On the household card the payments are listed, without a way into the lists.
  await worker.goto(`/srodowiska/${household.id}`);
  const card = worker.getByRole('region', { name: 'Wypłaty', exact: true });
  await card.getByRole('row').filter({ hasText: 'Zaplanowana' }).first().waitFor();
  assert.equal(await card.getByRole('row').filter({ hasText: 'Zaplanowana' }).count(), periodic.length + 1);
  assert.match(await text(card), re(zl(oneOff.amount_grosze)));
  await worker.context().close();

  const director = await newPage(browser, server.baseUrl);
  await login(director, 'dyrektor');
  await nav(director).getByRole('link', { name: 'Wypłaty' }).click();
  await director.getByRole('heading', { level: 1, name: 'Listy wypłat' }).waitFor();
  await director.getByText('Nie utworzono jeszcze żadnej listy wypłat.').waitFor();
  assert.equal(await director.getByRole('form', { name: 'Nowa lista wypłat' }).count(), 0);
  await checkA11y(director, 'dyrektor – listy wypłat');
  await director.context().close();
});

test('pracownik ds. świadczeń: lista przelewów, pliki, wysłanie i potwierdzenie wypłaty', async () => {
  assert.ok(periodic, 'runs after the setup');
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'swiadczenia');
  await nav(page).getByRole('link', { name: 'Wypłaty' }).click();
  await page.getByRole('heading', { level: 1, name: 'Listy wypłat' }).waitFor();
  const form = page.getByRole('form', { name: 'Nowa lista wypłat' });
  assert.equal(await form.getByLabel('Dzień wypłaty').inputValue(), TODAY);
  assert.ok(await form.getByLabel('Przelew na rachunek bankowy').isChecked());
  await checkA11y(page, 'listy wypłat – puste');
  await shot(page, '131-listy-wyplat');

  // Nothing due by that day: the server's message at the date, no list.
  await form.getByLabel('Dzień wypłaty').fill('2020-01-02');
  await form.getByRole('button', { name: 'Utwórz listę wypłat' }).click();
  await form.locator('.error-summary').filter({ hasText: 'Brak zaplanowanych wypłat (przelew) z terminem do 02.01.2020.' }).waitFor();
  assert.equal(await form.getByLabel('Dzień wypłaty').getAttribute('aria-invalid'), 'true');
  assert.deepEqual((await api.get(page, '/api/v1/payment-lists')).json.items, []);

  const due = periodic[0].due_on;
  await form.getByLabel('Dzień wypłaty').fill(due);
  await form.getByRole('button', { name: 'Utwórz listę wypłat' }).focus();
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 1, name: /^Lista wypłat LW\/\d{4}\/\d+$/ });
  await heading.waitFor();
  listNumber = (await heading.innerText()).replace('Lista wypłat ', '');
  listId = page.url().split('/').pop();
  const list = (await api.get(page, `/api/v1/payment-lists/${listId}`)).json;
  await page.getByRole('main').getByRole('status')
    .filter({ hasText: `Utworzono listę ${listNumber}` }).filter({ hasText: `dzień wypłaty ${pl(due)}` }).waitFor();
  const data = await text(page.getByRole('region', { name: 'Dane listy' }));
  assert.match(data, re(`Dzień wypłaty ${pl(due)}`));
  assert.match(data, re(`Liczba wypłat ${list.count}`));
  assert.match(data, re(`Suma ${zl(list.total_grosze)}`));
  assert.match(data, /Stan Przygotowana, niewysłana/);
  const who = `${head.person.first_name} ${head.person.last_name}`;
  const rowText = await text(page.getByRole('row').filter({ hasText: who }));
  assert.match(rowText, re(zl(periodic[0].amount_grosze)));
  assert.match(rowText, /zasiłek okresowy/);
  assert.match(rowText, /PL61 1090 1014 0000 0712 1981 2874/);
  assert.match(rowText, /Zaplanowana/);
  assert.ok(!list.payments.some((p) => p.id === oneOff.id), 'cash payments stay off a transfer list');

  // The files for the bank and the accounts answer, each with its type.
  for (const [name, type] of [['Lista w pliku CSV', 'text/csv; charset=utf-8'],
    ['Lista w arkuszu XLSX', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['Plik przelewów dla banku (Elixir-O)', 'text/plain; charset=windows-1250']]) {
    const link = page.getByRole('link', { name });
    assert.ok(await link.getAttribute('download'), `${name} is a download`);
    const res = await page.request.get(await link.getAttribute('href'));
    assert.equal(res.status(), 200, name);
    assert.equal(res.headers()['content-type'], type);
  }
  await checkA11y(page, 'lista wypłat – przygotowana');
  await shot(page, '132-lista-wyplat');

  // Send: Esc keeps it a draft; „Wyślij listę” in the dialog sends it.
  await page.getByRole('button', { name: 'Wyślij listę' }).click();
  const dialog = page.getByRole('dialog', { name: `Wysłać listę ${listNumber}?` });
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal((await api.get(page, `/api/v1/payment-lists/${listId}`)).json.status, 'draft');
  await page.getByRole('button', { name: 'Wyślij listę' }).click();
  await dialog.getByRole('button', { name: 'Wyślij listę' }).click();
  await page.getByRole('main').getByRole('status').filter({ hasText: `Wysłano listę ${listNumber}.` }).waitFor();
  assert.match(await text(page.getByRole('region', { name: 'Dane listy' })), /Stan Wysłana/);
  assert.equal(await page.getByRole('button', { name: 'Wyślij listę' }).count(), 0);

  // Confirm the payment as paid, on the day given above the table.
  const paid = page.getByRole('button', { name: re(`Wypłacona: ${who}, `) });
  await paid.waitFor();
  await page.getByRole('form', { name: 'Potwierdzenie wypłat' }).getByLabel('Data potwierdzenia').fill(TODAY);
  await checkA11y(page, 'lista wypłat – wysłana');
  await shot(page, '133-lista-wyplat-wyslana');
  await paid.click();
  await page.getByRole('dialog', { name: 'Potwierdzić wypłatę?' }).getByRole('button', { name: 'Potwierdź wypłatę' }).click();
  await page.getByRole('main').getByRole('status').filter({ hasText: `wypłatę potwierdzono z dniem ${pl(TODAY)}` }).waitFor();
  assert.match(await text(page.getByRole('row').filter({ hasText: who })), re(`Wypłacona ${pl(TODAY)}`));
  const after = (await api.get(page, `/api/v1/payment-lists/${listId}`)).json.payments.find((p) => p.id === periodic[0].id);
  assert.deepEqual([after.status, after.status_on], ['paid', TODAY]);

  // A cash list: no bank file.
  await page.getByRole('link', { name: 'Listy wypłat' }).click();
  await page.getByRole('heading', { level: 1, name: 'Listy wypłat' }).waitFor();
  assert.match(await text(page.getByRole('row').filter({ hasText: listNumber })), /Wysłana/);
  await form.getByLabel('Dzień wypłaty').fill(oneOff.due_on);
  await form.getByLabel('Wypłata w kasie ośrodka').check();
  await form.getByRole('button', { name: 'Utwórz listę wypłat' }).click();
  await page.getByRole('heading', { level: 1, name: /^Lista wypłat LW\// }).waitFor();
  assert.match(await text(page.getByRole('region', { name: 'Dane listy' })), /Sposób wypłaty Wypłata w kasie ośrodka/);
  assert.match(await text(page.getByRole('row').filter({ hasText: who })), re(`${zl(35000)}`));
  await page.getByRole('link', { name: 'Lista w pliku CSV' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Plik przelewów dla banku (Elixir-O)' }).count(), 0);
  await checkA11y(page, 'lista wypłat – kasa');
  await page.context().close();
});

test('dyrektor: podgląd listy bez wysyłania i potwierdzania; karta środowiska pokazuje wypłatę', async () => {
  assert.ok(listId, 'runs after the list test');
  const director = await newPage(browser, server.baseUrl);
  await login(director, 'dyrektor');
  await director.goto(`/wyplaty/${listId}`);
  await director.getByRole('heading', { level: 1, name: `Lista wypłat ${listNumber}` }).waitFor();
  await director.getByRole('link', { name: 'Lista w pliku CSV' }).waitFor();
  assert.equal(await director.getByRole('button', { name: /^Wypłacona/ }).count(), 0);
  assert.equal(await director.getByRole('form', { name: 'Wysłanie listy' }).count(), 0);
  await checkA11y(director, 'dyrektor – lista wypłat');
  // 320 px: the list reflows; its wide table scrolls inside its own region.
  await director.setViewportSize({ width: 320, height: 800 });
  await checkReflow(director, [[`/wyplaty/${listId}`, '135-waski-lista-wyplat'], ['/wyplaty', '136-waski-listy-wyplat']]);
  await director.context().close();

  const worker = await newPage(browser, server.baseUrl);
  await login(worker, 'pracownik');
  await worker.goto(`/srodowiska/${household.id}`);
  const card = worker.getByRole('region', { name: 'Wypłaty', exact: true });
  assert.match(await text(card.getByRole('row').filter({ hasText: 'zasiłek okresowy' }).filter({ hasText: pl(periodic[0].due_on) })), re(`Wypłacona ${pl(TODAY)} na liście`));
  await shot(worker, '134-karta-wyplaty');
  await worker.context().close();
});
