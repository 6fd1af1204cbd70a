// Households and their members from the web UI: a new household for a newly registered person („Załóż środowisko” on
// the person card), a child added from a search, a membership ended, the composition history; the merge of two records
// of one person (the similar-spelling duplicate warning first, both records side by side, the confirm dialog); the
// server's errors at the field with nothing changed; no write controls and „Brak dostępu” for a role without
// cases.write.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { checkA11y, focusedText, launchBrowser, login, newPage, shot } from './browser.mjs';
import { TODAY, addDays, api, findHouseholds, pl, text } from './fixtures.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.stop(); });

/** A valid PESEL for a birth date and a 4-digit serial (its last digit: even — a woman, odd — a man). */
function pesel(date, serial) {
  const [y, m, d] = date.split('-').map(Number);
  const base = `${String(y % 100).padStart(2, '0')}${String(m + (y >= 2000 ? 20 : 0)).padStart(2, '0')}${String(d).padStart(2, '0')}${serial}`;
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const sum = [...base].reduce((s, c, i) => s + Number(c) * weights[i], 0);
  return base + String((10 - (sum % 10)) % 10);
}

const history = async (page, id) => (await api.get(page, `/api/v1/households/${id}/history`)).json.items;

test('pracownik zakłada środowisko nowej osobie, dodaje dziecko, kończy członkostwo i widzi historię składu', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'pracownik');
  const { own } = await findHouseholds(page);
  const address = own.address;

  // A new person, registered on „Osoby”; the success message links to her card.
  await page.goto('/osoby');
  const register = page.getByRole('region', { name: 'Zarejestruj osobę' });
  await register.getByLabel('PESEL', { exact: true }).fill(pesel('1984-05-12', '0242'));
  await register.getByLabel('Nazwisko', { exact: true }).fill('Wiśniewska');
  await register.getByLabel('Imię', { exact: true }).fill('Halina');
  await register.getByRole('button', { name: 'Zarejestruj osobę' }).click();
  await register.getByRole('link', { name: 'Otwórz kartę osoby' }).click();
  await page.getByRole('heading', { level: 1, name: 'Halina Wiśniewska' }).waitFor();
  const personId = Number(new URL(page.url()).pathname.split('/').pop());
  assert.match(await text(page.getByRole('region', { name: 'Środowisko i duplikaty' })), /Osoba nie należy do żadnego środowiska/);

  // „Załóż środowisko”: without a house number the server's message stands at the field, nothing is created.
  const opener = page.getByRole('button', { name: 'Załóż środowisko' });
  await opener.click();
  assert.equal(await opener.getAttribute('aria-expanded'), 'true');
  const form = page.getByRole('form', { name: 'Nowe środowisko' });
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'address.street');
  await form.getByLabel('Ulica').fill(address.street);
  await form.getByLabel('Miejscowość').fill(address.locality);
  await form.getByRole('button', { name: 'Zapisz nowe środowisko' }).click();
  await form.locator('.error-summary').filter({ hasText: 'Podaj numer domu.' }).waitFor();
  assert.match(await focusedText(page), /^div:Wystąpił problem/);
  assert.equal(await form.getByLabel('Numer domu').getAttribute('aria-invalid'), 'true');
  assert.equal((await api.get(page, `/api/v1/persons/${personId}`)).json.household_id, null);
  await checkA11y(page, 'osoba – nowe środowisko z błędem');
  await shot(page, '80-osoba-nowe-srodowisko-blad');

  await form.getByLabel('Numer domu').fill(address.building);
  await form.getByLabel('Typ rodziny').selectOption({ label: 'Rodzina niepełna (samotny rodzic)' });
  await form.getByRole('button', { name: 'Zapisz nowe środowisko' }).click();
  await page.getByRole('heading', { level: 1, name: /^Karta środowiska: / }).waitFor();
  await page.locator('main .notice--success').filter({ hasText: /Założono środowisko nr \d+ w sekcji nr \d+/ }).waitFor();
  const householdId = Number(new URL(page.url()).pathname.split('/').pop());
  const created = (await api.get(page, `/api/v1/households/${householdId}`)).json;
  assert.equal(created.family_type, 'single_parent');
  assert.deepEqual(created.members.map((m) => [m.person.id, m.relation, m.since]), [[personId, 'head', TODAY]]);

  // A second registered person joins as a child, chosen by a search in the form (Enter searches, it does not submit).
  const child = (await api.post(page, '/api/v1/persons', { pesel: pesel('2015-09-03', '0021'), first_name: 'Zosia', last_name: 'Wiśniewska' })).json;
  const addOpener = page.getByRole('button', { name: 'Dodaj członka', exact: true });
  await addOpener.click();
  const add = page.getByRole('form', { name: 'Dodaj członka gospodarstwa' });
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('name')), 'person_id-szukaj');

  // Someone living in another household is refused by the server at the choice of the person; nothing changes.
  const other = own.members[0].person;
  await add.getByLabel('Wyszukaj osobę').fill(other.pesel ?? `${other.last_name} ${other.first_name}`);
  await add.getByLabel('Wyszukaj osobę').press('Enter');
  await add.getByRole('group', { name: 'Osoba' }).waitFor();
  await add.getByRole('radio', { name: new RegExp(`^${other.last_name} ${other.first_name}, ur\\. `) }).first().check();
  await add.getByLabel('Pokrewieństwo z osobą prowadzącą gospodarstwo').selectOption({ label: 'Inna osoba' });
  await add.getByRole('button', { name: 'Dodaj do gospodarstwa' }).click();
  await add.locator('.error-summary').filter({ hasText: 'należy już do gospodarstwa' }).waitFor();
  assert.equal(await add.locator('[data-field="person_id"]').evaluate((f) => f.classList.contains('field--error')), true);
  assert.equal((await history(page, householdId)).length, 1);

  await add.getByLabel('Wyszukaj osobę').fill('wisniewska zosia');
  await add.getByRole('button', { name: 'Szukaj osoby' }).click();
  await add.getByRole('radio', { name: `Wiśniewska Zosia, ur. 03.09.2015` }).check();
  await add.getByLabel('Pokrewieństwo z osobą prowadzącą gospodarstwo').selectOption({ label: 'Dziecko' });
  assert.equal(await add.getByLabel('Członek od').inputValue(), TODAY);
  await checkA11y(page, 'karta – dodaj członka');
  await shot(page, '81-srodowisko-dodaj-czlonka');
  await add.getByRole('button', { name: 'Dodaj do gospodarstwa' }).click();
  await page.locator('main .notice--success').filter({ hasText: `Dodano do gospodarstwa: Zosia Wiśniewska (dziecko) od ${pl(TODAY)}.` }).waitFor();
  const members = page.getByRole('region', { name: /^Członkowie \(/ });
  assert.equal(await members.getByRole('row').count(), 3);  // header + two members
  assert.match(await text(members), /Zosia Wiśniewska Dziecko/);

  // Ending the child's membership the day before she joined: the server's message at „Członek do”, nothing ended.
  await page.getByRole('button', { name: 'Zakończ członkostwo', exact: true }).click();
  const end = page.getByRole('form', { name: 'Zakończ członkostwo w gospodarstwie' });
  await end.getByLabel('Członek gospodarstwa').selectOption({ label: `Zosia Wiśniewska — dziecko, od ${pl(TODAY)}` });
  await end.getByLabel('Członek do').fill(addDays(TODAY, -1));
  await end.getByLabel('Powód zakończenia').fill('wyprowadzka do ojca');
  await end.getByRole('button', { name: 'Zakończ członkostwo' }).click();
  await end.locator('.error-summary').filter({ hasText: 'Koniec członkostwa przed jego początkiem.' }).waitFor();
  assert.match(await focusedText(page), /^div:Wystąpił problem/);
  assert.equal(await end.getByLabel('Członek do').getAttribute('aria-invalid'), 'true');
  assert.equal((await history(page, householdId)).find((m) => m.person_id === child.id).until, null);
  await checkA11y(page, 'karta – koniec członkostwa z błędem');
  await shot(page, '82-srodowisko-koniec-blad');

  await end.getByLabel('Członek do').fill(TODAY);
  await end.getByRole('button', { name: 'Zakończ członkostwo' }).click();
  await page.locator('main .notice--success').filter({ hasText: `Zakończono członkostwo: Zosia Wiśniewska, ostatni dzień ${pl(TODAY)}.` }).waitFor();
  assert.equal(await page.getByRole('region', { name: /^Członkowie \(/ }).getByRole('row').count(), 2);
  const composition = page.getByRole('region', { name: /^Historia składu \(/ });
  assert.match(await text(composition), new RegExp(`Halina Wiśniewska Osoba prowadząca gospodarstwo ${pl(TODAY)} obecnie`));
  assert.match(await text(composition), new RegExp(`Zosia Wiśniewska Dziecko ${pl(TODAY)} ${pl(TODAY)} wyprowadzka do ojca`));
  const ended = (await history(page, householdId)).find((m) => m.person_id === child.id);
  assert.deepEqual([ended.until, ended.end_reason], [TODAY, 'wyprowadzka do ojca']);
  await checkA11y(page, 'karta – historia składu');
  await shot(page, '83-srodowisko-historia-skladu');
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
});

test('pracownik scala dwa rekordy tej samej osoby: ostrzeżenie o podobnej pisowni, porównanie, okno potwierdzenia', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'pracownik');
  const first = (await api.post(page, '/api/v1/persons', { pesel: pesel('1950-11-23', '4417'), first_name: 'Tadeusz', last_name: 'Kowalczyk' })).json;

  // The same man registered again with a passport and a surname spelt differently: the duplicate warning lists him.
  await page.goto('/osoby');
  const register = page.getByRole('region', { name: 'Zarejestruj osobę' });
  await register.getByLabel('Nie ma numeru PESEL — dokument tożsamości').check();
  await register.getByLabel('Rodzaj dokumentu').selectOption({ label: 'Paszport' });
  await register.getByLabel('Numer dokumentu').fill('ZK7654321');
  await register.getByLabel('Data urodzenia').fill('1950-11-23');
  await register.getByLabel('Płeć').selectOption({ label: 'Mężczyzna' });
  await register.getByLabel('Nazwisko', { exact: true }).fill('Kowalczik');
  await register.getByLabel('Imię', { exact: true }).fill('Tadeusz');
  await register.getByRole('button', { name: 'Zarejestruj osobę' }).click();
  const summary = register.locator('.error-summary').filter({ hasText: 'podobnej pisowni' });
  await summary.waitFor();
  await summary.getByRole('link', { name: 'Kowalczyk Tadeusz' }).waitFor();
  await summary.getByRole('button', { name: 'To inna osoba — dodaj mimo to' }).click();
  await register.locator('.notice--success').filter({ hasText: 'Zarejestrowano osobę: Kowalczik Tadeusz' }).waitFor();
  const second = (await api.get(page, '/api/v1/persons?q=kowalczik')).json.items.find((p) => p.document_number === 'ZK7654321');
  assert.ok(second);

  // From the first record's card: the merge page, the second record found and both shown side by side.
  await page.goto(`/osoby/${first.id}`);
  await page.getByRole('link', { name: 'Scal z duplikatem' }).click();
  await page.getByRole('heading', { level: 1, name: 'Scalenie duplikatów: Kowalczyk Tadeusz' }).waitFor();
  const choose = page.getByRole('form', { name: 'Wskaż duplikat' });
  await choose.getByRole('button', { name: 'Porównaj rekordy' }).click();  // nothing chosen yet: caught in the page
  await choose.locator('.error-summary').filter({ hasText: 'Wyszukaj drugi rekord' }).waitFor();
  await choose.getByLabel('Wyszukaj osobę').fill('kowalcz tadeusz');
  await choose.getByRole('button', { name: 'Szukaj osoby' }).click();
  await choose.getByRole('radio', { name: 'Kowalczik Tadeusz, ur. 23.11.1950' }).check();
  await choose.getByRole('button', { name: 'Porównaj rekordy' }).click();
  const comparison = page.getByRole('region', { name: 'Porównanie rekordów' });
  await comparison.getByRole('heading', { level: 3, name: `Kowalczik Tadeusz (nr ${second.id})` }).waitFor();
  await comparison.getByRole('heading', { level: 3, name: `Kowalczyk Tadeusz (nr ${first.id})` }).waitFor();
  assert.match(await text(comparison), new RegExp(`PESEL ${first.pesel}`));
  assert.match(await text(comparison), /paszport ZK7654321/);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Porównanie rekordów');
  assert.equal(await comparison.getByRole('radio', { name: `Kowalczyk Tadeusz (nr ${first.id})` }).isChecked(), true);  // the one with PESEL
  const boxes = await comparison.locator('.compare__item').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
  assert.equal(boxes[0], boxes[1], 'the two records stand side by side');
  await checkA11y(page, 'scalanie – porównanie');
  await shot(page, '84-scalanie-porownanie');

  // Esc in the dialog keeps both records; confirmed, the card of the kept one opens with the message.
  const merge = comparison.getByRole('button', { name: 'Scal rekordy' });
  await merge.click();
  const dialog = page.getByRole('dialog', { name: 'Scalić rekordy osoby?' });
  await dialog.waitFor();
  assert.match(await text(dialog), new RegExp(`Rekord Kowalczik Tadeusz \\(nr ${second.id}\\) zostanie scalony z rekordem Kowalczyk Tadeusz`));
  await shot(page, '85-scalanie-potwierdzenie');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Scal rekordy');
  assert.equal((await api.get(page, '/api/v1/persons?q=kowalczik')).json.items.length, 1);
  await merge.click();
  await dialog.getByRole('button', { name: 'Scal rekordy' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tadeusz Kowalczyk' }).waitFor();
  await page.locator('main .notice--success').filter({ hasText: `Scalono rekordy: dane rekordu nr ${second.id} przeniesiono do tej osoby.` }).waitFor();
  assert.match(page.url(), new RegExp(`/osoby/${first.id}$`));
  assert.deepEqual((await api.get(page, '/api/v1/persons?q=kowalczik')).json.items, []);  // the tombstone is out of search
  assert.deepEqual((await api.get(page, '/api/v1/persons?q=kowalczyk%20tadeusz')).json.items.map((p) => p.id), [first.id]);

  // Merging the merged-away record again: the server's refusal at the choice.
  await page.goto(`/osoby/${second.id}/scalanie`);
  await page.getByRole('heading', { level: 1, name: 'Scalenie duplikatów: Kowalczik Tadeusz' }).waitFor();
  await page.getByLabel('Wyszukaj osobę').fill(first.pesel);
  await page.getByRole('button', { name: 'Szukaj osoby' }).click();
  await page.getByRole('radio', { name: 'Kowalczyk Tadeusz, ur. 23.11.1950' }).check();
  await page.getByRole('button', { name: 'Porównaj rekordy' }).click();
  await page.getByRole('region', { name: 'Porównanie rekordów' }).getByRole('button', { name: 'Scal rekordy' }).click();
  await page.getByRole('dialog', { name: 'Scalić rekordy osoby?' }).getByRole('button', { name: 'Scal rekordy' }).click();
  await page.locator('.error-summary').filter({ hasText: `Osoba ${second.id} została już scalona.` }).waitFor();
  assert.equal(await page.locator('[data-field="keep"]').evaluate((f) => f.classList.contains('field--error')), true);
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
});

test('dyrektor bez cases.write widzi skład i historię, ale nie ma formularzy; scalanie to „Brak dostępu”, API 403', async () => {
  const page = await newPage(browser, server.baseUrl);
  await login(page, 'dyrektor');
  const hh = (await api.get(page, '/api/v1/households/1')).json;
  await page.goto('/srodowiska/1');
  await page.getByRole('heading', { level: 1, name: /^Karta środowiska: / }).waitFor();
  await page.getByRole('region', { name: /^Historia składu \(/ }).waitFor();
  for (const name of ['Dodaj członka', 'Zakończ członkostwo', 'Zmień dane środowiska']) {
    assert.equal(await page.getByRole('button', { name, exact: true }).count(), 0, name);
  }
  const person = hh.members[0].person;
  await page.goto(`/osoby/${person.id}`);
  await page.getByRole('heading', { level: 1, name: `${person.first_name} ${person.last_name}` }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Scal z duplikatem' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Załóż środowisko' }).count(), 0);
  await page.goto(`/osoby/${person.id}/scalanie`);
  await page.getByRole('heading', { level: 1, name: 'Brak dostępu' }).waitFor();
  await checkA11y(page, 'scalanie – brak dostępu');
  await shot(page, '86-scalanie-brak-dostepu');
  for (const [path, body] of [
    ['/api/v1/households/1/members', { person_id: person.id, relation: 'child', since: TODAY }],
    [`/api/v1/households/1/members/${person.id}/end`, { until: TODAY, reason: 'test' }],
    [`/api/v1/persons/${person.id}/merge`, { duplicate_id: hh.members.at(-1).person.id }],
  ]) assert.equal((await api.post(page, path, body)).status, 403, path);
  assert.equal((await api.get(page, '/api/v1/households/1')).json.members.length, hh.members.length);
  assert.deepEqual(page.jsErrors, []);
  await page.context().close();
});
