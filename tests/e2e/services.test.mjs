// Non-cash help recorded from the household card: pracownik opens „Zapisz pomoc niepieniężną”, the subtype list and
// the unit of the quantity follow the kind (keyboard only), a missing subtype is caught at the field, a future start is
// refused by the server at its field and nothing is saved (checked through the API); counselling for the head is saved
// and shown in the card's table; analityk has no such page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { checkA11y, launchBrowser, login, newPage, shot } from './browser.mjs';
import { TODAY, addDays, api, findHouseholds, headOf, pl } from './fixtures.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

test('pracownik zapisuje poradnictwo specjalistyczne z karty środowiska', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'pracownik');
  const { own: household } = await findHouseholds(page);
  const head = headOf(household);
  const count = async () => (await api.get(page, `/api/v1/households/${household.id}/services`)).json.items.length;
  const before = await count();

  await page.goto(`/srodowiska/${household.id}`);
  await page.getByRole('heading', { level: 1, name: /^Karta środowiska/ }).waitFor();
  await page.getByRole('link', { name: 'Zapisz pomoc niepieniężną' }).click();
  await page.getByRole('heading', { level: 1, name: /^Pomoc niepieniężna:/ }).waitFor();
  const form = page.getByRole('form', { name: 'Zapisz pomoc niepieniężną' });

  // Shelter has no subtypes: the field is hidden and the quantity counts nights.
  await form.getByLabel('Rodzaj pomocy').selectOption('schronienie');
  assert.equal(await form.getByLabel('Podrodzaj').isVisible(), false);
  await form.getByLabel(/^Ilość \(noclegi\)/).waitFor();
  // Counselling: four subtypes, consultations counted.
  await form.getByLabel('Rodzaj pomocy').focus();
  await form.getByLabel('Rodzaj pomocy').selectOption('poradnictwo');
  assert.deepEqual(await form.getByLabel('Podrodzaj').locator('option').allInnerTexts(),
    ['Wybierz podrodzaj', 'psychologiczne', 'prawne', 'rodzinne', 'uzależnienia']);
  await form.getByLabel(/^Ilość \(konsultacje\)/).waitFor();

  // Missing subtype: caught in the page, focus on the summary.
  await form.getByRole('button', { name: 'Zapisz pomoc' }).click();
  await form.locator('.error-summary').filter({ hasText: 'Wybierz podrodzaj' }).waitFor();
  assert.equal(await form.getByLabel('Podrodzaj').getAttribute('aria-invalid'), 'true');

  // A start in the future: the server refuses it at the date field and nothing is saved.
  await form.getByLabel('Podrodzaj').selectOption('psychologiczne');
  await form.getByLabel('Osoba').selectOption(String(head.person.id));
  await form.getByLabel('Od', { exact: true }).fill(addDays(TODAY, 3));
  await form.getByLabel('Do', { exact: true }).fill(addDays(TODAY, 3));
  await form.getByRole('button', { name: 'Zapisz pomoc' }).click();
  await form.locator('.error-summary').filter({ hasText: 'Można zapisać tylko pomoc już udzieloną lub trwającą' }).waitFor();
  assert.equal(await form.getByLabel('Od', { exact: true }).getAttribute('aria-invalid'), 'true');
  assert.equal(await count(), before);
  await shot(page, 'b0-pomoc-blad');

  // Valid: three consultations today.
  await form.getByLabel('Od', { exact: true }).fill(TODAY);
  await form.getByLabel('Do', { exact: true }).fill(TODAY);
  await form.getByLabel(/^Ilość/).fill('3');
  await form.getByLabel(/^Miejsce/).fill('Punkt konsultacyjny, ul. Zana 38');
  await checkA11y(page, 'pomoc niepieniężna – formularz');
  await form.getByRole('button', { name: 'Zapisz pomoc' }).focus();
  await page.keyboard.press('Enter');

  await page.getByRole('heading', { level: 1, name: /^Karta środowiska/ }).waitFor();
  await page.getByRole('main').getByRole('status')
    .filter({ hasText: `Zapisano pomoc: Poradnictwo specjalistyczne — psychologiczne, ${pl(TODAY)}, 3 konsultacje.` }).waitFor();
  const row = page.getByRole('region', { name: 'Pomoc niepieniężna' }).getByRole('row')
    .filter({ hasText: 'Poradnictwo specjalistyczne — psychologiczne' }).filter({ hasText: 'Punkt konsultacyjny' });
  await row.waitFor();
  assert.match(await row.innerText(), new RegExp(`${head.person.first_name} ${head.person.last_name}`));
  assert.equal(await count(), before + 1);
  await shot(page, 'b1-pomoc-zapisana');
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
});

test('analityk nie zapisuje pomocy niepieniężnej', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'analityk');
  await page.goto('/srodowiska/1/nowa-pomoc');
  await page.getByRole('heading', { level: 1, name: 'Brak dostępu' }).waitFor();
  await page.context().close();
});
