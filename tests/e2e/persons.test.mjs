// Osoby: registration by PESEL (live check, bad checksum), search without diacritics, the duplicate confirmation,
// and the permission gate (analityk has no cases.read).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { checkA11y, focusedText, launchBrowser, login, newPage, shot } from './browser.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

// 2002-07-08, woman (10th digit even), serial 987 so it does not collide with the demo data.
const PESEL = '02270898749';
const BAD_PESEL = '02270898748';

const navLinks = (page) => page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link').allInnerTexts();
const register = (page) => page.getByRole('region', { name: 'Zarejestruj osobę' });

test('pracownik rejestruje osobę z PESEL-em i znajduje ją bez polskich znaków; zły PESEL daje błąd przy polu', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'pracownik');
  assert.ok((await navLinks(page)).includes('Osoby'));
  await page.getByRole('navigation', { name: 'Menu główne' }).getByRole('link', { name: 'Osoby' }).click();
  await page.getByRole('heading', { level: 1, name: 'Osoby' }).waitFor();
  assert.equal(await focusedText(page), 'h1:Osoby');
  await checkA11y(page, 'osoby');

  const form = register(page);
  // Bad checksum: the live check says so, and the server's message is shown at the field.
  await form.getByLabel('PESEL', { exact: true }).fill(BAD_PESEL);
  await form.locator('.pesel-info').filter({ hasText: 'Nieprawidłowy PESEL' }).waitFor();
  await form.getByLabel('Nazwisko', { exact: true }).fill('Łabędzka');
  await form.getByLabel('Imię', { exact: true }).fill('Anna');
  await form.getByRole('button', { name: 'Zarejestruj osobę' }).click();
  await form.locator('.error-summary').waitFor();
  assert.match(await focusedText(page), /^div:Wystąpił problem/);
  const pesel = form.getByLabel('PESEL', { exact: true });
  assert.equal(await pesel.getAttribute('aria-invalid'), 'true');
  const errId = (await pesel.getAttribute('aria-describedby')).split(' ').find((id) => id.endsWith('-error'));
  assert.ok(errId, 'the field error is tied to the input');
  assert.ok((await page.locator(`#${errId}`).innerText()).length > 8);
  await checkA11y(page, 'osoby – zły PESEL');
  await shot(page, '70-osoby-zly-pesel');

  // Valid PESEL: birth date and sex are derived live.
  await pesel.fill(PESEL);
  await form.locator('.pesel-info').filter({ hasText: 'Data urodzenia: 08.07.2002, płeć: kobieta' }).waitFor();
  assert.equal(await form.locator('.pesel-info').getAttribute('aria-live'), 'polite');
  await form.getByRole('button', { name: 'Zarejestruj osobę' }).click();
  const done = form.getByRole('status').filter({ hasText: 'Zarejestrowano osobę: Łabędzka Anna' });
  await done.waitFor();
  assert.match(await done.innerText(), /08\.07\.2002/);

  // The same PESEL again is refused.
  await form.getByLabel('PESEL', { exact: true }).fill(PESEL);
  await form.getByLabel('Nazwisko', { exact: true }).fill('Łabędzka');
  await form.getByLabel('Imię', { exact: true }).fill('Anna');
  await form.getByRole('button', { name: 'Zarejestruj osobę' }).click();
  await form.locator('.error-summary').filter({ hasText: 'jest już zarejestrowana' }).waitFor();

  // Search without diacritics.
  await page.getByLabel('Nazwisko i imię lub PESEL').fill('labedzka');
  await page.getByRole('button', { name: 'Szukaj', exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: 'Łabędzka' });
  await row.waitFor();
  assert.match(await row.innerText(), /Anna[\s\S]*PESEL 02270898749[\s\S]*08\.07\.2002/);
  await checkA11y(page, 'osoby – wyniki');
  await shot(page, '71-osoby-wyniki');

  // Search by PESEL, then an empty result and a too-short query.
  await page.getByLabel('Nazwisko i imię lub PESEL').fill(PESEL);
  await page.getByRole('button', { name: 'Szukaj', exact: true }).click();
  await page.getByRole('row').filter({ hasText: 'Łabędzka' }).waitFor();
  await page.getByLabel('Nazwisko i imię lub PESEL').fill('Zzyxwvq');
  await page.getByRole('button', { name: 'Szukaj', exact: true }).click();
  await page.locator('.empty').filter({ hasText: 'Nie znaleziono osób' }).waitFor();
  await page.getByLabel('Nazwisko i imię lub PESEL').fill('x');
  await page.getByRole('button', { name: 'Szukaj', exact: true }).click();
  await page.getByRole('search').locator('.error-summary').waitFor();
  assert.equal(await page.getByLabel('Nazwisko i imię lub PESEL').getAttribute('aria-invalid'), 'true');
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
});

test('prawdopodobny duplikat: lista i potwierdzenie „To inna osoba — dodaj mimo to”', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'pracownik');
  await page.goto('/osoby');
  const form = register(page);
  await form.getByLabel('Ma numer PESEL').waitFor();
  // Make sure the PESEL person exists (the tests may run alone).
  await page.request.post('/api/v1/persons', {
    data: { pesel: PESEL, first_name: 'Anna', last_name: 'Łabędzka' },
    headers: { 'X-CSRF-Token': await page.evaluate(async () => (await (await fetch('/api/v1/me')).json()).csrf_token) },
  });

  await form.getByLabel('Nie ma numeru PESEL — dokument tożsamości').check();
  assert.ok(await form.getByLabel('PESEL', { exact: true }).isHidden());
  await form.getByLabel('Rodzaj dokumentu').selectOption('paszport');
  await form.getByLabel('Numer dokumentu').fill('AB1234567');
  await form.getByLabel('Data urodzenia').fill('2002-07-08');
  await form.getByLabel('Płeć').selectOption('K');
  await form.getByLabel('Nazwisko', { exact: true }).fill('Łabędzka');
  await form.getByLabel('Imię', { exact: true }).fill('Anna');
  await form.getByRole('button', { name: 'Zarejestruj osobę' }).click();
  const summary = form.locator('.error-summary');
  await summary.filter({ hasText: 'Prawdopodobnie ta osoba jest już zarejestrowana' }).waitFor();
  assert.match(await summary.locator('li').filter({ hasText: 'ur. 08.07.2002' }).first().innerText(), /Łabędzka Anna/);
  await checkA11y(page, 'osoby – duplikat');
  await shot(page, '72-osoby-duplikat');

  await summary.getByRole('button', { name: 'To inna osoba — dodaj mimo to' }).click();
  await form.getByRole('status').filter({ hasText: 'Zarejestrowano osobę: Łabędzka Anna' }).filter({ hasText: 'AB1234567' }).waitFor();
  assert.equal(await summary.count(), 0);

  await page.getByLabel('Nazwisko i imię lub PESEL').fill('łabędzka anna');
  await page.getByRole('button', { name: 'Szukaj', exact: true }).click();
  await page.getByRole('row').filter({ hasText: 'AB1234567' }).waitFor();
  assert.equal(await page.getByRole('row').filter({ hasText: 'Łabędzka' }).count(), 2);
  await shot(page, '73-osoby-dwie');
  await page.context().close();
});

test('analityk nie widzi „Osoby”; wejście wprost pokazuje „Brak dostępu”', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'analityk');
  assert.ok(!(await navLinks(page)).includes('Osoby'));
  await page.goto('/osoby');
  await page.getByRole('heading', { level: 1, name: 'Brak dostępu' }).waitFor();
  await checkA11y(page, 'osoby – brak dostępu');
  assert.equal((await page.request.get('/api/v1/persons?q=ko')).status(), 403);
  await page.context().close();
});
