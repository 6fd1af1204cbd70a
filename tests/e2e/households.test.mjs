// Households: search by address on „Osoby” (without Polish letters, house number, errors at the field, empty result,
// the query kept in the URL, results linking to the card); „Zmień dane środowiska” on the card (the server's errors at
// the field and nothing saved, family type and worker saved, a move to another section's street leaves the worker's
// scope); „Zmień adresy” on the person card (registered and actual address).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { checkA11y, focusedText, launchBrowser, login, newPage, shot } from './browser.mjs';
import { api, text } from './fixtures.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

const addressSearch = (page) => page.getByRole('search', { name: 'Wyszukiwanie środowisk po adresie' });
const houseNo = (b) => Number.parseInt(b, 10);

test('pracownik wyszukuje środowiska po adresie bez polskich znaków i otwiera kartę środowiska', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'pracownik');
  await page.goto('/osoby');
  const form = addressSearch(page);
  await form.getByLabel('Ulica').waitFor();

  // Too short, and a flat without a house number: the message at the field.
  await form.getByLabel('Ulica').fill('g');
  await form.getByRole('button', { name: 'Szukaj środowisk' }).click();
  await form.locator('.error-summary').waitFor();
  assert.match(await focusedText(page), /^div:Wystąpił problem/);
  assert.equal(await form.getByLabel('Ulica').getAttribute('aria-invalid'), 'true');
  await form.getByLabel('Ulica').fill('glowackiego');
  await form.getByLabel('Numer lokalu').fill('3');
  await form.getByRole('button', { name: 'Szukaj środowisk' }).click();
  await form.locator('.error-summary').filter({ hasText: 'Numer lokalu podaj razem z numerem domu' }).waitFor();
  assert.equal(await form.getByLabel('Numer domu').getAttribute('aria-invalid'), 'true');
  await form.getByLabel('Numer lokalu').fill('');

  // „glowackiego” finds Głowackiego, in the order of house numbers, as the API answers.
  await form.getByRole('button', { name: 'Szukaj środowisk' }).click();
  const results = page.getByRole('region', { name: /^Znalezione środowiska/ });
  await results.waitFor();
  const expected = (await api.get(page, '/api/v1/households?street=glowackiego&limit=50')).json.items;
  assert.ok(expected.length > 0);
  const links = results.getByRole('link', { name: /^Karta środowiska: Głowackiego/ });
  assert.equal(await links.count(), expected.length);
  const numbers = (await links.allInnerTexts()).map((t) => houseNo(t.replace('Głowackiego ', '')));
  assert.deepEqual(numbers, expected.map((h) => houseNo(h.address.building)));
  assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b));
  const first = expected[0];
  const head = first.members.find((m) => m.relation === 'head') ?? first.members[0];
  assert.match(await text(results.getByRole('row').nth(1)), new RegExp(`${head.person.last_name} ${head.person.first_name}, ur\\.`));
  assert.match(page.url(), /\?ulica=glowackiego$/);
  await checkA11y(page, 'osoby – wyniki po adresie');
  await shot(page, '74-osoby-po-adresie');

  // A house number narrows to that number; a street nobody lives on gives the empty state.
  await form.getByLabel('Numer domu').fill(String(houseNo(first.address.building)));
  await form.getByRole('button', { name: 'Szukaj środowisk' }).click();
  await page.waitForFunction((n) => [...document.querySelectorAll('a[aria-label^="Karta środowiska: Głowackiego"]')]
    .every((a) => Number.parseInt(a.textContent.replace('Głowackiego ', ''), 10) === n), houseNo(first.address.building));
  await form.getByLabel('Numer domu').fill('');
  await form.getByLabel('Ulica').fill('Zzyxwvq');
  await form.getByRole('button', { name: 'Szukaj środowisk' }).click();
  await page.locator('.empty').filter({ hasText: 'Nie znaleziono środowisk pod adresem „Zzyxwvq”' }).waitFor();

  // The query is kept in the URL: opening it again shows the results; a result opens the household card.
  await page.goto('/osoby?ulica=glowackiego');
  await page.getByRole('region', { name: /^Znalezione środowiska/ }).getByRole('link', { name: /^Karta środowiska: Głowackiego/ }).first().click();
  await page.getByRole('heading', { level: 1, name: /^Karta środowiska: Głowackiego/ }).waitFor();
  assert.match(page.url(), new RegExp(`/srodowiska/${first.id}$`));
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
});

test('pracownik zmienia dane środowiska: błędy serwera przy polu, typ rodziny i pracownik, przeniesienie do innej sekcji', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'pracownik');
  const me = (await api.get(page, '/api/v1/me')).json;
  const hh = (await api.get(page, '/api/v1/households?street=ogrodowa&limit=50')).json.items
    .find((h) => h.worker_id === null && h.section_id === me.sections[0].id && h.members.length);
  assert.ok(hh, 'an unassigned household of section 1 on Ogrodowa');
  await page.goto(`/srodowiska/${hh.id}`);
  await page.getByRole('heading', { level: 1, name: /^Karta środowiska: Ogrodowa/ }).waitFor();
  const opener = page.getByRole('button', { name: 'Zmień dane środowiska' });
  await opener.click();
  assert.equal(await opener.getAttribute('aria-expanded'), 'true');
  const form = page.getByRole('form', { name: 'Zmień dane środowiska' });
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'family_type');  // focus moved into the form
  assert.equal(await form.getByLabel('Ulica').inputValue(), 'Ogrodowa');
  await checkA11y(page, 'karta – edycja');

  // A street outside the territory and a house number without a number: the server's message, nothing saved.
  const street = form.getByLabel('Ulica');
  await street.fill('Nieznana');
  await form.getByRole('button', { name: 'Zapisz zmiany' }).click();
  await form.locator('.error-summary').filter({ hasText: 'Adres poza terytorium' }).waitFor();
  assert.match(await focusedText(page), /^div:Wystąpił problem/);
  assert.equal(await form.locator('[data-field="address"]').evaluate((f) => f.classList.contains('field--error')), true);
  await street.fill('Ogrodowa');
  await form.getByLabel('Numer domu').fill('bez numeru');
  await form.getByRole('button', { name: 'Zapisz zmiany' }).click();
  await form.locator('.error-summary').filter({ hasText: 'numer domu' }).waitFor();
  assert.equal(await form.getByLabel('Numer domu').getAttribute('aria-invalid'), 'true');
  await checkA11y(page, 'karta – edycja z błędem');
  await shot(page, '75-srodowisko-edycja-blad');
  assert.deepEqual((await api.get(page, `/api/v1/households/${hh.id}`)).json.address, hh.address);

  // Family type and the worker (herself): saved, the card reloads with the message.
  await form.getByLabel('Numer domu').fill(hh.address.building);
  await form.getByLabel('Typ rodziny').selectOption({ label: 'Rodzina wielodzietna' });
  await form.getByLabel('Pracownik socjalny').selectOption({ label: `${me.full_name || me.login} (Ty)` });
  await form.getByRole('button', { name: 'Zapisz zmiany' }).click();
  await page.locator('main .notice--success').filter({ hasText: 'Zapisano zmiany środowiska.' }).waitFor();
  const data = page.getByRole('region', { name: 'Dane środowiska' });
  assert.match(await text(data), /Typ rodziny Rodzina wielodzietna/);
  assert.match(await text(data), /Pracownik socjalny .*\(Ty\)/);
  const saved = (await api.get(page, `/api/v1/households/${hh.id}`)).json;
  assert.equal(saved.family_type, 'large_family');
  assert.equal(saved.worker_id, me.id);
  await shot(page, '76-srodowisko-zapisane');

  // A move to Zana 14 (section 14) without an assigned worker: the household leaves her scope, and the page says so.
  await page.getByRole('button', { name: 'Zmień dane środowiska' }).click();
  const again = page.getByRole('form', { name: 'Zmień dane środowiska' });
  await again.getByLabel('Ulica').fill('Zana');
  await again.getByLabel('Numer domu').fill('14');
  await again.getByLabel('Numer lokalu').fill('2');
  await again.getByLabel('Pracownik socjalny').selectOption({ label: 'Nie przydzielono — sprawy prowadzi sekcja' });
  await again.getByRole('button', { name: 'Zapisz zmiany' }).click();
  await page.getByRole('heading', { level: 1, name: 'Środowisko przekazane innej sekcji' }).waitFor();
  assert.match(await text(page.locator('main')), /Adres należy do sekcji nr 14/);
  assert.equal((await api.get(page, `/api/v1/households/${hh.id}`)).status, 403);
  await checkA11y(page, 'karta – przekazana');
  await shot(page, '77-srodowisko-przekazane');
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
});

test('pracownik zapisuje adres faktycznego pobytu osoby obok adresu zameldowania', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'pracownik');
  const hh = (await api.get(page, '/api/v1/households?street=lubartowska&limit=1')).json.items[0];
  const person = hh.members[0].person;
  await page.goto(`/osoby/${person.id}`);
  await page.getByRole('heading', { level: 1, name: `${person.first_name} ${person.last_name}` }).waitFor();
  await page.getByRole('button', { name: 'Zmień adresy' }).click();
  await page.getByLabel('Adres zameldowania').fill('ul. Lubartowska 70, 20-094 Lublin');
  await page.getByLabel('Adres faktycznego pobytu').fill('ul. Żeglarska 5/2, 20-128 Lublin');
  await page.getByRole('button', { name: 'Zapisz adresy' }).click();
  await page.locator('main .notice--success').filter({ hasText: 'Zapisano adresy osoby.' }).waitFor();
  const data = await text(page.getByRole('region', { name: 'Dane osoby' }));
  assert.match(data, /Adres zameldowania ul\. Lubartowska 70, 20-094 Lublin/);
  assert.match(data, /Adres faktycznego pobytu ul\. Żeglarska 5\/2, 20-128 Lublin/);
  assert.equal((await api.get(page, `/api/v1/persons/${person.id}`)).json.actual_address, 'ul. Żeglarska 5/2, 20-128 Lublin');
  await checkA11y(page, 'osoba – adresy');
  await shot(page, '78-osoba-adresy');
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
});
