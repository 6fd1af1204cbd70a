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

  // Another consultation of the same record on a later day: „Dopisz ilość”; a day in the future is refused.
  await row.getByRole('link', { name: /^Dopisz ilość/ }).click();
  await page.getByRole('heading', { level: 1, name: /^Dopisz ilość:/ }).waitFor();
  const df = page.getByRole('form', { name: 'Dopisz ilość' });
  await df.getByLabel('Dzień', { exact: true }).fill(addDays(TODAY, 1));
  await df.getByLabel(/^Ilość \(konsultacje\)/).fill('2');
  await df.getByRole('button', { name: 'Dopisz' }).click();
  await df.locator('.error-summary').filter({ hasText: 'poza okresem pomocy' }).waitFor();
  assert.equal(await df.getByLabel('Dzień', { exact: true }).getAttribute('aria-invalid'), 'true');
  await df.getByLabel('Dzień', { exact: true }).fill(TODAY);
  await checkA11y(page, 'dopisz ilość');
  await shot(page, 'b1a-dopisz-ilosc');
  await df.getByRole('button', { name: 'Dopisz' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('main').getByRole('status')
    .filter({ hasText: `Dopisano 2 konsultacje w dniu ${pl(TODAY)} — razem 5 konsultacje.` }).waitFor();
  const records = (await api.get(page, `/api/v1/households/${household.id}/services`)).json.items;
  const course = records.find((r) => r.kind === 'poradnictwo' && r.place === 'Punkt konsultacyjny, ul. Zana 38');
  assert.deepEqual(course.deliveries, [{ on_date: TODAY, quantity: 3 }, { on_date: TODAY, quantity: 2 }]);

  // A care home: no quantity (a stay), the fee shares instead, with the gmina's part shown as it is typed.
  await page.getByRole('link', { name: 'Zapisz pomoc niepieniężną' }).click();
  await page.getByRole('heading', { level: 1, name: /^Pomoc niepieniężna:/ }).waitFor();
  await form.getByLabel('Rodzaj pomocy').selectOption('dps');
  assert.equal(await form.getByLabel(/^Ilość/).isVisible(), false);
  await form.getByLabel('Osoba').selectOption(String(head.person.id));
  await form.getByLabel(/^Średni miesięczny koszt utrzymania/).fill('5 000,00');
  await form.getByLabel(/^Opłata mieszkańca/).fill('1400');
  await form.getByLabel(/^Opłata rodziny/).fill('600');
  await form.getByText('Gmina dopłaca: 3 000,00 zł miesięcznie.').waitFor();
  await form.getByLabel(/^Dochód mieszkańca/).fill('1 000,00');  // 70 % = 700 zł: the server refuses at the field
  await form.getByRole('button', { name: 'Zapisz pomoc' }).click();
  await form.locator('.error-summary').filter({ hasText: 'nie więcej niż 70%' }).waitFor();
  assert.equal(await form.getByLabel(/^Opłata mieszkańca/).getAttribute('aria-invalid'), 'true');
  await form.getByLabel(/^Dochód mieszkańca/).fill('');
  await checkA11y(page, 'pomoc – dom pomocy społecznej');
  await shot(page, 'b1b-dps');
  await form.getByRole('button', { name: 'Zapisz pomoc' }).click();
  await page.getByRole('main').getByRole('status').filter({ hasText: /gmina dopłaca 3\s000,00\szł miesięcznie/ }).waitFor();
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

test('pracownik zawiera kontrakt socjalny; termin oceny trafia do „Moich zadań”; ocena przesuwa termin, potem zamyka kontrakt', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'pracownik');
  const { own: household } = await findHouseholds(page);
  const head = headOf(household);
  const count = async () => (await api.get(page, `/api/v1/households/${household.id}/social-work`)).json.items.length;
  const before = await count();
  const review = addDays(TODAY, 10);

  await page.goto(`/srodowiska/${household.id}`);
  await page.getByRole('heading', { level: 1, name: /^Karta środowiska/ }).waitFor();
  await page.getByRole('link', { name: 'Zapisz pracę socjalną' }).click();
  await page.getByRole('heading', { level: 1, name: /^Praca socjalna:/ }).waitFor();
  const form = page.getByRole('form', { name: 'Zapisz pracę socjalną' });
  // An entry needs no person, period or review; a contract shows them.
  assert.equal(await form.getByLabel('Termin oceny realizacji').isVisible(), false);
  await form.getByLabel('Kontrakt socjalny').check();
  await form.getByLabel('Termin oceny realizacji').waitFor();
  assert.equal(await form.getByLabel('Godziny w miesiącu').isVisible(), false);

  // No person: caught in the page. Goals too short: refused by the server at the field, nothing saved.
  await form.getByRole('button', { name: 'Zapisz' }).click();
  await form.locator('.error-summary').filter({ hasText: 'Wskaż osobę' }).waitFor();
  await form.getByLabel('Osoba').selectOption(String(head.person.id));
  await form.getByLabel(/^Do( \(opcjonalnie\))?$/).fill(addDays(TODAY, 90));
  await form.getByLabel('Termin oceny realizacji').fill(review);
  await form.getByLabel(/^Cele kontraktu/).fill('Szukać pracy.');
  await form.getByRole('button', { name: 'Zapisz' }).click();
  await form.locator('.error-summary').filter({ hasText: 'Opisz cele kontraktu i zobowiązania obu stron' }).waitFor();
  assert.equal(await form.getByLabel(/^Cele kontraktu/).getAttribute('aria-invalid'), 'true');
  assert.equal(await count(), before);

  await form.getByLabel(/^Cele kontraktu/).fill('Klient: rejestracja w PUP i udział w szkoleniu. Ośrodek: pokrycie kosztów dojazdu.');
  await checkA11y(page, 'praca socjalna – kontrakt');
  await shot(page, 'b2-kontrakt-formularz');
  await form.getByRole('button', { name: 'Zapisz' }).click();
  await page.getByRole('heading', { level: 1, name: /^Karta środowiska/ }).waitFor();
  await page.getByRole('main').getByRole('status').filter({ hasText: `Zapisano: kontrakt socjalny, ${pl(TODAY)}.` }).waitFor();
  const row = page.getByRole('region', { name: 'Praca socjalna i kontrakty' }).getByRole('row').filter({ hasText: 'Kontrakt socjalny' });
  await row.first().waitFor();
  assert.match(await row.first().innerText(), new RegExp(`w realizacji, ocena ${pl(review).replace(/\./g, '\\.')}`));
  assert.equal(await count(), before + 1);
  await shot(page, 'b3-karta-kontrakt');

  // The review date is on the worker's list within 14 days.
  await page.goto('/zadania?dni=14');
  await page.getByRole('row').filter({ hasText: 'Ocena kontraktu socjalnego' }).filter({ hasText: pl(review) }).first().waitFor();

  // The review: first postponed (a next date not after the review is refused by the server), then closed.
  await page.goto(`/srodowiska/${household.id}`);
  const contractRow = page.getByRole('region', { name: 'Praca socjalna i kontrakty' }).getByRole('row')
    .filter({ hasText: 'Kontrakt socjalny' }).filter({ hasText: `ocena ${pl(review)}` }).first();
  await contractRow.getByRole('link', { name: /^Oceń kontrakt socjalny/ }).click();
  await page.getByRole('heading', { level: 1, name: /^Ocena kontraktu socjalnego:/ }).waitFor();
  const rf = page.getByRole('form', { name: 'Ocena kontraktu socjalnego' });
  await rf.getByLabel('Termin następnej oceny').fill(TODAY);
  await rf.getByRole('button', { name: 'Zapisz ocenę' }).click();
  await rf.locator('.error-summary').filter({ hasText: 'Następna ocena musi być późniejsza niż ta' }).waitFor();
  const next = addDays(TODAY, 30);
  await rf.getByLabel('Termin następnej oceny').fill(next);
  await rf.getByLabel('Notatka z oceny').fill('Zarejestrowana w PUP, szkolenie od przyszłego miesiąca.');
  await rf.getByRole('button', { name: 'Zapisz ocenę' }).click();
  await page.getByRole('main').getByRole('status').filter({ hasText: `Następna ocena: ${pl(next)}` }).waitFor();
  const again = page.getByRole('region', { name: 'Praca socjalna i kontrakty' }).getByRole('row')
    .filter({ hasText: 'Kontrakt socjalny' }).filter({ hasText: `ocena ${pl(next)}` }).first();
  assert.match(await again.innerText(), /Zarejestrowana w PUP/);
  await again.getByRole('link', { name: /^Oceń kontrakt socjalny/ }).click();
  await rf.getByLabel('Zamknij kontrakt z wynikiem').check();
  assert.equal(await rf.getByLabel('Termin następnej oceny').isVisible(), false);
  await rf.getByLabel('Wynik kontraktu').selectOption('achieved');
  await checkA11y(page, 'ocena kontraktu');
  await shot(page, 'b4-ocena-kontraktu');
  await rf.getByRole('button', { name: 'Zapisz ocenę' }).click();
  await page.getByRole('main').getByRole('status').filter({ hasText: 'Zamknięto kontrakt socjalny: cele osiągnięte.' }).waitFor();
  const closed = page.getByRole('region', { name: 'Praca socjalna i kontrakty' }).getByRole('row').filter({ hasText: 'cele osiągnięte' }).first();
  assert.equal(await closed.getByRole('link', { name: /^Oceń kontrakt/ }).count(), 0);
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
});
